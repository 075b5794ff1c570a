import { afterEach, describe, expect, it } from 'vitest';
import { type FakeReddit, startFakeReddit } from '../../src/fakes/fake-reddit.js';
import { type FakeX, startFakeX } from '../../src/fakes/fake-x.js';
import { runOnce } from '../../src/pipeline/run-once.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createOptOuts } from '../../src/store/opt-outs.js';
import { redditSourceFor, xSourceFor } from '../fakes/connect.js';
import { pipelineDeps } from '../fakes/pipeline-deps.js';
import { captureLogger } from '../helpers.js';

describe('runOnce', () => {
  let reddit: FakeReddit;
  let x: FakeX;
  afterEach(async () => {
    await reddit?.close();
    await x?.close();
  });

  async function setUp() {
    reddit = await startFakeReddit();
    x = await startFakeX();
    const db = openDatabase(':memory:');
    const logs = captureLogger();
    const { deps } = pipelineDeps({ db, log: logs.log });
    const sources = [
      redditSourceFor(reddit, { log: logs.log }).source,
      xSourceFor(x, { log: logs.log }),
    ];
    await runOnce(sources, deps);
    return { db, deps, sources, logs };
  }

  it('stores relevant posts from both sources and nothing protected, from either', async () => {
    const { db, deps, sources, logs } = await setUp();
    const now = Date.now();
    reddit.publish(
      {
        kind: 'post',
        subreddit: 'AmazonFlexDrivers',
        title: 'Scanner',
        text: 'The app crashed at every stop',
        createdAt: new Date(now),
      },
      {
        kind: 'comment',
        subreddit: 'couriersofreddit',
        text: 'We walk out on Friday, union now ploughmarker',
        createdAt: new Date(now + 1),
      },
      {
        kind: 'post',
        subreddit: 'repartidores',
        title: 'Huelga',
        text: 'Huelga el lunes por las propinas ploughmarker',
        createdAt: new Date(now + 2),
      },
    );
    x.publish(
      { text: 'Tips missing again this week', createdAt: new Date(now + 3), lang: 'en' },
      {
        text: 'Talked to a journalist about the unsafe station ploughmarker',
        createdAt: new Date(now + 4),
        lang: 'en',
      },
      { text: 'Nice weather today', createdAt: new Date(now + 5), lang: 'en' },
    );
    const cycles = await runOnce(sources, deps);
    expect(cycles.map((c) => [c.source, c.state, c.fetched, c.stored])).toEqual([
      ['reddit', 'ok', 3, 1],
      ['x', 'ok', 3, 1],
    ]);
    const everything = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all()
      .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all()))
      .join();
    expect(everything).toContain('The app crashed');
    expect(everything).not.toContain('ploughmarker');
    expect(logs.lines()).not.toContain('ploughmarker');
    expect(logs.lines()).not.toContain('The app crashed');
  });

  it('drops posts by authors who opted out, from either source, before anything is stored', async () => {
    const { db, deps, sources } = await setUp();
    const optOuts = createOptOuts(db, 'a-long-test-secret');
    optOuts.add('reddit:quiet_driver', new Date());
    optOuts.add('x:QuietTweeter', new Date());
    const now = Date.now();
    reddit.publish(
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'Tips missing, optedoutmarker',
        createdAt: new Date(now),
        author: 'Quiet_Driver',
      },
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'Tips missing for me too',
        createdAt: new Date(now + 1),
        author: 'someone_else',
      },
    );
    x.publish({
      text: 'The app crashed, optedoutmarker',
      createdAt: new Date(now + 2),
      lang: 'en',
      authorId: '77',
      username: 'quiettweeter',
    });
    const cycles = await runOnce(sources, {
      ...deps,
      keepAuthor: (author) => !optOuts.has(author),
    });
    expect(cycles.map((c) => c.stored)).toEqual([1, 0]);
    expect(JSON.stringify(db.prepare('SELECT * FROM posts').all())).not.toContain('optedoutmarker');
  });

  it('keeps polling the other source when one fails', async () => {
    const { deps, sources } = await setUp();
    reddit.failNext('forbidden');
    x.publish({ text: 'Tips missing again this week', createdAt: new Date(), lang: 'en' });
    const cycles = await runOnce(sources, deps);
    expect(cycles.map((c) => [c.source, c.state, c.stored])).toEqual([
      ['reddit', 'failing', 0],
      ['x', 'ok', 1],
    ]);
  });

  it('logs one line per source and cycle with counts and state, never post text', async () => {
    const { deps, sources, logs } = await setUp();
    x.publish({ text: 'Tips missing again this week', createdAt: new Date(), lang: 'en' });
    await runOnce(sources, deps);
    const lines = logs
      .lines()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'poll');
    expect(lines.at(-1)).toMatchObject({
      source: 'x',
      state: 'ok',
      fetched: 1,
      stored: 1,
      requests: 1,
    });
    expect(lines.at(-1)).toHaveProperty('durationMs');
  });
});
