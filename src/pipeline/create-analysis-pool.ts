import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../classify/analyse-text.js';
import type { AnalysisWorkerData } from './analysis-worker.js';
import type { AnalysePosts } from './ingest-posts.js';

const WORKER = new URL('./analysis-worker.js', import.meta.url);

/** True when running from the build, where the compiled worker sits beside this file. */
export function canAnalyseInWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * Analysis in worker threads: `analyse` sends a batch (title, text and
 * language only) to the next worker and resolves with its analyses. The
 * worker is the compiled `analysis-worker.js` beside this file, so the pool
 * runs from the build (`npm run build`), not from the TypeScript sources.
 */
export function createAnalysisPool(options: AnalysisWorkerData & { size?: number }): {
  analyse: AnalysePosts;
  close: () => Promise<void>;
} {
  const workerData: AnalysisWorkerData = {
    taxonomyPath: options.taxonomyPath,
    extraGuardTerms: options.extraGuardTerms,
    languages: options.languages,
  };
  const workers = Array.from({ length: options.size ?? 1 }, () => {
    const worker = new Worker(WORKER, { workerData });
    const pending = new Map<
      number,
      { resolve: (a: Analysis[]) => void; reject: (e: Error) => void }
    >();
    worker.on('message', ({ id, analyses }: { id: number; analyses: Analysis[] }) => {
      pending.get(id)?.resolve(analyses);
      pending.delete(id);
    });
    worker.on('error', (error) => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    });
    return { worker, pending };
  });
  let nextId = 0;
  return {
    analyse(posts) {
      const id = nextId++;
      const { worker, pending } = workers[id % workers.length]!;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({
          id,
          posts: posts.map((p) => ({ title: p.title, text: p.text, lang: p.lang })),
        });
      });
    },
    close: async () => {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
