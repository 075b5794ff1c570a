import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR, BUNDLED_TAXONOMY, loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

function writeConfig(yaml: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'config.yml');
  writeFileSync(file, yaml);
  return { dir, file };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('loads the documented example file', () => {
    const config = loadConfig({}, { file: path.join(BUNDLED_DATA_DIR, 'config.example.yml') });
    expect(config.sources.reddit?.subreddits).toEqual(['AmazonFlexDrivers', 'couriersofreddit']);
    expect(config.sources.x?.monthlyReadBudget).toBe(10_000);
    expect(config.routing?.languages.es?.channel).toBe('C0000ESPANA');
    expect(config.privacy.retentionDays).toBe(30);
    expect(config.databasePath).toBe(path.join(BUNDLED_DATA_DIR, 'driver-voice.db'));
    expect(config.taxonomyPath).toBe(BUNDLED_TAXONOMY);
  });

  it('uses the defaults when the default file does not exist', () => {
    const cwd = tempDir();
    const config = loadConfig({}, { cwd });
    expect(config.file).toBeNull();
    expect(config.sources).toEqual({});
    expect(config.guard.extraTerms).toEqual([]);
    expect(config.databasePath).toBe(path.join(cwd, 'data', 'driver-voice.db'));
  });

  it('fails when a named file does not exist, saying what to do', () => {
    const error = configError(() =>
      loadConfig({ DRIVER_VOICE_CONFIG: 'missing.yml' }, { cwd: tempDir() }),
    );
    expect(error.message).toMatch(/missing\.yml does not exist\. Copy data\/config\.example\.yml/);
  });

  it('names the file, the field, what was expected and what was found', () => {
    const { file } = writeConfig(
      'sources:\n  reddit:\n    subreddits: [r/flex]\n    pollSeconds: fast\n',
    );
    const error = configError(() => loadConfig({}, { file }));
    expect(error.message).toContain(file);
    expect(error.message).toContain(
      'sources.reddit.subreddits.0: expected a subreddit name without "r/"',
    );
    expect(error.message).toContain('found "r/flex"');
    expect(error.message).toMatch(/sources\.reddit\.pollSeconds: .*found "fast"/);
  });

  it('rejects unknown keys, so a typo is never silently ignored', () => {
    const { file } = writeConfig('privacy:\n  retentionDay: 7\n');
    expect(configError(() => loadConfig({}, { file })).message).toContain(
      'privacy: unknown key "retentionDay"',
    );
  });

  it('has no way to switch the guard off', () => {
    const { file } = writeConfig('guard:\n  enabled: false\n');
    expect(configError(() => loadConfig({}, { file })).message).toContain(
      'guard: unknown key "enabled"',
    );
  });

  it('reports YAML syntax errors with the file', () => {
    const { file } = writeConfig('sources: [\n');
    expect(configError(() => loadConfig({}, { file })).message).toMatch(/is not valid YAML/);
  });

  it('resolves the taxonomy and database paths against the config file', () => {
    const { dir, file } = writeConfig('taxonomy: my-taxonomy.yml\nstorage:\n  path: state/dv.db\n');
    const config = loadConfig({}, { file });
    expect(config.taxonomyPath).toBe(path.join(dir, 'my-taxonomy.yml'));
    expect(config.databasePath).toBe(path.join(dir, 'state', 'dv.db'));
  });

  it('rejects an X query over 512 characters and a bad Slack channel id', () => {
    const { file } = writeConfig(
      `sources:\n  x:\n    query: "${'a'.repeat(513)}"\nslack:\n  adminChannel: general\n`,
    );
    const message = configError(() => loadConfig({}, { file })).message;
    expect(message).toContain('sources.x.query: X allows at most 512 characters');
    expect(message).toContain('slack.adminChannel: expected a Slack channel id');
  });

  it('validates the environment and names the variable', () => {
    const error = configError(() =>
      loadConfig(
        { SLACK_BOT_TOKEN: 'xoxp-user', REDDIT_BASE_URL: 'not a url' },
        { cwd: tempDir() },
      ),
    );
    expect(error.message).toContain('SLACK_BOT_TOKEN: a bot token starts with xoxb-');
    expect(error.message).toContain('REDDIT_BASE_URL: expected an http(s) URL');
    expect(error.message).not.toContain('xoxp-user');
  });

  it('treats empty environment values as unset', () => {
    expect(
      loadConfig({ X_BEARER_TOKEN: '  ' }, { cwd: tempDir() }).env.X_BEARER_TOKEN,
    ).toBeUndefined();
  });
});
