import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LiveFakes, runOnceCli, startLiveFakes } from '../fakes/live-setup.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('a crash between storing and delivering', () => {
  let fakes: LiveFakes | undefined;
  afterEach(async () => fakes?.close());

  it('loses nothing: the next run delivers every pending message, with at most one duplicate', async () => {
    fakes = await startLiveFakes({ postDelayMs: 400 });
    const { reddit, slack, config, env } = fakes;
    await runOnceCli(config, env);

    const texts = [
      'The app crashed at stop 1',
      'The app crashed at stop 2',
      'Tips missing since Monday',
      'Unsafe dog bit me',
      'Gate code wrong, customer not home',
    ];
    reddit.publish(
      ...texts.map((text, i) => ({
        kind: 'comment' as const,
        subreddit: 'AmazonFlexDrivers',
        text,
        createdAt: new Date(Date.now() + i),
      })),
    );

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), '--config', config, 'run', '--once'],
      { env, cwd: ROOT, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 20_000;
    while (slack.callsTo('chat.postMessage').length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const beforeRestart = slack.callsTo('chat.postMessage').length;
    expect(beforeRestart).toBeGreaterThanOrEqual(1);
    expect(beforeRestart).toBeLessThan(texts.length);

    await runOnceCli(config, env);
    const received = slack.callsTo('chat.postMessage').map((c) => JSON.stringify(c.args.blocks));
    for (const text of texts) {
      const copies = received.filter((blocks) => blocks.includes(text)).length;
      expect(copies, text).toBeGreaterThanOrEqual(1);
      expect(copies, text).toBeLessThanOrEqual(2);
    }
    expect(received.length - texts.length).toBeLessThanOrEqual(1);
  }, 60_000);
});
