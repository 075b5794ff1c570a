import type { Readable, Writable } from 'node:stream';
import { describeIssues } from '../config/describe-issues.js';
import { type IngestDeps, ingestPosts } from '../pipeline/ingest-posts.js';
import { postRecordSchema } from '../pipeline/post-record-schema.js';
import type { Post } from '../types.js';
import { readJsonLines } from './read-json-lines.js';

export interface ImportCommandDeps extends IngestDeps {
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
  let batch: Post[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await ingestPosts(batch, deps);
    summary.stored += result.stored;
    summary.notStored += result.notStored;
    summary.duplicates += result.duplicates;
    batch = [];
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

  deps.output.write(
    `Read ${summary.read} posts: ${summary.stored} stored, ${summary.notStored} not stored (irrelevant), ` +
      `${summary.duplicates} duplicates${summary.invalid > 0 ? `, ${summary.invalid} invalid lines skipped (see above)` : ''}.\n`,
  );
  return { code: summary.invalid > 0 ? 1 : 0, summary };
}
