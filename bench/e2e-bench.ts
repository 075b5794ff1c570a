import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { classify } from '../src/classify/classify.js';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';
import { startFakeReddit } from '../src/fakes/fake-reddit.js';
import { startFakeSlack } from '../src/fakes/fake-slack.js';
import { startFakeX } from '../src/fakes/fake-x.js';
import { buildOnce, ROOT } from './build-once.js';
import { generatePosts } from './generate.js';
import type { Figure } from './measure.js';
import { searchDatabase } from './search-bench.js';

const CHANNELS = [
  'C0000GENERAL',
  'C0000APPOPS',
  'C0000PAYOPS',
  'C0000SAFETY',
  'C0000ESPANA',
  'C0000ADMIN',
];
const REDDIT_POLL_SECONDS = 10;
const X_POLL_SECONDS = 60;
const CONFIG = (db: string) => `
sources:
  reddit: { subreddits: [AmazonFlexDrivers], pollSeconds: ${REDDIT_POLL_SECONDS} }
  x: { query: '"amazon flex"', pollSeconds: ${X_POLL_SECONDS}, monthlyReadBudget: 100000000 }
routing:
  default: { channel: C0000GENERAL }
  categories:
    app: { channel: C0000APPOPS, owner: U0000APPLEAD }
    pay: { channel: C0000PAYOPS, owner: U0000PAYLEAD }
    safety: { channel: C0000SAFETY, owner: U0000SAFETY }
  languages:
    es: { channel: C0000ESPANA, owner: U0000ESLEAD }
slack: { adminChannel: C0000ADMIN, admins: [U0000ADMIN] }
privacy: { retentionDays: 3650 }
monitoring: { enabled: false }
storage: { path: ${db} }
`;

function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startBot(
  dir: string,
  dbFile: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; stopped: Promise<unknown> }> {
  const config = path.join(dir, 'config.yml');
  writeFileSync(config, CONFIG(dbFile));
  const child = spawn(
    process.execPath,
    // The same command line as `npm start` and the systemd unit in the README.
    [
      '--max-old-space-size=160',
      path.join(ROOT, 'dist/cli.js'),
      '--config',
      config,
      'start',
      '--http',
      '0',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'warn',
        SLACK_SIGNING_SECRET: 'bench',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return { child, stopped: new Promise((resolve) => child.on('exit', resolve)) };
}

/**
 * End to end and memory: fake Reddit and X publish `rate` posts a second for
 * `seconds`; the real `start` (built CLI, its own process) polls, stores and
 * posts to a fake Slack. Measures the latency from a post's appearance to its
 * chat.postMessage, the most messages any channel got in one second, that
 * nothing was lost, and the process's peak RSS; then its peak RSS on a
 * database of `bigPosts` posts.
 */
export async function benchEndToEnd(options: {
  rate: number;
  seconds: number;
  drainSeconds: number;
  bigPosts: number;
  log: (line: string) => void;
}): Promise<Figure[]> {
  buildOnce();
  const dir = mkdtempSync(path.join(tmpdir(), 'driver-voice-e2e-'));
  const reddit = await startFakeReddit();
  const x = await startFakeX();
  const published = new Map<string, number>();
  const deliveries: Array<{ channel: string; at: number; latency: number }> = [];
  const slack = await startFakeSlack({
    channels: Object.fromEntries(CHANNELS.map((c) => [c, { isPrivate: true }])),
    onCall: (call, ok) => {
      if (call.method !== 'chat.postMessage' || !ok || call.args.channel === 'C0000ADMIN') return;
      const ref = /\bref([0-9a-z]+)ref\b/.exec(JSON.stringify(call.args.blocks))?.[1];
      const at = Date.now();
      if (ref && published.has(ref))
        deliveries.push({
          channel: String(call.args.channel),
          at,
          latency: at - published.get(ref)!,
        });
    },
  });
  const env = {
    REDDIT_BASE_URL: reddit.url,
    REDDIT_CLIENT_ID: 'test-client',
    REDDIT_CLIENT_SECRET: 'test-secret',
    REDDIT_USER_AGENT: 'bench:driver-voice:0.1.0 (by /u/driver_voice_bench)',
    X_API_BASE_URL: x.url,
    X_BEARER_TOKEN: 'test-bearer',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
  };
  const figures: Figure[] = [];
  try {
    const dbFile = path.join(dir, 'e2e.db');
    const bot = await startBot(dir, dbFile, env);
    // The first polls only note where now is; start right after X's, so that X's next
    // poll, a minute later, comes just after the last post published there.
    while (x.requests.length === 0 || reddit.apiRequests.length < 2)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
    const xUntil = Date.now() + (X_POLL_SECONDS - 2) * 1000;
    const posts = generatePosts(options.rate * options.seconds, 21);
    const taxonomy = loadTaxonomy(BUNDLED_TAXONOMY, createGuard());
    let flagged = 0;
    let redditItems = 0;
    const started = Date.now();
    let sent = 0;
    while (sent < posts.length) {
      const due = Math.min(
        posts.length,
        Math.floor(((Date.now() - started) / 1000) * options.rate),
      );
      for (; sent < due; sent++) {
        const ref = sent.toString(36);
        const post = posts[sent]!;
        const text = `${post.text} ref${ref}ref`;
        published.set(ref, Date.now());
        // A quarter on X (until two seconds before its next poll: the last
        // seconds' share goes to Reddit); the rest on Reddit, posts and comments in
        // turn (each listing then gets about 75 a second, 750 a poll, within the
        // 1,000 Reddit lists). Only a Reddit post has a title.
        const onX = sent % 4 === 3 && Date.now() < xUntil;
        const kind = onX ? 'tweet' : redditItems++ % 2 === 0 ? 'post' : 'comment';
        const title = kind === 'post' ? post.title : undefined;
        const expected = classify({ title, text }, taxonomy);
        if (!expected.dropped && expected.categories.length > 0) flagged++;
        if (kind === 'tweet') x.publish({ text, createdAt: new Date(), lang: 'en' });
        else
          reddit.publish({
            kind,
            subreddit: 'AmazonFlexDrivers',
            ...(title ? { title } : {}),
            text,
            createdAt: new Date(),
          });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    options.log(
      `published ${sent} posts in ${((Date.now() - started) / 1000).toFixed(0)} s; waiting for the next polls, then letting delivery run ${options.drainSeconds} s more…`,
    );
    // Until every flagged post is stored (X, the slower source, is polled once more after the
    // last post at the latest), then the drain.
    const watch = new Database(dbFile, { readonly: true });
    const storedSoFar = watch.prepare('SELECT count(*) FROM posts').pluck();
    const deadline = started + (options.seconds + X_POLL_SECONDS + 5) * 1000;
    while (Date.now() < deadline && (storedSoFar.get() as number) < flagged)
      await new Promise((r) => setTimeout(r, 500));
    watch.close();
    await new Promise((r) => setTimeout(r, options.drainSeconds * 1000));
    const rss = peakRssMb(bot.child);
    bot.child.kill('SIGTERM');
    await bot.stopped;

    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
    const queued = db
      .prepare("SELECT count(*) FROM outbox WHERE status = 'pending'")
      .pluck()
      .get() as number;
    const sentRows = db
      .prepare("SELECT count(*) FROM outbox WHERE status = 'sent'")
      .pluck()
      .get() as number;
    const failed = db
      .prepare("SELECT count(*) FROM outbox WHERE status = 'failed'")
      .pluck()
      .get() as number;
    const withoutMessage = db
      .prepare(
        'SELECT count(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.post_id = p.id)',
      )
      .pluck()
      .get() as number;
    // The pipeline's share of the latency: appearance at the fake to the message queued in the outbox.
    const queuedLatencies = (
      db
        .prepare(
          'SELECT p.text, min(o.created_at) AS queuedAt FROM posts p JOIN outbox o ON o.post_id = p.id GROUP BY p.id',
        )
        .all() as Array<{ text: string; queuedAt: number }>
    )
      .map(({ text, queuedAt }) => {
        const ref = /\bref([0-9a-z]+)ref\b/.exec(text)?.[1];
        return ref && published.has(ref) ? queuedAt - published.get(ref)! : Number.NaN;
      })
      .filter((latency) => !Number.isNaN(latency))
      .sort((a, b) => a - b);
    db.close();
    const latencies = deliveries.map((d) => d.latency).sort((a, b) => a - b);
    // What Slack can take: one message a little over a second per channel (CHANNELS less the admin one).
    const slackCapacity = (CHANNELS.length - 1) / 1.1;
    let perChannelMax = 0;
    for (const channel of CHANNELS) {
      const times = deliveries
        .filter((d) => d.channel === channel)
        .map((d) => d.at)
        .sort((a, b) => a - b);
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= 1000) j++;
        perChannelMax = Math.max(perChannelMax, i - j + 1);
      }
    }
    // p50, p95 and max of sorted latencies in ms, as figures in seconds.
    const spread = (to: string, sorted: number[], note = ''): Figure[] =>
      (
        [
          ['p50', percentile(sorted, 50)],
          ['p95', percentile(sorted, 95)],
          ['max', sorted.at(-1) ?? Number.NaN],
        ] as const
      ).map(([which, ms], i) => ({
        name: `e2e: appearance → ${to}, ${which}${i === 0 ? note : ''}`,
        value: ms / 1000,
        unit: 's',
      }));
    figures.push(
      ...spread(
        'queued for Slack',
        queuedLatencies,
        ` (Reddit polled every ${REDDIT_POLL_SECONDS} s, X every ${X_POLL_SECONDS} s)`,
      ),
      ...spread('chat.postMessage', latencies),
      {
        name: 'e2e: flagged posts a second, beside what Slack takes (messages/s, all channels)',
        value: stored / options.seconds,
        unit: 'posts/s',
        baseline: slackCapacity,
        baselineName: 'one message per channel per 1.1 s',
        ratio: stored / options.seconds / slackCapacity,
      },
      {
        name: `e2e: posts published at ${options.rate}/s for ${options.seconds} s`,
        value: sent,
        unit: 'posts',
      },
      {
        name: 'e2e: flagged posts stored, beside those published',
        value: stored,
        unit: 'posts',
        baseline: flagged,
        baselineName: 'flagged among those published',
        ratio: stored / flagged,
        target: 'all (nothing lost)',
        met: stored === flagged,
      },
      { name: 'e2e: messages delivered', value: sentRows, unit: 'messages' },
      { name: 'e2e: messages still queued (not lost)', value: queued, unit: 'messages' },
      {
        name: 'e2e: messages failed',
        value: failed,
        unit: 'messages',
        target: '0',
        met: failed === 0,
      },
      {
        name: 'e2e: stored posts without a message',
        value: withoutMessage,
        unit: 'posts',
        target: '0 (nothing lost)',
        met: withoutMessage === 0,
      },
      {
        name: 'e2e: most messages to one channel in 1 s',
        value: perChannelMax,
        unit: 'messages',
        target: '≤ 1',
        met: perChannelMax <= 1,
      },
      {
        name: 'memory: peak RSS of start, end-to-end run',
        value: rss,
        unit: 'MB',
        target: '≤ 250',
        met: rss <= 250,
      },
    );

    // Peak RSS of start on a large database, answering searches.
    const big = searchDatabase(options.bigPosts, options.log);
    big.db.close();
    const bigCopy = path.join(dir, 'big.db');
    copyFileSync(big.file, bigCopy);
    const bigBot = await startBot(dir, bigCopy, env);
    await new Promise((r) => setTimeout(r, 10_000));
    const bigRss = peakRssMb(bigBot.child);
    bigBot.child.kill('SIGTERM');
    await bigBot.stopped;
    figures.push({
      name: `memory: peak RSS of start, ${options.bigPosts.toLocaleString('en-US')}-post database`,
      value: bigRss,
      unit: 'MB',
      target: '≤ 250',
      met: bigRss <= 250,
    });
    return figures;
  } finally {
    await Promise.all([reddit.close(), x.close(), slack.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
