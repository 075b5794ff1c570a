import { TaxonomyError } from '../errors.js';
import { BUILT_IN_GUARD_TERMS } from './guard-terms.js';
import { createMatcher, type Matcher, type MatcherPattern, patternKey } from './matcher.js';
import { parseQuery, type QueryTerm } from './parse-query.js';

export interface GuardTerm extends MatcherPattern {
  notation: string;
  /** `en`, `es`, or `config` for terms an operator added. */
  origin: string;
}

/**
 * The guard of DESIGN section 1, rules 1 and 2. It cannot be switched off:
 * configuration may only add terms.
 */
export interface Guard {
  readonly terms: readonly GuardTerm[];
  /** True when the text mentions collective activity or contact with press, researchers, lawyers or regulators. */
  isProtected(text: string): boolean;
  /** The guard term a taxonomy term would match, if any (a taxonomy may never target the guard). */
  conflictWith(term: QueryTerm): GuardTerm | undefined;
}

function parseGuardTerm(notation: string, origin: string): GuardTerm {
  let node: ReturnType<typeof parseQuery>;
  try {
    node = parseQuery(notation);
  } catch (error) {
    throw new TaxonomyError(
      `Guard term ${JSON.stringify(notation)} (${origin}) is not valid: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (node.type !== 'term') {
    throw new TaxonomyError(
      `Guard term ${JSON.stringify(notation)} (${origin}) must be one word, prefix* or "phrase"; quote phrases of several words.`,
    );
  }
  return { notation: node.term.notation, words: node.term.words, prefix: node.term.prefix, origin };
}

export function createGuard(options: { extraTerms?: readonly string[] } = {}): Guard {
  const terms: GuardTerm[] = [];
  const seen = new Set<string>();
  const add = (term: GuardTerm): void => {
    const key = patternKey(term);
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  for (const [lang, list] of Object.entries(BUILT_IN_GUARD_TERMS)) {
    for (const notation of list) add(parseGuardTerm(notation, lang));
  }
  for (const notation of options.extraTerms ?? []) add(parseGuardTerm(notation, 'config'));

  const matcher: Matcher = createMatcher(terms);
  return {
    terms,
    isProtected(text) {
      let hit = false;
      matcher.scan(text, () => {
        hit = true;
        return true;
      });
      return hit;
    },
    conflictWith(term) {
      let found: GuardTerm | undefined;
      // The term's own words contain a guard term ("on strike" contains "strike*").
      matcher.scan(term.words.join(' '), (id) => {
        found = terms[id];
        return true;
      });
      if (found || !term.prefix) return found;
      // An open-ended term reaches a guard term ("uni*" would match "union").
      const stem = patternKey(term);
      return terms.find((guardTerm) => patternKey(guardTerm).startsWith(stem));
    },
  };
}
