import { type AnalyseDeps, type Analysis, analyseText } from '../classify/analyse-text.js';
import type { Logger } from '../log/create-logger.js';
import type { PostStore } from '../store/posts.js';
import type { ClassifiedPost, Post } from '../types.js';

export interface IngestDeps extends AnalyseDeps {
  /** Runs inside the storing transaction, e.g. to move the source's cursor with the posts. */
  commit?: () => void;
  store: PostStore;
  log: Logger;
  now: () => Date;
}

export interface IngestResult {
  received: number;
  stored: number;
  /** Irrelevant posts and guard drops together: the guard is never counted on its own. */
  notStored: number;
  duplicates: number;
  /** The posts that were stored now, for delivery. */
  storedPosts: ClassifiedPost[];
}

/** Analyses posts one after the other in this thread (see create-analysis-pool.ts for workers). */
export type AnalysePosts = (posts: readonly Post[]) => Promise<Analysis[]>;

export function analyseInThread(deps: AnalyseDeps): AnalysePosts {
  return async (posts) => {
    const analyses: Analysis[] = [];
    for (const post of posts) analyses.push(await analyseText(post, deps));
    return analyses;
  };
}

/** Stores the posts that passed the guard and matched a category, in one transaction. */
export function storeAnalysed(
  posts: readonly Post[],
  analyses: readonly Analysis[],
  deps: Omit<IngestDeps, keyof AnalyseDeps>,
): IngestResult {
  const keep: ClassifiedPost[] = [];
  posts.forEach((post, i) => {
    const analysis = analyses[i]!;
    if (analysis.dropped || analysis.categories.length === 0) return;
    keep.push({
      post,
      categories: analysis.categories,
      lang: analysis.lang,
      sentiment: analysis.sentiment,
    });
  });
  const outcomes = deps.store.insertMany(keep, deps.now(), deps.commit);
  const storedPosts = keep.filter((_, i) => outcomes[i] === 'stored');
  const result: IngestResult = {
    received: posts.length,
    stored: storedPosts.length,
    notStored: posts.length - keep.length,
    duplicates: keep.length - storedPosts.length,
    storedPosts,
  };
  deps.log.debug(
    {
      received: result.received,
      stored: result.stored,
      notStored: result.notStored,
      duplicates: result.duplicates,
    },
    'ingested batch',
  );
  return result;
}

/** One batch through guard, classifier and store (one transaction). */
export async function ingestPosts(
  posts: readonly Post[],
  deps: IngestDeps & { analyse?: AnalysePosts },
): Promise<IngestResult> {
  const analyses = await (deps.analyse ?? analyseInThread(deps))(posts);
  return storeAnalysed(posts, analyses, deps);
}

/**
 * Many posts in batches, analysing the next batch (in a worker, when
 * `analyse` is a pool) while this thread stores the current one.
 */
export async function ingestInBatches(
  posts: readonly Post[],
  batchSize: number,
  deps: IngestDeps & { analyse: AnalysePosts },
): Promise<Omit<IngestResult, 'storedPosts'>> {
  const total = { received: 0, stored: 0, notStored: 0, duplicates: 0 };
  const batches: Post[][] = [];
  for (let i = 0; i < posts.length; i += batchSize) batches.push(posts.slice(i, i + batchSize));
  let next = batches.length > 0 ? deps.analyse(batches[0]!) : null;
  for (let i = 0; i < batches.length; i++) {
    const analyses = await next!;
    next = i + 1 < batches.length ? deps.analyse(batches[i + 1]!) : null;
    const result = storeAnalysed(batches[i]!, analyses, deps);
    total.received += result.received;
    total.stored += result.stored;
    total.notStored += result.notStored;
    total.duplicates += result.duplicates;
  }
  return total;
}
