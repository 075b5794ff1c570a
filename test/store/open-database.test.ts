import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { migrate, openDatabase } from '../../src/store/open-database.js';
import { tempDir } from '../helpers.js';

describe('openDatabase', () => {
  it('creates the file and its WAL companions readable by the owner only', () => {
    const file = path.join(tempDir(), 'dv.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO audit (at, actor, action) VALUES (1, 'cli', 'test')").run();
    for (const name of [file, `${file}-wal`, `${file}-shm`]) {
      expect(statSync(name).mode & 0o777, name).toBe(0o600);
    }
    db.close();
  });

  it('runs in WAL mode with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'dv.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies the numbered migrations once', () => {
    const file = path.join(tempDir(), 'dv.db');
    const db = openDatabase(file, { migrate: false });
    expect(migrate(db).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'posts',
        'post_categories',
        'posts_fts',
        'cursors',
        'source_health',
        'audit',
        'daily_counts',
      ]),
    );
    db.close();
  });

  it('makes an existing file private again', async () => {
    const { chmodSync, writeFileSync } = await import('node:fs');
    const file = path.join(tempDir(), 'dv.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
