import { parseDuration } from '../../cli/parse-duration.js';
import type { PostStatus, SourceName } from '../../types.js';

export interface SearchFilters {
  words: string;
  category?: string;
  sinceMs?: number;
  lang?: string;
  source?: SourceName;
  status?: PostStatus;
}

const STATUSES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;

/**
 * Splits `/voice search` text into words and filters (`in:pay since:7d
 * lang:es source:reddit status:open`). Returns a message saying how to fix
 * the first bad filter instead of throwing.
 */
export function parseSearchText(
  text: string,
  categoryIds: readonly string[],
): SearchFilters | { error: string } {
  const filters: SearchFilters = { words: '' };
  const words: string[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const match = /^(in|since|lang|source|status):(.*)$/i.exec(token);
    if (!match) {
      words.push(token);
      continue;
    }
    const key = match[1]!.toLowerCase();
    const value = match[2]!.toLowerCase();
    if (key === 'in') {
      if (!categoryIds.includes(value))
        return {
          error: `\`in:${value}\` is not a category. Use one of: ${categoryIds.map((c) => `\`${c}\``).join(', ')}.`,
        };
      filters.category = value;
    } else if (key === 'since') {
      const ms = parseDuration(value);
      if (ms === null)
        return {
          error: `\`since:${value}\` is not a duration. Try \`since:24h\`, \`since:7d\` or \`since:2w\`.`,
        };
      filters.sinceMs = ms;
    } else if (key === 'lang') {
      if (!/^[a-z]{2}$/.test(value))
        return {
          error: `\`lang:${value}\` is not a language code. Try \`lang:en\` or \`lang:es\`.`,
        };
      filters.lang = value;
    } else if (key === 'source') {
      if (value !== 'reddit' && value !== 'x')
        return {
          error: `\`source:${value}\` is not a source. Use \`source:reddit\` or \`source:x\`.`,
        };
      filters.source = value;
    } else {
      if (!(STATUSES as readonly string[]).includes(value))
        return {
          error: `\`status:${value}\` is not a status. Use one of: ${STATUSES.map((s) => `\`${s}\``).join(', ')}.`,
        };
      filters.status = value as PostStatus;
    }
  }
  filters.words = words.join(' ');
  return filters;
}
