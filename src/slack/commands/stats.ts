import { parseDuration } from '../../cli/parse-duration.js';
import { reply, type VoiceContext, type VoiceReply } from './voice-context.js';

const DAY = 86_400_000;

/**
 * `/voice stats [7d]`: per category, posts in the period and the change from
 * the period before (from the identity-free daily counts), precision (share
 * not marked "Not relevant") and open items.
 */
export function voiceStats(context: VoiceContext, text: string): VoiceReply {
  const arg = text.trim() || '7d';
  const ms = parseDuration(arg);
  if (ms === null || ms < DAY)
    return reply(
      `\`/voice stats ${arg}\`: give a period of at least a day, such as \`7d\` or \`30d\`.`,
    );
  const now = context.now().getTime();
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const counts = context.db.prepare(
    'SELECT category, sum(count) AS n FROM daily_counts WHERE day > ? AND day <= ? GROUP BY category',
  );
  const current = new Map(
    (counts.all(day(now - ms), day(now)) as Array<{ category: string; n: number }>).map((r) => [
      r.category,
      r.n,
    ]),
  );
  const previous = new Map(
    (counts.all(day(now - 2 * ms), day(now - ms)) as Array<{ category: string; n: number }>).map(
      (r) => [r.category, r.n],
    ),
  );
  const quality = new Map(
    (
      context.db
        .prepare(
          `SELECT c.category, count(*) AS total, sum(p.status = 'dismissed') AS dismissed, sum(p.status = 'open') AS open
             FROM post_categories c JOIN posts p ON p.id = c.post_id WHERE p.created_at > ? GROUP BY c.category`,
        )
        .all(now - ms) as Array<{
        category: string;
        total: number;
        dismissed: number;
        open: number;
      }>
    ).map((r) => [r.category, r]),
  );
  const lines = context.taxonomy.categories.map((category) => {
    const n = current.get(category.id) ?? 0;
    const before = previous.get(category.id) ?? 0;
    const change =
      before === 0
        ? n === 0
          ? '—'
          : 'new'
        : `${n >= before ? '+' : ''}${Math.round(((n - before) / before) * 100)}%`;
    const q = quality.get(category.id);
    const precision =
      q && q.total > 0 ? `${Math.round(((q.total - q.dismissed) / q.total) * 100)}%` : '—';
    return `\`${category.id.padEnd(9)}\` ${String(n).padStart(5)} posts  ${change.padStart(5)}  precision ${precision.padStart(4)}  open ${q?.open ?? 0}`;
  });
  return reply(`driver-voice, last ${arg}`, [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Last ${arg}* (change against the ${arg} before)\n${lines.join('\n')}`,
      },
    },
  ]);
}
