import { afterEach, describe, expect, it } from 'vitest';
import { type FakeReddit, startFakeReddit } from '../../src/fakes/fake-reddit.js';
import { runSource } from '../../src/pipeline/run-source.js';
import { openDatabase } from '../../src/store/open-database.js';
import { recordingSleep, redditSourceFor, USER_AGENT } from '../fakes/connect.js';
import { pipelineDeps } from '../fakes/pipeline-deps.js';
import { sourceContract } from './source-contract.js';

let n = 0;
const relevant = (kind: 'post' | 'comment' = 'post') => ({
  kind,
  subreddit: ['AmazonFlexDrivers', 'couriersofreddit', 'repartidores'][n % 3]!,
  title: kind === 'post' ? `Scanner problem ${n}` : undefined,
  text: `The app crashed at stop ${++n}`,
  createdAt: new Date(Date.UTC(2026, 10, 1) + n * 1000),
});

sourceContract('the Reddit source on snoowrap', async () => {
  const fake = await startFakeReddit();
  return {
    source: () => redditSourceFor(fake).source,
    publish(count) {
      const items = Array.from({ length: count }, (_, i) => relevant(i % 2 ? 'comment' : 'post'));
      fake.publish(...items);
      return items.map((i) => i.text);
    },
    close: () => fake.close(),
  };
});

describe('the Reddit source', () => {
  let fake: FakeReddit;
  afterEach(async () => fake?.close());

  function pipeline() {
    const db = openDatabase(':memory:');
    const { deps } = pipelineDeps({ db });
    return { db, deps };
  }

  it('authenticates app-only with client_credentials and an honest User-Agent', async () => {
    fake = await startFakeReddit();
    await redditSourceFor(fake).source.poll(null);
    const [token] = fake.tokenRequests;
    expect(new URLSearchParams(token!.body).get('grant_type')).toBe('client_credentials');
    expect(token!.headers['user-agent']).toBe(USER_AGENT);
    expect(fake.apiRequests.every((r) => r.headers['user-agent'] === USER_AGENT)).toBe(true);
    expect(fake.apiRequests.map((r) => r.path)).toEqual([
      '/r/AmazonFlexDrivers+couriersofreddit+repartidores/new',
      '/r/AmazonFlexDrivers+couriersofreddit+repartidores/comments',
    ]);
  });

  it('asks for 100 items a page and pages with after', async () => {
    fake = await startFakeReddit();
    const { source } = redditSourceFor(fake, { include: ['posts'] });
    const { cursor } = await source.poll(null);
    fake.publish(...Array.from({ length: 150 }, () => relevant()));
    await source.poll(cursor);
    const pages = fake.apiRequests.slice(1);
    expect(pages.map((r) => r.query.get('limit'))).toEqual(['100', '100']);
    expect(pages[0]!.query.get('after')).toBeNull();
    expect(pages[1]!.query.get('after')).toMatch(/^t3_/);
  });

  it('says it is behind when more is new than the listing depth it reads', async () => {
    fake = await startFakeReddit();
    const { source } = redditSourceFor(fake, { include: ['posts'], maxPages: 2 });
    const { cursor } = await source.poll(null);
    fake.publish(...Array.from({ length: 150 }, () => relevant()));
    expect((await source.poll(cursor)).behind).toBeUndefined();
    fake.publish(...Array.from({ length: 250 }, () => relevant()));
    const deep = await source.poll(cursor);
    expect(deep.behind).toBe(true);
    expect(deep.posts).toHaveLength(200);
  });

  it('waits out a 429 with retry-after: 4 and then reads', async () => {
    fake = await startFakeReddit();
    const sleep = recordingSleep();
    const { source } = redditSourceFor(fake, { sleep, include: ['posts'] });
    const { cursor } = await source.poll(null);
    fake.publish(relevant());
    fake.failNext('rate-limited', 1, 4);
    const result = await source.poll(cursor);
    expect(sleep.calls).toContain(4000);
    expect(result.posts).toHaveLength(1);
  });

  it('marks the source failing on a 403, and never as "no new posts"', async () => {
    fake = await startFakeReddit();
    const { db, deps } = pipeline();
    const { source } = redditSourceFor(fake);
    await runSource(source, deps);
    const cursorBefore = deps.cursors.get('reddit');
    fake.failNext('forbidden');
    const cycle = await runSource(source, deps);
    expect(cycle.state).toBe('failing');
    expect(cycle.error?.message).toContain('403 (quarantined)');
    expect(deps.health.get('reddit')).toMatchObject({ state: 'failing' });
    expect(deps.cursors.get('reddit')).toBe(cursorBefore);
    db.close();
  });

  it('gets a new token when Reddit rejects the current one, and before it expires', async () => {
    fake = await startFakeReddit({ tokenLifetimeSeconds: 3600 });
    let clock = Date.now();
    const { source } = redditSourceFor(fake, { now: () => clock, include: ['posts'] });
    const { cursor } = await source.poll(null);
    expect(fake.tokenRequests).toHaveLength(1);
    fake.revokeTokens();
    await source.poll(cursor);
    expect(fake.tokenRequests).toHaveLength(2);
    clock += 3600_000 - 30_000; // within a minute of expiry
    await source.poll(cursor);
    expect(fake.tokenRequests).toHaveLength(3);
  });

  it('says the credentials are wrong when a new token is refused too', async () => {
    fake = await startFakeReddit({ clientSecret: 'another-secret' });
    const { source } = redditSourceFor(fake);
    await expect(source.poll(null)).rejects.toMatchObject({
      kind: 'permanent',
      code: 'REDDIT_UNAUTHORIZED',
    });
  });

  it('survives a page of HTML: degraded, nothing read, the cursor kept, the posts read next time', async () => {
    fake = await startFakeReddit();
    const { deps } = pipeline();
    const { source } = redditSourceFor(fake, { include: ['posts'] });
    await runSource(source, deps);
    const cursor = deps.cursors.get('reddit');
    fake.publish(relevant(), relevant());
    fake.failNext('html');
    const failed = await runSource(source, deps);
    expect(failed).toMatchObject({ state: 'degraded', stored: 0 });
    expect(deps.cursors.get('reddit')).toBe(cursor);
    expect(await runSource(source, deps)).toMatchObject({ state: 'ok', stored: 2 });
    expect(deps.health.get('reddit')?.state).toBe('ok');
  });

  it('treats 503 as transient', async () => {
    fake = await startFakeReddit();
    const { deps } = pipeline();
    const { source } = redditSourceFor(fake);
    fake.failNext('unavailable');
    expect((await runSource(source, deps)).state).toBe('degraded');
  });

  it('skips deleted and removed items but moves past them', async () => {
    fake = await startFakeReddit();
    const { source } = redditSourceFor(fake, { include: ['posts'] });
    const { cursor } = await source.poll(null);
    fake.publish(
      { ...relevant(), text: '[removed]' },
      { ...relevant(), author: '[deleted]' },
      relevant(),
    );
    const result = await source.poll(cursor);
    expect(result.posts).toHaveLength(1);
    expect(JSON.parse(result.cursor!).posts).toMatch(/^t3_/);
  });

  it('keeps the author only on the incoming post, for the opt-out check', async () => {
    fake = await startFakeReddit();
    const { source } = redditSourceFor(fake, { include: ['posts'] });
    const { cursor } = await source.poll(null);
    fake.publish({ ...relevant(), author: 'some_driver' });
    const [incoming] = (await source.poll(cursor)).posts;
    expect(incoming!.author).toBe('reddit:some_driver');
    expect(JSON.stringify(incoming!.post)).not.toContain('some_driver');
  });

  it('makes two listing requests per cycle for three subreddits with posts and comments', async () => {
    fake = await startFakeReddit();
    const { source } = redditSourceFor(fake);
    const first = await source.poll(null);
    fake.publish(relevant(), relevant('comment'));
    const second = await source.poll(first.cursor);
    expect(first.requests).toBe(3); // token + two listings
    expect(second.requests).toBe(2);
  });
});
