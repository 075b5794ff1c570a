import { z } from 'zod';
import { describeIssues } from '../config/describe-issues.js';
import type { IncomingPost } from './source.js';

const fullname = z
  .string()
  .regex(/^t[13]_[0-9a-z]{1,13}$/, 'expected a fullname such as t3_abc123');
const common = {
  name: fullname,
  subreddit: z.string().min(1),
  permalink: z.string().startsWith('/r/'),
  created_utc: z.number().positive(),
  author: z.string().optional(),
};
const submission = z.object({
  ...common,
  name: z.string().startsWith('t3_'),
  title: z.string(),
  selftext: z.string().default(''),
});
const comment = z.object({ ...common, name: z.string().startsWith('t1_'), body: z.string() });
const child = z.union([submission, comment]);

/** Authors and bodies Reddit shows for deleted or removed content. */
const GONE = new Set(['[deleted]', '[removed]']);

export type RedditItem =
  | { ok: true; incoming: IncomingPost | null; id: string }
  | { ok: false; reason: string };

/** The base-36 number of a fullname, which grows with time: `t3_k3uzsx` → 43,806,… */
export function fullnameOrder(name: string): number {
  return Number.parseInt(name.slice(3), 36);
}

/**
 * Normalises one child of a Reddit listing (its `data`, as snoowrap's
 * `toJSON()` gives it: author and subreddit as names). Content already deleted or
 * removed yields `incoming: null` (nothing to keep, but its id still moves the
 * cursor); a child of the wrong shape yields the reason, never its content.
 */
export function redditToPost(raw: unknown): RedditItem {
  const parsed = child.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error).join('; ') };
  const data = parsed.data;
  const isPost = 'title' in data;
  const text = isPost ? data.selftext : data.body;
  const title = isPost ? data.title : undefined;
  if (GONE.has(data.author ?? '') || GONE.has(text.trim()))
    return { ok: true, incoming: null, id: data.name };
  return {
    ok: true,
    id: data.name,
    incoming: {
      post: {
        source: 'reddit',
        externalId: data.name,
        url: `https://www.reddit.com${data.permalink}`,
        community: data.subreddit,
        kind: isPost ? 'post' : 'comment',
        createdAt: new Date(data.created_utc * 1000),
        lang: 'und',
        ...(title === undefined ? {} : { title }),
        text,
      },
      ...(data.author ? { author: `reddit:${data.author}` } : {}),
    },
  };
}
