import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/classify/guard.js';
import { type FakeX, startFakeX } from '../../src/fakes/fake-x.js';
import { runSource } from '../../src/pipeline/run-source.js';
import { buildXQuery } from '../../src/sources/x-query.js';
import { openDatabase } from '../../src/store/open-database.js';
import { xSourceFor } from '../fakes/connect.js';
import { pipelineDeps } from '../fakes/pipeline-deps.js';
import { sourceContract } from './source-contract.js';

let n = 0;
const tweet = (text = `The app crashed at stop ${++n}`) => ({
  text,
  createdAt: new Date(Date.now() + ++n * 1000),
  lang: 'en',
});

sourceContract('the X source on twitter-api-v2', async () => {
  const fake = await startFakeX();
  return {
    source: () => xSourceFor(fake),
    publish(count) {
      const tweets = Array.from({ length: count }, () => tweet());
      fake.publish(...tweets);
      return tweets.map((t) => t.text);
    },
    close: () => fake.close(),
  };
});

describe('the X source', () => {
  let fake: FakeX;
  afterEach(async () => fake?.close());

  function pipeline(budget = 1_000_000) {
    const db = openDatabase(':memory:');
    const { deps } = pipelineDeps({ db });
    const source = xSourceFor(fake, {
      monthlyReadBudget: budget,
      remainingReads: () => budget - deps.budget.used('x', new Date()),
    });
    return { db, deps, source };
  }

  it('searches recent posts since the newest id, 100 a page, following next_token', async () => {
    fake = await startFakeX();
    const source = xSourceFor(fake);
    fake.publish(tweet());
    const { cursor } = await source.poll(null);
    fake.publish(...Array.from({ length: 150 }, () => tweet()));
    const result = await source.poll(cursor);
    expect(result.posts).toHaveLength(150);
    const [, first, second] = fake.requests;
    expect(first!.query.get('since_id')).toBe(cursor);
    expect(first!.query.get('max_results')).toBe('100');
    expect(first!.query.get('tweet.fields')).toBe('created_at,lang,author_id');
    expect(second!.query.get('next_token')).toBeTruthy();
    expect(result.posts[0]!.post.url).toMatch(/^https:\/\/x\.com\/i\/web\/status\/\d+$/);
  });

  it('says it is behind when more is new than the pages one poll reads', async () => {
    fake = await startFakeX();
    const source = xSourceFor(fake, { maxPages: 2 });
    fake.publish(tweet());
    const { cursor } = await source.poll(null);
    fake.publish(...Array.from({ length: 150 }, () => tweet()));
    expect((await source.poll(cursor)).behind).toBeUndefined();
    fake.publish(...Array.from({ length: 150 }, () => tweet()));
    const deep = await source.poll(cursor);
    expect(deep.behind).toBe(true);
    expect(deep.posts).toHaveLength(200);
  });

  it('stops reading when the monthly budget is spent, and says so', async () => {
    fake = await startFakeX();
    const { deps, source } = pipeline(120);
    await runSource(source, deps); // first poll: learns where now is, reads up to 10
    fake.publish(...Array.from({ length: 300 }, () => tweet()));
    const spending = await runSource(source, deps);
    expect(deps.budget.used('x', new Date())).toBeLessThanOrEqual(120);
    expect(spending.state).toBe('ok');
    const paused = await runSource(source, deps);
    expect(paused.state).toBe('paused');
    expect(paused.error?.message).toMatch(/X read budget of 120 posts this month is spent/);
    expect(deps.health.get('x')?.state).toBe('paused');
    const served = fake.tweetsServed;
    await runSource(source, deps);
    expect(fake.tweetsServed).toBe(served);
  });

  it('never asks for more posts than the budget has left', async () => {
    fake = await startFakeX();
    const source = xSourceFor(fake, { remainingReads: () => 35 });
    fake.publish(tweet());
    const { cursor } = await source.poll(null);
    fake.publish(...Array.from({ length: 100 }, () => tweet()));
    await source.poll(cursor);
    expect(fake.requests.at(-1)!.query.get('max_results')).toBe('35');
  });

  it('backs off on a 429 until the window resets', async () => {
    fake = await startFakeX();
    const { deps, source } = pipeline();
    await runSource(source, deps);
    fake.failNext('rate-limited', 1, 60);
    const cycle = await runSource(source, deps);
    expect(cycle.state).toBe('degraded');
    expect(cycle.retryAfterMs).toBeGreaterThan(55_000);
  });

  it('marks the source failing on 401 and 403', async () => {
    fake = await startFakeX();
    const { deps, source } = pipeline();
    fake.failNext('forbidden');
    expect((await runSource(source, deps)).state).toBe('failing');
    const other = await startFakeX({ bearerToken: 'another' });
    const refused = await runSource(xSourceFor(other), deps);
    expect(refused).toMatchObject({ state: 'failing', error: { code: 'X_UNAUTHORIZED' } });
    await other.close();
  });
});

describe('buildXQuery', () => {
  const guard = createGuard();

  it('excludes retweets and appends guard terms as negative operators within 512 characters', () => {
    const query = buildXQuery('"amazon flex" OR #amazonflex', guard);
    expect(query.startsWith('("amazon flex" OR #amazonflex) -is:retweet -union')).toBe(true);
    expect(query.length).toBeLessThanOrEqual(512);
    expect(query).toContain('-strike');
    expect(query).toContain('-"labor union"');
  });

  it('leaves the operator query alone when it already fills the limit', () => {
    const long = 'a '.repeat(250).trim();
    expect(buildXQuery(long, guard)).toBe(`(${long}) -is:retweet`);
  });
});
