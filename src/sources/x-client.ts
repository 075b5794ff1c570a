import http from 'node:http';
import { ApiResponseError, type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import { RateLimitedError, SourceError } from '../errors.js';

export interface XPage {
  tweets: unknown[];
  /** Author ids to usernames, from `includes.users`: used only for the opt-out check, never stored. */
  usernames: Map<string, string>;
  newestId: string | null;
  nextToken: string | null;
  /** What `x-rate-limit-*` said: requests left in the window and when it resets. */
  rateLimit: { remaining: number; resetAt: Date } | null;
}

export interface XSearchQuery {
  query: string;
  sinceId?: string | undefined;
  startTime?: Date | undefined;
  nextToken?: string | undefined;
  maxResults: number;
}

/** The one tiny interface the X source needs. */
export interface XClient {
  searchRecent(query: XSearchQuery): Promise<XPage>;
  /** `GET /2/tweets?ids=`: up to 100 ids; those absent from the answer no longer exist. */
  lookup(ids: readonly string[]): Promise<{ tweets: unknown[]; usernames: Map<string, string> }>;
  readonly requests: number;
}

const X_API = 'https://api.x.com';

/** Rewrites every request to `base` (a loopback fake, a proxy); plain http gets its own agent. */
function baseUrlPlugin(base: string): ITwitterApiClientPlugin {
  const target = new URL(base);
  return {
    onBeforeRequestConfig({ params }) {
      const url = new URL(params.url);
      url.protocol = target.protocol;
      url.host = target.host;
      url.pathname = `${target.pathname.replace(/\/$/, '')}${url.pathname}`;
      params.url = url.toString();
    },
  };
}

interface Body {
  tweets: unknown[];
  includes?: { users?: unknown };
  meta?: { newest_id?: unknown; next_token?: unknown };
}

/** The JSON body of a search or lookup, or a transient SourceError saying it was something else (an HTML page, say). */
function readBody(data: unknown, problem: string): Body {
  const body = data as {
    data?: unknown;
    includes?: { users?: unknown };
    meta?: Body['meta'];
  } | null;
  if (
    typeof body !== 'object' ||
    body === null ||
    (body.data !== undefined && !Array.isArray(body.data))
  ) {
    throw new SourceError('X_MALFORMED', problem, { kind: 'transient' });
  }
  return {
    tweets: (body.data as unknown[] | undefined) ?? [],
    ...(body.includes ? { includes: body.includes } : {}),
    ...(body.meta ? { meta: body.meta } : {}),
  };
}

function usernamesOf(users: unknown): Map<string, string> {
  const usernames = new Map<string, string>();
  for (const user of Array.isArray(users) ? users : []) {
    const { id, username } = (user ?? {}) as { id?: unknown; username?: unknown };
    if (typeof id === 'string' && typeof username === 'string') usernames.set(id, username);
  }
  return usernames;
}

function toSourceError(error: unknown): SourceError {
  const where = 'GET /2/tweets/search/recent';
  if (error instanceof ApiResponseError) {
    const status = error.code;
    if (error.rateLimitError || status === 429) {
      const resetMs = error.rateLimit?.reset ? error.rateLimit.reset * 1000 - Date.now() : 60_000;
      return new RateLimitedError(
        `X answered 429 Too Many Requests to ${where}.`,
        Math.max(resetMs, 1000),
        { status, cause: error },
      );
    }
    if (status === 401 || error.isAuthError) {
      return new SourceError(
        'X_UNAUTHORIZED',
        `X refused the bearer token (401) for ${where}. Check X_BEARER_TOKEN.`,
        { kind: 'permanent', status, cause: error },
      );
    }
    if (status === 403) {
      return new SourceError(
        'X_FORBIDDEN',
        `X answered 403 to ${where}: the app's access level does not include recent search, or it is suspended. Check the X developer portal.`,
        { kind: 'permanent', status, cause: error },
      );
    }
    if (status === 400) {
      return new SourceError(
        'X_BAD_QUERY',
        `X rejected the query (400) for ${where}: ${error.message}. Check sources.x.query.`,
        { kind: 'permanent', status, cause: error },
      );
    }
    return new SourceError('X_HTTP', `X answered ${status} to ${where}; retrying with backoff.`, {
      kind: 'transient',
      status,
      cause: error,
    });
  }
  const message = (error as Error)?.message ?? String(error);
  return new SourceError(
    'X_NETWORK',
    `Could not reach X for ${where}: ${message}; retrying with backoff.`,
    { kind: 'transient', cause: error },
  );
}

/** twitter-api-v2 with an app-only bearer token; `baseUrl` replaces https://api.x.com. */
export function createXClient(options: {
  bearerToken: string;
  baseUrl?: string | undefined;
  timeoutMs?: number;
}): XClient {
  const base = options.baseUrl?.replace(/\/$/, '') ?? X_API;
  const client = new TwitterApi(options.bearerToken, {
    plugins: base === X_API ? [] : [baseUrlPlugin(base)],
    ...(base.startsWith('http:') ? { httpAgent: new http.Agent({ keepAlive: true }) } : {}),
  });
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    async lookup(ids) {
      requests++;
      let result: Awaited<ReturnType<typeof client.v2.tweets>>;
      try {
        result = await client.v2.tweets([...ids], {
          'tweet.fields': ['created_at', 'lang', 'author_id'],
          expansions: ['author_id'],
          'user.fields': ['username'],
        });
      } catch (error) {
        throw toSourceError(error);
      }
      const body = readBody(
        result,
        'X answered GET /2/tweets with something that is not a lookup; nothing was removed.',
      );
      return { tweets: body.tweets, usernames: usernamesOf(body.includes?.users) };
    },
    async searchRecent(query) {
      requests++;
      let page: Awaited<ReturnType<typeof client.v2.search>>;
      try {
        page = await client.v2.search(query.query, {
          max_results: query.maxResults,
          'tweet.fields': ['created_at', 'lang', 'author_id'],
          expansions: ['author_id'],
          'user.fields': ['username'],
          ...(query.sinceId ? { since_id: query.sinceId } : {}),
          ...(query.startTime ? { start_time: query.startTime.toISOString() } : {}),
          ...(query.nextToken ? { next_token: query.nextToken } : {}),
        });
      } catch (error) {
        throw toSourceError(error);
      }
      const body = readBody(
        page.data,
        'X answered GET /2/tweets/search/recent with something that is not a search page; nothing was read, the cursor stays where it was.',
      );
      const limit = page.rateLimit as { remaining?: number; reset?: number } | undefined;
      const usernames = usernamesOf(body.includes?.users);
      return {
        tweets: body.tweets,
        usernames,
        newestId: typeof body.meta?.newest_id === 'string' ? body.meta.newest_id : null,
        nextToken: typeof body.meta?.next_token === 'string' ? body.meta.next_token : null,
        rateLimit:
          limit?.remaining !== undefined && limit.reset !== undefined
            ? { remaining: limit.remaining, resetAt: new Date(limit.reset * 1000) }
            : null,
      };
    },
  };
}
