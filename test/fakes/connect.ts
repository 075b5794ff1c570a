import type { FakeReddit } from '../../src/fakes/fake-reddit.js';
import type { FakeX } from '../../src/fakes/fake-x.js';
import type { Logger } from '../../src/log/create-logger.js';
import { createRedditSource } from '../../src/sources/reddit.js';
import { createRedditClient, type RedditClient } from '../../src/sources/reddit-client.js';
import { createRequestLimiter, type Sleep } from '../../src/sources/request-limiter.js';
import { createXSource } from '../../src/sources/x.js';
import { createXClient } from '../../src/sources/x-client.js';
import { captureLogger } from '../helpers.js';

export const USER_AGENT = 'linux:driver-voice-test:0.1.0 (by /u/driver_voice_ops)';

/** A sleep that records what it was asked and returns at once. */
export function recordingSleep(): Sleep & { calls: number[] } {
  const calls: number[] = [];
  const sleep = (async (ms: number) => {
    calls.push(ms);
  }) as Sleep & { calls: number[] };
  sleep.calls = calls;
  return sleep;
}

/** The real snoowrap-based source, pointed at a fake. */
export function redditSourceFor(
  fake: FakeReddit,
  options: {
    sleep?: Sleep;
    log?: Logger;
    subreddits?: string[];
    include?: Array<'posts' | 'comments'>;
    now?: () => number;
    maxPages?: number;
  } = {},
): { source: ReturnType<typeof createRedditSource>; client: RedditClient } {
  const sleep = options.sleep ?? recordingSleep();
  const log = options.log ?? captureLogger().log;
  const client = createRedditClient({
    clientId: 'test-client',
    clientSecret: 'test-secret',
    userAgent: USER_AGENT,
    baseUrl: fake.url,
    limiter: createRequestLimiter({ max: 90, windowMs: 60_000, sleep }),
    sleep,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  const source = createRedditSource({
    client,
    log,
    subreddits: options.subreddits ?? ['AmazonFlexDrivers', 'couriersofreddit', 'repartidores'],
    include: options.include ?? ['posts', 'comments'],
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  });
  return { source, client };
}

/** The real twitter-api-v2-based source, pointed at a fake. */
export function xSourceFor(
  fake: FakeX,
  options: {
    remainingReads?: () => number;
    monthlyReadBudget?: number;
    log?: Logger;
    query?: string;
    maxPages?: number;
  } = {},
) {
  return createXSource({
    client: createXClient({ bearerToken: 'test-bearer', baseUrl: fake.url }),
    log: options.log ?? captureLogger().log,
    query: options.query ?? '("amazon flex" OR #amazonflex) -is:retweet',
    remainingReads: options.remainingReads ?? (() => 1_000_000),
    monthlyReadBudget: options.monthlyReadBudget ?? 1_000_000,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  });
}
