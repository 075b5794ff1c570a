import { recordAudit } from '../../store/audit.js';
import { createFlaggedPosts } from '../../store/flagged-posts.js';
import { createOutbox } from '../../store/outbox.js';
import type { PostStatus } from '../../types.js';
import { buildFlaggedMessage, buildRemovedMessage, type SlackMessage } from '../blocks.js';
import type { VoiceContext } from '../commands/voice-context.js';
import { categoryViews } from '../delivery.js';

export type StatusAction = 'acknowledge' | 'resolve' | 'dismiss';

const TARGET: Record<StatusAction, PostStatus> = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  dismiss: 'dismissed',
};
/** What each action may move a post from. */
const ALLOWED_FROM: Record<StatusAction, readonly PostStatus[]> = {
  acknowledge: ['open'],
  resolve: ['open', 'acknowledged'],
  dismiss: ['open', 'acknowledged'],
};
const LABEL: Record<PostStatus, string> = {
  open: 'open',
  acknowledged: 'acknowledged',
  resolved: 'resolved',
  dismissed: 'marked not relevant',
};

export interface ActionOutcome {
  /** The message as it should now read, to chat.update in place. */
  update?: SlackMessage;
  /** A note only the clicker sees. */
  ephemeral?: string;
}

/** Rebuilds a flagged post's message from the store, or null when the post is gone. */
export function rebuildMessage(context: VoiceContext, outboxId: number): SlackMessage | null {
  const row = createOutbox(context.db).get(outboxId);
  const post = row ? createFlaggedPosts(context.db).get(row.postId) : null;
  if (!row || !post) return null;
  const ownerId = row.owner && /^[UW][A-Z0-9]+$/.test(row.owner) ? row.owner : post.owner;
  return buildFlaggedMessage({
    outboxId,
    post,
    categories: categoryViews(context.taxonomy, post.categories, row.categories),
    ownerId,
    now: context.now(),
  });
}

/**
 * Acknowledge, Resolve, Not relevant: moves the post's status (open →
 * acknowledged → resolved, or dismissed), records who and when, and returns
 * the updated message. A second click, or a click on a post purged since,
 * gets a polite note instead of an error.
 */
export function changeStatus(
  context: VoiceContext,
  input: { outboxId: number; userId: string; action: StatusAction },
): ActionOutcome {
  const outbox = createOutbox(context.db);
  const posts = createFlaggedPosts(context.db);
  const row = outbox.get(input.outboxId);
  const post = row ? posts.get(row.postId) : null;
  if (!row || !post) {
    return {
      update: buildRemovedMessage('retention'),
      ephemeral:
        'This post is no longer stored (past retention, or removed by its author), so there is nothing to change.',
    };
  }
  if (!ALLOWED_FROM[input.action].includes(post.status)) {
    const by = post.statusBy ? ` by <@${post.statusBy}>` : '';
    return { ephemeral: `This post is already ${LABEL[post.status]}${by}.` };
  }
  const now = context.now();
  posts.setStatus(post.id, TARGET[input.action], input.userId, now);
  recordAudit(context.db, {
    at: now,
    actor: input.userId,
    action: input.action,
    detail: { postId: post.id },
  });
  const update = rebuildMessage(context, input.outboxId);
  return update ? { update } : {};
}
