import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { type Db, openDatabase } from '../src/store/open-database.js';
import { searchPosts } from '../src/store/search-posts.js';
import { createRandom, generatePosts } from './generate.js';
import type { Figure } from './measure.js';

const CATEGORIES = loadTaxonomy(BUNDLED_TAXONOMY, createGuard()).categories.map((c) => c.id);
const DAY = 86_400_000;

/**
 * A database of `count` posts spread over 30 days, built once and kept in the
 * temporary folder (keyed by size and schema), since building a million rows
 * with their search index takes a while.
 */
export function searchDatabase(
  count: number,
  log: (line: string) => void,
): { db: Db; file: string } {
  const dir = path.join(tmpdir(), 'driver-voice-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-${count}-v${MIGRATIONS.at(-1)!.version}.db`);
  if (existsSync(file)) return { db: openDatabase(file), file };
  log(`building a ${count.toLocaleString('en-US')}-post database at ${file} (once)…`);
  const db = openDatabase(`${file}.partial`);
  db.pragma('synchronous = OFF');
  const random = createRandom(11);
  const texts = generatePosts(20_000, 13);
  const now = Date.now();
  const insertPost = db.prepare(
    `INSERT INTO posts (source, external_id, url, community, kind, created_at, ingested_at, lang, title, text, sentiment, sentiment_label, priority)
     VALUES (?, ?, ?, 'AmazonFlexDrivers', 'comment', ?, ?, ?, ?, ?, 0, 'neutral', 'normal')`,
  );
  const indexForSearch = db.prepare('INSERT INTO posts_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insertCategory = db.prepare(
    "INSERT INTO post_categories (post_id, category, matched) VALUES (?, ?, '[]')",
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const sample = texts[i % texts.length]!;
      // Posts arrive in time order over 30 days, as a live store fills.
      const created = now - 30 * DAY + Math.floor(((i + random(1)) / count) * 30 * DAY);
      const { lastInsertRowid } = insertPost.run(
        i % 3 === 0 ? 'x' : 'reddit',
        `b${i.toString(36)}`,
        `https://www.reddit.com/r/AmazonFlexDrivers/comments/${i.toString(36)}/`,
        created,
        created,
        i % 4 === 0 ? 'es' : 'en',
        sample.title ?? null,
        sample.text,
      );
      indexForSearch.run(lastInsertRowid, sample.title ?? null, sample.text);
      insertCategory.run(lastInsertRowid, CATEGORIES[Math.floor(random(CATEGORIES.length))]!);
    }
  });
  for (let i = 0; i < count; i += 50_000) batch(i, Math.min(count, i + 50_000));
  db.exec("INSERT INTO posts_fts (posts_fts) VALUES ('optimize')");
  db.close();
  renameSync(`${file}.partial`, file);
  return { db: openDatabase(file), file };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `/voice search`-style queries over a large store: p50 and p95 in ms, beside
 * the naive LIKE '%word%' scan one would write without a search index.
 */
export function benchSearch(options: {
  posts: number;
  runs: number;
  log: (line: string) => void;
}): Figure[] {
  const { db } = searchDatabase(options.posts, options.log);
  const now = new Date();
  const week = new Date(now.getTime() - 7 * DAY);
  const cases: Array<{
    name: string;
    request: Parameters<typeof searchPosts>[1];
    like: [string, string | null, number | null];
  }> = [
    { name: 'one word', request: { text: 'scanner', now }, like: ['%scanner%', null, null] },
    { name: 'common word', request: { text: 'app', now }, like: ['%app%', null, null] },
    { name: 'phrase', request: { text: '"gate code"', now }, like: ['%gate code%', null, null] },
    {
      name: 'in:pay since:7d',
      request: { text: 'missing', category: 'pay', since: week, now },
      like: ['%missing%', 'pay', week.getTime()],
    },
    {
      name: 'two words, since:7d',
      request: { text: 'tips late', since: week, now },
      like: ['%tips%late%', null, week.getTime()],
    },
  ];
  // The baseline: a store without a search index, ranking by relevance the
  // naive way (how often the words occur), which reads every post.
  const like = db.prepare(
    `SELECT p.id FROM posts p
      WHERE p.text LIKE @pattern
        AND (@category IS NULL OR EXISTS (SELECT 1 FROM post_categories c WHERE c.post_id = p.id AND c.category = @category))
        AND (@since IS NULL OR p.created_at >= @since)
      ORDER BY length(p.text) - length(replace(lower(p.text), @word, '')) DESC, p.created_at DESC LIMIT 6`,
  );
  const figures: Figure[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  const time = (run: () => unknown, times: number[], count: number) => {
    run();
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
  };
  for (const c of cases) {
    const times: number[] = [];
    time(() => searchPosts(db, { ...c.request, limit: 5 }), times, options.runs);
    ours.push(...times);
    const [pattern, category, since] = c.like;
    const word = pattern.replace(/%/g, ' ').trim().split(' ')[0]!;
    time(() => like.all({ pattern, category, since, word }), theirs, 3);
    times.sort((a, b) => a - b);
    figures.push({ name: `search p95, ${c.name}`, value: percentile(times, 95), unit: 'ms' });
  }
  ours.sort((a, b) => a - b);
  theirs.sort((a, b) => a - b);
  const p95 = percentile(ours, 95);
  const size = options.posts.toLocaleString('en-US');
  figures.unshift(
    {
      name: `search p50 over ${size} posts`,
      value: percentile(ours, 50),
      unit: 'ms',
      baseline: percentile(theirs, 50),
      baselineName: 'LIKE scan',
      ratio: percentile(theirs, 50) / percentile(ours, 50),
    },
    {
      name: `search p95 over ${size} posts`,
      value: p95,
      unit: 'ms',
      baseline: percentile(theirs, 95),
      baselineName: 'LIKE scan',
      ratio: percentile(theirs, 95) / p95,
      target: '≤ 50 ms',
      met: p95 <= 50,
    },
  );
  db.close();
  return figures;
}
