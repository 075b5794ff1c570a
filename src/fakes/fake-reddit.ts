import { randomBytes } from 'node:crypto';
import {
  type LoopbackServer,
  type RecordedRequest,
  type Reply,
  startLoopbackServer,
} from './loopback-server.js';
import { readTemplate, readTemplateText } from './templates.js';

interface Templates {
  listing: { kind: string; data: Record<string, unknown> };
  postChild: { kind: 't3'; data: Record<string, unknown> };
  commentChild: { kind: 't1'; data: Record<string, unknown> };
  rateLimitHeaders: Record<string, string>;
  accessToken: Record<string, unknown>;
  forbidden403: Record<string, unknown>;
  unauthorized401: { headers: Record<string, string[]>; body: string };
}

export interface FakeRedditPost {
  kind: 'post' | 'comment';
  subreddit: string;
  title?: string;
  text: string;
  createdAt: Date;
  /** Only the fake knows authors; driver-voice must never store them. */
  author?: string;
}

export type RedditFailure = 'rate-limited' | 'forbidden' | 'unavailable' | 'unauthorized' | 'html';

export interface FakeReddit extends LoopbackServer {
  /** Publishes posts; returns their fullnames. Ids grow like Reddit's. */
  publish(...posts: FakeRedditPost[]): string[];
  /** The next `times` listing requests fail this way (`retryAfter` seconds for rate-limited). */
  failNext(failure: RedditFailure, times?: number, retryAfter?: number): void;
  /** Every token issued so far stops working, as when one expires early. */
  revokeTokens(): void;
  /** The author deletes the post: Reddit keeps it with author and body `[deleted]`. */
  deletePost(fullname: string): void;
  /** A moderator removes the post: body `[removed]`. */
  removePost(fullname: string): void;
  /** Listing and info requests (not token requests). */
  readonly apiRequests: RecordedRequest[];
  readonly tokenRequests: RecordedRequest[];
}

/**
 * A loopback Reddit: the app-only token endpoint and the `/new` and
 * `/comments` listings of multi-subreddit paths with `limit`, `after` and
 * `before`, answering exactly like the recordings in data/wire/reddit
 * (float-string `x-ratelimit-remaining`, HTML 429 with `retry-after`, 403
 * quarantine body, 401 `invalid_token`).
 */
export async function startFakeReddit(
  options: {
    clientId?: string;
    clientSecret?: string;
    tokenLifetimeSeconds?: number;
    port?: number;
  } = {},
): Promise<FakeReddit> {
  const templates = readTemplate<Templates>('reddit/templates.json');
  const tooManyRequests = readTemplateText('reddit/too-many-requests-429.html');
  const clientId = options.clientId ?? 'test-client';
  const clientSecret = options.clientSecret ?? 'test-secret';
  const tokens = new Map<string, number>();
  const posts: Array<FakeRedditPost & { name: string; order: number }> = [];
  const failures: Array<{ failure: RedditFailure; retryAfter: number }> = [];
  let nextOrder = 36 ** 5; // five-character base-36 ids, like t3_k3uzs
  let used = 0;

  const rateHeaders = (): Record<string, string> => {
    used++;
    return {
      'x-ratelimit-remaining': `${Math.max(0, 600 - used)}.0`,
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': templates.rateLimitHeaders['x-ratelimit-reset'] ?? '246',
    };
  };

  const toChild = (post: (typeof posts)[number]): unknown => {
    const template = post.kind === 'post' ? templates.postChild : templates.commentChild;
    const id = post.name.slice(3);
    const permalink = `/r/${post.subreddit}/comments/${post.kind === 'post' ? id : 'abc123'}/${post.kind === 'post' ? 'post' : `thread/${id}`}/`;
    const created = Math.floor(post.createdAt.getTime() / 1000);
    const data: Record<string, unknown> = {
      ...template.data,
      id,
      name: post.name,
      subreddit: post.subreddit,
      subreddit_name_prefixed: `r/${post.subreddit}`,
      permalink,
      created_utc: created,
      created,
      author: post.author ?? 'driver_throwaway',
    };
    if (post.kind === 'post')
      Object.assign(data, {
        title: post.title ?? '',
        selftext: post.text,
        url: `https://www.reddit.com${permalink}`,
      });
    else Object.assign(data, { body: post.text, link_id: 't3_abc123' });
    return { kind: template.kind, data };
  };

  const failureReply = (failure: RedditFailure, retryAfter: number): Reply => {
    switch (failure) {
      case 'rate-limited':
        return {
          status: 429,
          headers: { 'retry-after': String(retryAfter) },
          body: tooManyRequests,
        };
      case 'forbidden':
        return { status: 403, headers: rateHeaders(), body: templates.forbidden403 };
      case 'unavailable':
        return { status: 503, body: '' };
      case 'unauthorized':
        return {
          status: 401,
          headers: {
            'www-authenticate':
              templates.unauthorized401.headers['www-authenticate']?.[0] ??
              'Bearer realm="reddit", error="invalid_token"',
          },
          body: { error: 401 },
        };
      case 'html':
        return {
          status: 200,
          headers: rateHeaders(),
          body: '<!doctype html><html><body><h1>reddit is down</h1></body></html>',
        };
    }
  };

  /** A Listing shaped like the recordings: the template's envelope around these children. */
  const listingReply = (children: typeof posts, after: string | null): Reply => ({
    status: 200,
    headers: rateHeaders(),
    body: {
      ...templates.listing,
      data: {
        ...templates.listing.data,
        dist: children.length,
        children: children.map(toChild),
        after,
        before: null,
      },
    },
  });

  const listing = (request: RecordedRequest, kind: 'post' | 'comment', multi: string): Reply => {
    const names = new Set(multi.toLowerCase().split('+'));
    const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 25)));
    const after = request.query.get('after');
    const before = request.query.get('before');
    const order = (name: string) => Number.parseInt(name.slice(3), 36);
    let matching = posts
      .filter((p) => p.kind === kind && names.has(p.subreddit.toLowerCase()))
      .sort((a, b) => b.order - a.order);
    if (after) matching = matching.filter((p) => p.order < order(after));
    if (before) matching = matching.filter((p) => p.order > order(before)).slice(-limit);
    const page = matching.slice(0, limit);
    const more = matching.length > page.length && !before;
    return listingReply(page, more ? page.at(-1)!.name : null);
  };

  const server = await startLoopbackServer((request) => {
    if (request.method === 'POST' && request.path === '/api/v1/access_token') {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      if (request.headers.authorization !== expected)
        return { status: 401, body: { message: 'Unauthorized', error: 401 } };
      if (!new URLSearchParams(request.body).get('grant_type'))
        return { status: 400, body: { error: 'unsupported_grant_type' } };
      const token = `-${randomBytes(15).toString('hex')}`;
      const lifetime = options.tokenLifetimeSeconds ?? 3600;
      tokens.set(token, Date.now() + lifetime * 1000);
      return {
        status: 200,
        headers: rateHeaders(),
        body: { ...templates.accessToken, access_token: token, expires_in: lifetime },
      };
    }
    const bearer = /^bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const expiry = bearer ? tokens.get(bearer) : undefined;
    if (expiry === undefined || expiry < Date.now()) return failureReply('unauthorized', 0);
    const failure = failures.shift();
    if (failure) return failureReply(failure.failure, failure.retryAfter);
    if (request.method === 'GET' && request.path === '/api/info') {
      const wanted = new Set((request.query.get('id') ?? '').split(',').filter(Boolean));
      const found = posts.filter((p) => wanted.has(p.name));
      return listingReply(found, null);
    }
    const match = /^\/r\/([A-Za-z0-9_+]+)\/(new|comments)\/?$/.exec(request.path);
    if (request.method === 'GET' && match)
      return listing(request, match[2] === 'new' ? 'post' : 'comment', match[1]!);
    return { status: 404, headers: rateHeaders(), body: { message: 'Not Found', error: 404 } };
  }, options.port);

  return {
    ...server,
    get url() {
      return server.url;
    },
    get apiRequests() {
      return server.requests.filter((r) => r.path !== '/api/v1/access_token');
    },
    get tokenRequests() {
      return server.requests.filter((r) => r.path === '/api/v1/access_token');
    },
    publish(...items) {
      return items.map((item) => {
        nextOrder += 1 + Math.floor(Math.random() * 3);
        const name = `${item.kind === 'post' ? 't3' : 't1'}_${nextOrder.toString(36)}`;
        posts.push({ ...item, name, order: nextOrder });
        return name;
      });
    },
    failNext(failure, times = 1, retryAfter = 4) {
      for (let i = 0; i < times; i++) failures.push({ failure, retryAfter });
    },
    revokeTokens() {
      tokens.clear();
    },
    deletePost(fullname) {
      const post = posts.find((p) => p.name === fullname);
      if (post) Object.assign(post, { author: '[deleted]', text: '[deleted]' });
    },
    removePost(fullname) {
      const post = posts.find((p) => p.name === fullname);
      if (post) post.text = '[removed]';
    },
  };
}
