import { SearchQueryError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { searchPosts } from '../../store/search-posts.js';
import { ACTIONS, age } from '../blocks.js';
import { escapeText, truncate } from '../escape-text.js';
import { parseSearchText } from './parse-search-text.js';
import { type Caller, reply, type VoiceContext, type VoiceReply } from './voice-context.js';

export const PAGE_SIZE = 5;
/** Markers around matched words that no post contains and escaping leaves alone; they become Slack bold. */
const MARK_OPEN = String.fromCharCode(1);
const MARK_CLOSE = String.fromCharCode(2);
/** Slack limits a button value to 2,000 characters; longer searches cannot page. */
const MAX_VALUE = 2000;

/** `/voice search <words> [in:category] [since:7d] [lang:es] [source:reddit] [status:open]`, ephemeral and paged. */
export function voiceSearch(
  context: VoiceContext,
  caller: Caller,
  text: string,
  offset = 0,
): VoiceReply {
  const categoryIds = context.taxonomy.categories.map((c) => c.id);
  const parsed = parseSearchText(text, categoryIds);
  if ('error' in parsed) return reply(parsed.error);
  const now = context.now();
  let result: ReturnType<typeof searchPosts>;
  try {
    result = searchPosts(context.db, {
      text: parsed.words,
      category: parsed.category,
      since: parsed.sinceMs === undefined ? undefined : new Date(now.getTime() - parsed.sinceMs),
      lang: parsed.lang,
      source: parsed.source,
      status: parsed.status,
      limit: PAGE_SIZE,
      offset,
      now,
      highlight: { open: MARK_OPEN, close: MARK_CLOSE },
    });
  } catch (error) {
    if (error instanceof SearchQueryError)
      return reply(
        `${error.message} Filters: \`in:pay\` \`since:7d\` \`lang:es\` \`source:reddit\` \`status:open\`.`,
      );
    throw error;
  }
  if (offset === 0) {
    recordAudit(context.db, {
      at: now,
      actor: caller.userId,
      action: 'search',
      detail: { query: text.slice(0, 500), results: result.hits.length },
    });
  }
  if (result.hits.length === 0)
    return reply(
      offset === 0
        ? `Nothing stored matches ${escapeText(result.terms.join(' '))}.`
        : 'No more results.',
    );

  const blocks: unknown[] = result.hits.map((hit) => {
    const excerpt = truncate(escapeText(hit.excerpt.replace(/\s+/g, ' ')), 600)
      .split(MARK_OPEN)
      .join('*')
      .split(MARK_CLOSE)
      .join('*');
    const where = hit.source === 'reddit' ? `r/${escapeText(hit.community)}` : 'X';
    return {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${excerpt}\n_${hit.categories.join(', ')} · ${where} · ${age(hit.createdAt, now)} · ${hit.lang} · ${hit.status}_ · <${hit.url}|open>`,
      },
    };
  });
  blocks.unshift({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Results ${offset + 1}–${offset + result.hits.length} for ${escapeText(truncate(text, 200))}`,
      },
    ],
  });
  const value = JSON.stringify({ q: text, o: offset + PAGE_SIZE });
  if (result.more && value.length <= MAX_VALUE) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.more,
          text: { type: 'plain_text', text: 'More' },
          value,
        },
      ],
    });
  }
  return reply(`${result.hits.length} result(s)`, blocks);
}
