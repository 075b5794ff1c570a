import { type AnalyseDeps, analyseText } from '../classify/analyse-text.js';
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

/** One batch through guard, classifier and store (one transaction). */
export async function ingestPosts(posts: readonly Post[], deps: IngestDeps): Promise<IngestResult> {
  const keep: ClassifiedPost[] = [];
  for (const post of posts) {
    const analysis = await analyseText(post, deps);
    if (analysis.dropped || analysis.categories.length === 0) continue;
    keep.push({
      post,
      categories: analysis.categories,
      lang: analysis.lang,
      sentiment: analysis.sentiment,
    });
  }
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
