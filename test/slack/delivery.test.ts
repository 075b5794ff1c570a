import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fakes/fake-slack.js';
import { createWebClient } from '../../src/slack/create-web-client.js';
import { createDispatcher } from '../../src/slack/delivery.js';
import { routePost } from '../../src/slack/route-post.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createOutbox } from '../../src/store/outbox.js';
import { createPostStore } from '../../src/store/posts.js';
import type { ClassifiedPost } from '../../src/types.js';
import { captureLogger, defaultTaxonomy, makePost } from '../helpers.js';

const routing = {
  default: { channel: 'C0000GENERAL' },
  categories: {
    app: { channel: 'C0000APPOPS', owner: 'U0000APPLEAD' },
    pay: { channel: 'C0000PAYOPS' },
    safety: { channel: 'C0000SAFETY' },
  },
  languages: {},
};
const channels = {
  C0000GENERAL: {},
  C0000APPOPS: {},
  C0000PAYOPS: {},
  C0000SAFETY: {},
  C0000ADMIN: {},
};

function classified(category: string, text = `Problem with ${category}`): ClassifiedPost {
  return {
    post: makePost({ text }),
    categories: [
      { id: category, name: category, priority: 'normal', subcategories: [], matched: [category] },
    ],
    lang: 'en',
    sentiment: { score: 0, label: 'neutral' },
  };
}

describe('the dispatcher', () => {
  let slack: FakeSlack;
  afterEach(async () => slack?.close());

  async function setUp(fakeChannels: Record<string, object> = channels) {
    let clock = Date.UTC(2026, 11, 1, 12);
    const now = () => clock;
    slack = await startFakeSlack({ channels: fakeChannels, now });
    const db = openDatabase(':memory:');
    const outbox = createOutbox(db);
    const store = createPostStore(db, {
      onStored: (id, post) =>
        outbox.enqueue(id, routePost(post.categories, post.lang, routing), new Date(clock)),
    });
    const log = captureLogger().log;
    const dispatcher = createDispatcher({
      db,
      slack: createSlackApi(createWebClient('xoxb-test-token', log, slack.apiUrl)),
      taxonomy: defaultTaxonomy(),
      adminChannel: 'C0000ADMIN',
      log,
      now,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    return { db, outbox, store, dispatcher, now, advance: (ms: number) => (clock += ms) };
  }

  it('delivers everything after Slack answered 429 for 30 seconds, never more than one message a second per channel', async () => {
    const { store, dispatcher, now } = await setUp();
    const start = now();
    store.insertMany(
      ['app', 'pay', 'safety'].flatMap((c) => Array.from({ length: 5 }, () => classified(c))),
      new Date(start),
    );
    slack.rateLimitUntil(start + 30_000);
    const report = await dispatcher.deliver({ waitUpToMs: 120_000 });
    expect(report).toEqual({ sent: 15, failed: 0, pending: 0 });
    const delivered = slack.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.at >= start + 30_000,
    );
    expect(delivered).toHaveLength(15);
    const limited = slack.callsTo('chat.postMessage').filter((c) => c.at < start + 30_000);
    expect(limited.length).toBeGreaterThan(0);
    for (const channel of ['C0000APPOPS', 'C0000PAYOPS', 'C0000SAFETY']) {
      const times = delivered.filter((c) => c.args.channel === channel).map((c) => c.at);
      expect(times).toHaveLength(5);
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    }
  });

  it('marks messages to a missing channel failed and alerts the admin channel once', async () => {
    const { store, dispatcher, now, outbox } = await setUp({ C0000APPOPS: {}, C0000ADMIN: {} });
    store.insertMany([classified('pay'), classified('pay'), classified('app')], new Date(now()));
    const report = await dispatcher.deliver();
    expect(report).toMatchObject({ sent: 1, failed: 2, pending: 0 });
    const alerts = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0000ADMIN');
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]!.args.text)).toContain('C0000PAYOPS does not exist');
    expect(outbox.pendingCount()).toBe(0);
  });

  it('alerts once when the bot is not in a channel that Slack reports as fine', async () => {
    const { store, dispatcher, now } = await setUp({ ...channels, C0000PAYOPS: { member: false } });
    store.insertMany([classified('pay'), classified('pay')], new Date(now()));
    await dispatcher.deliver();
    const alerts = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0000ADMIN');
    expect(alerts.map((a) => a.args.text)).toEqual([
      expect.stringContaining('not a member of channel C0000PAYOPS'),
    ]);
  });

  it('retries a transient failure with backoff and records the message ts', async () => {
    const { db, store, dispatcher, now } = await setUp();
    store.insertMany([classified('app')], new Date(now()));
    await slack.close(); // Slack unreachable
    const first = await dispatcher.deliver();
    expect(first).toMatchObject({ sent: 0, pending: 1 });
    expect(
      db.prepare('SELECT attempts, next_attempt_at > ? AS later FROM outbox').get(now()),
    ).toEqual({ attempts: 1, later: 1 });
  });

  it('takes channels in turn, so one busy channel does not hold the others back', async () => {
    const { store, dispatcher, now } = await setUp();
    const start = now();
    store.insertMany(
      ['app', 'app', 'app', 'pay', 'safety'].map((c) => classified(c)),
      new Date(start),
    );
    await dispatcher.deliver();
    const times = Object.fromEntries(
      ['C0000APPOPS', 'C0000PAYOPS', 'C0000SAFETY'].map((c) => [
        c,
        slack
          .callsTo('chat.postMessage')
          .filter((m) => m.args.channel === c)
          .map((m) => m.at - start),
      ]),
    );
    expect(times.C0000PAYOPS![0]).toBeLessThan(1000);
    expect(times.C0000SAFETY![0]).toBeLessThan(1000);
    expect(times.C0000APPOPS).toHaveLength(3);
  });

  it('keeps other channels moving behind a flood in one, and posts a high-priority post first', async () => {
    const { store, dispatcher, now } = await setUp();
    const start = now();
    const flood = Array.from({ length: 150 }, () => classified('app'));
    const urgent = classified('app', 'Scanner fire at the station, urgent');
    urgent.categories[0]!.priority = 'high';
    store.insertMany([...flood, classified('pay'), urgent], new Date(start));
    await dispatcher.deliver();
    const posted = slack.callsTo('chat.postMessage');
    const pay = posted.find((m) => m.args.channel === 'C0000PAYOPS')!;
    expect(pay.at - start).toBeLessThan(1000);
    const app = posted.filter((m) => m.args.channel === 'C0000APPOPS');
    expect(app).toHaveLength(151);
    expect(JSON.stringify(app[0]!.args.blocks)).toContain('Scanner fire');
  });

  it('runs one delivery at a time, whoever asks', async () => {
    const { store, dispatcher, now } = await setUp();
    store.insertMany([classified('app'), classified('app')], new Date(now()));
    const [a, b] = await Promise.all([dispatcher.deliver(), dispatcher.deliver()]);
    expect(a).toBe(b);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('records the ts of each posted message', async () => {
    const { db, store, dispatcher, now } = await setUp();
    store.insertMany([classified('app')], new Date(now()));
    await dispatcher.deliver();
    expect(db.prepare('SELECT status, message_ts FROM outbox').get()).toEqual({
      status: 'sent',
      message_ts: expect.stringMatching(/^\d+\.\d{6}$/),
    });
  });
});
