import { createHmac } from 'node:crypto';
import type { Db } from './open-database.js';

/** `reddit:<name>` or `x:<name>`, case-insensitive, without `u/` or `@`. */
export function normaliseAuthor(author: string): string | null {
  const match = /^(reddit|x):\s*(?:\/?u\/|@)?([A-Za-z0-9_-]{1,20})$/i.exec(author.trim());
  if (!match) return null;
  return `${match[1]!.toLowerCase()}:${match[2]!.toLowerCase()}`;
}

/** The keyed hash an opt-out is stored as: HMAC-SHA256 with DRIVER_VOICE_SECRET. Names are never stored. */
export function hashAuthor(secret: string, author: string): string {
  return createHmac('sha256', secret).update(author).digest('hex');
}

export interface OptOuts {
  add(author: string, now: Date): boolean;
  /** True when this author (`reddit:name`, `x:name`) opted out. */
  has(author: string): boolean;
  count(): number;
}

export function createOptOuts(db: Db, secret: string): OptOuts {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO opt_outs (hash, platform, created_at) VALUES (?, ?, ?)',
  );
  const select = db.prepare('SELECT 1 FROM opt_outs WHERE hash = ?').pluck();
  const count = db.prepare('SELECT count(*) FROM opt_outs').pluck();
  return {
    add(author, now) {
      const normal = normaliseAuthor(author);
      if (!normal) throw new Error(`not an author: expected reddit:<name> or x:<name>`);
      return (
        insert.run(hashAuthor(secret, normal), normal.split(':')[0], now.getTime()).changes > 0
      );
    },
    has(author) {
      const normal = normaliseAuthor(author);
      return normal !== null && select.get(hashAuthor(secret, normal)) !== undefined;
    },
    count: () => count.get() as number,
  };
}
