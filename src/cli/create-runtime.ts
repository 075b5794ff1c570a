import { ConfigError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import { purgeExpired } from '../pipeline/purge-expired.js';
import type { RunSourceDeps } from '../pipeline/run-source.js';
import type { ScheduledSource } from '../pipeline/schedule.js';
import { type DeletionSyncReport, syncDeletions } from '../pipeline/sync-deletions.js';
import { createWebClient } from '../slack/create-web-client.js';
import { createDispatcher, type Dispatcher } from '../slack/delivery.js';
import { routePost } from '../slack/route-post.js';
import { createSlackApi, type SlackApi } from '../slack/slack-api.js';
import { createSources } from '../sources/create-sources.js';
import { sleep as realSleep, type Sleep } from '../sources/request-limiter.js';
import { createCursorStore } from '../store/cursors.js';
import { type Db, openDatabase } from '../store/open-database.js';
import { createOptOuts } from '../store/opt-outs.js';
import { createOutbox } from '../store/outbox.js';
import { createPostStore } from '../store/posts.js';
import { createReadBudget } from '../store/read-budget.js';
import { createSourceHealthStore } from '../store/source-health.js';
import type { Context } from './load-context.js';

export interface Runtime {
  db: Db;
  sources: ScheduledSource[];
  deps: RunSourceDeps;
  /** Null when Slack is not configured (no SLACK_BOT_TOKEN): posts are stored, not delivered. */
  slack: { api: SlackApi; dispatcher: Dispatcher; channels: string[] } | null;
  /** Retention now (see purgeExpired). */
  purge(): ReturnType<typeof purgeExpired>;
  /** The deletion re-check now (see syncDeletions). */
  recheck(): Promise<DeletionSyncReport[]>;
}

/** Every channel the routing can send to, for the privacy check at start. */
export function routedChannels(context: Context): string[] {
  const routing = context.config.routing;
  if (!routing) return [];
  return [
    routing.default.channel,
    ...Object.values(routing.categories).flatMap((r) => (r.channel ? [r.channel] : [])),
    ...Object.values(routing.languages).map((r) => r.channel),
  ];
}

/**
 * The database, stores, sources and (when configured) Slack delivery, wired
 * once for `run --once` and `start`. Storing a post queues its Slack messages
 * in the same transaction.
 */
export function createRuntime(
  context: Context,
  log: Logger,
  options: { sleep?: Sleep; now?: () => number; slackApi?: SlackApi } = {},
): Runtime {
  const { config } = context;
  const token = config.env.SLACK_BOT_TOKEN;
  if (token && !config.routing) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN is set but ${config.file ?? 'the config'} has no routing: add routing.default.channel (see data/config.example.yml).`,
    );
  }
  const db = openDatabase(config.databasePath);
  try {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    const budget = createReadBudget(db);
    const outbox = createOutbox(db);
    const routing = config.routing;
    const delivering = Boolean(token && routing) || Boolean(options.slackApi && routing);
    const store = createPostStore(db, {
      ...(delivering && routing
        ? {
            onStored: (postId, post) =>
              outbox.enqueue(
                postId,
                routePost(post.categories, post.lang, routing),
                new Date(now()),
              ),
          }
        : {}),
    });
    const sources = createSources({ config, guard: context.guard, budget, log, sleep });
    const secret = config.env.DRIVER_VOICE_SECRET;
    const optOuts = secret ? createOptOuts(db, secret) : null;
    const deps: RunSourceDeps = {
      ...(optOuts ? { keepAuthor: (author: string) => !optOuts.has(author) } : {}),
      taxonomy: context.taxonomy,
      languages: config.languages,
      scoreSentiment: context.scoreSentiment,
      store,
      cursors: createCursorStore(db),
      health: createSourceHealthStore(db),
      budget,
      log,
      now: () => new Date(now()),
    };
    let slack: Runtime['slack'] = null;
    if (delivering) {
      const api =
        options.slackApi ?? createSlackApi(createWebClient(token!, log, config.env.SLACK_API_URL));
      const dispatcher = createDispatcher({
        db,
        slack: api,
        taxonomy: context.taxonomy,
        adminChannel: config.slack?.adminChannel ?? null,
        log,
        now,
        sleep,
      });
      slack = { api, dispatcher, channels: routedChannels(context) };
    }
    const slackApi = slack?.api ?? null;
    const clock = () => new Date(now());
    return {
      db,
      sources,
      deps,
      slack,
      purge: () =>
        purgeExpired({
          db,
          retentionDays: config.privacy.retentionDays,
          slackPolicy: config.privacy.retentionSlack,
          slack: slackApi,
          log,
          now: clock,
        }),
      recheck: () =>
        syncDeletions({
          db,
          sources: sources.map((s) => s.source),
          budget,
          optOuts,
          slack: slackApi,
          log,
          now: clock,
        }),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
