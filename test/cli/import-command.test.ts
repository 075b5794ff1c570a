import { describe, expect, it } from 'vitest';
import { runImportCommand } from '../../src/cli/import-command.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import {
  captureLogger,
  captureStream,
  defaultTaxonomy,
  linesOf,
  makePost,
  postRecord,
  scoreSentiment,
} from '../helpers.js';

async function importLines(...lines: unknown[]) {
  const db = openDatabase(':memory:');
  const output = captureStream();
  const errors = captureStream();
  const result = await runImportCommand({
    input: linesOf(...lines),
    output,
    errors,
    taxonomy: defaultTaxonomy(),
    languages: ['en', 'es'],
    scoreSentiment,
    store: createPostStore(db),
    log: captureLogger().log,
    now: () => new Date('2026-12-01T00:00:00Z'),
    batchSize: 2,
  });
  return { ...result, db, output: output.text(), errors: errors.text() };
}

describe('runImportCommand', () => {
  it('stores relevant posts and counts irrelevant ones and duplicates', async () => {
    const relevant = postRecord(makePost({ text: 'The app crashed at every stop' }));
    const result = await importLines(
      relevant,
      postRecord(makePost({ text: 'What podcasts do you listen to?' })),
      relevant,
      postRecord(makePost({ text: 'Me mordió un perro', lang: 'und' })),
    );
    expect(result.code).toBe(0);
    expect(result.output).toBe(
      'Read 4 posts: 2 stored, 1 not stored (irrelevant), 1 duplicates.\n',
    );
    expect(result.db.prepare('SELECT lang FROM posts ORDER BY id').pluck().all()).toEqual([
      'en',
      'es',
    ]);
  });

  it('skips malformed lines by number, without their content, and keeps going', async () => {
    const good = postRecord(makePost({ text: 'Tips missing again' }));
    const result = await importLines(
      '{not json',
      { ...good, externalId: undefined },
      { ...good, createdAt: 'yesterday' },
      good,
    );
    expect(result.code).toBe(1);
    expect(result.errors).toContain('line 1: skipped, not valid JSON');
    expect(result.errors).toContain('line 2: skipped, externalId:');
    expect(result.errors).toContain('line 3: skipped, createdAt:');
    expect(result.errors).not.toContain('Tips missing');
    expect(result.output).toBe(
      'Read 4 posts: 1 stored, 0 not stored (irrelevant), 0 duplicates, 3 invalid lines skipped (see above).\n',
    );
  });

  it('stores X posts with a handle-free permalink and drops any author field', async () => {
    const tweet = {
      ...postRecord(
        makePost({
          source: 'x',
          kind: 'tweet',
          externalId: '1863000000000000001',
          community: 'x',
          text: 'App crashed again',
        }),
      ),
      url: 'https://x.com/some_handle/status/1863000000000000001',
      author: 'some_handle',
    };
    const { db } = await importLines(tweet);
    expect(db.prepare('SELECT url FROM posts').pluck().get()).toBe(
      'https://x.com/i/web/status/1863000000000000001',
    );
    expect(JSON.stringify(db.prepare('SELECT * FROM posts').all())).not.toContain('some_handle');
  });

  it('refuses a Reddit URL that is not a subreddit permalink', async () => {
    const result = await importLines({
      ...postRecord(makePost()),
      url: 'https://www.reddit.com/user/someone/',
    });
    expect(result.errors).toContain('url: a Reddit URL must be a subreddit permalink');
    expect(result.summary.stored).toBe(0);
  });
});
