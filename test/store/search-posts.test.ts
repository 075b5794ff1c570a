import { describe, expect, it } from 'vitest';
import { SearchQueryError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import { searchPosts } from '../../src/store/search-posts.js';
import type { ClassifiedPost } from '../../src/types.js';
import { makePost } from '../helpers.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function seed() {
  const db = openDatabase(':memory:');
  const add = (
    text: string,
    category: string,
    createdAt: Date,
    extra: Partial<ClassifiedPost['post']> = {},
    lang = 'en',
  ) =>
    createPostStore(db).insertMany(
      [
        {
          post: makePost({ text, createdAt, ...extra }),
          categories: [
            { id: category, name: category, priority: 'normal', subcategories: [], matched: [] },
          ],
          lang,
          sentiment: { score: 0, label: 'neutral' },
        },
      ],
      NOW,
    );
  add('Tips missing again this week, tips tips', 'pay', daysAgo(20));
  add('Tips missing since Monday', 'pay', daysAgo(1));
  add('The scanner app crashed at the station', 'app', daysAgo(2));
  add('Faltan las propinas de la estación', 'pay', daysAgo(3), {}, 'es');
  add('Gate code wrong, customer not home', 'customer', daysAgo(40), {
    source: 'x',
    kind: 'tweet',
    community: 'x',
  });
  return db;
}

describe('searchPosts', () => {
  it('finds posts by words, newest first among equally relevant ones', () => {
    const result = searchPosts(seed(), { text: 'tips missing', now: NOW });
    expect(result.hits.map((h) => h.excerpt)).toEqual([
      'Tips missing since Monday',
      'Tips missing again this week, tips tips',
    ]);
    expect(result.hits[0]).toMatchObject({
      source: 'reddit',
      categories: ['pay'],
      status: 'open',
      lang: 'en',
    });
  });

  it('ignores accents and case', () => {
    expect(searchPosts(seed(), { text: 'ESTACION', now: NOW }).hits).toHaveLength(1);
  });

  it('filters by category, age, language, source and status', () => {
    const db = seed();
    expect(
      searchPosts(db, { text: 'station OR estación', category: 'app', now: NOW }).hits,
    ).toHaveLength(1);
    expect(searchPosts(db, { text: 'tips', since: daysAgo(7), now: NOW }).hits).toHaveLength(1);
    expect(searchPosts(db, { text: 'propinas', lang: 'en', now: NOW }).hits).toHaveLength(0);
    expect(searchPosts(db, { text: 'gate', source: 'x', now: NOW }).hits).toHaveLength(1);
    expect(searchPosts(db, { text: 'gate', status: 'resolved', now: NOW }).hits).toHaveLength(0);
  });

  it('pages, saying when there is more', () => {
    const db = seed();
    const first = searchPosts(db, { text: 'tips', limit: 1, now: NOW });
    const second = searchPosts(db, { text: 'tips', limit: 1, offset: 1, now: NOW });
    expect(first.more).toBe(true);
    expect(second.more).toBe(false);
    expect(first.hits[0]!.id).not.toBe(second.hits[0]!.id);
  });

  it('marks the matched words in the excerpt when asked', () => {
    const [hit] = searchPosts(seed(), {
      text: 'scanner',
      highlight: { open: '*', close: '*' },
      now: NOW,
    }).hits;
    expect(hit!.excerpt).toBe('The *scanner* app crashed at the station');
  });

  it("puts today's posts first for a common word, however many older posts repeat it", () => {
    const db = openDatabase(':memory:');
    const store = createPostStore(db);
    const batch = (count: number, text: string, daysAgo: number) =>
      store.insertMany(
        Array.from({ length: count }, () => ({
          post: makePost({ text, createdAt: new Date(NOW.getTime() - daysAgo * 86_400_000) }),
          categories: [
            { id: 'app', name: 'App', priority: 'normal' as const, subcategories: [], matched: [] },
          ],
          lang: 'en',
          sentiment: { score: 0, label: 'neutral' as const },
        })),
        NOW,
      );
    batch(600, 'app app app crashed, an old story', 25);
    batch(3, 'app crashed today', 0);
    const { hits } = searchPosts(db, { text: 'app', limit: 3, now: NOW });
    expect(hits.map((h) => h.excerpt)).toEqual([
      'app crashed today',
      'app crashed today',
      'app crashed today',
    ]);
  });

  it('skips posts that arrived before a since: filter', () => {
    const db = openDatabase(':memory:');
    const store = createPostStore(db);
    const old = new Date(NOW.getTime() - 10 * 86_400_000);
    const add = (text: string, at: Date) =>
      store.insertMany(
        [
          {
            post: makePost({ text, createdAt: at }),
            categories: [
              { id: 'pay', name: 'Pay', priority: 'normal', subcategories: [], matched: [] },
            ],
            lang: 'en',
            sentiment: { score: 0, label: 'neutral' },
          },
        ],
        at,
      );
    add('tips missing last week', old);
    add('tips missing today', NOW);
    expect(
      searchPosts(db, { text: 'tips', since: daysAgo(2), now: NOW }).hits.map((h) => h.excerpt),
    ).toEqual(['tips missing today']);
    expect(searchPosts(db, { text: 'tips', since: daysAgo(30), now: NOW }).hits).toHaveLength(2);
    expect(
      searchPosts(db, { text: 'tips', since: new Date(NOW.getTime() + 1), now: NOW }).hits,
    ).toEqual([]);
  });

  it('never lets what a person types reach FTS5 as syntax', () => {
    const db = seed();
    const nasty = [
      'tips"',
      '"tips',
      'tips AND',
      'OR tips',
      'NOT',
      '(tips',
      'tips)',
      'tips*',
      '*',
      'text:tips',
      'NEAR(tips missing)',
      '^tips',
      'tips + missing',
      "it's",
      '\\',
      '💸 tips 🚗',
      'a'.repeat(10_000),
      'x '.repeat(20),
      '\u0000tips',
      '-"a b" c',
    ];
    let seed32 = 7;
    const chars = 'ab "()*:^-+\\\'ñ💸 ORANDNOTNEAR{}[].,;';
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let j = 0; j < 1 + (i % 30); j++) {
        seed32 = (seed32 * 1103515245 + 12345) % 2 ** 31;
        text += [...chars][seed32 % [...chars].length];
      }
      nasty.push(text);
    }
    for (const text of nasty) {
      try {
        searchPosts(db, { text, now: NOW });
      } catch (error) {
        expect(error, JSON.stringify(text)).toBeInstanceOf(SearchQueryError);
      }
    }
  });
});
