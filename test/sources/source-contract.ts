import { describe, expect, it } from 'vitest';
import { runSource } from '../../src/pipeline/run-source.js';
import type { Source } from '../../src/sources/source.js';
import { createCursorStore } from '../../src/store/cursors.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import { createReadBudget } from '../../src/store/read-budget.js';
import { createSourceHealthStore } from '../../src/store/source-health.js';
import { captureLogger, defaultTaxonomy, scoreSentiment } from '../helpers.js';

export interface ContractHarness {
  /** A new Source instance, as after a restart, talking to the same upstream. */
  source(): Source;
  /** Publishes `count` relevant posts upstream, in time order; returns their texts. */
  publish(count: number): Promise<string[]> | string[];
  close(): Promise<void>;
}

/**
 * What every Source must do, proven the same way for each: new items once, in
 * order, nothing twice across polls and restarts, nothing by surprise on the
 * first poll, and the cursor moved only once the posts are stored.
 */
export function sourceContract(name: string, setUp: () => Promise<ContractHarness>): void {
  describe(`${name} (Source contract)`, () => {
    async function withHarness(run: (h: ContractHarness) => Promise<void>): Promise<void> {
      const harness = await setUp();
      try {
        await run(harness);
      } finally {
        await harness.close();
      }
    }

    const texts = async (source: Source, cursor: string | null) => {
      const result = await source.poll(cursor);
      return { texts: result.posts.map((p) => p.post.text), cursor: result.cursor };
    };

    it('reads nothing on the first poll, only where now is', async () => {
      await withHarness(async (h) => {
        await h.publish(3);
        const first = await texts(h.source(), null);
        expect(first.texts).toEqual([]);
        expect(first.cursor).not.toBeNull();
      });
    });

    it('returns new items once, oldest first', async () => {
      await withHarness(async (h) => {
        const source = h.source();
        const start = await texts(source, null);
        const published = await h.publish(5);
        const second = await texts(source, start.cursor);
        expect(second.texts).toEqual(published);
        const third = await texts(source, second.cursor);
        expect(third.texts).toEqual([]);
      });
    });

    it('reads all 250 items that arrived between two polls, each once', async () => {
      await withHarness(async (h) => {
        const source = h.source();
        const start = await texts(source, null);
        const published = await h.publish(250);
        const result = await texts(source, start.cursor);
        expect(result.texts).toHaveLength(250);
        expect(new Set(result.texts).size).toBe(250);
        expect(result.texts).toEqual(published);
      });
    });

    it('re-reads nothing after a restart from the stored cursor', async () => {
      await withHarness(async (h) => {
        const start = await texts(h.source(), null);
        await h.publish(4);
        const read = await texts(h.source(), start.cursor);
        const afterRestart = await texts(h.source(), read.cursor);
        expect(afterRestart.texts).toEqual([]);
      });
    });

    it('moves the cursor only once the posts are stored', async () => {
      await withHarness(async (h) => {
        const db = openDatabase(':memory:');
        const store = createPostStore(db);
        const deps = {
          taxonomy: defaultTaxonomy(),
          languages: ['en', 'es'],
          scoreSentiment,
          cursors: createCursorStore(db),
          health: createSourceHealthStore(db),
          budget: createReadBudget(db),
          log: captureLogger().log,
          now: () => new Date(),
        };
        const source = h.source();
        await runSource(source, { ...deps, store });
        const published = await h.publish(3);
        const broken = {
          ...store,
          insertMany: () => {
            throw new Error('disk full');
          },
        };
        const failed = await runSource(source, { ...deps, store: broken });
        expect(failed.state).toBe('degraded');
        const retried = await runSource(h.source(), { ...deps, store });
        expect(retried.stored).toBe(published.length);
        expect(db.prepare('SELECT text FROM posts ORDER BY created_at, id').pluck().all()).toEqual(
          published,
        );
      });
    });
  });
}
