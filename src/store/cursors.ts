import type { Db } from './open-database.js';

/** Where each source's next poll starts. */
export interface CursorStore {
  get(source: string): string | null;
  set(source: string, cursor: string, now: Date): void;
}

export function createCursorStore(db: Db): CursorStore {
  const select = db.prepare('SELECT cursor FROM cursors WHERE source = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO cursors (source, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  );
  return {
    get: (source) => (select.get(source) as string | undefined) ?? null,
    set: (source, cursor, now) => {
      upsert.run(source, cursor, now.getTime());
    },
  };
}
