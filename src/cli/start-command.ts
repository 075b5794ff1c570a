import type { Writable } from 'node:stream';
import type { Logger } from '../log/create-logger.js';
import { runSource } from '../pipeline/run-source.js';
import { runScheduler } from '../pipeline/schedule.js';
import { sleep } from '../sources/request-limiter.js';
import { createRuntime } from './create-runtime.js';
import type { Context } from './load-context.js';

/** True when the environment holds credentials for something live: a source or Slack. */
export function hasLiveCredentials(context: Context): boolean {
  const env = context.config.env;
  return Boolean(env.REDDIT_CLIENT_ID || env.X_BEARER_TOKEN || env.SLACK_BOT_TOKEN);
}

/**
 * `driver-voice start` with credentials: polls every configured source on its
 * interval until `signal` aborts, then finishes the current cycles and closes
 * the database.
 */
export async function runStartCommand(deps: {
  context: Context;
  log: Logger;
  output: Writable;
  signal: AbortSignal;
  backfillSince?: Date;
}): Promise<number> {
  const poller = createRuntime(deps.context, deps.log);
  try {
    if (poller.sources.length === 0) {
      deps.output.write(
        'No sources are configured: add sources.reddit or sources.x to the config (see data/config.example.yml).\n',
      );
      return 0;
    }
    deps.log.info(
      {
        sources: poller.sources.map((s) => ({ name: s.source.name, pollSeconds: s.pollMs / 1000 })),
      },
      'polling',
    );
    const started = new Set<string>();
    await runScheduler(
      {
        sources: poller.sources,
        sleep,
        log: deps.log,
        runCycle: (source) => {
          const backfill =
            !started.has(source.name) && deps.backfillSince
              ? { backfillSince: deps.backfillSince }
              : {};
          started.add(source.name);
          return runSource(source, poller.deps, backfill);
        },
      },
      deps.signal,
    );
    deps.log.info('stopped');
    return 0;
  } finally {
    poller.db.close();
  }
}
