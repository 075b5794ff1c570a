import { SourceError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { RedditClient } from './reddit-client.js';
import { fullnameOrder, redditToPost } from './reddit-to-post.js';
import type { IncomingPost, PollOptions, PollResult, Source } from './source.js';

type Listing = 'posts' | 'comments';
type Cursor = Partial<Record<Listing, string>>;

export interface RedditSourceOptions {
  client: RedditClient;
  log: Logger;
  subreddits: readonly string[];
  include: readonly Listing[];
  /** Pages of 100 read at most per listing and poll (Reddit's listings end near 1,000 items). */
  maxPages?: number;
}

function parseCursor(text: string | null, log: Logger): Cursor {
  if (text === null) return {};
  try {
    const value = JSON.parse(text) as Cursor;
    if (value && typeof value === 'object') return value;
  } catch {
    // fall through
  }
  log.warn('the stored Reddit cursor is unreadable; starting from now');
  return {};
}

/**
 * New posts and comments of the configured subreddits, read through one
 * multi-subreddit listing each (`/r/a+b+c/new`, `/r/a+b+c/comments`), 100 a
 * page, paging with `after` until the last fullname seen (fullnames grow
 * with time, so a deleted cursor item does not stall it). Without a cursor it
 * only notes where "now" is, unless a backfill is asked for.
 */
export function createRedditSource(options: RedditSourceOptions): Source {
  const { client, log } = options;
  const maxPages = options.maxPages ?? 10;
  const multi = options.subreddits.join('+');

  async function readListing(
    listing: Listing,
    lastSeen: string | undefined,
    poll: PollOptions,
  ): Promise<{ items: IncomingPost[]; newest: string | undefined; behind: boolean }> {
    const path = `r/${multi}/${listing === 'posts' ? 'new' : 'comments'}`;
    const lastOrder = lastSeen ? fullnameOrder(lastSeen) : null;
    const since = lastSeen ? undefined : poll.backfillSince;
    const items: IncomingPost[] = [];
    let newest = lastSeen;
    let after: string | null = null;
    let done = false;
    let pages = 0;
    let oldest: Date | null = null;
    while (!done && pages < maxPages) {
      const page = await client.listing(path, { limit: 100, after }, poll.signal);
      pages++;
      for (const raw of page.children) {
        const item = redditToPost(raw);
        if (!item.ok) {
          log.warn({ listing, reason: item.reason }, 'skipped a malformed Reddit item');
          continue;
        }
        const order = fullnameOrder(item.id);
        if (lastOrder !== null && order <= lastOrder) {
          done = true;
          break;
        }
        if (newest === undefined || order > fullnameOrder(newest)) newest = item.id;
        if (lastOrder === null && since === undefined) {
          done = true; // first poll without backfill: only learn where now is
          break;
        }
        if (item.incoming) {
          if (since && item.incoming.post.createdAt < since) {
            done = true;
            break;
          }
          items.push(item.incoming);
          oldest = item.incoming.post.createdAt;
        }
      }
      if (since) poll.onProgress?.({ pages, posts: items.length, oldest });
      after = page.after;
      if (!after) break;
    }
    if (newest === undefined && lastOrder === null && since === undefined) {
      newest = `${listing === 'posts' ? 't3' : 't1'}_0`; // empty listing: everything from now on is new
    }
    const behind = !done && lastOrder !== null && after !== null;
    if (behind) {
      log.warn(
        { listing, pages },
        'more new items than the listing depth allows; the oldest of them were not read',
      );
    }
    return { items, newest, behind };
  }

  return {
    name: 'reddit',
    async recheck(externalIds) {
      const gone: string[] = [];
      const authors = new Map<string, string>();
      for (let i = 0; i < externalIds.length; i += 100) {
        const batch = externalIds.slice(i, i + 100);
        const alive = new Set<string>();
        for (const raw of await client.info(batch)) {
          const item = redditToPost(raw);
          if (!item.ok) continue;
          if (item.incoming === null) continue; // deleted or removed: counted as gone below
          alive.add(item.id);
          if (item.incoming.author) authors.set(item.id, item.incoming.author);
        }
        gone.push(...batch.filter((id) => !alive.has(id)));
      }
      return { gone, authors, reads: 0 };
    },
    async poll(cursorText, poll = {}) {
      if (options.subreddits.length === 0) {
        throw new SourceError(
          'REDDIT_CONFIG',
          'No subreddits are configured: set sources.reddit.subreddits.',
          { kind: 'permanent' },
        );
      }
      const cursor = parseCursor(cursorText, log);
      const requestsBefore = client.requests;
      const next: Cursor = { ...cursor };
      const posts: IncomingPost[] = [];
      let reads = 0;
      let behind = false;
      for (const listing of options.include) {
        const read = await readListing(listing, cursor[listing], poll);
        if (read.newest) next[listing] = read.newest;
        posts.push(...read.items);
        reads += read.items.length;
        behind ||= read.behind;
      }
      posts.sort((a, b) => a.post.createdAt.getTime() - b.post.createdAt.getTime());
      const result: PollResult = {
        posts,
        cursor: JSON.stringify(next),
        requests: client.requests - requestsBefore,
        reads,
      };
      if (behind) result.behind = true;
      return result;
    },
  };
}
