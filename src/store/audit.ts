import type { Db } from './open-database.js';

export interface AuditEntry {
  at: Date;
  /** A Slack user id of a manager or admin, or `cli`. Never a driver. */
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** Appends one entry to the audit table. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    entry.at.getTime(),
    entry.actor,
    entry.action,
    JSON.stringify(entry.detail),
  );
}
