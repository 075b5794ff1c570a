import type { Logger } from '../log/create-logger.js';
import type { RunSourceDeps } from '../pipeline/run-source.js';
import type { ScheduledSource } from '../pipeline/schedule.js';
import { createSources } from '../sources/create-sources.js';
import { createCursorStore } from '../store/cursors.js';
import { type Db, openDatabase } from '../store/open-database.js';
import { createPostStore } from '../store/posts.js';
import { createReadBudget } from '../store/read-budget.js';
import { createSourceHealthStore } from '../store/source-health.js';
import type { Context } from './load-context.js';

export interface Poller {
  db: Db;
  sources: ScheduledSource[];
  deps: RunSourceDeps;
}

/** The database, the stores and the configured sources, wired for runOnce or the scheduler. */
export function createPoller(
  context: Context,
  log: Logger,
  options: { databasePath?: string } = {},
): Poller {
  const db = openDatabase(options.databasePath ?? context.config.databasePath);
  try {
    const budget = createReadBudget(db);
    const sources = createSources({ config: context.config, guard: context.guard, budget, log });
    const deps: RunSourceDeps = {
      taxonomy: context.taxonomy,
      languages: context.config.languages,
      scoreSentiment: context.scoreSentiment,
      store: createPostStore(db),
      cursors: createCursorStore(db),
      health: createSourceHealthStore(db),
      budget,
      log,
      now: () => new Date(),
    };
    return { db, sources, deps };
  } catch (error) {
    db.close();
    throw error;
  }
}
