import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextPollDelay } from '../../src/pipeline/next-poll-delay.js';
import type { SourceCycle } from '../../src/pipeline/run-source.js';

const cycle = (overrides: Partial<SourceCycle>): SourceCycle => ({
  source: 'reddit',
  state: 'ok',
  fetched: 0,
  stored: 0,
  notStored: 0,
  duplicates: 0,
  requests: 1,
  durationMs: 1,
  categories: {},
  ...overrides,
});
const middle = () => 0.5;

describe('nextPollDelay', () => {
  it('waits the poll interval when healthy, counted from the start of the cycle', () => {
    expect(nextPollDelay(cycle({ durationMs: 0 }), 60_000, 0, middle)).toBe(60_000);
    expect(nextPollDelay(cycle({ durationMs: 4000 }), 60_000, 0, middle)).toBe(56_000);
    expect(nextPollDelay(cycle({ durationMs: 75_000 }), 60_000, 0, middle)).toBe(0);
  });

  it('polls again at once when the source had more new posts than one poll reads', () => {
    expect(nextPollDelay(cycle({ behind: true }), 60_000, 0, middle)).toBe(0);
    expect(nextPollDelay(cycle({ behind: true, retryAfterMs: 9000 }), 60_000, 0, middle)).toBe(
      9000,
    );
  });

  it('waits what a rate limit asked for', () => {
    expect(nextPollDelay(cycle({ state: 'degraded', retryAfterMs: 4000 }), 60_000, 1, middle)).toBe(
      4500,
    );
  });

  it('backs off exponentially with jitter, up to 15 minutes', () => {
    const degraded = cycle({ state: 'degraded' });
    expect(nextPollDelay(degraded, 60_000, 1, middle)).toBe(60_000);
    expect(nextPollDelay(degraded, 60_000, 3, middle)).toBe(240_000);
    expect(nextPollDelay(degraded, 60_000, 20, middle)).toBe(MAX_BACKOFF_MS);
    expect(nextPollDelay(degraded, 60_000, 2, () => 0)).toBe(90_000);
  });

  it('checks a paused source hourly', () => {
    expect(nextPollDelay(cycle({ state: 'paused' }), 300_000, 1, middle)).toBe(3_600_000);
  });
});
