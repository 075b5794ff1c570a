import type { FlaggedPost } from '../store/flagged-posts.js';
import type { Priority } from '../types.js';
import { escapeText, truncate } from './escape-text.js';

/** Slack's limits that every message here respects. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  buttonText: 75,
  contextElements: 10,
  fallbackText: 4000,
} as const;

export const ACTIONS = {
  acknowledge: 'dv_acknowledge',
  resolve: 'dv_resolve',
  reassign: 'dv_reassign',
  dismiss: 'dv_dismiss',
  open: 'dv_open',
  more: 'dv_search_more',
} as const;

export interface CategoryView {
  id: string;
  name: string;
  priority: Priority;
  matched: string[];
}

export interface MessageInput {
  outboxId: number;
  post: FlaggedPost;
  categories: CategoryView[];
  /** The owner's Slack user id, if known. */
  ownerId: string | null;
  now: Date;
}

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

const STATUS_LABEL = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  dismissed: 'Marked not relevant',
} as const;

export function age(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

const slackDate = (date: Date): string =>
  `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${date.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;

/**
 * The message for one flagged post: category and priority, the escaped
 * excerpt, community, age, language, sentiment, matched terms, the owner
 * mentioned explicitly, its status, and the buttons. Pure: the clock is a
 * parameter. Every field fits Slack's limits whatever the post's length.
 */
export function buildFlaggedMessage(input: MessageInput): SlackMessage {
  const { post, categories, ownerId, now } = input;
  const top = categories[0];
  const headline = categories.map((c) => `*${escapeText(c.name)}*`).join(' · ');
  const priority = top ? `${top.priority} priority` : '';
  const owner = ownerId ? `<@${ownerId}>` : '_no owner set_';
  const title = post.title ? `*${truncate(escapeText(post.title), 300)}*\n` : '';
  const excerpt = truncate(`${title}${escapeText(post.text)}`, 2800) || '_(no text)_';
  const where = post.source === 'reddit' ? `r/${escapeText(post.community)}` : 'X';
  const matched = [...new Set(categories.flatMap((c) => c.matched))];
  const value = String(input.outboxId);
  const status =
    post.status === 'open'
      ? 'Open'
      : `${STATUS_LABEL[post.status]}${post.statusBy ? ` by <@${post.statusBy}>` : ''}${post.statusAt ? ` ${slackDate(post.statusAt)}` : ''}`;

  const blocks: unknown[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`${headline}  ·  ${priority}  ·  owner ${owner}`, LIMITS.sectionText),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: excerpt } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${where} · ${age(post.createdAt, now)} · ${post.lang} · ${post.sentiment}`,
        },
        {
          type: 'mrkdwn',
          text: truncate(
            `matched: ${matched.map((m) => `\`${escapeText(m)}\``).join(', ') || '—'}`,
            LIMITS.sectionText,
          ),
        },
        { type: 'mrkdwn', text: `status: ${status}` },
      ],
    },
    {
      type: 'actions',
      block_id: `dv_post_${value}`,
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.acknowledge,
          text: { type: 'plain_text', text: 'Acknowledge' },
          value,
        },
        {
          type: 'button',
          action_id: ACTIONS.resolve,
          text: { type: 'plain_text', text: 'Resolve' },
          style: 'primary',
          value,
        },
        {
          type: 'users_select',
          action_id: ACTIONS.reassign,
          placeholder: { type: 'plain_text', text: 'Reassign' },
        },
        {
          type: 'button',
          action_id: ACTIONS.dismiss,
          text: { type: 'plain_text', text: 'Not relevant' },
          value,
        },
        {
          type: 'button',
          action_id: ACTIONS.open,
          text: { type: 'plain_text', text: 'Open post' },
          url: post.url,
        },
      ],
    },
  ];
  const text = truncate(
    `[${categories.map((c) => c.name).join(', ')}] ${escapeText(post.title ?? post.text)}`,
    300,
  );
  return { text, blocks };
}

/** What replaces a message whose post is gone: no excerpt, no buttons. */
export function buildRemovedMessage(reason: 'author' | 'retention'): SlackMessage {
  const text =
    reason === 'author'
      ? 'This post was removed by its author, so driver-voice removed it too.'
      : 'This post is older than the retention period and was purged.';
  return { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `_${text}_` }] }] };
}
