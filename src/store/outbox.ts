import type { Route } from '../slack/route-post.js';
import type { Db } from './open-database.js';

export interface OutboxRow {
  id: number;
  postId: number;
  channel: string;
  owner: string | null;
  categories: string[];
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  messageTs: string | null;
  error: string | null;
}

export interface Outbox {
  /** Queues one message per route; call inside the transaction that stores the post. */
  enqueue(postId: number, routes: readonly Route[], now: Date): void;
  /**
   * The next message due by `now` for each channel: a high-priority post
   * before others, then the oldest. One per channel, so a channel with a
   * long queue never holds the others back.
   */
  nextPerChannel(now: Date): OutboxRow[];
  /** When the next pending message falls due, or null when none is pending. */
  nextDueAt(): number | null;
  pendingCount(): number;
  markSent(id: number, ts: string, now: Date): void;
  retryLater(id: number, at: number, error: string): void;
  /** Defers every pending message of a channel, e.g. after a 429. */
  deferChannel(channel: string, at: number): void;
  markFailed(id: number, error: string): void;
  /** Fails every pending message of a channel that will not heal (not private, archived, …). */
  failChannel(channel: string, error: string): number;
  get(id: number): OutboxRow | null;
  setOwner(id: number, owner: string): void;
}

interface Row {
  id: number;
  post_id: number;
  channel: string;
  owner: string | null;
  categories: string;
  status: OutboxRow['status'];
  attempts: number;
  next_attempt_at: number;
  message_ts: string | null;
  error: string | null;
}

const toRow = (row: Row): OutboxRow => ({
  id: row.id,
  postId: row.post_id,
  channel: row.channel,
  owner: row.owner,
  categories: JSON.parse(row.categories) as string[],
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  messageTs: row.message_ts,
  error: row.error,
});

export function createOutbox(db: Db): Outbox {
  const insert = db.prepare(
    `INSERT INTO outbox (post_id, channel, owner, categories, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, channel) DO NOTHING`,
  );
  const nextPerChannel = db.prepare(`
    SELECT * FROM (
      SELECT o.*, row_number() OVER (
               PARTITION BY o.channel
               ORDER BY CASE p.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, o.id
             ) AS position
        FROM outbox o JOIN posts p ON p.id = o.post_id
       WHERE o.status = 'pending' AND o.next_attempt_at <= ?
    ) WHERE position = 1 ORDER BY id`);
  const nextDue = db
    .prepare("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'")
    .pluck();
  const pending = db.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck();
  const sent = db.prepare(
    "UPDATE outbox SET status = 'sent', message_ts = ?, sent_at = ?, attempts = attempts + 1, error = NULL WHERE id = ?",
  );
  const retry = db.prepare(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, error = ? WHERE id = ?',
  );
  const defer = db.prepare(
    "UPDATE outbox SET next_attempt_at = max(next_attempt_at, ?) WHERE channel = ? AND status = 'pending'",
  );
  const failed = db.prepare(
    "UPDATE outbox SET status = 'failed', attempts = attempts + 1, error = ? WHERE id = ?",
  );
  const failChannel = db.prepare(
    "UPDATE outbox SET status = 'failed', error = ? WHERE channel = ? AND status = 'pending'",
  );
  const get = db.prepare('SELECT * FROM outbox WHERE id = ?');
  const setOwner = db.prepare('UPDATE outbox SET owner = ? WHERE id = ?');
  return {
    enqueue(postId, routes, now) {
      for (const route of routes)
        insert.run(
          postId,
          route.channel,
          route.owner,
          JSON.stringify(route.categories),
          now.getTime(),
          now.getTime(),
        );
    },
    nextPerChannel: (now) => (nextPerChannel.all(now.getTime()) as Row[]).map(toRow),
    nextDueAt: () => (nextDue.get() as number | null) ?? null,
    pendingCount: () => pending.get() as number,
    markSent: (id, ts, now) => void sent.run(ts, now.getTime(), id),
    retryLater: (id, at, error) => void retry.run(at, error, id),
    deferChannel: (channel, at) => void defer.run(at, channel),
    markFailed: (id, error) => void failed.run(error, id),
    failChannel: (channel, error) => failChannel.run(error, channel).changes,
    get: (id) => {
      const row = get.get(id) as Row | undefined;
      return row ? toRow(row) : null;
    },
    setOwner: (id, owner) => void setOwner.run(owner, id),
  };
}
