import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import { type ActionOutcome, changeStatus, type StatusAction } from './actions/change-status.js';
import { reassign } from './actions/reassign.js';
import { ACTIONS } from './blocks.js';
import { voiceSearch } from './commands/search.js';
import { handleVoice } from './commands/voice.js';
import type { VoiceContext } from './commands/voice-context.js';
import type { SlackApi } from './slack-api.js';

export interface ListenerDeps extends VoiceContext {
  slack: SlackApi;
}

const STATUS_ACTIONS: Array<[string, StatusAction]> = [
  [ACTIONS.acknowledge, 'acknowledge'],
  [ACTIONS.resolve, 'resolve'],
  [ACTIONS.dismiss, 'dismiss'],
];

/** Where the clicked message is, and which outbox row it shows. */
function clicked(body: BlockAction): {
  channel: string | undefined;
  ts: string | undefined;
  outboxId: number;
} {
  const action = body.actions[0] as ButtonAction | UsersSelectAction;
  const fromValue = 'value' in action && action.value ? Number(action.value) : Number.NaN;
  const fromBlock = Number(/^dv_post_(\d+)$/.exec(action.block_id)?.[1]);
  return {
    channel: body.channel?.id,
    ts: body.message?.ts,
    outboxId: Number.isFinite(fromValue) ? fromValue : fromBlock,
  };
}

/**
 * The Slack layer is transport only: each listener acks first, then calls
 * the store through the handlers in commands/ and actions/.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command('/voice', async ({ command, ack }) => {
    await ack(handleVoice(deps, { userId: command.user_id }, command.text ?? ''));
  });

  app.action<BlockAction>(ACTIONS.more, async ({ ack, body, respond, action }) => {
    await ack();
    try {
      const { q, o } = JSON.parse((action as ButtonAction).value ?? '{}') as {
        q?: string;
        o?: number;
      };
      await respond({
        ...voiceSearch(deps, { userId: body.user.id }, String(q ?? ''), Number(o ?? 0)),
        replace_original: true,
      });
    } catch (error) {
      deps.log.error({ err: error }, 'search paging failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, I could not fetch more results; run the search again.',
      });
    }
  });

  const apply = async (
    outcome: ActionOutcome & { threadNote?: string },
    body: BlockAction,
    respond: (message: object) => Promise<unknown>,
  ) => {
    const { channel, ts } = clicked(body);
    if (outcome.update && channel && ts) await deps.slack.update(channel, ts, outcome.update);
    if (outcome.threadNote && channel && ts) {
      await deps.slack.post(
        channel,
        {
          text: outcome.threadNote,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: outcome.threadNote } }],
        },
        { threadTs: ts },
      );
    }
    if (outcome.ephemeral)
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: outcome.ephemeral,
      });
  };

  for (const [actionId, status] of STATUS_ACTIONS) {
    app.action<BlockAction>(actionId, async ({ ack, body, respond }) => {
      await ack();
      try {
        await apply(
          changeStatus(deps, {
            outboxId: clicked(body).outboxId,
            userId: body.user.id,
            action: status,
          }),
          body,
          respond,
        );
      } catch (error) {
        deps.log.error({ err: error, action: status }, 'button failed');
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Sorry, that did not work; please try again.',
        });
      }
    });
  }

  app.action<BlockAction>(ACTIONS.reassign, async ({ ack, body, respond, action }) => {
    await ack();
    try {
      const newOwner = (action as UsersSelectAction).selected_user ?? '';
      await apply(
        reassign(deps, { outboxId: clicked(body).outboxId, userId: body.user.id, newOwner }),
        body,
        respond,
      );
    } catch (error) {
      deps.log.error({ err: error }, 'reassign failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, the reassignment did not work; please try again.',
      });
    }
  });

  app.action(ACTIONS.open, async ({ ack }) => {
    await ack(); // a link button: Slack opens the URL, nothing to do here
  });

  app.error(async (error) => {
    deps.log.error({ err: error }, 'Slack listener error');
  });
}
