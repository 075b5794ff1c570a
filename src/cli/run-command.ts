import type { Writable } from 'node:stream';
import type { Logger } from '../log/create-logger.js';
import { runOnce } from '../pipeline/run-once.js';
import type { SourceCycle } from '../pipeline/run-source.js';
import { createBackfillProgress } from './backfill-progress.js';
import { createRuntime } from './create-runtime.js';
import type { Context } from './load-context.js';

/** How long `run --once` waits for Slack to accept deferred messages (429, retries) before leaving them queued. */
const DELIVERY_WAIT_MS = 120_000;

export function describeCycle(cycle: SourceCycle): string {
  const counts = `${cycle.fetched} read, ${cycle.stored} stored, ${cycle.notStored} not stored, ${cycle.duplicates} duplicates, ${cycle.requests} requests, ${cycle.durationMs} ms`;
  return `${cycle.source}: ${cycle.state}; ${counts}${cycle.error ? `\n  ${cycle.error.message}` : ''}`;
}

/**
 * `driver-voice run --once`: one poll → classify → store cycle over every
 * configured source, then exit. Exits non-zero only on a config error (thrown
 * before this runs); a failing source is reported, and its state stored.
 */
export async function runOnceCommand(deps: {
  context: Context;
  log: Logger;
  output: Writable;
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
    const progress = deps.backfillSince
      ? createBackfillProgress(deps.output, deps.backfillSince)
      : null;
    const cycles = await runOnce(
      poller.sources.map((s) => s.source),
      poller.deps,
      deps.backfillSince && progress
        ? { backfillSince: deps.backfillSince, onProgress: progress.update }
        : {},
    );
    progress?.stop();
    for (const cycle of cycles) deps.output.write(`${describeCycle(cycle)}\n`);
    if (poller.slack) {
      await poller.slack.dispatcher.checkChannels(poller.slack.channels);
      const report = await poller.slack.dispatcher.deliver({ waitUpToMs: DELIVERY_WAIT_MS });
      deps.output.write(
        `slack: ${report.sent} posted, ${report.failed} failed, ${report.pending} pending\n`,
      );
    }
    return 0;
  } finally {
    poller.db.close();
  }
}
