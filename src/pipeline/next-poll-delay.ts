import type { SourceCycle } from './run-source.js';

export const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * How long to wait before polling a source again: its interval, counted from
 * the start of the cycle, when it is healthy, and nothing when it had more new
 * posts than one poll reads (its request limiter still paces it); what it
 * asked for when rate-limited; exponential backoff with
 * jitter (interval × 2^failures, at most 15 minutes) when degraded or failing;
 * an hour when its budget is spent. `random` is a parameter so tests can pin it.
 */
export function nextPollDelay(
  cycle: SourceCycle,
  pollMs: number,
  consecutiveFailures: number,
  random: () => number = Math.random,
): number {
  if (cycle.state === 'paused') return 60 * 60_000;
  if (cycle.state === 'ok')
    return Math.max(cycle.behind ? 0 : pollMs - cycle.durationMs, cycle.retryAfterMs ?? 0, 0);
  if (cycle.retryAfterMs !== undefined) return cycle.retryAfterMs + Math.floor(random() * 1000);
  const backoff = Math.min(MAX_BACKOFF_MS, pollMs * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.floor(backoff * (0.75 + random() * 0.5));
}
