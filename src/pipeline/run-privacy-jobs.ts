import type { Logger } from '../log/create-logger.js';
import type { Sleep } from '../sources/request-limiter.js';

export interface PrivacyJob {
  name: string;
  everyMs: number;
  /** Delay of the first run after start. */
  firstAfterMs: number;
  run: () => Promise<unknown>;
}

/** Runs each job on its period until `signal` aborts; a failing job is logged and tried again next period. */
export async function runPrivacyJobs(
  jobs: readonly PrivacyJob[],
  deps: { sleep: Sleep; log: Logger; now: () => number },
  signal: AbortSignal,
): Promise<void> {
  const due = new Map(jobs.map((job) => [job, deps.now() + job.firstAfterMs]));
  while (!signal.aborted) {
    for (const job of jobs) {
      if (signal.aborted || due.get(job)! > deps.now()) continue;
      try {
        await job.run();
      } catch (error) {
        deps.log.error(
          { err: error, job: job.name },
          'privacy job failed; it runs again next period',
        );
      }
      due.set(job, deps.now() + job.everyMs);
    }
    const next = Math.min(...due.values());
    try {
      await deps.sleep(Math.max(1000, next - deps.now()), signal);
    } catch {
      break;
    }
  }
}
