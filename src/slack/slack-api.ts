import { ErrorCode, type WebClient } from '@slack/web-api';
import { SlackError } from '../errors.js';
import type { SlackMessage } from './blocks.js';

export interface ChannelInfo {
  isPrivate: boolean;
  isExtShared: boolean;
  isArchived: boolean;
}

/** The one tiny interface driver-voice needs of Slack (a Notifier plus two look-ups). */
export interface SlackApi {
  post(
    channel: string,
    message: SlackMessage,
    options?: { threadTs?: string },
  ): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  channelInfo(channel: string): Promise<ChannelInfo>;
  lookupUserByEmail(email: string): Promise<string | null>;
}

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'invalid_blocks',
  'msg_too_long',
  'message_not_found',
  'cant_update_message',
]);

function toSlackError(method: string, error: unknown): SlackError {
  const e = error as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    message?: string;
  };
  if (e.code === ErrorCode.RateLimitedError) {
    return new SlackError(method, 'ratelimited', {
      permanent: false,
      retryAfterMs: (e.retryAfter ?? 1) * 1000,
      cause: error,
    });
  }
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return new SlackError(method, code, { permanent: PERMANENT.has(code), cause: error });
  }
  return new SlackError(method, e.message ?? String(error), { permanent: false, cause: error });
}

/**
 * SlackApi on @slack/web-api. The client must be made with
 * `rejectRateLimitedCalls: true`, so that delivery, not the client, decides
 * how to wait. Messages never use `link_names` and never unfurl.
 */
export function createSlackApi(client: WebClient): SlackApi {
  const call = async <T>(method: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toSlackError(method, error);
    }
  };
  return {
    post: (channel, message, options = {}) =>
      call('chat.postMessage', async () => {
        const result = await client.chat.postMessage({
          channel,
          ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
          text: message.text,
          blocks: message.blocks as never,
          unfurl_links: false,
          unfurl_media: false,
        });
        return { ts: String(result.ts) };
      }),
    update: (channel, ts, message) =>
      call('chat.update', async () => {
        await client.chat.update({
          channel,
          ts,
          text: message.text,
          blocks: message.blocks as never,
        });
      }),
    channelInfo: (channel) =>
      call('conversations.info', async () => {
        const result = await client.conversations.info({ channel });
        const info = result.channel ?? {};
        return {
          isPrivate: info.is_private === true,
          isExtShared: info.is_ext_shared === true,
          isArchived: info.is_archived === true,
        };
      }),
    lookupUserByEmail: async (email) => {
      try {
        const result = await client.users.lookupByEmail({ email });
        return result.user?.id ?? null;
      } catch (error) {
        const mapped = toSlackError('users.lookupByEmail', error);
        if (mapped.slackError === 'users_not_found') return null;
        throw mapped;
      }
    },
  };
}
