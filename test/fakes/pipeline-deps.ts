import type { Logger } from '../../src/log/create-logger.js';
import type { RunSourceDeps } from '../../src/pipeline/run-source.js';
import { createCursorStore } from '../../src/store/cursors.js';
import { type Db, openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import { createReadBudget } from '../../src/store/read-budget.js';
import { createSourceHealthStore } from '../../src/store/source-health.js';
import { captureLogger, defaultTaxonomy, scoreSentiment } from '../helpers.js';

/** A real in-memory database and everything runSource needs on top of it. */
export function pipelineDeps(options: { db?: Db; log?: Logger } = {}): {
  db: Db;
  deps: RunSourceDeps;
} {
  const db = options.db ?? openDatabase(':memory:');
  return {
    db,
    deps: {
      taxonomy: defaultTaxonomy(),
      languages: ['en', 'es'],
      scoreSentiment,
      store: createPostStore(db),
      cursors: createCursorStore(db),
      health: createSourceHealthStore(db),
      budget: createReadBudget(db),
      log: options.log ?? captureLogger().log,
      now: () => new Date(),
    },
  };
}
