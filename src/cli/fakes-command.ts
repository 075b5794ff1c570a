import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { BUNDLED_DATA_DIR } from '../config/load-config.js';
import { type FakeReddit, startFakeReddit } from '../fakes/fake-reddit.js';
import { type FakeX, startFakeX } from '../fakes/fake-x.js';
import { postRecordSchema } from '../pipeline/post-record-schema.js';
import type { Post } from '../types.js';

export const SAMPLE_POSTS = path.join(BUNDLED_DATA_DIR, 'samples', 'posts.jsonl');

/** The sample posts, in order, as the fakes will publish them. */
export function readSamplePosts(file = SAMPLE_POSTS): Post[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => postRecordSchema.parse(JSON.parse(line)));
}

/** Publishes one sample post on the fake it came from, as new. */
export function publishSample(
  post: Post,
  createdAt: Date,
  fakes: { reddit: FakeReddit; x: FakeX },
): void {
  if (post.source === 'x') {
    fakes.x.publish({ text: post.text, createdAt, lang: post.lang === 'und' ? 'en' : post.lang });
    return;
  }
  fakes.reddit.publish({
    kind: post.kind === 'comment' ? 'comment' : 'post',
    subreddit: post.community,
    ...(post.title ? { title: post.title } : {}),
    text: post.text,
    createdAt,
  });
}

/**
 * `driver-voice fakes`: loopback fakes of Reddit and X that publish the
 * sample posts a few a second, for trying `run --once` or `start` by hand.
 * Resolves when `signal` aborts.
 */
export async function runFakesCommand(deps: {
  output: Writable;
  signal: AbortSignal;
  redditPort?: number;
  xPort?: number;
  perSecond?: number;
}): Promise<number> {
  const reddit = await startFakeReddit({ ...(deps.redditPort ? { port: deps.redditPort } : {}) });
  const x = await startFakeX({ ...(deps.xPort ? { port: deps.xPort } : {}) });
  const samples = readSamplePosts();
  deps.output.write(
    [
      'Loopback fakes of Reddit and X are running; they publish the sample posts, a few a second, round and round.',
      'In another terminal:',
      '',
      `  export REDDIT_BASE_URL=${reddit.url} REDDIT_CLIENT_ID=test-client REDDIT_CLIENT_SECRET=test-secret`,
      `  export REDDIT_USER_AGENT="linux:driver-voice:0.1.0 (by /u/driver_voice_demo)"`,
      `  export X_API_BASE_URL=${x.url} X_BEARER_TOKEN=test-bearer`,
      '  npx driver-voice --config data/config.example.yml run --once   # the first run notes where now is',
      '  npx driver-voice --config data/config.example.yml run --once   # later runs read what was published since',
      '',
      'Ctrl-C stops the fakes.',
      '',
    ].join('\n'),
  );
  let next = 0;
  const publish = () => publishSample(samples[next++ % samples.length]!, new Date(), { reddit, x });
  const timer = setInterval(publish, 1000 / (deps.perSecond ?? 3));
  await new Promise<void>((resolve) =>
    deps.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  clearInterval(timer);
  await Promise.all([reddit.close(), x.close()]);
  return 0;
}
