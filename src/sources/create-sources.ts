import type { Guard } from '../classify/guard.js';
import type { Config } from '../config/load-config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { ScheduledSource } from '../pipeline/schedule.js';
import type { ReadBudget } from '../store/read-budget.js';
import { createRedditSource } from './reddit.js';
import { createRedditClient } from './reddit-client.js';
import { createRequestLimiter, sleep as realSleep, type Sleep } from './request-limiter.js';
import { createXSource } from './x.js';
import { createXClient } from './x-client.js';
import { buildXQuery } from './x-query.js';

/** Reddit's rule for API clients: `<platform>:<app id>:<version> (by /u/<name>)`. */
const USER_AGENT = /^[^\s:]+:[^\s:]+:[^\s:]+ \(by \/u\/[A-Za-z0-9_-]{3,20}\)$/;
/** Reddit allows 100 requests a minute per OAuth client; we keep a margin. */
export const REDDIT_REQUESTS_PER_MINUTE = 90;

function missing(names: Array<[string, string | undefined]>): string[] {
  return names.filter(([, value]) => value === undefined).map(([name]) => name);
}

/**
 * The sources the config names, each on the real client library. A source
 * the config does not name is off; one it names without credentials is a
 * ConfigError saying which variables to set.
 */
export function createSources(deps: {
  config: Config;
  guard: Guard;
  budget: ReadBudget;
  log: Logger;
  sleep?: Sleep;
  now?: () => Date;
}): ScheduledSource[] {
  const { config, log } = deps;
  const env = config.env;
  const sources: ScheduledSource[] = [];
  const reddit = config.sources.reddit;
  if (reddit) {
    const absent = missing([
      ['REDDIT_CLIENT_ID', env.REDDIT_CLIENT_ID],
      ['REDDIT_CLIENT_SECRET', env.REDDIT_CLIENT_SECRET],
      ['REDDIT_USER_AGENT', env.REDDIT_USER_AGENT],
    ]);
    if (absent.length > 0) {
      throw new ConfigError(
        `sources.reddit is configured but ${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not set. Set them in the environment or .env, or remove sources.reddit from ${config.file ?? 'the config'}.`,
      );
    }
    if (!USER_AGENT.test(env.REDDIT_USER_AGENT!)) {
      throw new ConfigError(
        'REDDIT_USER_AGENT must follow Reddit\'s rule "<platform>:<app id>:<version> (by /u/<reddit user>)", e.g. "linux:driver-voice:0.1.0 (by /u/ops_team)".',
      );
    }
    const sleep = deps.sleep ?? realSleep;
    const child = log.child({ source: 'reddit' });
    const client = createRedditClient({
      clientId: env.REDDIT_CLIENT_ID!,
      clientSecret: env.REDDIT_CLIENT_SECRET!,
      userAgent: env.REDDIT_USER_AGENT!,
      baseUrl: env.REDDIT_BASE_URL,
      limiter: createRequestLimiter({ max: REDDIT_REQUESTS_PER_MINUTE, windowMs: 60_000, sleep }),
      sleep,
      log: child,
    });
    sources.push({
      source: createRedditSource({
        client,
        log: child,
        subreddits: reddit.subreddits,
        include: reddit.include,
      }),
      pollMs: reddit.pollSeconds * 1000,
    });
  }
  const x = config.sources.x;
  if (x) {
    if (env.X_BEARER_TOKEN === undefined) {
      throw new ConfigError(
        `sources.x is configured but X_BEARER_TOKEN is not set. Set it in the environment or .env, or remove sources.x from ${config.file ?? 'the config'}.`,
      );
    }
    const now = deps.now ?? (() => new Date());
    const child = log.child({ source: 'x' });
    sources.push({
      source: createXSource({
        client: createXClient({ bearerToken: env.X_BEARER_TOKEN, baseUrl: env.X_API_BASE_URL }),
        log: child,
        query: buildXQuery(x.query, deps.guard),
        monthlyReadBudget: x.monthlyReadBudget,
        remainingReads: () => x.monthlyReadBudget - deps.budget.used('x', now()),
        now,
      }),
      pollMs: x.pollSeconds * 1000,
    });
  }
  return sources;
}
