import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TAXONOMY } from '../../src/config/load-config.js';
import { analyseInThread } from '../../src/pipeline/ingest-posts.js';
import { defaultTaxonomy, makePost, readLabelledSet, scoreSentiment } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('createAnalysisPool', () => {
  it('gives in a worker thread exactly the analyses of this thread', async () => {
    // The worker is compiled JavaScript: load the pool from the build made by the global setup.
    const { createAnalysisPool } = (await import(
      pathToFileURL(path.join(ROOT, 'dist/pipeline/create-analysis-pool.js')).href
    )) as typeof import('../../src/pipeline/create-analysis-pool.js');
    const posts = readLabelledSet('dev-set.jsonl').map((p) =>
      makePost({ text: p.text, lang: 'und' }),
    );
    const pool = createAnalysisPool({
      taxonomyPath: BUNDLED_TAXONOMY,
      extraGuardTerms: [],
      languages: ['en', 'es'],
      size: 2,
    });
    try {
      const [first, second] = await Promise.all([
        pool.analyse(posts.slice(0, 150)),
        pool.analyse(posts.slice(150)),
      ]);
      const local = await analyseInThread({
        taxonomy: defaultTaxonomy(),
        languages: ['en', 'es'],
        scoreSentiment,
      })(posts);
      expect([...first, ...second]).toEqual(local);
      expect(local.filter((a) => a.dropped)).toHaveLength(43);
    } finally {
      await pool.close();
    }
  });
});
