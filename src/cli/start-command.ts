import type { Writable } from 'node:stream';
import type { App } from '@slack/bolt';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import { createMetrics } from '../observe/create-metrics.js';
import { startMonitoringServer } from '../observe/start-monitoring-server.js';
import { runPrivacyJobs } from '../pipeline/run-privacy-jobs.js';
import { runSource } from '../pipeline/run-source.js';
import { runScheduler } from '../pipeline/schedule.js';
import { createSourceWatch } from '../pipeline/watch-source-health.js';
import { createSlackApp } from '../slack/app.js';
import { sleep } from '../sources/request-limiter.js';
import { createBackfillProgress } from './backfill-progress.js';
import { createRuntime } from './create-runtime.js';
import type { Context } from './load-context.js';
import { auditConfig } from './privacy-commands.js';

/**
 * How often the delivery loop looks for due messages. Delivery runs apart
 * from polling, so a long queue (Slack allows a message a second per
 * channel) never holds the next poll back.
 */
const DELIVERY_TICK_MS = 1000;

/** Turns what Bolt throws at start into a line that says what to fix. */
function explainSlackStartFailure(error: unknown): Error {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  const reason = e.data?.error ?? e.message ?? String(error);
  if (/invalid_auth|not_authed|account_inactive|token_revoked/.test(reason)) {
    return new ConfigError(
      `Slack rejected SLACK_BOT_TOKEN (${reason}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, and reinstall the app if it was removed.`,
      { cause: error },
    );
  }
  if (/EADDRINUSE/.test(reason))
    return new ConfigError(`The HTTP port is taken (${reason}): choose another with --http PORT.`, {
      cause: error,
    });
  return new ConfigError(
    `The Slack app could not start: ${reason}. Check SLACK_APP_TOKEN (Socket Mode, xapp-… with connections:write) or SLACK_SIGNING_SECRET and --http.`,
    { cause: error },
  );
}

/** True when the environment holds credentials for something live: a source or Slack. */
export function hasLiveCredentials(context: Context): boolean {
  const env = context.config.env;
  return Boolean(env.REDDIT_CLIENT_ID || env.X_BEARER_TOKEN || env.SLACK_BOT_TOKEN);
}

/**
 * `driver-voice start` with credentials: the Slack app (Socket Mode, or HTTP
 * with `--http PORT`), a privacy check of every routed channel, each source
 * polled on its interval with delivery after each cycle, and admin alerts for
 * sources down longer than 15 minutes. On `signal` it finishes the current
 * step, stops Bolt and closes the database.
 */
export async function runStartCommand(deps: {
  context: Context;
  log: Logger;
  output: Writable;
  signal: AbortSignal;
  backfillSince?: Date;
  httpPort?: number;
}): Promise<number> {
  const { context, log, signal } = deps;
  const runtime = createRuntime(context, log);
  let app: App | null = null;
  let monitor: Awaited<ReturnType<typeof startMonitoringServer>> | null = null;
  try {
    const env = context.config.env;
    if (runtime.slack) {
      app = createSlackApp({
        botToken: env.SLACK_BOT_TOKEN!,
        appToken: env.SLACK_APP_TOKEN,
        signingSecret: env.SLACK_SIGNING_SECRET,
        http: deps.httpPort === undefined ? undefined : { port: deps.httpPort },
        slackApiUrl: env.SLACK_API_URL,
        log,
        deps: {
          db: runtime.db,
          config: context.config,
          taxonomy: context.taxonomy,
          now: () => new Date(),
          log,
          slack: runtime.slack.api,
        },
      });
      try {
        await app.init();
        if (deps.httpPort === undefined) await app.start();
        else await app.start(deps.httpPort);
      } catch (error) {
        throw explainSlackStartFailure(error);
      }
      log.info(
        { mode: deps.httpPort === undefined ? 'socket' : 'http', port: deps.httpPort },
        'Slack app started',
      );
      const problems = await runtime.slack.dispatcher.checkChannels(runtime.slack.channels);
      for (const [channel, problem] of problems)
        if (problem)
          deps.output.write(
            `driver-voice: channel ${channel}: ${problem}; nothing will be posted there.\n`,
          );
    } else {
      deps.output.write(
        'driver-voice: no SLACK_BOT_TOKEN: flagged posts are stored, not posted.\n',
      );
    }
    if (runtime.sources.length === 0)
      deps.output.write(
        'driver-voice: no sources are configured: add sources.reddit or sources.x to the config.\n',
      );

    const sourceNames = runtime.sources.map((s) => s.source.name);
    const metrics = createMetrics(runtime.db, sourceNames);
    if (context.config.monitoring.enabled) {
      monitor = await startMonitoringServer({
        db: runtime.db,
        sources: sourceNames,
        metrics,
        port: context.config.monitoring.port,
      });
      log.info({ url: monitor.url }, 'serving /healthz and /metrics');
    }
    const dispatcher = runtime.slack?.dispatcher;
    const watch = dispatcher
      ? createSourceWatch({
          health: runtime.deps.health,
          alert: dispatcher.alertAdmins,
          now: Date.now,
        })
      : null;
    auditConfig(context, new Date());
    const privacy = context.config.privacy;
    const jobs = runPrivacyJobs(
      [
        {
          name: 'retention',
          everyMs: 24 * 3_600_000,
          firstAfterMs: 0,
          run: () => runtime.purge(),
        },
        {
          name: 'deletion re-check',
          everyMs: privacy.deletionCheckHours * 3_600_000,
          firstAfterMs: 60_000,
          run: () => runtime.recheck(),
        },
      ],
      { sleep, log, now: Date.now },
      signal,
    );
    const started = new Set<string>();
    const progress = deps.backfillSince
      ? createBackfillProgress(deps.output, deps.backfillSince)
      : null;
    const delivering = (async () => {
      while (dispatcher && !signal.aborted) {
        metrics.recordDelivery(await dispatcher.deliver({ signal }));
        await sleep(DELIVERY_TICK_MS, signal).catch(() => {});
      }
    })();
    await runScheduler(
      {
        sources: runtime.sources,
        sleep,
        log,
        runCycle: (source) => {
          const backfill =
            !started.has(source.name) && deps.backfillSince && progress
              ? { backfillSince: deps.backfillSince, onProgress: progress.update }
              : {};
          started.add(source.name);
          return runSource(source, runtime.deps, backfill);
        },
        afterCycle: async (cycle) => {
          metrics.recordCycle(cycle);
          if (progress && started.size === runtime.sources.length) progress.stop();
          if (!dispatcher) return;
          await watch?.(cycle.source);
        },
      },
      signal,
    );
    if (runtime.sources.length === 0 && !signal.aborted)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    await delivering;
    await jobs;
    log.info('stopped');
    return 0;
  } finally {
    await app
      ?.stop()
      .catch((error: unknown) => log.warn({ err: error }, 'Slack app did not stop cleanly'));
    await new Promise((resolve) => (monitor ? monitor.close(resolve) : resolve(undefined)));
    runtime.db.close();
  }
}
