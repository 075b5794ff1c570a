import type { Db } from './open-database.js';

/** A Slack message that showed a removed post, to be replaced by a stub. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

function messagesOf(db: Db, where: string, params: unknown[]): PostedMessage[] {
  return db
    .prepare(
      `SELECT o.channel, o.message_ts AS ts FROM outbox o JOIN posts p ON p.id = o.post_id WHERE o.message_ts IS NOT NULL AND ${where}`,
    )
    .all(...params) as PostedMessage[];
}

/**
 * Removes posts with their categories, search-index rows and outbox rows
 * (cascades and triggers), then compacts the index and truncates the
 * write-ahead log so that no byte of their text stays in the files
 * (`secure_delete` overwrites the freed pages). Daily counts are kept.
 * Returns the Slack messages that showed them.
 */
function removeWhere(
  db: Db,
  where: string,
  params: unknown[],
): { removed: number; messages: PostedMessage[] } {
  const messages = messagesOf(db, where, params);
  // Overwrite freed pages while removing, and only then: always on, it costs ingest a sixth of its speed.
  db.pragma('secure_delete = ON');
  try {
    const removed = db.transaction(
      () => db.prepare(`DELETE FROM posts AS p WHERE ${where}`).run(...params).changes,
    )();
    if (removed > 0) {
      db.exec("INSERT INTO posts_fts (posts_fts) VALUES ('optimize')");
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return { removed, messages };
  } finally {
    db.pragma('secure_delete = OFF');
  }
}

/** Retention: every post created before `cutoff`. */
export function purgeOlderThan(
  db: Db,
  cutoff: Date,
): { removed: number; messages: PostedMessage[] } {
  return removeWhere(db, 'p.created_at < ?', [cutoff.getTime()]);
}

/** Deletion sync and opt-outs: these posts, by source and external id. */
export function removePosts(
  db: Db,
  source: string,
  externalIds: readonly string[],
): { removed: number; messages: PostedMessage[] } {
  if (externalIds.length === 0) return { removed: 0, messages: [] };
  const total = { removed: 0, messages: [] as PostedMessage[] };
  for (let i = 0; i < externalIds.length; i += 500) {
    const batch = externalIds.slice(i, i + 500);
    const result = removeWhere(
      db,
      `p.source = ? AND p.external_id IN (${batch.map(() => '?').join(',')})`,
      [source, ...batch],
    );
    total.removed += result.removed;
    total.messages.push(...result.messages);
  }
  return total;
}
