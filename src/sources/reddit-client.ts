import Snoowrap from 'snoowrap';
import { RateLimitedError, SourceError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { RequestLimiter, Sleep } from './request-limiter.js';

const REDDIT_OAUTH = 'https://oauth.reddit.com';
const REDDIT_WWW = 'https://www.reddit.com';
/** Refresh the application token this long before Reddit says it expires. */
const TOKEN_MARGIN_MS = 60_000;
/** A 429 asking for at most this long is waited out inside the poll; longer ones end it. */
const MAX_INLINE_RETRY_AFTER_MS = 30_000;

export interface RedditPage {
  children: unknown[];
  after: string | null;
}

/** The one tiny interface the Reddit source needs. */
export interface RedditClient {
  /** One page of a listing, e.g. `r/a+b/new`, at most 100 items. */
  listing(
    path: string,
    query: { limit: number; after?: string | null },
    signal?: AbortSignal,
  ): Promise<RedditPage>;
  /** `/api/info?id=…`: the children of up to 100 fullnames that still exist. */
  info(fullnames: readonly string[], signal?: AbortSignal): Promise<unknown[]>;
  /** HTTP requests sent so far (token requests included). */
  readonly requests: number;
}

export interface RedditClientOptions {
  clientId: string;
  clientSecret: string;
  userAgent: string;
  /** Replaces https://oauth.reddit.com; the token request then goes to the same origin. */
  baseUrl?: string | undefined;
  limiter: RequestLimiter;
  sleep: Sleep;
  log: Logger;
  now?: () => number;
}

type RequestOptions = Record<string, unknown> & { baseUrl?: string; uri?: string; method?: string };
type HttpError = Error & {
  statusCode?: number;
  response?: { headers?: Record<string, string | string[]>; body?: unknown };
};

/**
 * snoowrap with application-only OAuth (`client_credentials`) that refreshes
 * its token before expiry, every request through the limiter and, when a
 * base URL is given, to that origin (see the library notes: snoowrap's own
 * URLs cannot point at a loopback port).
 */
class AppOnlySnoowrap extends Snoowrap {
  requestCount = 0;

  constructor(private readonly settings: RedditClientOptions) {
    // A placeholder token satisfies the constructor; the first request replaces it.
    super({
      userAgent: settings.userAgent,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      accessToken: 'placeholder',
    });
    this.accessToken = '';
    this.tokenExpiration = 0;
    this.config({
      continueAfterRatelimitError: false,
      requestDelay: 0,
      requestTimeout: 30_000,
      // Must not be empty: snoowrap then catches every error, network ones included, and fails on them.
      retryErrorCodes: [502, 503, 504, 522],
      maxRetryAttempts: 1,
      warnings: false,
    });
  }

  private now(): number {
    return (this.settings.now ?? Date.now)();
  }

  override async rawRequest(options: RequestOptions): Promise<unknown> {
    await this.settings.limiter.take();
    this.requestCount++;
    const base = this.settings.baseUrl?.replace(/\/$/, '');
    if (base && (options.baseUrl === REDDIT_OAUTH || options.baseUrl === REDDIT_WWW))
      options.baseUrl = base;
    return super.rawRequest(options);
  }

  override updateAccessToken(): Promise<string> {
    if (this.accessToken && this.now() < this.tokenExpiration - TOKEN_MARGIN_MS)
      return Promise.resolve(this.accessToken);
    return Promise.resolve(
      this.credentialedClientRequest({
        method: 'post',
        uri: 'api/v1/access_token',
        form: { grant_type: 'client_credentials' },
      }),
    ).then((info: { access_token?: unknown; expires_in?: unknown; error?: unknown }) => {
      if (typeof info?.access_token !== 'string' || info.access_token === '') {
        throw new SourceError(
          'REDDIT_TOKEN',
          `Reddit gave no access token (POST /api/v1/access_token answered ${JSON.stringify(info?.error ?? 'without one')}). Check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET; API access needs Reddit's approval.`,
          { kind: 'permanent' },
        );
      }
      this.accessToken = info.access_token;
      this.tokenExpiration =
        this.now() + (typeof info.expires_in === 'number' ? info.expires_in : 3600) * 1000;
      return this.accessToken;
    });
  }
}

function header(error: HttpError, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Maps what snoowrap and request throw to the error family, with what the operator should do. */
function toSourceError(error: unknown, where: string): SourceError {
  if (error instanceof SourceError) return error;
  const e = error as HttpError;
  const status = e.statusCode;
  if (e.name === 'RateLimitError') {
    return new RateLimitedError(
      `Reddit's rate limit is spent (${where}); waiting for the window to reset.`,
      60_000,
      { cause: error },
    );
  }
  if (status === 429) {
    const seconds = Number(header(e, 'retry-after') ?? header(e, 'x-ratelimit-reset') ?? 60);
    return new RateLimitedError(
      `Reddit answered 429 Too Many Requests to ${where}.`,
      (Number.isFinite(seconds) ? seconds : 60) * 1000,
      { status, cause: error },
    );
  }
  if (status === 401) {
    return new SourceError(
      'REDDIT_UNAUTHORIZED',
      `Reddit refused the credentials (401) for ${where}, even after a new token. Check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET, and that the app's API access is approved.`,
      { kind: 'permanent', status, cause: error },
    );
  }
  if (status === 403) {
    const body = e.response?.body as { reason?: string } | undefined;
    const reason = typeof body === 'object' && body?.reason ? body.reason : 'forbidden';
    return new SourceError(
      'REDDIT_FORBIDDEN',
      `Reddit answered 403 (${reason}) to ${where}. A quarantined, private or banned subreddit cannot be read: remove it from sources.reddit.subreddits.`,
      { kind: 'permanent', status, cause: error, context: { reason } },
    );
  }
  if (status === 404) {
    return new SourceError(
      'REDDIT_NOT_FOUND',
      `Reddit answered 404 to ${where}: check the subreddit names in sources.reddit.subreddits.`,
      { kind: 'permanent', status, cause: error },
    );
  }
  if (status !== undefined) {
    return new SourceError(
      'REDDIT_HTTP',
      `Reddit answered ${status} to ${where}; retrying with backoff.`,
      { kind: 'transient', status, cause: error },
    );
  }
  return new SourceError(
    'REDDIT_NETWORK',
    `Could not reach Reddit for ${where}: ${e.message}; retrying with backoff.`,
    { kind: 'transient', cause: error },
  );
}

export function createRedditClient(options: RedditClientOptions): RedditClient {
  const snoowrap = new AppOnlySnoowrap(options);

  async function request(
    path: string,
    qs: Record<string, unknown>,
    signal: AbortSignal | undefined,
    attempt: number,
  ): Promise<unknown> {
    const where = `GET /${path}`;
    try {
      return await snoowrap.oauthRequest({ uri: path, method: 'get', qs });
    } catch (error) {
      const mapped = toSourceError(error, where);
      if (attempt === 0 && mapped.status === 401) {
        // The token may have been revoked or expired early: get a new one and try once more.
        snoowrap.accessToken = '';
        return request(path, qs, signal, attempt + 1);
      }
      if (
        attempt === 0 &&
        mapped instanceof RateLimitedError &&
        mapped.retryAfterMs <= MAX_INLINE_RETRY_AFTER_MS
      ) {
        options.log.info({ retryAfterMs: mapped.retryAfterMs }, 'Reddit asked to wait; waiting');
        await options.sleep(mapped.retryAfterMs, signal);
        return request(path, qs, signal, attempt + 1);
      }
      throw mapped;
    }
  }

  return {
    get requests() {
      return snoowrap.requestCount;
    },
    async info(fullnames, signal) {
      const result = await request('api/info', { id: fullnames.join(',') }, signal, 0);
      const listing = result as { toJSON?: () => unknown } | null;
      if (!Array.isArray(result) || typeof listing?.toJSON !== 'function') {
        throw new SourceError(
          'REDDIT_MALFORMED',
          'Reddit answered GET /api/info with something that is not a listing; nothing was removed.',
          { kind: 'transient' },
        );
      }
      return listing.toJSON() as unknown[];
    },
    async listing(path, query, signal) {
      const qs: Record<string, unknown> = { limit: query.limit };
      if (query.after) qs.after = query.after;
      const result = (await request(path, qs, signal, 0)) as unknown;
      const listing = result as {
        toJSON?: () => unknown;
        _query?: { after?: string | null };
      } | null;
      if (!Array.isArray(result) || typeof listing?.toJSON !== 'function') {
        throw new SourceError(
          'REDDIT_MALFORMED',
          `Reddit answered GET /${path} with something that is not a listing${typeof result === 'string' ? ' (an HTML page?)' : ''}; nothing was read, the cursor stays where it was.`,
          { kind: 'transient' },
        );
      }
      return { children: listing.toJSON() as unknown[], after: listing._query?.after ?? null };
    },
  };
}
