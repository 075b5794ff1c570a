import type { Readable, Writable } from 'node:stream';
import type { Analysis } from '../classify/analyse-text.js';
import { describeIssues } from '../config/describe-issues.js';
import {
  type AnalysePosts,
  analyseInThread,
  type IngestDeps,
  storeAnalysed,
} from '../pipeline/ingest-posts.js';
import { postRecordSchema } from '../pipeline/post-record-schema.js';
import type { Post } from '../types.js';
import { readJsonLines } from './read-json-lines.js';

export interface ImportCommandDeps extends IngestDeps {
  /** Analysis elsewhere (a worker pool): the next batch is analysed while this one is stored. */
  analyse?: AnalysePosts;
  input: Readable;
  output: Writable;
  errors: Writable;
  batchSize?: number;
}

export interface ImportSummary {
  read: number;
  stored: number;
  notStored: number;
  duplicates: number;
  invalid: number;
}

/**
 * `driver-voice import FILE.jsonl`: posts through the same guard, classifier
 * and store as polling. Guard drops are counted with the irrelevant posts as
 * "not stored", never on their own.
 */
export async function runImportCommand(
  deps: ImportCommandDeps,
): Promise<{ code: number; summary: ImportSummary }> {
  const summary: ImportSummary = { read: 0, stored: 0, notStored: 0, duplicates: 0, invalid: 0 };
  const batchSize = deps.batchSize ?? 500;
  const analyse = deps.analyse ?? analyseInThread(deps);
  let batch: Post[] = [];
  // The batch being analysed while the previous one is stored.
  let inFlight: Promise<{ posts: Post[]; analyses: Analysis[] }> | null = null;
  const store = async (): Promise<void> => {
    if (!inFlight) return;
    const { posts, analyses } = await inFlight;
    inFlight = null;
    const result = storeAnalysed(posts, analyses, deps);
    summary.stored += result.stored;
    summary.notStored += result.notStored;
    summary.duplicates += result.duplicates;
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const posts = batch;
    batch = [];
    const analysed = analyse(posts).then((analyses) => ({ posts, analyses }));
    analysed.catch(() => {}); // handled where it is awaited, in store()
    await store();
    inFlight = analysed;
  };

  for await (const record of readJsonLines(deps.input)) {
    summary.read++;
    const parsed = 'error' in record ? null : postRecordSchema.safeParse(record.value);
    if (!parsed?.success) {
      summary.invalid++;
      const reason = parsed
        ? describeIssues(parsed.error).join('; ')
        : (record as { error: string }).error;
      deps.errors.write(`line ${record.line}: skipped, ${reason}\n`);
      continue;
    }
    batch.push(parsed.data);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await store();

  deps.output.write(
    `Read ${summary.read} posts: ${summary.stored} stored, ${summary.notStored} not stored (irrelevant), ` +
      `${summary.duplicates} duplicates${summary.invalid > 0 ? `, ${summary.invalid} invalid lines skipped (see above)` : ''}.\n`,
  );
  return { code: summary.invalid > 0 ? 1 : 0, summary };
}
