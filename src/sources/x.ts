import { BudgetSpentError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { IncomingPost, PollResult, Source } from './source.js';
import type { XClient } from './x-client.js';
import { compareTweetIds, xToPost } from './x-to-post.js';

export interface XSourceOptions {
  client: XClient;
  log: Logger;
  /** The full query, guard negatives included (see buildXQuery). */
  query: string;
  /** Posts that may still be read this month; X bills each one. */
  remainingReads: () => number;
  monthlyReadBudget: number;
  maxPages?: number;
  now?: () => Date;
}

const MIN_RESULTS = 10;
const MAX_RESULTS = 100;

/**
 * X recent search since the newest id seen, 100 a page, following
 * `next_token`. Every post read counts against the monthly budget: no
 * request asks for more than what remains, and none is sent once it is spent.
 */
export function createXSource(options: XSourceOptions): Source {
  const { client, log } = options;
  // 3,000 posts a poll at most; the monthly budget is the real bound.
  const maxPages = options.maxPages ?? 30;

  return {
    name: 'x',
    async recheck(externalIds) {
      const gone: string[] = [];
      const authors = new Map<string, string>();
      let reads = 0;
      for (let i = 0; i < externalIds.length; i += 100) {
        const batch = externalIds.slice(i, i + 100);
        if (options.remainingReads() - reads < batch.length) {
          log.warn(
            { unchecked: externalIds.length - i },
            'the X read budget cannot cover re-checking the rest for deletion this month',
          );
          break;
        }
        const { tweets, usernames } = await client.lookup(batch);
        reads += tweets.length;
        const alive = new Set<string>();
        for (const raw of tweets) {
          const item = xToPost(raw, usernames);
          if (!item.ok) continue;
          alive.add(item.incoming.post.externalId);
          if (item.incoming.author)
            authors.set(item.incoming.post.externalId, item.incoming.author);
        }
        gone.push(...batch.filter((id) => !alive.has(id)));
      }
      return { gone, authors, reads };
    },
    async poll(storedCursor, poll = {}) {
      const requestsBefore = client.requests;
      // The cursor is the newest tweet id seen, or `since:<time>` when the first poll found none.
      const startedAt = storedCursor?.startsWith('since:')
        ? new Date(storedCursor.slice(6))
        : undefined;
      const cursor = startedAt ? null : storedCursor;
      const posts: IncomingPost[] = [];
      let reads = 0;
      let newest: string | null = cursor;
      let nextToken: string | undefined;
      const firstRun = storedCursor === null && !poll.backfillSince;
      const startTime = startedAt ?? (cursor === null ? poll.backfillSince : undefined);
      let waitMs = 0;
      let behind = false;
      for (let pages = 0; pages < maxPages; pages++) {
        const remaining = options.remainingReads() - reads;
        if (remaining < MIN_RESULTS) {
          if (pages === 0) {
            throw new BudgetSpentError(
              `The X read budget of ${options.monthlyReadBudget} posts this month is spent; X polling is paused until the 1st. Raise sources.x.monthlyReadBudget to resume sooner.`,
            );
          }
          log.warn(
            { reads },
            'X read budget spent during this poll; older new posts were not read',
          );
          break;
        }
        const page = await client.searchRecent({
          query: options.query,
          sinceId: cursor ?? undefined,
          startTime,
          nextToken,
          maxResults: firstRun ? MIN_RESULTS : Math.min(MAX_RESULTS, remaining),
        });
        reads += page.tweets.length;
        if (
          pages === 0 &&
          page.newestId &&
          (newest === null || compareTweetIds(page.newestId, newest) > 0)
        )
          newest = page.newestId;
        if (firstRun) break;
        for (const raw of page.tweets) {
          const item = xToPost(raw, page.usernames);
          if (item.ok) posts.push(item.incoming);
          else log.warn({ reason: item.reason }, 'skipped a malformed X post');
        }
        if (poll.backfillSince)
          poll.onProgress?.({
            pages: pages + 1,
            posts: posts.length,
            oldest: posts.at(-1)?.post.createdAt ?? null,
          });
        if (!page.nextToken) break;
        nextToken = page.nextToken;
        if (pages === maxPages - 1) {
          behind = true;
          log.warn(
            { pages: maxPages },
            'more new X posts than one poll reads; the oldest were not read',
          );
        }
        if (page.rateLimit && page.rateLimit.remaining === 0) {
          waitMs = page.rateLimit.resetAt.getTime() - Date.now();
          log.warn(
            { pages: pages + 1, waitMs },
            "X's rate-limit window is spent during this poll; older new posts were not read",
          );
          break;
        }
      }
      posts.sort(
        (a, b) =>
          a.post.createdAt.getTime() - b.post.createdAt.getTime() ||
          compareTweetIds(a.post.externalId, b.post.externalId),
      );
      const now = (options.now ?? (() => new Date()))();
      // X indexes posts with a lag: start a little before now, the store drops any duplicate.
      const next =
        newest ?? storedCursor ?? `since:${new Date(now.getTime() - 60_000).toISOString()}`;
      const result: PollResult = {
        posts,
        cursor: next,
        requests: client.requests - requestsBefore,
        reads,
      };
      if (waitMs > 0) result.waitMs = waitMs;
      if (behind) result.behind = true;
      return result;
    },
  };
}
