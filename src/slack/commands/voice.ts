import { recordAudit } from '../../store/audit.js';
import { voiceAudit } from './audit.js';
import { voiceHealth } from './health.js';
import { voiceHelp } from './help.js';
import { voiceOptOut } from './optout.js';
import { voiceOwners } from './owners.js';
import { voiceSearch } from './search.js';
import { voiceStats } from './stats.js';
import { type Caller, reply, type VoiceContext, type VoiceReply } from './voice-context.js';

/** Longer than any sensible command: the rest is ignored with a note. */
const MAX_TEXT = 2000;

/**
 * `/voice <subcommand> …`: every text a person can type gets a helpful,
 * ephemeral reply; an unexpected failure becomes a short apology, never a
 * stack trace.
 */
export function handleVoice(context: VoiceContext, caller: Caller, rawText: string): VoiceReply {
  const text = rawText.length > MAX_TEXT ? rawText.slice(0, MAX_TEXT) : rawText;
  const [sub = '', ...rest] = text.trim().split(/\s+/);
  const args = rest.join(' ');
  try {
    switch (sub.toLowerCase()) {
      case 'search':
        if (!args)
          return reply('What should I look for? Try `/voice search missing tips since:7d`.');
        return voiceSearch(context, caller, args);
      case 'stats':
        return voiceStats(context, args);
      case 'health':
        return voiceHealth(context);
      case 'owners':
        return voiceOwners(context);
      case 'optout':
        return voiceOptOut(context, caller, args);
      case 'audit':
        return voiceAudit(context, caller, args);
      case '':
      case 'help':
        return voiceHelp();
      default:
        return voiceHelp(
          `I don't know \`${sub.slice(0, 30).replace(/[`<>&]/g, '')}\`. Here is what I can do:`,
        );
    }
  } catch (error) {
    context.log.error({ err: error, subcommand: sub.slice(0, 30) }, '/voice failed');
    recordAudit(context.db, {
      at: context.now(),
      actor: caller.userId,
      action: 'error',
      detail: {
        subcommand: sub.slice(0, 30),
        error: String((error as Error)?.message ?? error).slice(0, 200),
      },
    });
    return reply(
      'Sorry, something went wrong on my side; it has been logged. Please try again in a minute.',
    );
  }
}
