import type { Db } from './open-database.js';

/** Posts read per source per calendar month (UTC): what X bills. */
export interface ReadBudget {
  used(source: string, now: Date): number;
  add(source: string, reads: number, now: Date): void;
}

const month = (now: Date): string => now.toISOString().slice(0, 7);

export function createReadBudget(db: Db): ReadBudget {
  const select = db
    .prepare('SELECT reads FROM source_reads WHERE source = ? AND month = ?')
    .pluck();
  const add = db.prepare(`
    INSERT INTO source_reads (source, month, reads) VALUES (?, ?, ?)
    ON CONFLICT (source, month) DO UPDATE SET reads = reads + excluded.reads`);
  return {
    used: (source, now) => (select.get(source, month(now)) as number | undefined) ?? 0,
    add: (source, reads, now) => {
      if (reads > 0) add.run(source, month(now), reads);
    },
  };
}
