import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../store/open-database.js';
import { createSourceHealthStore } from '../store/source-health.js';
import type { Metrics } from './create-metrics.js';

export interface HealthReport {
  ok: boolean;
  database: 'writable' | string;
  sources: Record<string, string>;
}

/** Healthy when every enabled source is ok or degraded (or not polled yet) and the database takes a write lock. */
export function checkHealth(db: Db, sources: readonly string[]): HealthReport {
  const store = createSourceHealthStore(db);
  let database = 'writable';
  try {
    db.exec('BEGIN IMMEDIATE; ROLLBACK;');
  } catch (error) {
    database = `not writable: ${(error as Error).message}`;
  }
  const states = Object.fromEntries(
    sources.map((source) => [source, store.get(source)?.state ?? 'starting']),
  );
  const ok =
    database === 'writable' &&
    Object.values(states).every(
      (state) => state === 'ok' || state === 'degraded' || state === 'starting',
    );
  return { ok, database, sources: states };
}

/** `/healthz` (200 or 503 with a JSON body saying why) and `/metrics` (Prometheus text) on loopback. */
export async function startMonitoringServer(deps: {
  db: Db;
  sources: readonly string[];
  metrics: Metrics;
  port: number;
  host?: string;
}): Promise<Server & { url: string }> {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/healthz') {
        const report = checkHealth(deps.db, deps.sources);
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      } else if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
        res.end(await deps.metrics.registry.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found: try /healthz or /metrics\n');
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`error: ${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(server, { url: `http://${deps.host ?? '127.0.0.1'}:${port}` });
}
