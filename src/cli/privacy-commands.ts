import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import { buildNotice } from '../privacy/build-notice.js';
import { recordAudit } from '../store/audit.js';
import { auditConfigChange, listAudit } from '../store/list-audit.js';
import { openDatabase } from '../store/open-database.js';
import { createOptOuts, normaliseAuthor } from '../store/opt-outs.js';
import { createRuntime, type Runtime } from './create-runtime.js';
import type { Context } from './load-context.js';

const fingerprint = (file: string | null): string =>
  file && existsSync(file)
    ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)
    : 'defaults';

/** Audits the config and taxonomy in use when they differ from the last start. */
export function auditConfig(context: Context, now: Date): void {
  const db = openDatabase(context.config.databasePath);
  try {
    auditConfigChange(
      db,
      {
        config: fingerprint(context.config.file),
        taxonomy: fingerprint(context.config.taxonomyPath),
        file: context.config.file,
      },
      now,
    );
  } finally {
    db.close();
  }
}

/** `driver-voice notice [--format html]` */
export function noticeCommand(
  context: Context,
  output: Writable,
  format: string | undefined,
): number {
  if (format !== undefined && format !== 'markdown' && format !== 'html')
    throw new ConfigError(`--format takes markdown or html; got "${format}".`);
  output.write(
    buildNotice(
      context.config,
      context.taxonomy,
      context.guard,
      format === 'html' ? 'html' : 'markdown',
    ),
  );
  return 0;
}

/** Runs `work` with the runtime (database, sources, Slack) and closes it whatever happens. */
async function withRuntime<T>(
  context: Context,
  log: Logger,
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = createRuntime(context, log);
  try {
    return await work(runtime);
  } finally {
    runtime.db.close();
  }
}

/** `driver-voice db purge`: retention now, Slack messages of purged posts stubbed when Slack is configured. */
export async function purgeCommand(
  context: Context,
  log: Logger,
  output: Writable,
): Promise<number> {
  return withRuntime(context, log, async (runtime) => {
    const result = await runtime.purge();
    recordAudit(runtime.db, {
      at: new Date(),
      actor: 'cli',
      action: 'purge',
      detail: { removed: result.removed },
    });
    output.write(
      `Removed ${result.removed} post(s) created before ${result.cutoff.toISOString()}; ${result.stubbed} Slack message(s) replaced by a stub.\n`,
    );
    return 0;
  });
}

/** `driver-voice db recheck`: the deletion re-check now. */
export async function recheckCommand(
  context: Context,
  log: Logger,
  output: Writable,
): Promise<number> {
  return withRuntime(context, log, async (runtime) => {
    const reports = await runtime.recheck();
    for (const r of reports)
      output.write(
        `${r.source}: ${r.checked} checked, ${r.removed} removed${r.error ? `; re-check failed, nothing removed: ${r.error}` : ''}\n`,
      );
    return reports.some((r) => r.error) ? 1 : 0;
  });
}

/** `driver-voice optout add reddit:<name>|x:<name>` */
export function optOutCommand(context: Context, output: Writable, author: string): number {
  const secret = context.config.env.DRIVER_VOICE_SECRET;
  if (!secret)
    throw new ConfigError(
      'Opt-outs are stored as keyed hashes: set DRIVER_VOICE_SECRET (a long random string, kept stable) in the environment or .env.',
    );
  const normal = normaliseAuthor(author);
  if (!normal)
    throw new ConfigError(
      `Give the author as reddit:<name> or x:<name>; got "${author.slice(0, 40)}".`,
    );
  const db = openDatabase(context.config.databasePath);
  try {
    const added = createOptOuts(db, secret).add(normal, new Date());
    recordAudit(db, {
      at: new Date(),
      actor: 'cli',
      action: 'optout',
      detail: { platform: normal.split(':')[0], added },
    });
    output.write(
      added
        ? "Opt-out stored: that author's posts are dropped before storage, and those already stored are removed at the next re-check (driver-voice db recheck).\n"
        : 'That author had already opted out.\n',
    );
    return 0;
  } finally {
    db.close();
  }
}

/** `driver-voice audit [--since 7d]` */
export function auditCommand(context: Context, output: Writable, sinceMs: number): number {
  const db = openDatabase(context.config.databasePath);
  try {
    const rows = listAudit(db, new Date(Date.now() - sinceMs));
    if (rows.length === 0) output.write('No audit entries in that period.\n');
    for (const row of rows)
      output.write(
        `${row.at.toISOString().slice(0, 19).replace('T', ' ')}  ${row.actor.padEnd(12)}  ${row.action.padEnd(12)}  ${JSON.stringify(row.detail)}\n`,
      );
    return 0;
  } finally {
    db.close();
  }
}
