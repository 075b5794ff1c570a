import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterEach } from 'vitest';
import type { CompiledTaxonomy } from '../src/classify/compile-taxonomy.js';
import { createSentimentScorer } from '../src/classify/create-sentiment-scorer.js';
import type { LabelledPost } from '../src/classify/evaluate-taxonomy.js';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';
import { createLogger, type Logger } from '../src/log/create-logger.js';
import type { Post } from '../src/types.js';

let cachedTaxonomy: CompiledTaxonomy | undefined;
/** The bundled taxonomy with the built-in guard, compiled once per test file. */
export function defaultTaxonomy(): CompiledTaxonomy {
  cachedTaxonomy ??= loadTaxonomy(BUNDLED_TAXONOMY, createGuard());
  return cachedTaxonomy;
}

export const scoreSentiment = createSentimentScorer();

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'driver-voice-test-'));
  dirs.push(dir);
  return dir;
}

/** A writable that keeps everything written to it. */
export function captureStream(): Writable & { text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  }) as Writable & { text(): string };
  stream.text = () => chunks.join('');
  return stream;
}

/** A logger at trace level whose every line is kept, to prove what is never logged. */
export function captureLogger(): { log: Logger; lines(): string } {
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (chunk) => chunks.push(String(chunk)));
  return { log: createLogger({ level: 'trace', destination: sink }), lines: () => chunks.join('') };
}

export function linesOf(...records: unknown[]): Readable {
  return Readable.from([
    records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'),
  ]);
}

let sequence = 0;
/** A Reddit post with sensible defaults. */
export function makePost(overrides: Partial<Post> = {}): Post {
  sequence++;
  return {
    source: 'reddit',
    externalId: `t3_test${sequence}`,
    url: `https://www.reddit.com/r/AmazonFlexDrivers/comments/test${sequence}/`,
    community: 'AmazonFlexDrivers',
    kind: 'post',
    createdAt: new Date('2026-11-30T12:00:00Z'),
    lang: 'en',
    text: 'The app crashed again at the scanner',
    ...overrides,
  };
}

/** A post as an import line (dates as ISO strings). */
export function postRecord(post: Post): Record<string, unknown> {
  return { ...post, createdAt: post.createdAt.toISOString() };
}

export function readLabelledSet(name: string): LabelledPost[] {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPost);
}
