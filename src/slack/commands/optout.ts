import { recordAudit } from '../../store/audit.js';
import { createOptOuts, normaliseAuthor } from '../../store/opt-outs.js';
import {
  type Caller,
  isAdmin,
  notAdmin,
  reply,
  type VoiceContext,
  type VoiceReply,
} from './voice-context.js';

/**
 * `/voice optout reddit:<name>` or `x:<name>` (admins): stores a keyed hash
 * of the author; their posts are dropped at ingest from then on. The audit
 * records that an opt-out was added, never whose.
 */
export function voiceOptOut(context: VoiceContext, caller: Caller, text: string): VoiceReply {
  if (!isAdmin(context, caller)) return notAdmin('optout');
  const author = normaliseAuthor(text);
  if (!author)
    return reply(
      'Give the author as `reddit:<name>` or `x:<name>`, e.g. `/voice optout reddit:some_driver`.',
    );
  const secret = context.config.env.DRIVER_VOICE_SECRET;
  if (!secret)
    return reply(
      'Opt-outs are stored as keyed hashes and need DRIVER_VOICE_SECRET in the environment of the bot. Ask the operator to set it, then try again.',
    );
  const added = createOptOuts(context.db, secret).add(author, context.now());
  recordAudit(context.db, {
    at: context.now(),
    actor: caller.userId,
    action: 'optout',
    detail: { platform: author.split(':')[0], added },
  });
  return reply(
    added
      ? 'Done: posts by that author will be dropped before anything is stored.'
      : 'That author had already opted out.',
  );
}
