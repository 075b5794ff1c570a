import {
  type LoopbackServer,
  type RecordedRequest,
  type Reply,
  startLoopbackServer,
} from './loopback-server.js';
import { readTemplate } from './templates.js';

interface Templates {
  page: { meta: Record<string, unknown> };
  defaultTweet: Record<string, unknown>;
  fullTweet: Record<string, unknown>;
  rateLimitHeaders: Record<string, string[]>;
  tooManyRequests429: Record<string, unknown>;
}

export interface FakeTweet {
  text: string;
  createdAt: Date;
  lang?: string;
  /** Only the fake knows authors; driver-voice must never store them. */
  authorId?: string;
  username?: string;
}

export type XFailure = 'rate-limited' | 'unauthorized' | 'forbidden' | 'unavailable';

export interface FakeX extends LoopbackServer {
  /** Publishes tweets; returns their ids, which grow like X's. */
  publish(...tweets: FakeTweet[]): string[];
  failNext(failure: XFailure, times?: number, resetInSeconds?: number): void;
  /** Requests left in the current 15-minute window, as `x-rate-limit-remaining` says. */
  setRemaining(remaining: number): void;
  /** The author deletes the post: lookups answer "Not Found Error" for it. */
  deleteTweet(id: string): void;
  /** Tweets returned so far: what X would bill. */
  readonly tweetsServed: number;
}

const LIMIT = 450;

/**
 * A loopback X API v2: `GET /2/tweets/search/recent` with `since_id`,
 * `start_time`, `max_results` (10–100) and `next_token`, newest first,
 * default fields plus the requested `tweet.fields`, `x-rate-limit-*` headers,
 * and 401/403/429/503 on demand, shaped like the recordings in data/wire/x.
 * X publishes no recorded 429 with headers: the fake adds them as X's API
 * reference describes (`x-rate-limit-remaining: 0`, reset in epoch seconds).
 */
export async function startFakeX(
  options: { bearerToken?: string; port?: number } = {},
): Promise<FakeX> {
  const templates = readTemplate<Templates>('x/templates.json');
  const bearer = options.bearerToken ?? 'test-bearer';
  const tweets: Array<FakeTweet & { id: bigint }> = [];
  const failures: Array<{ failure: XFailure; reset: number }> = [];
  let nextId = 1_863_000_000_000_000_000n;
  let remaining = LIMIT;
  let served = 0;
  const resetAt = () => Math.floor(Date.now() / 1000) + 900;

  const headers = (): Record<string, string> => ({
    'x-rate-limit-limit': String(LIMIT),
    'x-rate-limit-remaining': String(Math.max(0, remaining)),
    'x-rate-limit-reset': String(resetAt()),
  });

  const problem = (status: number, title: string): Reply => ({
    status,
    headers: headers(),
    body: { title, type: 'about:blank', status, detail: title },
  });

  const failureReply = (failure: XFailure, reset: number): Reply => {
    switch (failure) {
      case 'rate-limited':
        return {
          status: 429,
          headers: {
            'x-rate-limit-limit': String(LIMIT),
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + reset),
          },
          body: templates.tooManyRequests429,
        };
      case 'unauthorized':
        return problem(401, 'Unauthorized');
      case 'forbidden':
        return problem(403, 'Forbidden');
      case 'unavailable':
        return problem(503, 'Service Unavailable');
    }
  };

  const search = (request: RecordedRequest): Reply => {
    const max = Number(request.query.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < 10 || max > 100) {
      return {
        status: 400,
        headers: headers(),
        body: {
          errors: [
            {
              parameters: { max_results: [String(max)] },
              message: 'The `max_results` query parameter value is not between 10 and 100',
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    const sinceId = request.query.get('since_id');
    const startTime = request.query.get('start_time');
    const token = request.query.get('next_token');
    const fields = new Set((request.query.get('tweet.fields') ?? '').split(',').filter(Boolean));
    let matching = tweets.filter(
      (t) =>
        (!sinceId || t.id > BigInt(sinceId)) && (!startTime || t.createdAt >= new Date(startTime)),
    );
    matching.sort((a, b) => (a.id < b.id ? 1 : -1));
    if (token) {
      const before = BigInt(Buffer.from(token, 'base64url').toString('utf8'));
      matching = matching.filter((t) => t.id < before);
    }
    const page = matching.slice(0, max);
    served += page.length;
    const meta: Record<string, unknown> = { result_count: page.length };
    if (page.length > 0)
      Object.assign(meta, { newest_id: String(page[0]!.id), oldest_id: String(page.at(-1)!.id) });
    if (matching.length > page.length)
      meta.next_token = Buffer.from(String(page.at(-1)!.id)).toString('base64url');
    const data = page.map((t) => {
      const tweet: Record<string, unknown> = {
        ...templates.defaultTweet,
        id: String(t.id),
        text: t.text,
        edit_history_tweet_ids: [String(t.id)],
      };
      if (fields.has('created_at')) tweet.created_at = t.createdAt.toISOString();
      if (fields.has('lang')) tweet.lang = t.lang ?? 'en';
      if (fields.has('author_id')) tweet.author_id = t.authorId ?? templates.fullTweet.author_id;
      return tweet;
    });
    const expand = (request.query.get('expansions') ?? '').split(',').includes('author_id');
    const authors = new Map(
      page.map((t) => [
        t.authorId ?? String(templates.fullTweet.author_id),
        t.username ?? 'driver_account',
      ]),
    );
    const users = [...authors.entries()].map(([id, username]) => ({
      id,
      name: username,
      username,
    }));
    const body =
      page.length > 0 ? { data, ...(expand ? { includes: { users } } : {}), meta } : { meta };
    return { status: 200, headers: headers(), body };
  };

  const lookup = (request: RecordedRequest): Reply => {
    const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 100) return problem(400, 'Invalid Request');
    const found = ids
      .map((id) => tweets.find((t) => String(t.id) === id))
      .filter((t): t is (typeof tweets)[number] => t !== undefined);
    served += found.length;
    const missing = ids.filter((id) => !found.some((t) => String(t.id) === id));
    const data = found.map((t) => ({
      ...templates.defaultTweet,
      id: String(t.id),
      text: t.text,
      edit_history_tweet_ids: [String(t.id)],
      created_at: t.createdAt.toISOString(),
      lang: t.lang ?? 'en',
      author_id: t.authorId ?? String(templates.fullTweet.author_id),
    }));
    const users = [
      ...new Map(
        found.map((t) => [
          t.authorId ?? String(templates.fullTweet.author_id),
          t.username ?? 'driver_account',
        ]),
      ).entries(),
    ].map(([id, username]) => ({ id, name: username, username }));
    const errors = missing.map((id) => ({
      value: id,
      detail: `Could not find tweet with ids: [${id}].`,
      title: 'Not Found Error',
      resource_type: 'tweet',
      parameter: 'ids',
      resource_id: id,
      type: 'https://api.twitter.com/2/problems/resource-not-found',
    }));
    return {
      status: 200,
      headers: headers(),
      body: {
        ...(data.length > 0 ? { data, includes: { users } } : {}),
        ...(errors.length > 0 ? { errors } : {}),
      },
    };
  };

  const server = await startLoopbackServer((request) => {
    if (request.headers.authorization !== `Bearer ${bearer}`)
      return failureReply('unauthorized', 0);
    remaining--;
    const failure = failures.shift();
    if (failure) return failureReply(failure.failure, failure.reset);
    if (request.method === 'GET' && request.path === '/2/tweets/search/recent')
      return search(request);
    if (request.method === 'GET' && request.path === '/2/tweets') return lookup(request);
    return problem(404, 'Not Found');
  }, options.port);

  return {
    ...server,
    get tweetsServed() {
      return served;
    },
    publish(...items) {
      return items.map((item) => {
        nextId += BigInt(1 + Math.floor(Math.random() * 1000)) * 1_000_000n;
        tweets.push({ ...item, id: nextId });
        return String(nextId);
      });
    },
    failNext(failure, times = 1, resetInSeconds = 4) {
      for (let i = 0; i < times; i++) failures.push({ failure, reset: resetInSeconds });
    },
    setRemaining(value) {
      remaining = value;
    },
    deleteTweet(id) {
      const index = tweets.findIndex((t) => String(t.id) === id);
      if (index !== -1) tweets.splice(index, 1);
    },
  };
}
