import { recordAudit } from '../../store/audit.js';
import { createFlaggedPosts } from '../../store/flagged-posts.js';
import { createOutbox } from '../../store/outbox.js';
import { buildRemovedMessage } from '../blocks.js';
import type { VoiceContext } from '../commands/voice-context.js';
import { type ActionOutcome, rebuildMessage } from './change-status.js';

/** Reassign: the chosen person becomes the owner; the message mentions them, and so does a note in its thread. */
export function reassign(
  context: VoiceContext,
  input: { outboxId: number; userId: string; newOwner: string },
): ActionOutcome & { threadNote?: string } {
  if (!/^[UW][A-Z0-9]+$/.test(input.newOwner))
    return { ephemeral: 'Pick a person to reassign to.' };
  const outbox = createOutbox(context.db);
  const row = outbox.get(input.outboxId);
  const posts = createFlaggedPosts(context.db);
  if (!row || !posts.get(row.postId)) {
    return {
      update: buildRemovedMessage('retention'),
      ephemeral: 'This post is no longer stored, so it cannot be reassigned.',
    };
  }
  if (row.owner === input.newOwner) return { ephemeral: `<@${input.newOwner}> already owns this.` };
  outbox.setOwner(row.id, input.newOwner);
  posts.setOwner(row.postId, input.newOwner);
  recordAudit(context.db, {
    at: context.now(),
    actor: input.userId,
    action: 'reassign',
    detail: { postId: row.postId, owner: input.newOwner },
  });
  const update = rebuildMessage(context, row.id);
  return {
    ...(update ? { update } : {}),
    threadNote: `Reassigned to <@${input.newOwner}> by <@${input.userId}>.`,
  };
}
