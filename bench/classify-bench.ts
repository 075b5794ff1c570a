import { classify } from '../src/classify/classify.js';
import type { CompiledTaxonomy } from '../src/classify/compile-taxonomy.js';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy, parseTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';
import { type BenchPost, generatePosts, generateTaxonomy } from './generate.js';
import { createLibraryClassifier } from './library-classifier.js';
import { type Figure, itemsPerSecond } from './measure.js';
import { createNaiveClassifier } from './naive-classifier.js';

/** The baseline must do the same work: on posts the guard lets through, both find the same categories. */
function assertSameResults(
  posts: readonly BenchPost[],
  compiled: CompiledTaxonomy,
  naive: (post: BenchPost) => string[],
): void {
  for (const post of posts.slice(0, 500)) {
    if (post.title) continue;
    const ours = classify(post, compiled);
    if (ours.dropped) continue;
    const mine = ours.categories
      .map((c) => c.id)
      .sort()
      .join();
    const theirs = naive(post).sort().join();
    if (mine !== theirs)
      throw new Error(`baseline disagrees on ${JSON.stringify(post.text)}: ${mine} vs ${theirs}`);
  }
}

/** Classification throughput, single-threaded: the default taxonomy and generated ones, beside one regex per query. */
export function benchClassify(options: {
  posts: number;
  queries: number[];
  minMs: number;
}): Figure[] {
  const guard = createGuard();
  const posts = generatePosts(options.posts);
  const loadedDefault = loadTaxonomy(BUNDLED_TAXONOMY, guard);
  const figures: Figure[] = [];

  const defaultRate = itemsPerSecond(posts, (post) => classify(post, loadedDefault), {
    minMs: options.minMs,
  });
  figures.push({
    name: 'classify: default taxonomy',
    value: defaultRate,
    unit: 'posts/s',
    target: '≥ 100,000',
    met: defaultRate >= 100_000,
  });

  for (const count of options.queries) {
    const definition = generateTaxonomy(count, guard);
    const compiled = parseTaxonomy(definition, guard);
    // Ours first, before the baselines fill the heap with thousands of regexes.
    const rate = itemsPerSecond(posts, (post) => classify(post, compiled), {
      minMs: options.minMs,
    });
    const naive = createNaiveClassifier(definition);
    const library = createLibraryClassifier(definition);
    assertSameResults(posts, compiled, naive);
    assertSameResults(posts, compiled, library);
    const sample = posts.slice(0, Math.max(200, Math.floor(posts.length / 10)));
    const naiveRate = itemsPerSecond(sample, naive, { minMs: options.minMs });
    const libraryRate = itemsPerSecond(sample, library, { minMs: options.minMs });
    const name = `classify: ${count.toLocaleString('en-US')} generated queries`;
    const ratio = rate / naiveRate;
    figures.push({
      name,
      value: rate,
      unit: 'posts/s',
      baseline: naiveRate,
      baselineName: 'one regex per query',
      ratio,
      target: count >= 10_000 ? '≥ 50,000 and ≥ 50× regex' : '≥ half the default and ≥ 20× regex',
      met: count >= 10_000 ? rate >= 50_000 && ratio >= 50 : rate >= defaultRate / 2 && ratio >= 20,
    });
    figures.push({
      name: `${name} (vs modern-ahocorasick)`,
      value: rate,
      unit: 'posts/s',
      baseline: libraryRate,
      baselineName: 'modern-ahocorasick + evaluation',
      ratio: rate / libraryRate,
    });
  }
  return figures;
}
