/**
 * The baseline: one regular expression per query, the way a taxonomy is
 * usually matched first. Each query's positive terms form one alternation
 * that decides whether the query can match; only then are its terms tested
 * one by one to evaluate the boolean expression: `\\b(?:tip\\w*|not\\W+paid)\\b`
 * style, as one would write it by hand. Text is folded once per post (lower
 * case, no accents), so the regexes need no `i` flag.
 */
import { foldText } from '../src/classify/fold-text.js';
import {
  evaluateQuery,
  parseQuery,
  type QueryNode,
  type QueryTerm,
  queryTerms,
} from '../src/classify/parse-query.js';
import type { TaxonomyDefinition } from '../src/classify/taxonomy-schema.js';

const termSource = (term: QueryTerm): string =>
  `\\b${term.words.join('\\W+')}${term.prefix ? '' : '\\b'}`;

interface NaiveQuery {
  category: string;
  root: QueryNode;
  any: RegExp;
  term: Map<QueryTerm, RegExp>;
}

export function createNaiveClassifier(
  definition: TaxonomyDefinition,
): (post: { title?: string; text: string }) => string[] {
  const queries: NaiveQuery[] = definition.categories.flatMap((category) =>
    Object.values(category.queries).map((text) => {
      const root = parseQuery(text);
      const terms = queryTerms(root);
      const positive = terms.filter((t) => !t.negated).map((t) => termSource(t.term));
      return {
        category: category.id,
        root,
        any: new RegExp(positive.map((p) => `(?:${p})`).join('|')),
        term: new Map(terms.map((t) => [t.term, new RegExp(termSource(t.term))])),
      };
    }),
  );
  return (post) => {
    const folded = foldText(post.title ? `${post.title}\n${post.text}` : post.text);
    const matched = new Set<string>();
    for (const query of queries) {
      if (matched.has(query.category) || !query.any.test(folded)) continue;
      if (evaluateQuery(query.root, (term) => query.term.get(term)!.test(folded)))
        matched.add(query.category);
    }
    return [...matched];
  };
}
