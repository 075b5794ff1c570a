import type { Logger } from '../log/create-logger.js';
import type { Sleep } from '../sources/request-limiter.js';
import type { Source } from '../sources/source.js';
import { nextPollDelay } from './next-poll-delay.js';
import type { SourceCycle } from './run-source.js';

export interface ScheduledSource {
  source: Source;
  pollMs: number;
}

export interface SchedulerDeps {
  sources: readonly ScheduledSource[];
  /** One cycle of one source (runSource with its dependencies). */
  runCycle: (source: Source) => Promise<SourceCycle>;
  sleep: Sleep;
  log: Logger;
  /** Called after each cycle, e.g. to deliver what was stored. */
  afterCycle?: (cycle: SourceCycle) => Promise<void>;
}

/**
 * Polls every source on its own interval, never overlapping itself, backing
 * off when it fails. Resolves once `signal` aborts and every source's current
 * cycle has finished.
 */
export async function runScheduler(deps: SchedulerDeps, signal: AbortSignal): Promise<void> {
  await Promise.all(
    deps.sources.map(async ({ source, pollMs }) => {
      let failures = 0;
      while (!signal.aborted) {
        const cycle = await deps.runCycle(source);
        failures = cycle.state === 'ok' ? 0 : failures + 1;
        await deps.afterCycle?.(cycle);
        if (signal.aborted) break;
        const delay = nextPollDelay(cycle, pollMs, failures);
        if (cycle.state !== 'ok')
          deps.log.info(
            { source: source.name, state: cycle.state, delayMs: delay },
            'next poll delayed',
          );
        try {
          await deps.sleep(delay, signal);
        } catch {
          break; // aborted while waiting
        }
      }
    }),
  );
}
