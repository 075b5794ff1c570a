import { z } from 'zod';
import type { Post } from '../types.js';

/** The handle-free permalink of a post on X. */
export function xPermalink(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}

const REDDIT_PERMALINK = /^https:\/\/(www\.|old\.|new\.)?reddit\.com\/r\/[A-Za-z0-9_]+\//;

/**
 * A post as JSON (import files, fixtures): the fields of `Post`, with
 * `createdAt` as an ISO date or epoch milliseconds. Unknown fields, an
 * `author` among them, are dropped here. X URLs are rewritten to the
 * handle-free form; a Reddit URL must be a subreddit permalink, never a
 * profile.
 */
export const postRecordSchema = z
  .object({
    source: z.enum(['reddit', 'x']),
    externalId: z
      .string()
      .regex(
        /^[A-Za-z0-9_]{1,40}$/,
        'expected the id the source gives the post, e.g. t3_1abcde or 1843...',
      ),
    url: z.url({ protocol: /^https$/, error: 'expected an https permalink' }),
    community: z.string().min(1).max(64),
    kind: z.enum(['post', 'comment', 'tweet']),
    createdAt: z
      .union([z.iso.datetime({ offset: true }), z.number().int().positive()])
      .transform((value) => new Date(value)),
    lang: z
      .string()
      .regex(/^([a-z]{2}|und)$/, 'expected a two-letter language code or und')
      .optional(),
    title: z.string().max(1000).optional(),
    text: z.string().max(100_000, 'a post is at most 100,000 characters'),
  })
  .refine((record) => record.source !== 'reddit' || REDDIT_PERMALINK.test(record.url), {
    path: ['url'],
    message: 'a Reddit URL must be a subreddit permalink (https://www.reddit.com/r/…)',
  })
  .refine((record) => (record.source === 'x') === (record.kind === 'tweet'), {
    path: ['kind'],
    message: 'X posts are of kind tweet, Reddit posts of kind post or comment',
  })
  .transform(
    (record): Post => ({
      source: record.source,
      externalId: record.externalId,
      url: record.source === 'x' ? xPermalink(record.externalId) : record.url,
      community: record.source === 'x' ? 'x' : record.community,
      kind: record.kind,
      createdAt: record.createdAt,
      lang: record.lang ?? 'und',
      ...(record.title === undefined ? {} : { title: record.title }),
      text: record.text,
    }),
  );
