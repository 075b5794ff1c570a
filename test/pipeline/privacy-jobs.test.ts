import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/cli/create-runtime.js';
import { loadContext } from '../../src/cli/load-context.js';
import type { FakeReddit } from '../../src/fakes/fake-reddit.js';
import type { FakeSlack } from '../../src/fakes/fake-slack.js';
import type { FakeX } from '../../src/fakes/fake-x.js';
import { purgeExpired } from '../../src/pipeline/purge-expired.js';
import { runOnce } from '../../src/pipeline/run-once.js';
import { syncDeletions } from '../../src/pipeline/sync-deletions.js';
import { buildNotice } from '../../src/privacy/build-notice.js';
import { createOptOuts } from '../../src/store/opt-outs.js';
import { type LiveFakes, startLiveFakes } from '../fakes/live-setup.js';
import { captureLogger } from '../helpers.js';

describe('privacy operations', () => {
  let fakes: LiveFakes | undefined;
  let reddit: FakeReddit;
  let x: FakeX;
  let slack: FakeSlack;
  let runtime: Runtime | undefined;
  afterEach(async () => {
    runtime?.db.close();
    runtime = undefined;
    await fakes?.close();
  });

  async function setUp() {
    fakes = await startLiveFakes();
    ({ reddit, x, slack } = fakes);
    const { dir } = fakes;
    const context = loadContext(
      { ...fakes.env, DRIVER_VOICE_SECRET: 'a-long-test-secret' },
      { file: fakes.config },
    );
    const log = captureLogger().log;
    runtime = createRuntime(context, log, { sleep: async () => {} });
    const sources = runtime.sources.map((s) => s.source);
    await runOnce(sources, runtime.deps);
    const jobDeps = () => ({
      db: runtime!.db,
      sources,
      budget: runtime!.deps.budget,
      optOuts: createOptOuts(runtime!.db, 'a-long-test-secret'),
      slack: runtime!.slack!.api,
      log,
      now: () => new Date(),
    });
    return { context, sources, dbFile: path.join(dir, 'dv.db'), jobDeps, log };
  }

  const texts = () => runtime!.db.prepare('SELECT text FROM posts ORDER BY id').pluck().all();

  it('removes posts deleted at Reddit and at X, and turns their Slack messages into the stub, in one re-check', async () => {
    const { sources, jobDeps } = await setUp();
    const now = Date.now();
    const [deletedName] = reddit.publish(
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'The app crashed, reddit-gone',
        createdAt: new Date(now),
      },
      {
        kind: 'comment',
        subreddit: 'AmazonFlexDrivers',
        text: 'The app crashed, reddit-kept',
        createdAt: new Date(now + 1),
      },
    );
    const [deletedId] = x.publish(
      { text: 'Tips missing, x-gone', createdAt: new Date(now + 2), lang: 'en' },
      { text: 'Tips missing, x-kept', createdAt: new Date(now + 3), lang: 'en' },
    );
    await runOnce(sources, runtime!.deps);
    await runtime!.slack!.dispatcher.deliver();
    const posted = slack
      .callsTo('chat.postMessage')
      .filter((c) => JSON.stringify(c.args.blocks).includes('-gone'));
    expect(posted).toHaveLength(2);

    reddit.deletePost(deletedName!);
    x.deleteTweet(deletedId!);
    const reports = await syncDeletions(jobDeps());
    expect(reports.map((r) => [r.source, r.removed])).toEqual([
      ['reddit', 1],
      ['x', 1],
    ]);
    expect(texts()).toEqual(['The app crashed, reddit-kept', 'Tips missing, x-kept']);
    const updates = slack.callsTo('chat.update');
    expect(updates).toHaveLength(2);
    for (const update of updates)
      expect(String(update.args.text)).toContain('removed by its author');
    expect(JSON.stringify(updates)).not.toContain('-gone');
  });

  it('removes nothing when the re-check fails', async () => {
    const { sources, jobDeps } = await setUp();
    reddit.publish({
      kind: 'comment',
      subreddit: 'AmazonFlexDrivers',
      text: 'The app crashed again',
      createdAt: new Date(),
    });
    await runOnce(sources, runtime!.deps);
    reddit.failNext('unavailable');
    const [report] = await syncDeletions(jobDeps());
    expect(report).toMatchObject({
      source: 'reddit',
      removed: 0,
      error: expect.stringContaining('503'),
    });
    expect(texts()).toEqual(['The app crashed again']);
  });

  it('removes posts already stored from an author who opted out since', async () => {
    const { sources, jobDeps } = await setUp();
    const now = Date.now();
    reddit.publish({
      kind: 'comment',
      subreddit: 'AmazonFlexDrivers',
      text: 'The app crashed for me',
      createdAt: new Date(now),
      author: 'later_objector',
    });
    x.publish({
      text: 'Tips missing for me',
      createdAt: new Date(now + 1),
      lang: 'en',
      authorId: '99',
      username: 'LaterTweeter',
    });
    await runOnce(sources, runtime!.deps);
    expect(texts()).toHaveLength(2);
    const optOuts = createOptOuts(runtime!.db, 'a-long-test-secret');
    optOuts.add('reddit:later_objector', new Date());
    optOuts.add('x:latertweeter', new Date());
    await syncDeletions(jobDeps());
    expect(texts()).toEqual([]);
  });

  it('purges posts past retention with every trace of their text, keeping the daily counts', async () => {
    const { sources, dbFile, log } = await setUp();
    const old = new Date(Date.now() - 40 * 86_400_000);
    x.publish({
      text: 'Tips missing retentionmarker old',
      createdAt: new Date(Date.now() - 1000),
      lang: 'en',
    });
    await runOnce(sources, runtime!.deps);
    runtime!.db.prepare('UPDATE posts SET created_at = ?').run(old.getTime());
    await runtime!.slack!.dispatcher.deliver();
    const result = await purgeExpired({
      db: runtime!.db,
      retentionDays: 30,
      slackPolicy: 'stub',
      slack: runtime!.slack!.api,
      log,
      now: () => new Date(),
    });
    expect(result).toMatchObject({ removed: 1, stubbed: 1 });
    expect(runtime!.db.prepare('SELECT sum(count) FROM daily_counts').pluck().get()).toBe(1);
    const bytes = Buffer.concat([readFileSync(dbFile), readFileSync(`${dbFile}-wal`)]).toString(
      'latin1',
    );
    expect(bytes).not.toContain('retentionmarker');
    expect(String(slack.callsTo('chat.update')[0]!.args.text)).toContain(
      'older than the retention period',
    );
  });

  it('prints a notice that lists exactly the configured sources', async () => {
    const { context } = await setUp();
    const notice = buildNotice(context.config, context.taxonomy, context.guard);
    expect(notice.match(/^- (Reddit|X):.*$/gm)).toEqual([
      '- Reddit: new public posts and comments in r/AmazonFlexDrivers',
      '- X: public posts found by the search ""amazon flex"" (reposts excluded)',
    ]);
    expect(notice).toContain('deleted after 30 days');
    expect(notice).toContain('unions, strikes');
    const html = buildNotice(context.config, context.taxonomy, context.guard, 'html');
    expect(html).toContain('<li>Reddit: new public posts and comments in r/AmazonFlexDrivers</li>');
    expect(html).toContain('&quot;amazon flex&quot;');
  });
});
