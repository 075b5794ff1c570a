import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SourceCycle } from '../pipeline/run-source.js';
import type { DeliveryReport } from '../slack/delivery.js';
import type { Db } from '../store/open-database.js';
import { createSourceHealthStore, type SourceState } from '../store/source-health.js';

const STATE_VALUE: Record<SourceState, number> = { ok: 0, degraded: 1, failing: 2, paused: 3 };

export interface Metrics {
  registry: Registry;
  recordCycle(cycle: SourceCycle): void;
  recordDelivery(report: DeliveryReport): void;
}

/**
 * Prometheus metrics: polls, posts stored, flagged per category, delivered,
 * delivery failures, source state, outbox depth and cycle duration. There is
 * deliberately no counter of guard drops (they count as "not stored" with the
 * irrelevant ones), and no label carries text or identities.
 */
export function createMetrics(db: Db, sources: readonly string[]): Metrics {
  const registry = new Registry();
  const polls = new Counter({
    name: 'driver_voice_polls_total',
    help: 'Polls by source and resulting state',
    labelNames: ['source', 'state'],
    registers: [registry],
  });
  const stored = new Counter({
    name: 'driver_voice_posts_stored_total',
    help: 'Posts stored by source',
    labelNames: ['source'],
    registers: [registry],
  });
  const flagged = new Counter({
    name: 'driver_voice_flagged_total',
    help: 'Stored posts by category',
    labelNames: ['category'],
    registers: [registry],
  });
  const delivered = new Counter({
    name: 'driver_voice_delivered_total',
    help: 'Slack messages posted',
    registers: [registry],
  });
  const failures = new Counter({
    name: 'driver_voice_delivery_failures_total',
    help: 'Slack messages that will not be posted',
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'driver_voice_cycle_duration_seconds',
    help: 'Duration of a poll cycle',
    labelNames: ['source'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const health = createSourceHealthStore(db);
  const depth = db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck();
  new Gauge({
    name: 'driver_voice_source_state',
    help: 'Source state: 0 ok, 1 degraded, 2 failing, 3 paused',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const source of sources)
        this.set({ source }, STATE_VALUE[health.get(source)?.state ?? 'ok']);
    },
  });
  new Gauge({
    name: 'driver_voice_outbox_depth',
    help: 'Slack messages waiting to be posted',
    registers: [registry],
    collect() {
      this.set(depth.get() as number);
    },
  });
  for (const source of sources) {
    for (const state of Object.keys(STATE_VALUE)) polls.inc({ source, state }, 0);
    stored.inc({ source }, 0);
  }
  return {
    registry,
    recordCycle(cycle) {
      polls.inc({ source: cycle.source, state: cycle.state });
      stored.inc({ source: cycle.source }, cycle.stored);
      for (const [category, count] of Object.entries(cycle.categories))
        flagged.inc({ category }, count);
      duration.observe({ source: cycle.source }, cycle.durationMs / 1000);
    },
    recordDelivery(report) {
      delivered.inc(report.sent);
      failures.inc(report.failed);
    },
  };
}
