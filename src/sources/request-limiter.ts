/** Waits for `ms`, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * At most `max` requests in any window of `windowMs`: `take()` resolves when
 * one more request fits. Reddit allows 100 a minute per client; we keep to 90.
 */
export interface RequestLimiter {
  take(signal?: AbortSignal): Promise<void>;
}

export function createRequestLimiter(options: {
  max: number;
  windowMs: number;
  now?: () => number;
  sleep?: Sleep;
}): RequestLimiter {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const sent: number[] = [];
  return {
    async take(signal) {
      for (;;) {
        const time = now();
        while (sent.length > 0 && sent[0]! <= time - options.windowMs) sent.shift();
        if (sent.length < options.max) {
          sent.push(time);
          return;
        }
        await wait(sent[0]! + options.windowMs - time, signal);
      }
    },
  };
}
