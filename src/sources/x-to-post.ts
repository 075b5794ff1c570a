import { z } from 'zod';
import { describeIssues } from '../config/describe-issues.js';
import { xPermalink } from '../pipeline/post-record-schema.js';
import type { IncomingPost } from './source.js';

const tweet = z.object({
  id: z.string().regex(/^\d{1,20}$/, 'expected a numeric tweet id'),
  text: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  lang: z.string().optional(),
  author_id: z.string().optional(),
});

export type XItem = { ok: true; incoming: IncomingPost } | { ok: false; reason: string };

/**
 * Normalises one tweet of a recent-search page; a malformed one yields the
 * reason, never its content. The author's username, when X included it, rides
 * along for the opt-out check only.
 */
export function xToPost(raw: unknown, usernames: ReadonlyMap<string, string> = new Map()): XItem {
  const parsed = tweet.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error).join('; ') };
  const data = parsed.data;
  const lang = data.lang && /^[a-z]{2}$/.test(data.lang) ? data.lang : 'und';
  return {
    ok: true,
    incoming: {
      post: {
        source: 'x',
        externalId: data.id,
        url: xPermalink(data.id),
        community: 'x',
        kind: 'tweet',
        createdAt: new Date(data.created_at),
        lang,
        text: data.text,
      },
      ...(data.author_id && usernames.has(data.author_id)
        ? { author: `x:${usernames.get(data.author_id)}` }
        : {}),
    },
  };
}

/** Tweet ids are numbers too large for a double: compare them as decimal strings. */
export function compareTweetIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
