import { describe, expect, it } from 'vitest';
import type { SourceCycle } from '../../src/pipeline/run-source.js';
import { runScheduler } from '../../src/pipeline/schedule.js';
import { createMemorySource } from '../fakes/memory-source.js';
import { captureLogger } from '../helpers.js';

describe('runScheduler', () => {
  it('polls each source on its interval (from the start of a cycle) without overlapping itself, and stops when aborted', async () => {
    const controller = new AbortController();
    const source = createMemorySource();
    let running = 0;
    let maxRunning = 0;
    let cycles = 0;
    const waits: number[] = [];
    await runScheduler(
      {
        sources: [{ source, pollMs: 60_000 }],
        log: captureLogger().log,
        sleep: async (ms) => {
          waits.push(ms);
          if (waits.length === 3) controller.abort();
        },
        runCycle: async (polled): Promise<SourceCycle> => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          cycles++;
          return {
            source: polled.name,
            state: 'ok',
            fetched: 0,
            stored: 0,
            notStored: 0,
            duplicates: 0,
            requests: 1,
            durationMs: 5,
            categories: {},
          };
        },
      },
      controller.signal,
    );
    expect(cycles).toBe(3);
    expect(maxRunning).toBe(1);
    expect(waits).toEqual([59_995, 59_995, 59_995]);
  });
});
