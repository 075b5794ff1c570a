import { createReadBudget } from '../../store/read-budget.js';
import { createSourceHealthStore } from '../../store/source-health.js';
import { escapeText } from '../escape-text.js';
import { reply, type VoiceContext, type VoiceReply } from './voice-context.js';

/** `/voice health`: each source's state and last success, the X read budget, and the delivery queue. */
export function voiceHealth(context: VoiceContext): VoiceReply {
  const health = createSourceHealthStore(context.db);
  const configured = Object.keys(context.config.sources);
  const now = context.now();
  const lines = configured.map((name) => {
    const h = health.get(name);
    if (!h) return `• *${name}*: not polled yet`;
    const last = h.lastSuccessAt
      ? h.lastSuccessAt.toISOString().slice(0, 16).replace('T', ' ')
      : 'never';
    return `• *${name}*: ${h.state} since ${h.since.toISOString().slice(0, 16).replace('T', ' ')} UTC, last success ${last}${h.lastError && h.state !== 'ok' ? `\n   ${escapeText(h.lastError)}` : ''}`;
  });
  const x = context.config.sources.x;
  if (x)
    lines.push(
      `• X read budget: ${createReadBudget(context.db).used('x', now)} of ${x.monthlyReadBudget} posts this month`,
    );
  const pending = context.db
    .prepare("SELECT count(*) FROM outbox WHERE status = 'pending'")
    .pluck()
    .get() as number;
  const failed = context.db
    .prepare("SELECT count(*) FROM outbox WHERE status = 'failed'")
    .pluck()
    .get() as number;
  lines.push(`• Slack: ${pending} message(s) waiting, ${failed} failed for good`);
  return reply('driver-voice health', [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: lines.join('\n') || 'No sources are configured.' },
    },
  ]);
}
