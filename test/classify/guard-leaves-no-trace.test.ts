import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClassifyCommand } from '../../src/cli/classify-command.js';
import { runImportCommand } from '../../src/cli/import-command.js';
import type { Db } from '../../src/store/open-database.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import {
  captureLogger,
  captureStream,
  defaultTaxonomy,
  linesOf,
  makePost,
  postRecord,
  scoreSentiment,
  tempDir,
} from '../helpers.js';

// Each protected post also mentions a category problem, so only the guard keeps it out.
const PROTECTED = [
  { marker: 'xylofonmarker', text: 'Tips missing again, time to unionize xylofonmarker' },
  { marker: 'quetzalmarker', text: 'The app crashed so we walk out at six, quetzalmarker' },
  { marker: 'zambombamarker', text: 'Huelga el lunes porque no pagan las propinas zambombamarker' },
  {
    marker: 'kumquatmarker',
    text: 'Talked to a journalist about the unsafe station kumquatmarker',
  },
];
const CONTROL = { marker: 'controlmarker', text: 'Tips missing again this week controlmarker' };

/** Every row of every table, shadow tables of the search index included, as text. */
function everyRow(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .all() as string[];
  return tables
    .map((table) =>
      JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all(), (_k, v) =>
        Buffer.isBuffer(v) || (v && v.type === 'Buffer') ? Buffer.from(v).toString('latin1') : v,
      ),
    )
    .join('\n');
}

function indexedTerms(db: Db): string[] {
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, 'posts_fts', 'row')",
  );
  return db.prepare('SELECT term FROM temp.vocab').pluck().all() as string[];
}

async function importAll() {
  const file = path.join(tempDir(), 'dv.db');
  const db = openDatabase(file);
  const { log, lines } = captureLogger();
  const output = captureStream();
  const errors = captureStream();
  const records = [...PROTECTED, CONTROL].map(({ text }) => postRecord(makePost({ text })));
  const { summary } = await runImportCommand({
    input: linesOf(...records),
    output,
    errors,
    taxonomy: defaultTaxonomy(),
    languages: ['en', 'es'],
    scoreSentiment,
    store: createPostStore(db),
    log,
    now: () => new Date(),
  });
  db.pragma('wal_checkpoint(FULL)');
  return { db, file, summary, logLines: lines(), output: output.text() + errors.text() };
}

describe('a protected post', () => {
  it('reaches no table and no search index, while a control post does', async () => {
    const { db } = await importAll();
    const rows = everyRow(db);
    const terms = indexedTerms(db);
    expect(rows).toContain(CONTROL.marker);
    expect(terms).toContain(CONTROL.marker);
    for (const { marker } of PROTECTED) {
      expect(rows).not.toContain(marker);
      expect(terms).not.toContain(marker);
    }
  });

  it('leaves no byte of its text in the database file or its write-ahead log', async () => {
    const { file, db } = await importAll();
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]).toString(
      'latin1',
    );
    expect(bytes).toContain(CONTROL.marker);
    for (const { marker } of PROTECTED) expect(bytes).not.toContain(marker);
    db.close();
  });

  it('adds nothing to the daily counts', async () => {
    const { db } = await importAll();
    expect(db.prepare('SELECT sum(count) FROM daily_counts').pluck().get()).toBe(1);
  });

  it('appears in no log line, even at trace level', async () => {
    const { logLines } = await importAll();
    expect(logLines.length).toBeGreaterThan(0);
    for (const { marker } of PROTECTED) expect(logLines).not.toContain(marker);
    expect(logLines).not.toMatch(/guard|protected|dropped/i);
  });

  it('is counted with the irrelevant posts in the import summary, never on its own', async () => {
    const { output, summary } = await importAll();
    expect(summary).toMatchObject({ read: 5, stored: 1, notStored: 4 });
    expect(output).toBe('Read 5 posts: 1 stored, 4 not stored (irrelevant), 0 duplicates.\n');
  });

  it('shows in classify output as dropped: true and nothing more', async () => {
    const output = captureStream();
    const errors = captureStream();
    const code = await runClassifyCommand({
      input: linesOf(...PROTECTED.map(({ text }, i) => ({ id: `p${i}`, text, lang: 'en' }))),
      output,
      errors,
      taxonomy: defaultTaxonomy(),
      languages: ['en', 'es'],
      scoreSentiment,
    });
    expect(code).toBe(0);
    expect(errors.text()).toBe('');
    expect(output.text()).toBe(PROTECTED.map((_, i) => `{"id":"p${i}","dropped":true}\n`).join(''));
  });

  it('is not echoed when its record is malformed', async () => {
    const output = captureStream();
    const errors = captureStream();
    await runClassifyCommand({
      input: linesOf(
        { id: 'p1', text: 42, note: PROTECTED[0]!.text },
        `{"id": "p2", "text": "${PROTECTED[1]!.text}`,
      ),
      output,
      errors,
      taxonomy: defaultTaxonomy(),
      languages: ['en', 'es'],
      scoreSentiment,
    });
    expect(errors.text()).toBe(
      'line 1: skipped, text: Invalid input: expected string, received number\nline 2: skipped, not valid JSON\n',
    );
    expect(output.text()).toBe('');
  });
});
