import { afterEach, describe, expect, it } from 'vitest';
import { type FakeReddit, startFakeReddit } from '../../src/fakes/fake-reddit.js';
import { createMetrics } from '../../src/observe/create-metrics.js';
import { startMonitoringServer } from '../../src/observe/start-monitoring-server.js';
import { runSource } from '../../src/pipeline/run-source.js';
import { openDatabase } from '../../src/store/open-database.js';
import { redditSourceFor } from '../fakes/connect.js';
import { pipelineDeps } from '../fakes/pipeline-deps.js';

/** Every line of Prometheus text is a comment or `name{labels} value`. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+]+|NaN|\+Inf|-Inf)$/.exec(
        line,
      );
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return samples;
}

describe('/healthz and /metrics', () => {
  let reddit: FakeReddit;
  let server: Awaited<ReturnType<typeof startMonitoringServer>> | undefined;
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await reddit?.close();
  });

  it('turns 503 when a source fails with a 403, and 200 again when it recovers', async () => {
    reddit = await startFakeReddit();
    const db = openDatabase(':memory:');
    const { deps } = pipelineDeps({ db });
    const metrics = createMetrics(db, ['reddit']);
    server = await startMonitoringServer({ db, sources: ['reddit'], metrics, port: 0 });
    const { source } = redditSourceFor(reddit);
    const health = async () => {
      const response = await fetch(`${server!.url}/healthz`);
      return {
        status: response.status,
        body: (await response.json()) as { sources: Record<string, string>; database: string },
      };
    };

    expect((await health()).status).toBe(200);
    metrics.recordCycle(await runSource(source, deps));
    expect(await health()).toEqual({
      status: 200,
      body: { ok: true, database: 'writable', sources: { reddit: 'ok' } },
    });

    reddit.failNext('forbidden');
    metrics.recordCycle(await runSource(source, deps));
    expect(await health()).toMatchObject({ status: 503, body: { sources: { reddit: 'failing' } } });

    reddit.publish({
      kind: 'post',
      subreddit: 'AmazonFlexDrivers',
      title: 'Scanner',
      text: 'The app crashed again',
      createdAt: new Date(),
    });
    metrics.recordCycle(await runSource(source, deps));
    expect((await health()).status).toBe(200);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const samples = parsePrometheus(text);
    expect(samples.get('driver_voice_polls_total{source="reddit",state="ok"}')).toBe(2);
    expect(samples.get('driver_voice_polls_total{source="reddit",state="failing"}')).toBe(1);
    expect(samples.get('driver_voice_posts_stored_total{source="reddit"}')).toBe(1);
    expect(samples.get('driver_voice_flagged_total{category="app"}')).toBe(1);
    expect(samples.get('driver_voice_source_state{source="reddit"}')).toBe(0);
    expect(samples.get('driver_voice_outbox_depth')).toBe(0);
    expect(text).toContain('driver_voice_cycle_duration_seconds_bucket');
    expect(text).not.toMatch(/guard|protected|dropped|author/i);
  });

  it('says the database is not writable, with a 503', async () => {
    const db = openDatabase(':memory:');
    db.exec('BEGIN IMMEDIATE');
    const other = db; // a second write transaction on the same connection fails
    server = await startMonitoringServer({
      db: other,
      sources: [],
      metrics: createMetrics(db, []),
      port: 0,
    });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { database: string }).database).toMatch(/^not writable/);
    db.exec('ROLLBACK');
  });
});
