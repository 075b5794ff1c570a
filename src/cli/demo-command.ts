import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { BUNDLED_DATA_DIR } from '../config/load-config.js';
import { startFakeReddit } from '../fakes/fake-reddit.js';
import { startFakeSlack } from '../fakes/fake-slack.js';
import { startFakeX } from '../fakes/fake-x.js';
import type { Logger } from '../log/create-logger.js';
import { runOnce } from '../pipeline/run-once.js';
import { runSource } from '../pipeline/run-source.js';
import { runScheduler } from '../pipeline/schedule.js';
import { sleep } from '../sources/request-limiter.js';
import type { Post } from '../types.js';
import { createRuntime, routedChannels } from './create-runtime.js';
import { publishSample, readSamplePosts, SAMPLE_POSTS } from './fakes-command.js';
import { loadContext } from './load-context.js';
import { renderCard } from './render-card.js';

const EXAMPLE_CONFIG = path.join(BUNDLED_DATA_DIR, 'config.example.yml');
/** How often the demo polls its fakes: faster than any real source allows, so the cards come in seconds. */
const DEMO_POLL_MS = 2000;

export interface DemoOptions {
  output: Writable;
  log: Logger;
  signal: AbortSignal;
  /** One cycle over the samples, then exit. */
  once?: boolean;
  samples?: string;
  postsPerSecond?: number;
}

/**
 * The demo: in-process fakes of Reddit, X and Slack; the bundled sample posts
 * published a few a second; the real clients, guard, classifier, store and
 * Slack delivery code; each Slack message printed as a card. Nothing leaves
 * this machine.
 */
export async function runDemoCommand(options: DemoOptions): Promise<number> {
  const { output } = options;
  output.write(
    [
      'driver-voice DEMO: sample driver posts served by loopback fakes of Reddit, X and Slack.',
      'Everything runs on this machine; nothing is sent anywhere. Each card below is a Slack message as it would be posted.',
      'For the real bot, put SLACK_BOT_TOKEN and SLACK_APP_TOKEN, and REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_USER_AGENT',
      'and/or X_BEARER_TOKEN in .env, your config in data/config.yml (see README), and run npm start again.',
      options.once ? '' : 'Ctrl-C stops the demo.',
      '',
    ].join('\n'),
  );
  const reddit = await startFakeReddit();
  const x = await startFakeX();
  const dir = mkdtempSync(path.join(tmpdir(), 'driver-voice-demo-'));
  let cards = 0;
  let slackClose: (() => Promise<void>) | undefined;
  try {
    const env = {
      REDDIT_BASE_URL: reddit.url,
      REDDIT_CLIENT_ID: 'test-client',
      REDDIT_CLIENT_SECRET: 'test-secret',
      REDDIT_USER_AGENT: 'demo:driver-voice:0.1.0 (by /u/driver_voice_demo)',
      X_API_BASE_URL: x.url,
      X_BEARER_TOKEN: 'test-bearer',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
    };
    const base = loadContext(env, { file: EXAMPLE_CONFIG });
    const channels = Object.fromEntries(
      [...routedChannels(base), base.config.slack?.adminChannel ?? 'C0000ADMIN'].map((id) => [
        id,
        { isPrivate: true },
      ]),
    );
    const slack = await startFakeSlack({
      channels,
      users: { 'pay-lead@example.com': 'U0000PAYLEAD' },
      onCall: (call, ok) => {
        if (call.method !== 'chat.postMessage' || !ok || call.args.thread_ts) return;
        cards++;
        output.write(`${renderCard(String(call.args.channel), call.args.blocks)}\n`);
      },
    });
    slackClose = slack.close;
    const context = {
      ...base,
      config: {
        ...base.config,
        databasePath: path.join(dir, 'demo.db'),
        env: { ...base.config.env, SLACK_API_URL: slack.apiUrl },
      },
    };
    const runtime = createRuntime(context, options.log);
    const samples = readSamplePosts(options.samples ?? SAMPLE_POSTS);
    const publish = (post: Post, createdAt: Date) => publishSample(post, createdAt, { reddit, x });
    try {
      const dispatcher = runtime.slack!.dispatcher;
      await dispatcher.checkChannels(runtime.slack!.channels);
      const summary = (source: string, read: number, stored: number, notStored: number) =>
        output.write(
          `· ${source}: ${read} new posts read, ${stored} flagged, ${notStored} irrelevant or protected (not stored)\n`,
        );

      if (options.once) {
        const now = Date.now();
        for (const [i, post] of samples.entries())
          publish(post, new Date(now - (samples.length - i) * 1000));
        const cycles = await runOnce(
          runtime.sources.map((s) => s.source),
          runtime.deps,
          { backfillSince: new Date(now - 3_600_000) },
        );
        await dispatcher.deliver({ waitUpToMs: 10_000 });
        for (const c of cycles) summary(c.source, c.fetched, c.stored, c.notStored);
      } else {
        let next = 0;
        const timer = setInterval(
          () => {
            if (next < samples.length) publish(samples[next++]!, new Date());
            else if (next++ === samples.length)
              output.write('· every sample post has been published; Ctrl-C stops the demo\n');
          },
          1000 / (options.postsPerSecond ?? 3),
        );
        try {
          await runScheduler(
            {
              sources: runtime.sources.map((s) => ({ ...s, pollMs: DEMO_POLL_MS })),
              sleep,
              log: options.log,
              runCycle: (source) => runSource(source, runtime.deps),
              afterCycle: async (cycle) => {
                await dispatcher.deliver({ signal: options.signal });
                if (cycle.fetched > 0)
                  summary(cycle.source, cycle.fetched, cycle.stored, cycle.notStored);
              },
            },
            options.signal,
          );
        } finally {
          clearInterval(timer);
        }
      }
      output.write(
        `\nDemo ${options.once ? 'cycle' : 'stopped'}: ${cards} Slack message(s) shown.\n`,
      );
      return 0;
    } finally {
      runtime.db.close();
    }
  } finally {
    await Promise.all([reddit.close(), x.close(), slackClose?.()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
