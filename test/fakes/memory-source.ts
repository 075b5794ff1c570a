import type { Source } from '../../src/sources/source.js';
import type { Post } from '../../src/types.js';

/** The simplest Source: posts in memory, the cursor is the index of the last one seen. */
export function createMemorySource(): Source & { publish(posts: Post[]): void } {
  const posts: Post[] = [];
  return {
    name: 'reddit',
    publish(more) {
      posts.push(...more);
    },
    async recheck() {
      return { gone: [], authors: new Map(), reads: 0 };
    },
    async poll(cursor) {
      if (cursor === null)
        return { posts: [], cursor: String(posts.length), requests: 1, reads: 0 };
      const fresh = posts.slice(Number(cursor));
      return {
        posts: fresh.map((post) => ({ post })),
        cursor: String(posts.length),
        requests: 1,
        reads: fresh.length,
      };
    },
  };
}
