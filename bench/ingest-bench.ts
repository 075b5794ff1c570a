import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { createSentimentScorer } from '../src/classify/create-sentiment-scorer.js';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';
import { ingestInBatches, ingestPosts } from '../src/pipeline/ingest-posts.js';
import { openDatabase } from '../src/store/open-database.js';
import { createPostStore } from '../src/store/posts.js';
import type { Post } from '../src/types.js';
import { buildOnce, ROOT } from './build-once.js';
import { generatePosts } from './generate.js';
import type { Figure } from './measure.js';

function toPosts(count: number, prefix: string): Post[] {
  const start = Date.now() - count * 1000;
  return generatePosts(count, 7).map((p, i) => ({
    source: 'reddit',
    externalId: `t1_${prefix}${i.toString(36)}`,
    url: `https://www.reddit.com/r/AmazonFlexDrivers/comments/abc/t/${i.toString(36)}/`,
    community: 'AmazonFlexDrivers',
    kind: 'comment',
    createdAt: new Date(start + i * 1000),
    lang: 'und',
    ...(p.title ? { title: p.title } : {}),
    text: p.text,
  }));
}

/**
 * Ingest throughput: guard, classifier, language, sentiment and store (FTS
 * included) into an on-disk database in WAL mode, in batches of 1,000 posts a
 * transaction, beside the same pipeline committing one post at a time.
 */
export async function benchIngest(options: { posts: number }): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'driver-voice-bench-'));
  try {
    const deps = {
      taxonomy: loadTaxonomy(BUNDLED_TAXONOMY, createGuard()),
      languages: ['en', 'es'],
      scoreSentiment: createSentimentScorer(),
      log: pino({ level: 'silent' }),
      now: () => new Date(),
    };
    const run = async (name: string, batch: number, count: number): Promise<number> => {
      const db = openDatabase(path.join(dir, `${name}.db`));
      const store = createPostStore(db);
      const posts = toPosts(count, name);
      const started = performance.now();
      for (let i = 0; i < posts.length; i += batch)
        await ingestPosts(posts.slice(i, i + batch), { ...deps, store });
      const rate = (posts.length / (performance.now() - started)) * 1000;
      db.close();
      return rate;
    };
    await run('warmup', 1000, 2000);
    // The pool's worker is compiled JavaScript: build, then load the pool from the build.
    buildOnce();
    const { createAnalysisPool } = (await import(
      pathToFileURL(path.join(ROOT, 'dist/pipeline/create-analysis-pool.js')).href
    )) as typeof import('../src/pipeline/create-analysis-pool.js');
    const pool = createAnalysisPool({
      taxonomyPath: BUNDLED_TAXONOMY,
      extraGuardTerms: [],
      languages: ['en', 'es'],
    });
    let pooled: number;
    try {
      await pool.analyse(toPosts(500, 'poolwarm'));
      const db = openDatabase(path.join(dir, 'pooled.db'));
      const posts = toPosts(options.posts, 'pooled');
      const started = performance.now();
      await ingestInBatches(posts, 1000, {
        ...deps,
        store: createPostStore(db),
        analyse: pool.analyse,
      });
      pooled = (posts.length / (performance.now() - started)) * 1000;
      db.close();
    } finally {
      await pool.close();
    }
    const batched = await run('batched', 1000, options.posts);
    const single = await run('single', 1, Math.max(500, Math.floor(options.posts / 10)));
    return [
      {
        name: 'ingest: analysis in a worker, storing in parallel',
        value: pooled,
        unit: 'posts/s',
        baseline: single,
        baselineName: 'one transaction per post',
        ratio: pooled / single,
        target: '≥ 20,000',
        met: pooled >= 20_000,
      },
      {
        name: 'ingest: guard+classify+store (FTS, WAL, on disk)',
        value: batched,
        unit: 'posts/s',
        baseline: single,
        baselineName: 'one transaction per post',
        ratio: batched / single,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
