/**
 * The second baseline: the most-used multi-pattern matcher in the npm
 * registry (modern-ahocorasick) over the same folded text and the same
 * space-anchored pattern keys, then every query that had a hit evaluated on
 * its tree, as one would build a classifier on top of that library.
 */
import AhoCorasick from 'modern-ahocorasick';
import { foldText } from '../src/classify/fold-text.js';
import { patternKey } from '../src/classify/matcher.js';
import {
  evaluateQuery,
  parseQuery,
  type QueryNode,
  type QueryTerm,
  queryTerms,
} from '../src/classify/parse-query.js';
import type { TaxonomyDefinition } from '../src/classify/taxonomy-schema.js';

export function createLibraryClassifier(
  definition: TaxonomyDefinition,
): (post: { title?: string; text: string }) => string[] {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const queries: Array<{ category: string; root: QueryNode; termKey: Map<QueryTerm, number> }> = [];
  const queriesOfKey: number[][] = [];
  for (const category of definition.categories) {
    for (const text of Object.values(category.queries)) {
      const root = parseQuery(text);
      const termKey = new Map<QueryTerm, number>();
      for (const { term } of queryTerms(root)) {
        const key = patternKey(term);
        let index = keyIndex.get(key);
        if (index === undefined) {
          index = keys.length;
          keys.push(key);
          keyIndex.set(key, index);
          queriesOfKey.push([]);
        }
        termKey.set(term, index);
        queriesOfKey[index]!.push(queries.length);
      }
      queries.push({ category: category.id, root, termKey });
    }
  }
  const matcher = new AhoCorasick(keys);
  return (post) => {
    const hits = new Set<number>();
    for (const text of post.title ? [post.title, post.text] : [post.text]) {
      for (const match of matcher.search(foldText(text))) hits.add(match.patternIndex);
    }
    const candidates = new Set<number>();
    for (const hit of hits) for (const q of queriesOfKey[hit]!) candidates.add(q);
    const matched = new Set<string>();
    for (const q of candidates) {
      const query = queries[q]!;
      if (evaluateQuery(query.root, (term) => hits.has(query.termKey.get(term)!)))
        matched.add(query.category);
    }
    return [...matched];
  };
}
