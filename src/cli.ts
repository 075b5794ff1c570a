#!/usr/bin/env node
import { createReadStream, existsSync } from 'node:fs';
import { Command } from 'commander';
import { config as loadDotenv } from 'dotenv';
import { runClassifyCommand } from './cli/classify-command.js';
import { runDemoCommand } from './cli/demo-command.js';
import { runFakesCommand } from './cli/fakes-command.js';
import { runImportCommand } from './cli/import-command.js';
import { loadContext } from './cli/load-context.js';
import { parseDuration } from './cli/parse-duration.js';
import {
  auditCommand,
  noticeCommand,
  optOutCommand,
  purgeCommand,
  recheckCommand,
} from './cli/privacy-commands.js';
import { runOnceCommand } from './cli/run-command.js';
import { runSearchCommand } from './cli/search-command.js';
import { hasLiveCredentials, runStartCommand } from './cli/start-command.js';
import { ConfigError, DriverVoiceError, TaxonomyError } from './errors.js';
import { createLogger } from './log/create-logger.js';
import { canAnalyseInWorkers, createAnalysisPool } from './pipeline/create-analysis-pool.js';
import { migrate, openDatabase } from './store/open-database.js';
import { createPostStore } from './store/posts.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Aborts on the first SIGTERM or SIGINT, so the current cycle can finish;
 * a second signal exits at once.
 */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(1);
    process.stderr.write(
      'driver-voice: stopping after the current step (signal again to exit now)\n',
    );
    controller.abort();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return controller.signal;
}

/** Wiring only: parse arguments, build dependencies, call a command, map errors to exit codes. */
async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  const env = process.env;
  // A bad LOG_LEVEL is reported with the rest of the environment once a command loads its config.
  const level = LOG_LEVELS.includes(env.LOG_LEVEL ?? '') ? env.LOG_LEVEL : undefined;
  const log = createLogger({ level });
  let exitCode = 0;
  const context = (options: { config?: string }) =>
    loadContext(env, options.config ? { file: options.config } : {});

  const program = new Command('driver-voice')
    .description(
      'Hear what delivery drivers say in public, and route it to the owner who can fix it.',
    )
    .option('-c, --config <file>', 'config file (default: $DRIVER_VOICE_CONFIG or data/config.yml)')
    .showHelpAfterError('(run driver-voice --help for usage)');

  program
    .command('classify')
    .description(
      'read {id,text,lang?} JSON lines on stdin, write {id,dropped,categories,matched,lang,sentiment} lines',
    )
    .action(async () => {
      const ctx = context(program.opts());
      exitCode = await runClassifyCommand({
        input: process.stdin,
        output: process.stdout,
        errors: process.stderr,
        taxonomy: ctx.taxonomy,
        languages: ctx.config.languages,
        scoreSentiment: ctx.scoreSentiment,
      });
    });

  program
    .command('import')
    .argument(
      '<file>',
      'JSON lines with the fields of a post (source, externalId, url, community, kind, createdAt, lang?, title?, text); - for stdin',
    )
    .description('ingest posts through the guard, classifier and store')
    .action(async (file: string) => {
      const ctx = context(program.opts());
      if (file !== '-' && !existsSync(file))
        throw new ConfigError(`The file ${file} does not exist.`);
      const db = openDatabase(ctx.config.databasePath);
      // From the build, analysis runs in a worker while this thread stores.
      const pool = canAnalyseInWorkers()
        ? createAnalysisPool({
            taxonomyPath: ctx.config.taxonomyPath,
            extraGuardTerms: ctx.config.guard.extraTerms,
            languages: ctx.config.languages,
          })
        : null;
      try {
        const { code } = await runImportCommand({
          ...(pool ? { analyse: pool.analyse } : {}),
          input: file === '-' ? process.stdin : createReadStream(file),
          output: process.stdout,
          errors: process.stderr,
          taxonomy: ctx.taxonomy,
          languages: ctx.config.languages,
          scoreSentiment: ctx.scoreSentiment,
          store: createPostStore(db),
          log,
          now: () => new Date(),
        });
        exitCode = code;
      } finally {
        await pool?.close();
        db.close();
      }
    });

  program
    .command('search')
    .argument('<query...>', 'words, "a phrase", prefix*, a OR b, -exclude')
    .option('--in <category>', 'only posts of this category')
    .option('--since <duration>', 'only posts newer than this, e.g. 24h, 7d, 2w')
    .option('--limit <n>', 'how many results (1-100, default 20)')
    .option('--json', 'one JSON object per line')
    .description('full-text search over stored posts (bm25 plus recency)')
    .action(
      (
        words: string[],
        options: { in?: string; since?: string; limit?: string; json?: boolean },
      ) => {
        const ctx = context(program.opts());
        const db = openDatabase(ctx.config.databasePath);
        try {
          exitCode = runSearchCommand(
            { query: words.join(' '), ...options },
            {
              db,
              output: process.stdout,
              categoryIds: ctx.taxonomy.categories.map((c) => c.id),
              now: () => new Date(),
            },
          );
        } finally {
          db.close();
        }
      },
    );

  const dbCommand = program.command('db').description('database maintenance');
  dbCommand
    .command('migrate')
    .description('create the database or bring it to the latest schema')
    .action(() => {
      const ctx = context(program.opts());
      const db = openDatabase(ctx.config.databasePath, { migrate: false });
      try {
        const applied = migrate(db);
        const version = db.pragma('user_version', { simple: true });
        process.stdout.write(
          applied.length === 0
            ? `${ctx.config.databasePath} is up to date (schema ${version}).\n`
            : `${ctx.config.databasePath}: applied ${applied.map((m) => `${m.version} (${m.name})`).join(', ')}; schema is now ${version}.\n`,
        );
      } finally {
        db.close();
      }
    });

  const backfill = (value: string | undefined): Date | undefined => {
    if (value === undefined) return undefined;
    const ms = parseDuration(value);
    if (ms === null)
      throw new ConfigError(`--backfill takes a duration such as 6h, 24h or 7d; got "${value}".`);
    return new Date(Date.now() - ms);
  };

  program
    .command('run')
    .description('one poll → classify → store cycle over every configured source')
    .requiredOption('--once', 'run one cycle, then exit (the only mode of run)')
    .option(
      '--backfill <duration>',
      'on a first run, read back this far (e.g. 24h) instead of starting from now',
    )
    .action(async (options: { backfill?: string }) => {
      const ctx = context(program.opts());
      const since = backfill(options.backfill);
      exitCode = await runOnceCommand({
        context: ctx,
        log,
        output: process.stdout,
        ...(since ? { backfillSince: since } : {}),
      });
    });

  program
    .command('start')
    .description('run driver-voice; without credentials, the demo on bundled sample posts')
    .option(
      '--backfill <duration>',
      'on a first run, read back this far (e.g. 24h) instead of starting from now',
    )
    .option(
      '--http <port>',
      'receive Slack over HTTP on this port (needs SLACK_SIGNING_SECRET) instead of Socket Mode',
    )
    .option('--once', 'demo only: one cycle over the sample posts, then exit')
    .action(async (options: { backfill?: string; http?: string; once?: boolean }) => {
      const ctx = context(program.opts());
      if (!hasLiveCredentials(ctx)) {
        const demoLog = createLogger({ level: env.LOG_LEVEL ?? 'warn' });
        exitCode = await runDemoCommand({
          output: process.stdout,
          log: demoLog,
          signal: stopSignal(),
          once: options.once ?? false,
        });
        return;
      }
      const since = backfill(options.backfill);
      const httpPort = options.http === undefined ? undefined : Number(options.http);
      if (
        httpPort !== undefined &&
        !(Number.isInteger(httpPort) && httpPort >= 0 && httpPort < 65536)
      ) {
        throw new ConfigError(`--http takes a port number; got "${options.http}".`);
      }
      exitCode = await runStartCommand({
        context: ctx,
        log,
        output: process.stdout,
        signal: stopSignal(),
        ...(since ? { backfillSince: since } : {}),
        ...(httpPort === undefined ? {} : { httpPort }),
      });
    });

  program
    .command('fakes')
    .description(
      'loopback fakes of Reddit and X publishing the sample posts, for trying run and start by hand',
    )
    .option('--reddit-port <port>', 'port of the fake Reddit (default: any free one)')
    .option('--x-port <port>', 'port of the fake X (default: any free one)')
    .action(async (options: { redditPort?: string; xPort?: string }) => {
      exitCode = await runFakesCommand({
        output: process.stdout,
        signal: stopSignal(),
        ...(options.redditPort ? { redditPort: Number(options.redditPort) } : {}),
        ...(options.xPort ? { xPort: Number(options.xPort) } : {}),
      });
    });

  dbCommand
    .command('purge')
    .description(
      'remove posts older than privacy.retentionDays now (keeps daily counts), stubbing their Slack messages',
    )
    .action(async () => {
      exitCode = await purgeCommand(context(program.opts()), log, process.stdout);
    });

  dbCommand
    .command('recheck')
    .description(
      'look every stored post up again at its source now; remove those deleted there or by opted-out authors',
    )
    .action(async () => {
      exitCode = await recheckCommand(context(program.opts()), log, process.stdout);
    });

  program
    .command('notice')
    .description('print the plain-language transparency notice for this configuration')
    .option('--format <format>', 'markdown (default) or html')
    .action((options: { format?: string }) => {
      exitCode = noticeCommand(context(program.opts()), process.stdout, options.format);
    });

  program
    .command('optout')
    .description('opt-outs: driver-voice optout add reddit:<name>|x:<name>')
    .command('add')
    .argument('<author>', 'reddit:<name> or x:<name>')
    .action((author: string) => {
      exitCode = optOutCommand(context(program.opts()), process.stdout, author);
    });

  program
    .command('audit')
    .description('searches, button actions, opt-outs and config changes, newest first')
    .option('--since <duration>', 'how far back (default 7d)')
    .action((options: { since?: string }) => {
      const ms = parseDuration(options.since ?? '7d');
      if (ms === null)
        throw new ConfigError(
          `--since takes a duration such as 24h or 7d; got "${options.since}".`,
        );
      exitCode = auditCommand(context(program.opts()), process.stdout, ms);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof DriverVoiceError) {
      process.stderr.write(`driver-voice: ${error.message}\n`);
      return error instanceof ConfigError || error instanceof TaxonomyError ? 2 : 1;
    }
    log.error({ err: error }, 'unexpected failure');
    process.stderr.write(`driver-voice: unexpected failure: ${(error as Error).message}\n`);
    return 1;
  }
  return exitCode;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
