import { type LoopbackServer, type Reply, startLoopbackServer } from './loopback-server.js';
import { readTemplate } from './templates.js';

interface Templates {
  postMessageOk: { ok: true; channel: string; ts: string; message: Record<string, unknown> };
  postMessageHeaders: Record<string, string>;
  channelNotFound: Record<string, unknown>;
  notAuthed: Record<string, unknown>;
  conversationsInfo: { ok: true; channel: Record<string, unknown> };
}

export interface FakeChannel {
  isPrivate?: boolean;
  isExtShared?: boolean;
  isArchived?: boolean;
  /** False: the bot is not in the channel (`not_in_channel`). */
  member?: boolean;
}

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** When the fake received it, by the fake's clock. */
  at: number;
}

export interface FakeSlack extends LoopbackServer {
  /** The Web API base to give as SLACK_API_URL: `http://127.0.0.1:<port>/api/`. */
  readonly apiUrl: string;
  readonly calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Answer `ratelimited` 429 with Retry-After to chat.* calls until this time (fake clock). */
  rateLimitUntil(time: number): void;
  /** A response_url that records what is sent to it. */
  responseUrl(id: string): string;
}

export interface FakeSlackOptions {
  token?: string;
  channels?: Record<string, FakeChannel>;
  users?: Record<string, string>;
  now?: () => number;
  /** Delay before answering chat.postMessage, for crash tests. */
  postDelayMs?: number;
  /** Socket Mode: the app-level token and the WebSocket URL `apps.connections.open` hands out. */
  socketMode?: { appToken: string; url: string };
  /** Called with every Web API call once answered (the demo prints cards from it). */
  onCall?: (call: SlackCall, ok: boolean) => void;
  port?: number;
}

const FORM_JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/**
 * A loopback Slack Web API: `auth.test`, `chat.postMessage`, `chat.update`,
 * `chat.postEphemeral`, `conversations.info`, `users.lookupByEmail`, and
 * response URLs, recording every call. Errors come as HTTP 200 `ok:false`
 * like the recordings in data/wire/slack; `ratelimited` as a 429 with
 * `Retry-After`, as Slack's reference describes (no recording exists).
 */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const templates = readTemplate<Templates>('slack/templates.json');
  const token = options.token ?? 'xoxb-test-token';
  const now = options.now ?? Date.now;
  const channels = options.channels ?? {};
  const users = options.users ?? {};
  const calls: SlackCall[] = [];
  let limitedUntil = 0;
  let counter = 0;

  const ok = (body: Record<string, unknown>): Reply => ({
    status: 200,
    headers: templates.postMessageHeaders,
    body: { ok: true, ...body },
  });
  const error = (code: string): Reply => ({ status: 200, body: { ok: false, error: code } });
  const channelError = (id: string): string | null => {
    const channel = channels[id];
    if (!channel) return 'channel_not_found';
    if (channel.isArchived) return 'is_archived';
    if (channel.member === false) return 'not_in_channel';
    return null;
  };

  const server = await startLoopbackServer(async (request) => {
    const responseMatch = /^\/response\/([\w-]+)$/.exec(request.path);
    const args: Record<string, unknown> = {};
    const contentType = String(request.headers['content-type'] ?? '');
    if (contentType.includes('json')) Object.assign(args, JSON.parse(request.body || '{}'));
    else {
      for (const [key, value] of new URLSearchParams(request.body))
        args[key] = FORM_JSON_FIELDS.has(key) ? JSON.parse(value) : value;
    }
    if (responseMatch) {
      calls.push({ method: 'response_url', args: { ...args, id: responseMatch[1] }, at: now() });
      return { status: 200, body: 'ok' };
    }
    const method = request.path.replace(/^\/api\//, '');
    const call = { method, args, at: now() };
    calls.push(call);
    const reply = await answer(method, args, request.headers.authorization);
    options.onCall?.(call, reply.status === 200 && (reply.body as { ok?: boolean })?.ok === true);
    return reply;
  }, options.port);

  async function answer(
    method: string,
    args: Record<string, unknown>,
    authorization: string | undefined,
  ): Promise<Reply> {
    if (method === 'apps.connections.open') {
      const socket = options.socketMode;
      return socket && authorization === `Bearer ${socket.appToken}`
        ? ok({ url: socket.url })
        : { status: 200, body: templates.notAuthed };
    }
    if (authorization !== `Bearer ${token}`) return { status: 200, body: templates.notAuthed };
    if (method.startsWith('chat.') && now() < limitedUntil) {
      return {
        status: 429,
        headers: { 'retry-after': String(Math.ceil((limitedUntil - now()) / 1000)) },
        body: { ok: false, error: 'ratelimited' },
      };
    }
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://driver-voice-test.slack.com/',
          team: 'Driver Voice',
          user: 'driver_voice',
          team_id: 'T0TEST0001',
          user_id: 'U0BOTUSER1',
          bot_id: 'B0BOTBOT01',
        });
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        const problem = channelError(channel);
        if (problem)
          return problem === 'channel_not_found'
            ? { status: 200, body: templates.channelNotFound }
            : error(problem);
        if (options.postDelayMs) await new Promise((r) => setTimeout(r, options.postDelayMs));
        const ts = `${Math.floor(now() / 1000)}.${String(++counter).padStart(6, '0')}`;
        return ok({
          channel,
          ts,
          message: { ...templates.postMessageOk.message, text: args.text, ts, blocks: args.blocks },
        });
      }
      case 'chat.update':
      case 'chat.postEphemeral': {
        const channel = String(args.channel ?? '');
        const problem = channelError(channel);
        if (problem) return error(problem);
        return ok(
          method === 'chat.update'
            ? { channel, ts: args.ts, text: args.text }
            : { message_ts: `${Math.floor(now() / 1000)}.${String(++counter).padStart(6, '0')}` },
        );
      }
      case 'conversations.info': {
        const id = String(args.channel ?? '');
        const channel = channels[id];
        if (!channel) return { status: 200, body: templates.channelNotFound };
        return ok({
          channel: {
            ...templates.conversationsInfo.channel,
            id,
            name: `channel-${id.toLowerCase()}`,
            is_channel: true,
            is_group: false,
            is_mpim: false,
            is_private: channel.isPrivate ?? true,
            is_ext_shared: channel.isExtShared ?? false,
            is_shared: channel.isExtShared ?? false,
            is_org_shared: false,
            is_archived: channel.isArchived ?? false,
            is_member: channel.member ?? true,
          },
        });
      }
      case 'users.lookupByEmail': {
        const id = users[String(args.email ?? '').toLowerCase()];
        return id ? ok({ user: { id, deleted: false, is_bot: false } }) : error('users_not_found');
      }
      default:
        return error('unknown_method');
    }
  }

  return {
    ...server,
    apiUrl: `${server.url}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    rateLimitUntil(time) {
      limitedUntil = time;
    },
    responseUrl: (id) => `${server.url}/response/${id}`,
  };
}
