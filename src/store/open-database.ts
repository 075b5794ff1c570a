import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

/** Applies every migration newer than the database's `user_version`; returns the ones applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > current);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return pending;
}

/**
 * Opens (creating with mode 0600 when new) the one database file, in WAL mode
 * with `synchronous=FULL` and foreign keys on, and brings it to the latest
 * migration unless `migrate: false`.
 */
export function openDatabase(
  path: string,
  options: { migrate?: boolean; readonly?: boolean } = {},
): Db {
  if (path !== ':memory:' && !options.readonly) {
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrate !== false && !options.readonly) migrate(db);
  return db;
}
