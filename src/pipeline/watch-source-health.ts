import type { SourceHealthStore } from '../store/source-health.js';

export const DOWN_ALERT_AFTER_MS = 15 * 60_000;

/**
 * Tells the admins once when a source has been failing or degraded for more
 * than 15 minutes, and once when it recovers. `alert` dedupes by key.
 */
export function createSourceWatch(deps: {
  health: SourceHealthStore;
  alert: (key: string, text: string) => Promise<void>;
  now: () => number;
}) {
  const down = new Set<string>();
  return async (source: string): Promise<void> => {
    const health = deps.health.get(source);
    if (!health) return;
    if (health.state === 'ok') {
      if (down.delete(source))
        await deps.alert(
          `source:${source}:up:${deps.now()}`,
          `${source} has recovered and is polling again.`,
        );
      return;
    }
    if (health.state === 'paused' || down.has(source)) return;
    if (deps.now() - health.since.getTime() < DOWN_ALERT_AFTER_MS) return;
    down.add(source);
    await deps.alert(
      `source:${source}:down:${health.since.getTime()}`,
      `${source} has been ${health.state} since ${health.since.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${health.lastError ?? 'no detail'}`,
    );
  };
}
