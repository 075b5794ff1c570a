import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../src/fakes/fake-slack.js';
import { type LiveFakes, startLiveFakes } from '../fakes/live-setup.js';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `driver-voice start` from the sources, as its own process, with stdout and stderr piped. */
function spawnStart(config: string, args: string[], env: Record<string, string>) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), '--config', config, 'start', ...args],
    {
      env,
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return condition();
}

describe('driver-voice start', () => {
  let fakes: LiveFakes | undefined;
  afterEach(async () => fakes?.close());

  it('polls, posts to Slack, and stops cleanly on SIGTERM', async () => {
    fakes = await startLiveFakes();
    const { reddit, x, slack, config } = fakes;
    reddit.publish({
      kind: 'post',
      subreddit: 'AmazonFlexDrivers',
      title: 'Scanner',
      text: 'The app crashed again',
      createdAt: new Date(Date.now() - 60_000),
    });
    x.publish({
      text: 'Tips missing since Monday',
      createdAt: new Date(Date.now() - 60_000),
      lang: 'en',
    });
    const env = { ...fakes.env, SLACK_SIGNING_SECRET: 'test-signing-secret' };
    const child = spawnStart(config, ['--http', '0', '--backfill', '1h'], env);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const posted = await until(
      () =>
        slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0000ADMIN').length >=
        2,
      20_000,
    );
    expect(posted, stderr).toBe(true);
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    const stoppingAt = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(10_000);
  }, 40_000);
});

describe('driver-voice start with a bad Slack token', () => {
  it('says what to fix, without a stack trace, and exits 2', async () => {
    const slack = await startFakeSlack({ token: 'xoxb-the-right-one' });
    try {
      const config = path.join(tempDir(), 'config.yml');
      writeFileSync(
        config,
        'routing:\n  default: { channel: C0000GENERAL }\nstorage:\n  path: dv.db\n',
      );
      const child = spawnStart(config, ['--http', '0'], {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        SLACK_BOT_TOKEN: 'xoxb-a-wrong-one',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: slack.apiUrl,
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toContain('Slack rejected SLACK_BOT_TOKEN');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await slack.close();
    }
  }, 30_000);
});
