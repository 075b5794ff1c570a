import { reply, type VoiceReply } from './voice-context.js';

export const HELP_TEXT = [
  '*/voice search* `words` `[in:category]` `[since:7d]` `[lang:es]` `[source:reddit]` `[status:open]`: search stored posts ("a phrase", prefix*, a OR b, -word)',
  '*/voice stats* `[7d]`: posts per category, change, precision, open items',
  "*/voice health*: each source's state, last success, the X budget, the Slack queue",
  '*/voice owners*: which channel and owner each category goes to',
  '*/voice optout* `reddit:<name>` or `x:<name>` (admins): never read that author again',
  '*/voice audit* `[7d]` (admins): searches, button actions, opt-outs and config changes',
  '*/voice help*: this list',
  '_driver-voice never watches unions, strikes, protests, organising, or contact with journalists, researchers, lawyers or regulators, and stores no author._',
].join('\n');

export function voiceHelp(prefix?: string): VoiceReply {
  return reply('driver-voice help', [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `${prefix ? `${prefix}\n\n` : ''}${HELP_TEXT}` },
    },
  ]);
}
