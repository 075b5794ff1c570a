import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../../src/config/load-config.js';
import { type FakeSlack, startFakeSlack } from '../../src/fakes/fake-slack.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createWebClient } from '../../src/slack/create-web-client.js';
import { createSlackApi } from '../../src/slack/slack-api.js';
import { openDatabase } from '../../src/store/open-database.js';
import { captureLogger, defaultTaxonomy, tempDir } from '../helpers.js';

describe('the Slack app in Socket Mode', () => {
  let slack: FakeSlack;
  let app: App;
  let server: WebSocketServer;
  afterEach(async () => {
    await app?.stop().catch(() => {});
    server?.close();
    await slack?.close();
  });

  it('connects with the app token and answers /voice over the socket', async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const acked = new Promise<Record<string, unknown>>((resolve) => {
      server.on('connection', (socket) => {
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as {
            envelope_id?: string;
            payload?: Record<string, unknown>;
          };
          if (message.envelope_id === 'envelope-1') resolve(message.payload ?? {});
        });
        socket.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { host: 'fake' },
            connection_info: { app_id: 'A0TEST0001' },
          }),
        );
        socket.send(
          JSON.stringify({
            envelope_id: 'envelope-1',
            type: 'slash_commands',
            accepts_response_payload: true,
            payload: {
              command: '/voice',
              text: 'help',
              user_id: 'U0000LEAD',
              team_id: 'T0TEST0001',
              channel_id: 'C0000PAYOPS',
              response_url: 'http://127.0.0.1:9/unused',
              trigger_id: '1.2.3',
              token: 'legacy',
            },
          }),
        );
      });
    });
    slack = await startFakeSlack({
      socketMode: { appToken: 'xapp-test-token', url: `ws://127.0.0.1:${port}/` },
    });
    const log = captureLogger().log;
    app = createSlackApp({
      botToken: 'xoxb-test-token',
      appToken: 'xapp-test-token',
      slackApiUrl: slack.apiUrl,
      log,
      deps: {
        db: openDatabase(':memory:'),
        config: loadConfig({}, { cwd: tempDir() }),
        taxonomy: defaultTaxonomy(),
        now: () => new Date(),
        log,
        slack: createSlackApi(createWebClient('xoxb-test-token', log, slack.apiUrl)),
      },
    });
    await app.init();
    await app.start();
    const payload = await acked;
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain('/voice search');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
  });
});
