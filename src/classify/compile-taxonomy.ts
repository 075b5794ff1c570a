import { QuerySyntaxError, TaxonomyError } from '../errors.js';
import type { Priority } from '../types.js';
import type { Guard } from './guard.js';
import { createMatcher, type Matcher, type MatcherPattern, patternKey } from './matcher.js';
import {
  evaluateQuery,
  parseQuery,
  type QueryNode,
  type QueryTerm,
  queryTerms,
} from './parse-query.js';
import { emitProgram } from './query-program.js';
import type { TaxonomyDefinition } from './taxonomy-schema.js';

export interface CompiledQuery {
  categoryIndex: number;
  subcategoryId: string | null;
  lang: string;
  root: QueryNode;
  /** Its postfix program: `programs[programStart, programEnd)`. */
  programStart: number;
  programEnd: number;
  /** Terms that count toward a match (not under NOT), with their pattern ids. */
  positive: Array<{ notation: string; patternId: number }>;
}

export interface CompiledCategory {
  id: string;
  name: string;
  priority: Priority;
}

/**
 * A taxonomy compiled once: the guard terms and every query term in one
 * automaton (guard patterns first), and for each term the queries it occurs in.
 */
export interface CompiledTaxonomy {
  readonly categories: readonly CompiledCategory[];
  readonly queries: readonly CompiledQuery[];
  readonly matcher: Matcher;
  /** Patterns with an id below this are guard terms. */
  readonly guardPatternCount: number;
  /**
   * The required groups each pattern belongs to (see requiredGroups): those of
   * pattern p are `groupsOfPattern[groupsStart[p], groupsStart[p + 1])`.
   */
  readonly groupsStart: Int32Array;
  readonly groupsOfPattern: Int32Array;
  /** The query each required group belongs to. */
  readonly queryOfGroup: Int32Array;
  /** How many required groups each query has. */
  readonly groupCount: Int32Array;
  /** Every query's postfix program (see query-program.ts). */
  readonly programs: Int32Array;
  /** Start and end of each query's program, side by side: evaluating a candidate touches no object. */
  readonly programRanges: Int32Array;
  /** Deep enough for the longest program. */
  readonly stackSize: number;
}

/**
 * Terms of which at least one must occur for the query to match: all terms
 * of an OR, the smallest such set among the children of an AND, none under
 * NOT (but those of `NOT NOT x`, which is x). A query is only evaluated when one of its trigger terms was seen, so
 * `w1 (w2 OR w3 OR w4)` waits for w1 instead of waking on every w2, w3, w4.
 */
export function triggerTerms(node: QueryNode): QueryTerm[] | null {
  switch (node.type) {
    case 'term':
      return [node.term];
    case 'not':
      return node.child.type === 'not' ? triggerTerms(node.child.child) : null;
    case 'or': {
      const all: QueryTerm[] = [];
      for (const child of node.children) {
        const terms = triggerTerms(child);
        if (terms === null) return null;
        all.push(...terms);
      }
      return all;
    }
    case 'and': {
      let best: QueryTerm[] | null = null;
      for (const child of node.children) {
        const terms = triggerTerms(child);
        if (terms !== null && (best === null || terms.length < best.length)) best = terms;
      }
      return best;
    }
  }
}

/**
 * The groups of terms a query needs, one term of each at least: the trigger
 * terms of each child of a top-level AND (nested ANDs flattened), or the
 * query's trigger terms as one group. A query is evaluated only once every
 * group has a term in the post, so `w1 (w2 OR w3) -w4` waits for w1 and one
 * of w2, w3 rather than waking on every w1 (bench: classify, 10,000 queries).
 */
export function requiredGroups(node: QueryNode): QueryTerm[][] {
  if (node.type === 'and') return node.children.flatMap(requiredGroups);
  const terms = triggerTerms(node);
  return terms === null ? [] : [terms];
}

function where(category: string, subcategory: string | null, lang: string): string {
  return `category "${category}"${subcategory ? ` subcategory "${subcategory}"` : ''} (${lang} query)`;
}

export function compileTaxonomy(definition: TaxonomyDefinition, guard: Guard): CompiledTaxonomy {
  const patterns: MatcherPattern[] = [...guard.terms];
  const patternIds = new Map<string, number>();
  const groupsOfPattern: number[][] = patterns.map(() => []);
  const queryOfGroup: number[] = [];
  const groupCount: number[] = [];
  const queries: CompiledQuery[] = [];
  const program: number[] = [];
  let stackSize = 1;
  const categories: CompiledCategory[] = [];
  const seenIds = new Set<string>();

  const addQuery = (
    categoryIndex: number,
    categoryId: string,
    subcategoryId: string | null,
    lang: string,
    text: string,
  ): void => {
    const place = where(categoryId, subcategoryId, lang);
    let root: QueryNode;
    try {
      root = parseQuery(text);
    } catch (error) {
      if (error instanceof QuerySyntaxError) {
        throw new TaxonomyError(`Taxonomy ${place}: ${error.message}`, {
          cause: error,
          context: { category: categoryId },
        });
      }
      throw error;
    }
    if (evaluateQuery(root, () => false)) {
      throw new TaxonomyError(
        `Taxonomy ${place}: the query would match posts that contain none of its terms; give at least one term that must appear, e.g. "tip* -refund" rather than "-refund".`,
      );
    }
    const queryIndex = queries.length;
    const positive: CompiledQuery['positive'] = [];
    const patternOfTerm = new Map<QueryTerm, number>();
    for (const { term, negated } of queryTerms(root)) {
      if (!negated) {
        const conflict = guard.conflictWith(term);
        if (conflict) {
          throw new TaxonomyError(
            `Taxonomy ${place} uses the term ${term.notation}, which matches the guard term ${conflict.notation}. ` +
              'driver-voice never monitors collective activity or contact with journalists, researchers, lawyers or regulators: remove the term from the query.',
            {
              context: { category: categoryId, term: term.notation, guardTerm: conflict.notation },
            },
          );
        }
      }
      const key = patternKey(term);
      let id = patternIds.get(key);
      if (id === undefined) {
        id = patterns.length;
        patterns.push({ words: term.words, prefix: term.prefix });
        patternIds.set(key, id);
        groupsOfPattern.push([]);
      }
      patternOfTerm.set(term, id);
      if (!negated && !positive.some((p) => p.notation === term.notation))
        positive.push({ notation: term.notation, patternId: id });
    }
    const groups = requiredGroups(root);
    if (groups.length === 0) {
      throw new TaxonomyError(
        `Taxonomy ${place}: the query has no term that must appear outside a NOT, so it would never be evaluated; write the terms it needs without negating them, e.g. "a b" rather than "NOT (-a OR -b)".`,
      );
    }
    for (const group of groups) {
      const groupId = queryOfGroup.length;
      queryOfGroup.push(queryIndex);
      for (const term of group) {
        const members = groupsOfPattern[patternOfTerm.get(term)!]!;
        if (members[members.length - 1] !== groupId) members.push(groupId);
      }
    }
    groupCount.push(groups.length);
    const programStart = program.length;
    emitProgram(root, (term) => patternOfTerm.get(term)!, program);
    stackSize = Math.max(stackSize, program.length - programStart);
    queries.push({
      categoryIndex,
      subcategoryId,
      lang,
      root,
      programStart,
      programEnd: program.length,
      positive,
    });
  };

  definition.categories.forEach((category, categoryIndex) => {
    if (seenIds.has(category.id))
      throw new TaxonomyError(
        `Taxonomy: the category id "${category.id}" is used twice; ids must be unique.`,
      );
    seenIds.add(category.id);
    categories.push({ id: category.id, name: category.name, priority: category.priority });
    for (const [lang, text] of Object.entries(category.queries))
      addQuery(categoryIndex, category.id, null, lang, text);
    for (const sub of category.subcategories) {
      for (const [lang, text] of Object.entries(sub.queries))
        addQuery(categoryIndex, category.id, sub.id, lang, text);
    }
  });

  return {
    categories,
    queries,
    matcher: createMatcher(patterns),
    guardPatternCount: guard.terms.length,
    groupsStart: Int32Array.from(
      groupsOfPattern.reduce(
        (starts, members) => {
          starts.push(starts[starts.length - 1]! + members.length);
          return starts;
        },
        [0],
      ),
    ),
    groupsOfPattern: Int32Array.from(groupsOfPattern.flat()),
    queryOfGroup: Int32Array.from(queryOfGroup),
    groupCount: Int32Array.from(groupCount),
    programs: Int32Array.from(program),
    programRanges: Int32Array.from(queries.flatMap((q) => [q.programStart, q.programEnd])),
    stackSize,
  };
}
