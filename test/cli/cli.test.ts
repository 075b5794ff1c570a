import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
    expect((await cli(['--config', config, 'db', 'migrate'])).stdout).toMatch(
      /applied 1 \(.*\); schema is now 1/,
    );
    expect((await cli(['--config', config, 'db', 'migrate'])).stdout).toMatch(
      /is up to date \(schema 1\)/,
    );
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
