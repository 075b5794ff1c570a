import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type FakeReddit, startFakeReddit } from '../../src/fakes/fake-reddit.js';
import {
  type FakeSlack,
  type FakeSlackOptions,
  startFakeSlack,
} from '../../src/fakes/fake-slack.js';
import { type FakeX, startFakeX } from '../../src/fakes/fake-x.js';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** A config with every source and the routing of the example, for end-to-end runs against the fakes. */
export const ROUTING_CONFIG = `
sources:
  reddit:
    subreddits: [AmazonFlexDrivers]
  x:
    query: '"amazon flex"'
routing:
  default: { channel: C0000GENERAL }
  categories:
    app:    { channel: C0000APPOPS, owner: U0000APPLEAD }
    pay:    { channel: C0000PAYOPS, owner: pay-lead@example.com }
    safety: { channel: C0000SAFETY, owner: U0000SAFETY }
  languages:
    es: { channel: C0000ESPANA, owner: U0000ESLEAD }
slack:
  adminChannel: C0000ADMIN
  admins: [U0000ADMIN]
storage:
  path: dv.db
`;

export const PRIVATE_CHANNELS = Object.fromEntries(
  ['C0000GENERAL', 'C0000APPOPS', 'C0000PAYOPS', 'C0000SAFETY', 'C0000ESPANA', 'C0000ADMIN'].map(
    (id) => [id, { isPrivate: true }],
  ),
);

export function envFor(reddit: FakeReddit, x: FakeX, slack: FakeSlack): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'warn',
    REDDIT_BASE_URL: reddit.url,
    REDDIT_CLIENT_ID: 'test-client',
    REDDIT_CLIENT_SECRET: 'test-secret',
    REDDIT_USER_AGENT: 'linux:driver-voice-test:0.1.0 (by /u/driver_voice_ops)',
    X_API_BASE_URL: x.url,
    X_BEARER_TOKEN: 'test-bearer',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
  };
}

export async function runOnceCli(config: string, env: Record<string, string>) {
  return run(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), '--config', config, 'run', '--once'],
    { env, cwd: ROOT },
  );
}

export interface LiveFakes {
  reddit: FakeReddit;
  x: FakeX;
  slack: FakeSlack;
  /** The temporary folder holding `config.yml` (ROUTING_CONFIG) and, once run, `dv.db`. */
  dir: string;
  config: string;
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Fake Reddit, X and Slack (the routing's channels private, the pay lead's
 * email known, unless `slack` says otherwise), with ROUTING_CONFIG written to
 * a temporary folder and the environment that points the bot at the fakes.
 */
export async function startLiveFakes(slack: FakeSlackOptions = {}): Promise<LiveFakes> {
  const reddit = await startFakeReddit();
  const x = await startFakeX();
  const fakeSlack = await startFakeSlack({
    channels: PRIVATE_CHANNELS,
    users: { 'pay-lead@example.com': 'U0000PAYLEAD' },
    ...slack,
  });
  const dir = tempDir();
  const config = path.join(dir, 'config.yml');
  writeFileSync(config, ROUTING_CONFIG);
  return {
    reddit,
    x,
    slack: fakeSlack,
    dir,
    config,
    env: envFor(reddit, x, fakeSlack),
    close: async () => {
      await Promise.all([reddit.close(), x.close(), fakeSlack.close()]);
    },
  };
}
