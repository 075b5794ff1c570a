import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Runs the real CLI from source, as `npx driver-voice` would run the build. */
async function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const child = run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd: options.env?.CWD ?? ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...options.env },
  });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function configIn(dir: string): string {
  const file = path.join(dir, 'config.yml');
  writeFileSync(file, 'storage:\n  path: dv.db\n');
  return file;
}

describe('the driver-voice command', () => {
  it('classifies the development set from stdin, one line per post', async () => {
    const input = readFileSync(path.join(ROOT, 'test/fixtures/dev-set.jsonl'), 'utf8');
    const { code, stdout } = await cli(['classify'], { input });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(input.trim().split('\n').length);
    expect(lines.find((l) => l.id === 'en-001')).toMatchObject({
      dropped: false,
      categories: ['app'],
      lang: 'en',
    });
    expect(lines.find((l) => l.id === 'es-091')).toEqual({ id: 'es-091', dropped: true });
  });

  it('imports, then searches, a file of posts', async () => {
    const dir = tempDir();
    const config = configIn(dir);
    const imported = await cli([
      '--config',
      config,
      'import',
      path.join(ROOT, 'data/samples/posts.jsonl'),
    ]);
    expect(imported.stdout).toMatch(/^Read 18 posts: \d+ stored/);
    const found = await cli(['--config', config, 'search', 'scanner', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout.split('\n')[0]!)).toMatchObject({ categories: ['app'] });
  });

  it('creates and migrates the database with db migrate', async () => {
    const dir = tempDir();
    const config = configIn(dir);
    const latest = MIGRATIONS.at(-1)!.version;
    const first = await cli(['--config', config, 'db', 'migrate']);
    expect(first.stdout).toMatch(/applied 1 \(.*\)/);
    expect(first.stdout).toContain(`schema is now ${latest}`);
    const again = await cli(['--config', config, 'db', 'migrate']);
    expect(again.stdout).toContain(`is up to date (schema ${latest})`);
  });

  it('exits 2 with the fix on a bad config, without a stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.yml');
    writeFileSync(file, 'privacy:\n  retentionDays: forever\n');
    const { code, stderr } = await cli(['--config', file, 'classify'], { input: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('privacy.retentionDays');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a bad search instead of failing inside SQLite', async () => {
    const config = configIn(tempDir());
    const { code, stderr } = await cli(['--config', config, 'search', '*', '()', '🚗']);
    expect(code).toBe(1);
    expect(stderr).toContain('Type at least one word to search for');
  });
});

describe('driver-voice run --once', () => {
  it('polls the fakes through the real clients, storing what is new since the last run', async () => {
    const { startFakeReddit } = await import('../../src/fakes/fake-reddit.js');
    const { startFakeX } = await import('../../src/fakes/fake-x.js');
    const reddit = await startFakeReddit();
    const x = await startFakeX();
    try {
      const dir = tempDir();
      const config = path.join(dir, 'config.yml');
      writeFileSync(
        config,
        'sources:\n  reddit:\n    subreddits: [AmazonFlexDrivers]\n  x:\n    query: \'"amazon flex"\'\nstorage:\n  path: dv.db\n',
      );
      const env = {
        REDDIT_BASE_URL: reddit.url,
        REDDIT_CLIENT_ID: 'test-client',
        REDDIT_CLIENT_SECRET: 'test-secret',
        REDDIT_USER_AGENT: 'linux:driver-voice-test:0.1.0 (by /u/driver_voice_ops)',
        X_API_BASE_URL: x.url,
        X_BEARER_TOKEN: 'test-bearer',
      };
      const first = await cli(['--config', config, 'run', '--once'], { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^reddit: ok; 0 read/m);
      const now = Date.now();
      reddit.publish({
        kind: 'post',
        subreddit: 'AmazonFlexDrivers',
        title: 'Scanner',
        text: 'The app crashed again',
        createdAt: new Date(now),
      });
      x.publish({ text: 'Tips missing again this week', createdAt: new Date(now + 1), lang: 'en' });
      x.publish({ text: 'Strike on Friday, log off', createdAt: new Date(now + 2), lang: 'en' });
      const second = await cli(['--config', config, 'run', '--once'], { env });
      expect(second.stdout).toMatch(/^reddit: ok; 1 read, 1 stored/m);
      expect(second.stdout).toMatch(/^x: ok; 2 read, 1 stored, 1 not stored/m);
      const found = await cli(['--config', config, 'search', 'tips OR app', '--json']);
      expect(found.stdout.trim().split('\n')).toHaveLength(2);
    } finally {
      await reddit.close();
      await x.close();
    }
  });

  it('exits 2 when a configured source has no credentials, naming what to set', async () => {
    const dir = tempDir();
    const config = path.join(dir, 'config.yml');
    writeFileSync(
      config,
      'sources:\n  reddit:\n    subreddits: [AmazonFlexDrivers]\nstorage:\n  path: dv.db\n',
    );
    const { code, stderr } = await cli(['--config', config, 'run', '--once']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, REDDIT_USER_AGENT are not set',
    );
  });
});
