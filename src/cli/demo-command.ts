import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { BUNDLED_DATA_DIR } from '../config/load-config.js';
import type { Logger } from '../log/create-logger.js';
import { openDatabase } from '../store/open-database.js';
import { createPostStore } from '../store/posts.js';
import type { ClassifiedPost } from '../types.js';
import { runImportCommand } from './import-command.js';
import type { Context } from './load-context.js';

export const SAMPLE_POSTS = path.join(BUNDLED_DATA_DIR, 'samples', 'posts.jsonl');

function card(post: ClassifiedPost): string {
  const excerpt = post.post.text.replace(/\s+/g, ' ').trim();
  const short = excerpt.length > 220 ? `${excerpt.slice(0, 219)}…` : excerpt;
  const categories = post.categories.map((c) => `${c.name} (${c.priority})`).join(', ');
  const matched = post.categories.flatMap((c) => c.matched).join(', ');
  const where = post.post.source === 'reddit' ? `r/${post.post.community}` : 'X';
  return [
    `┌ ${categories}`,
    `│ ${where} · ${post.lang} · ${post.sentiment.label}`,
    `│ ${short}`,
    `│ matched: ${matched}`,
    `└ ${post.post.url}`,
    '',
  ].join('\n');
}

/**
 * The offline demo: the bundled sample posts through the real guard,
 * classifier and store (an in-memory database), printing what would be
 * flagged. Nothing leaves the machine.
 */
export async function runDemoCommand(deps: {
  context: Context;
  output: Writable;
  log: Logger;
  samples?: string;
}): Promise<number> {
  const { context, output } = deps;
  output.write(
    'driver-voice demo: bundled sample posts, offline, nothing is sent anywhere.\n' +
      'Polling Reddit and X and posting to Slack need credentials in .env (see README).\n\n',
  );
  const db = openDatabase(':memory:');
  const store = createPostStore(db);
  const printed: ClassifiedPost[] = [];
  try {
    const { code, summary } = await runImportCommand({
      input: createReadStream(deps.samples ?? SAMPLE_POSTS),
      output,
      errors: output,
      taxonomy: context.taxonomy,
      languages: context.config.languages,
      scoreSentiment: context.scoreSentiment,
      store: {
        insertMany(posts, now, also) {
          const outcomes = store.insertMany(posts, now, also);
          posts.forEach((post, i) => {
            if (outcomes[i] === 'stored') printed.push(post);
          });
          return outcomes;
        },
        count: store.count,
      },
      log: deps.log,
      now: () => new Date(),
    });
    output.write('\n');
    for (const post of printed) output.write(`${card(post)}\n`);
    output.write(
      `${summary.stored} of ${summary.read} sample posts would reach Slack; the rest were irrelevant or protected.\n`,
    );
    return code;
  } finally {
    db.close();
  }
}
