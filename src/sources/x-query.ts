import type { Guard } from '../classify/guard.js';

export const X_QUERY_LIMIT = 512;

/**
 * The X search query: the operator's query, without retweets, and the
 * guard's terms as negative operators for as long as the 512-character limit
 * allows, so such posts are not even read (the guard still drops any that
 * arrive). X has no wildcards: a prefix term contributes its stem.
 */
export function buildXQuery(base: string, guard: Guard, limit = X_QUERY_LIMIT): string {
  let query = `(${base.trim()}) -is:retweet`;
  if (query.length > limit) return query;
  const seen = new Set<string>();
  for (const term of guard.terms) {
    const words = term.words.join(' ');
    if (seen.has(words)) continue;
    seen.add(words);
    const operator = term.words.length > 1 ? ` -"${words}"` : ` -${words}`;
    if (query.length + operator.length > limit) continue;
    query += operator;
  }
  return query;
}
