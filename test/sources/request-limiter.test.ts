import { describe, expect, it } from 'vitest';
import { createRequestLimiter } from '../../src/sources/request-limiter.js';

describe('createRequestLimiter', () => {
  it('lets at most max requests through in any window, waiting for the oldest to age out', async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = createRequestLimiter({
      max: 90,
      windowMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    const sentAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      await limiter.take();
      sentAt.push(clock);
      clock += 100;
    }
    for (let i = 90; i < sentAt.length; i++)
      expect(sentAt[i]! - sentAt[i - 90]!).toBeGreaterThanOrEqual(60_000);
    expect(waits.length).toBeGreaterThan(0);
  });
});
