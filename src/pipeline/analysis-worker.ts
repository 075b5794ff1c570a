/**
 * A worker thread that guards, classifies and scores posts, so a bulk ingest
 * can store one batch while the next is analysed. It compiles its own copy of
 * the taxonomy from the same files; nothing it receives is logged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseText } from '../classify/analyse-text.js';
import { createSentimentScorer } from '../classify/create-sentiment-scorer.js';
import { createGuard } from '../classify/guard.js';
import { loadTaxonomy } from '../classify/load-taxonomy.js';
import type { Post } from '../types.js';

export interface AnalysisWorkerData {
  taxonomyPath: string;
  extraGuardTerms: string[];
  languages: string[];
}

const data = workerData as AnalysisWorkerData;
const deps = {
  taxonomy: loadTaxonomy(data.taxonomyPath, createGuard({ extraTerms: data.extraGuardTerms })),
  languages: data.languages,
  scoreSentiment: createSentimentScorer(),
};

parentPort?.on(
  'message',
  async (message: { id: number; posts: Array<Pick<Post, 'title' | 'text' | 'lang'>> }) => {
    const analyses = [];
    for (const post of message.posts) analyses.push(await analyseText(post, deps));
    parentPort?.postMessage({ id: message.id, analyses });
  },
);
