import { parseDuration } from '../../cli/parse-duration.js';
import { listAudit } from '../../store/list-audit.js';
import { escapeText, truncate } from '../escape-text.js';
import {
  type Caller,
  isAdmin,
  notAdmin,
  reply,
  type VoiceContext,
  type VoiceReply,
} from './voice-context.js';

/** `/voice audit [7d]` (admins): searches, button actions, opt-outs and config changes, newest first. */
export function voiceAudit(context: VoiceContext, caller: Caller, text: string): VoiceReply {
  if (!isAdmin(context, caller)) return notAdmin('audit');
  const arg = text.trim() || '7d';
  const ms = parseDuration(arg);
  if (ms === null)
    return reply(
      `\`/voice audit ${escapeText(arg.slice(0, 20))}\`: give a period such as \`24h\` or \`7d\`.`,
    );
  const rows = listAudit(context.db, new Date(context.now().getTime() - ms), 30);
  if (rows.length === 0) return reply(`No audit entries in the last ${arg}.`);
  const lines = rows.map(
    (r) =>
      `${r.at.toISOString().slice(0, 16).replace('T', ' ')} · ${/^[UW][A-Z0-9]+$/.test(r.actor) ? `<@${r.actor}>` : r.actor} · ${r.action} · \`${escapeText(truncate(JSON.stringify(r.detail), 150))}\``,
  );
  return reply(`Audit, last ${arg}`, [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 2900) } },
  ]);
}
