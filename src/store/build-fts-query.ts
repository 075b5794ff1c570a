import { SearchQueryError } from '../errors.js';

export const MAX_SEARCH_TERMS = 32;

/**
 * Turns what a person typed into a safe FTS5 MATCH expression. Nothing they
 * type reaches FTS5 as syntax: words become quoted strings, `"…"` a phrase,
 * a trailing `*` a prefix, `OR` between two terms either of them, `-word`
 * an exclusion. Everything else (parentheses, `AND`, `:`, `^`, emoji) is
 * treated as a separator.
 */
export function buildFtsQuery(input: string): { match: string; terms: string[] } {
  type Term = { fts: string; label: string };
  const positives: Term[][] = [];
  const negatives: Term[] = [];
  let pendingOr = false;
  const pattern = /(-?)"([^"]*)"?|(-?)([\p{L}\p{N}]+(?:[\p{L}\p{N}'’_-]*[\p{L}\p{N}])?)(\*?)/gu;
  let count = 0;

  for (const match of input.matchAll(pattern)) {
    const negated = (match[1] ?? match[3]) === '-';
    let words: string[];
    let prefix = false;
    if (match[2] !== undefined) {
      words = match[2].match(/[\p{L}\p{N}]+/gu) ?? [];
    } else {
      const word = match[4]!;
      if (word === 'OR' && !negated) {
        pendingOr = positives.length > 0;
        continue;
      }
      if (word === 'AND' || word === 'NOT') continue;
      words = word.match(/[\p{L}\p{N}]+/gu) ?? [];
      prefix = match[5] === '*';
    }
    if (words.length === 0) continue;
    count++;
    if (count > MAX_SEARCH_TERMS) {
      throw new SearchQueryError(
        `A search takes at most ${MAX_SEARCH_TERMS} words or phrases; shorten it to the few words that matter.`,
      );
    }
    const label = words.join(' ');
    const term: Term = {
      fts: `"${label}"${prefix ? '*' : ''}`,
      label: `${label}${prefix ? '*' : ''}`,
    };
    if (negated) negatives.push(term);
    else if (pendingOr) positives[positives.length - 1]!.push(term);
    else positives.push([term]);
    pendingOr = false;
  }

  if (positives.length === 0) {
    throw new SearchQueryError(
      negatives.length > 0
        ? 'Add at least one word to look for; "-word" only excludes.'
        : 'Type at least one word to search for, e.g. "missing tips" or "app crash".',
    );
  }
  const groups = positives.map((group) =>
    group.length === 1 ? group[0]!.fts : `(${group.map((t) => t.fts).join(' OR ')})`,
  );
  const positive = groups.join(' AND ');
  const exclusions = negatives.map((t) => ` NOT ${t.fts}`).join('');
  return {
    match: exclusions === '' ? positive : `(${positive})${exclusions}`,
    terms: positives.flat().map((t) => t.label),
  };
}
