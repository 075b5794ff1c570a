import type { Db } from './open-database.js';

export interface AuditRow {
  at: Date;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** Audit entries since a time, newest first. */
export function listAudit(db: Db, since: Date, limit = 200): AuditRow[] {
  return (
    db
      .prepare(
        'SELECT at, actor, action, detail FROM audit WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?',
      )
      .all(since.getTime(), limit) as Array<{
      at: number;
      actor: string;
      action: string;
      detail: string;
    }>
  ).map((row) => ({
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}

/** Records a config change: the first start, or a start whose config or taxonomy differs from the last one. */
export function auditConfigChange(
  db: Db,
  fingerprint: { config: string; taxonomy: string; file: string | null },
  now: Date,
): boolean {
  const last = db
    .prepare("SELECT detail FROM audit WHERE action = 'config' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  const previous = last ? (JSON.parse(last) as { config?: string; taxonomy?: string }) : null;
  if (
    previous &&
    previous.config === fingerprint.config &&
    previous.taxonomy === fingerprint.taxonomy
  )
    return false;
  db.prepare("INSERT INTO audit (at, actor, action, detail) VALUES (?, 'system', 'config', ?)").run(
    now.getTime(),
    JSON.stringify({
      ...fingerprint,
      changed:
        previous === null
          ? 'first start'
          : [
              previous.config !== fingerprint.config ? 'config' : null,
              previous.taxonomy !== fingerprint.taxonomy ? 'taxonomy' : null,
            ].filter(Boolean),
    }),
  );
  return true;
}
