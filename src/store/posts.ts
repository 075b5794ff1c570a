import type { ClassifiedPost, Priority } from '../types.js';
import type { Db } from './open-database.js';

export type InsertOutcome = 'stored' | 'duplicate';

export interface PostStore {
  /**
   * Stores classified posts in one transaction; a post already stored is a
   * duplicate and left as it is. `alsoInTransaction` (moving a cursor, say)
   * commits or rolls back with them.
   */
  insertMany(
    posts: readonly ClassifiedPost[],
    now: Date,
    alsoInTransaction?: () => void,
  ): InsertOutcome[];
  count(): number;
}

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

function highestPriority(post: ClassifiedPost): Priority {
  return post.categories.reduce<Priority>(
    (best, category) =>
      PRIORITY_ORDER[category.priority] < PRIORITY_ORDER[best] ? category.priority : best,
    'low',
  );
}

/** The UTC calendar day of a time, `YYYY-MM-DD`, the key of the identity-free daily counts. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * `onStored` runs inside the storing transaction for each new post, e.g. to
 * queue its Slack messages: a post and its outbox rows commit together.
 */
export function createPostStore(
  db: Db,
  options: { onStored?: (postId: number, post: ClassifiedPost) => void } = {},
): PostStore {
  const insertPost = db.prepare(`
    INSERT INTO posts (source, external_id, url, community, kind, created_at, ingested_at, lang, title, text,
                       sentiment, sentiment_label, priority)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (source, external_id) DO NOTHING`);
  // Indexed here, not by a trigger: see migration 6.
  const indexForSearch = db.prepare('INSERT INTO posts_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insertCategory = db.prepare(
    'INSERT INTO post_categories (post_id, category, subcategories, matched) VALUES (?, ?, ?, ?)',
  );
  const addToDailyCount = db.prepare(`
    INSERT INTO daily_counts (day, category, community, source, count) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (day, category, community, source) DO UPDATE SET count = count + excluded.count`);
  const countPosts = db.prepare('SELECT count(*) AS n FROM posts').pluck();

  const insertAll = db.transaction(
    (posts: readonly ClassifiedPost[], now: Date, also?: () => void): InsertOutcome[] => {
      // The batch's daily counts, added once per key at the end rather than once per post.
      const dailyCounts = new Map<string, { key: string[]; count: number }>();
      const outcomes = posts.map((classified): InsertOutcome => {
        const { post } = classified;
        const result = insertPost.run(
          post.source,
          post.externalId,
          post.url,
          post.community,
          post.kind,
          post.createdAt.getTime(),
          now.getTime(),
          classified.lang,
          post.title ?? null,
          post.text,
          classified.sentiment.score,
          classified.sentiment.label,
          highestPriority(classified),
        );
        if (result.changes === 0) return 'duplicate';
        const postId = result.lastInsertRowid;
        indexForSearch.run(postId, post.title ?? null, post.text);
        const day = utcDay(post.createdAt);
        for (const category of classified.categories) {
          insertCategory.run(
            postId,
            category.id,
            JSON.stringify(category.subcategories),
            JSON.stringify(category.matched),
          );
          const key = [day, category.id, post.community, post.source];
          const id = key.join('\n');
          const daily = dailyCounts.get(id) ?? { key, count: 0 };
          daily.count += 1;
          dailyCounts.set(id, daily);
        }
        options.onStored?.(Number(postId), classified);
        return 'stored';
      });
      for (const { key, count } of dailyCounts.values()) addToDailyCount.run(...key, count);
      also?.();
      return outcomes;
    },
  );

  return {
    insertMany: (posts, now, also) => insertAll(posts, now, also),
    count: () => countPosts.get() as number,
  };
}
