import { BudgetSpentError, RateLimitedError, SourceError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { IncomingPost, Source } from '../sources/source.js';
import type { CursorStore } from '../store/cursors.js';
import type { ReadBudget } from '../store/read-budget.js';
import type { SourceHealthStore, SourceState } from '../store/source-health.js';
import { type IngestDeps, ingestPosts } from './ingest-posts.js';

export interface RunSourceDeps extends Omit<IngestDeps, 'commit' | 'log'> {
  cursors: CursorStore;
  health: SourceHealthStore;
  budget: ReadBudget;
  log: Logger;
  /** Drops posts by authors who opted out; authors go no further than this. */
  keepAuthor?: (author: string) => boolean;
}

export interface SourceCycle {
  source: string;
  state: SourceState;
  fetched: number;
  stored: number;
  notStored: number;
  duplicates: number;
  requests: number;
  durationMs: number;
  /** Posts stored in this cycle per category (counts only, for metrics). */
  categories: Record<string, number>;
  /** How long the source asked us to wait before the next poll, if it did. */
  retryAfterMs?: number;
  /** The source had more new posts than one poll reads. */
  behind?: boolean;
  error?: { code: string; message: string };
}

/**
 * One poll of one source, inside its own error boundary: poll from the stored
 * cursor, guard, classify and store, and move the cursor and the read count in
 * the same transaction as the posts. A failure sets the source's state and is
 * reported, never thrown: one failing source never stops the others.
 */
export async function runSource(
  source: Source,
  deps: RunSourceDeps,
  options: {
    signal?: AbortSignal;
    backfillSince?: Date;
    onProgress?: (
      source: string,
      progress: { pages: number; posts: number; oldest: Date | null },
    ) => void;
  } = {},
): Promise<SourceCycle> {
  const started = Date.now();
  const log = deps.log.child({ source: source.name });
  const cycle: SourceCycle = {
    source: source.name,
    state: 'ok',
    fetched: 0,
    stored: 0,
    notStored: 0,
    duplicates: 0,
    requests: 0,
    durationMs: 0,
    categories: {},
  };
  try {
    const result = await source.poll(deps.cursors.get(source.name), {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.backfillSince ? { backfillSince: options.backfillSince } : {}),
      ...(options.onProgress
        ? {
            onProgress: (progress: { pages: number; posts: number; oldest: Date | null }) =>
              options.onProgress?.(source.name, progress),
          }
        : {}),
    });
    const keep = (incoming: IncomingPost): boolean =>
      !incoming.author || (deps.keepAuthor?.(incoming.author) ?? true);
    const posts = result.posts.filter(keep).map((incoming) => incoming.post);
    const ingested = await ingestPosts(posts, {
      ...deps,
      log,
      commit: () => {
        if (result.cursor !== null) deps.cursors.set(source.name, result.cursor, deps.now());
        deps.budget.add(source.name, result.reads, deps.now());
      },
    });
    deps.health.succeeded(source.name, deps.now());
    for (const stored of ingested.storedPosts) {
      for (const category of stored.categories)
        cycle.categories[category.id] = (cycle.categories[category.id] ?? 0) + 1;
    }
    Object.assign(cycle, {
      fetched: result.posts.length,
      stored: ingested.stored,
      notStored: result.posts.length - ingested.stored - ingested.duplicates,
      duplicates: ingested.duplicates,
      requests: result.requests,
      ...(result.waitMs ? { retryAfterMs: result.waitMs } : {}),
      ...(result.behind ? { behind: true } : {}),
    });
  } catch (caught) {
    if (!(caught instanceof SourceError))
      log.error({ err: caught }, 'unexpected failure while polling');
    const error =
      caught instanceof SourceError
        ? caught
        : new SourceError(
            'UNEXPECTED',
            `Unexpected failure while polling ${source.name}: ${(caught as Error)?.message}`,
            { kind: 'transient', cause: caught },
          );
    const state: SourceState =
      error instanceof BudgetSpentError
        ? 'paused'
        : error.kind === 'permanent'
          ? 'failing'
          : 'degraded';
    deps.health.failed(source.name, state, error.message, deps.now());
    cycle.state = state;
    cycle.error = { code: error.code, message: error.message };
    if (error instanceof RateLimitedError) cycle.retryAfterMs = error.retryAfterMs;
  }
  cycle.durationMs = Date.now() - started;
  const { error, ...fields } = cycle;
  if (error) log.warn({ ...fields, code: error.code, reason: error.message }, 'poll failed');
  else log.info(fields, 'poll');
  return cycle;
}
