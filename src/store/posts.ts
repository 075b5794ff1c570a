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
    VALUES (@source, @externalId, @url, @community, @kind, @createdAt, @ingestedAt, @lang, @title, @text,
            @sentiment, @sentimentLabel, @priority)
    ON CONFLICT (source, external_id) DO NOTHING`);
  const insertCategory = db.prepare(
    'INSERT INTO post_categories (post_id, category, subcategories, matched) VALUES (?, ?, ?, ?)',
  );
  const bumpDailyCount = db.prepare(`
    INSERT INTO daily_counts (day, category, community, source, count) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (day, category, community, source) DO UPDATE SET count = count + 1`);
  const countPosts = db.prepare('SELECT count(*) AS n FROM posts').pluck();

  const insertAll = db.transaction(
    (posts: readonly ClassifiedPost[], now: Date, also?: () => void): InsertOutcome[] => {
      const outcomes = posts.map((classified): InsertOutcome => {
        const { post } = classified;
        const result = insertPost.run({
          source: post.source,
          externalId: post.externalId,
          url: post.url,
          community: post.community,
          kind: post.kind,
          createdAt: post.createdAt.getTime(),
          ingestedAt: now.getTime(),
          lang: classified.lang,
          title: post.title ?? null,
          text: post.text,
          sentiment: classified.sentiment.score,
          sentimentLabel: classified.sentiment.label,
          priority: highestPriority(classified),
        });
        if (result.changes === 0) return 'duplicate';
        const postId = result.lastInsertRowid;
        const day = utcDay(post.createdAt);
        for (const category of classified.categories) {
          insertCategory.run(
            postId,
            category.id,
            JSON.stringify(category.subcategories),
            JSON.stringify(category.matched),
          );
          bumpDailyCount.run(day, category.id, post.community, post.source);
        }
        options.onStored?.(Number(postId), classified);
        return 'stored';
      });
      also?.();
      return outcomes;
    },
  );

  return {
    insertMany: (posts, now, also) => insertAll(posts, now, also),
    count: () => countPosts.get() as number,
  };
}
