import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { type FakeSlack, startFakeSlack } from '../../src/fakes/fake-slack.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createWebClient } from '../../src/slack/create-web-client.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import { captureLogger, defaultTaxonomy, makePost, tempDir } from '../helpers.js';

const SECRET = 'test-signing-secret';

function sign(body: string, timestamp: number, secret = SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
    'content-type': 'application/x-www-form-urlencoded',
  };
}

describe('the Slack app in HTTP mode', () => {
  let slack: FakeSlack;
  let app: App;
  afterEach(async () => {
    await app?.stop();
    await slack?.close();
  });

  async function start() {
    slack = await startFakeSlack();
    const db = openDatabase(':memory:');
    createPostStore(db).insertMany(
      [
        {
          post: makePost({ text: 'Tips missing since Monday <!channel>' }),
          categories: [
            { id: 'pay', name: 'Pay', priority: 'normal', subcategories: [], matched: ['tips'] },
          ],
          lang: 'en',
          sentiment: { score: -1, label: 'negative' },
        },
      ],
      new Date(),
    );
    const log = captureLogger().log;
    const config = loadConfig({}, { cwd: tempDir() });
    app = createSlackApp({
      botToken: 'xoxb-test-token',
      signingSecret: SECRET,
      http: { port: 0 },
      slackApiUrl: slack.apiUrl,
      log,
      deps: {
        db,
        config,
        taxonomy: defaultTaxonomy(),
        now: () => new Date(),
        log,
        slack: createSlackApi(createWebClient('xoxb-test-token', log, slack.apiUrl)),
      },
    });
    await app.init();
    const server = (await app.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as Server;
    const { port } = server.address() as AddressInfo;
    return { db, url: `http://127.0.0.1:${port}/slack/events` };
  }

  const command = (text: string) =>
    new URLSearchParams({
      command: '/voice',
      text,
      user_id: 'U0000LEAD',
      team_id: 'T0TEST0001',
      channel_id: 'C0000PAYOPS',
      response_url: 'http://127.0.0.1:9/unused',
      trigger_id: '1.2.3',
      token: 'legacy',
    }).toString();

  it('answers a signed /voice search with an ephemeral list, escaped', async () => {
    const { url, db } = await start();
    const body = command('search tips');
    const response = await fetch(url, {
      method: 'POST',
      headers: sign(body, Math.floor(Date.now() / 1000)),
      body,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('*Tips* missing since Monday &lt;!channel&gt;');
    expect(db.prepare('SELECT actor, action FROM audit').all()).toEqual([
      { actor: 'U0000LEAD', action: 'search' },
    ]);
  });

  it('rejects a bad signature with 401', async () => {
    const { url } = await start();
    const body = command('search tips');
    const response = await fetch(url, {
      method: 'POST',
      headers: sign(body, Math.floor(Date.now() / 1000), 'wrong-secret'),
      body,
    });
    expect(response.status).toBe(401);
  });

  it('rejects a request signed six minutes ago with 401', async () => {
    const { url } = await start();
    const body = command('search tips');
    const response = await fetch(url, {
      method: 'POST',
      headers: sign(body, Math.floor(Date.now() / 1000) - 360),
      body,
    });
    expect(response.status).toBe(401);
  });
});
