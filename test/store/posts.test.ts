import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import type { ClassifiedPost } from '../../src/types.js';
import { makePost } from '../helpers.js';

function classified(overrides: Partial<ClassifiedPost> = {}): ClassifiedPost {
  return {
    post: makePost(),
    categories: [
      { id: 'app', name: 'App', priority: 'normal', subcategories: [], matched: ['app'] },
    ],
    lang: 'en',
    sentiment: { score: -0.5, label: 'negative' },
    ...overrides,
  };
}

describe('createPostStore', () => {
  it('stores a post with its categories and matched terms', () => {
    const db = openDatabase(':memory:');
    const store = createPostStore(db);
    const post = classified({
      categories: [
        { id: 'pay', name: 'Pay', priority: 'normal', subcategories: ['tips'], matched: ['tip*'] },
        { id: 'safety', name: 'Safety', priority: 'high', subcategories: [], matched: ['unsafe'] },
      ],
    });
    expect(store.insertMany([post], new Date('2026-12-01T00:00:00Z'))).toEqual(['stored']);
    expect(
      db
        .prepare('SELECT source, external_id, priority, status, lang, sentiment_label FROM posts')
        .get(),
    ).toEqual({
      source: 'reddit',
      external_id: post.post.externalId,
      priority: 'high',
      status: 'open',
      lang: 'en',
      sentiment_label: 'negative',
    });
    expect(
      db
        .prepare('SELECT category, subcategories, matched FROM post_categories ORDER BY category')
        .all(),
    ).toEqual([
      { category: 'pay', subcategories: '["tips"]', matched: '["tip*"]' },
      { category: 'safety', subcategories: '[]', matched: '["unsafe"]' },
    ]);
  });

  it('keeps one row per source and external id, reporting the rest as duplicates', () => {
    const store = createPostStore(openDatabase(':memory:'));
    const post = classified();
    expect(store.insertMany([post, post], new Date())).toEqual(['stored', 'duplicate']);
    expect(store.insertMany([post], new Date())).toEqual(['duplicate']);
    expect(store.count()).toBe(1);
    expect(
      store.insertMany(
        [classified({ post: { ...post.post, source: 'x', kind: 'tweet' } })],
        new Date(),
      ),
    ).toEqual(['stored']);
  });

  it('counts posts per day, category, community and source without any identity', () => {
    const db = openDatabase(':memory:');
    const store = createPostStore(db);
    store.insertMany(
      [
        classified(),
        classified(),
        classified({ post: makePost({ createdAt: new Date('2026-11-29T23:59:00Z') }) }),
      ],
      new Date(),
    );
    expect(db.prepare('SELECT * FROM daily_counts ORDER BY day').all()).toEqual([
      {
        day: '2026-11-29',
        category: 'app',
        community: 'AmazonFlexDrivers',
        source: 'reddit',
        count: 1,
      },
      {
        day: '2026-11-30',
        category: 'app',
        community: 'AmazonFlexDrivers',
        source: 'reddit',
        count: 2,
      },
    ]);
    const again = classified({ post: makePost({ externalId: 't1_later' }) });
    store.insertMany([again, again], new Date());
    expect(
      db.prepare("SELECT count FROM daily_counts WHERE day = '2026-11-30'").pluck().get(),
    ).toBe(3);
  });

  it('indexes each stored post for search once, title and text', () => {
    const db = openDatabase(':memory:');
    const store = createPostStore(db);
    const post = classified({
      post: makePost({ title: 'Scanner trouble', text: 'The depot printer jammed again' }),
    });
    store.insertMany([post, post], new Date());
    const matches = db.prepare('SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?').pluck();
    expect(matches.get('scanner')).toBe(1);
    expect(matches.get('jammed')).toBe(1);
    db.exec('DELETE FROM posts');
    expect(matches.get('jammed')).toBe(0);
  });

  it('rolls the whole batch back when one row is invalid', () => {
    const store = createPostStore(openDatabase(':memory:'));
    const bad = classified({ post: { ...makePost(), kind: 'story' as never } });
    expect(() => store.insertMany([classified(), bad], new Date())).toThrow(/CHECK constraint/);
    expect(store.count()).toBe(0);
  });
});
