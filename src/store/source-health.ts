import type { Db } from './open-database.js';

export type SourceState = 'ok' | 'degraded' | 'failing' | 'paused';

export interface SourceHealth {
  source: string;
  state: SourceState;
  /** Since when the source has been in this state. */
  since: Date;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

export interface SourceHealthStore {
  get(source: string): SourceHealth | null;
  all(): SourceHealth[];
  /** Records a successful poll: state `ok`, last success now. */
  succeeded(source: string, now: Date): SourceHealth;
  /** Records a failure with the state it leads to and what to do about it. */
  failed(source: string, state: Exclude<SourceState, 'ok'>, error: string, now: Date): SourceHealth;
}

interface Row {
  source: string;
  state: SourceState;
  since: number;
  last_success_at: number | null;
  last_error: string | null;
}

const toHealth = (row: Row): SourceHealth => ({
  source: row.source,
  state: row.state,
  since: new Date(row.since),
  lastSuccessAt: row.last_success_at === null ? null : new Date(row.last_success_at),
  lastError: row.last_error,
});

export function createSourceHealthStore(db: Db): SourceHealthStore {
  const select = db.prepare('SELECT * FROM source_health WHERE source = ?');
  const selectAll = db.prepare('SELECT * FROM source_health ORDER BY source');
  const upsert = db.prepare(`
    INSERT INTO source_health (source, state, since, last_success_at, last_error)
    VALUES (@source, @state, @now, @lastSuccessAt, @lastError)
    ON CONFLICT (source) DO UPDATE SET
      since = CASE WHEN state = excluded.state THEN since ELSE excluded.since END,
      state = excluded.state,
      last_success_at = coalesce(excluded.last_success_at, last_success_at),
      last_error = excluded.last_error`);
  const get = (source: string): SourceHealth | null => {
    const row = select.get(source) as Row | undefined;
    return row ? toHealth(row) : null;
  };
  return {
    get,
    all: () => (selectAll.all() as Row[]).map(toHealth),
    succeeded(source, now) {
      upsert.run({
        source,
        state: 'ok',
        now: now.getTime(),
        lastSuccessAt: now.getTime(),
        lastError: null,
      });
      return get(source)!;
    },
    failed(source, state, error, now) {
      upsert.run({
        source,
        state,
        now: now.getTime(),
        lastSuccessAt: null,
        lastError: error.slice(0, 1000),
      });
      return get(source)!;
    },
  };
}
