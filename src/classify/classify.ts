import type { CategoryMatch, Classification } from '../types.js';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import { runProgram } from './query-program.js';

interface Scratch {
  epoch: number;
  patternSeen: Uint32Array;
  groupSeen: Uint32Array;
  querySeen: Uint32Array;
  /** How many of query q's required groups have a term in this post (valid when `querySeen[q] === epoch`). */
  groupsMet: Int32Array;
  candidates: number[];
  found: number[];
  stack: Uint8Array;
}

const PRIORITY_ORDER = { high: 0, normal: 1, low: 2 } as const;
const scratches = new WeakMap<CompiledTaxonomy, Scratch>();

function scratchFor(taxonomy: CompiledTaxonomy): Scratch {
  let scratch = scratches.get(taxonomy);
  if (!scratch) {
    scratch = {
      epoch: 0,
      patternSeen: new Uint32Array(taxonomy.matcher.patternCount),
      groupSeen: new Uint32Array(taxonomy.queryOfGroup.length),
      querySeen: new Uint32Array(taxonomy.queries.length),
      groupsMet: new Int32Array(taxonomy.queries.length),
      candidates: [],
      found: [],
      stack: new Uint8Array(taxonomy.stackSize),
    };
    scratches.set(taxonomy, scratch);
  }
  return scratch;
}

/**
 * Classifies a post's title and text. The guard runs in the same pass: a post
 * that mentions collective activity comes back as `{ dropped: true }` and
 * nothing else, so no caller can keep what it matched. A post that matches no
 * category comes back with no categories.
 */
export function classify(
  post: { title?: string | undefined; text: string },
  taxonomy: CompiledTaxonomy,
): Classification {
  const scratch = scratchFor(taxonomy);
  scratch.epoch = (scratch.epoch + 1) >>> 0;
  if (scratch.epoch === 0) {
    scratch.patternSeen.fill(0);
    scratch.groupSeen.fill(0);
    scratch.querySeen.fill(0);
    scratch.epoch = 1;
  }
  const { epoch, patternSeen, groupSeen, querySeen, groupsMet } = scratch;
  const candidates = scratch.candidates;
  candidates.length = 0;
  const found = scratch.found;
  found.length = 0;
  const stop = taxonomy.guardPatternCount;
  const guarded =
    (post.title ? taxonomy.matcher.collect(post.title, patternSeen, epoch, found, stop) : false) ||
    taxonomy.matcher.collect(post.text, patternSeen, epoch, found, stop);
  if (guarded) return { dropped: true };
  // A query becomes a candidate when each of its required groups has a term in the post.
  const { groupsStart, groupsOfPattern, queryOfGroup, groupCount } = taxonomy;
  for (const patternId of found) {
    for (let g = groupsStart[patternId]!, end = groupsStart[patternId + 1]!; g < end; g++) {
      const group = groupsOfPattern[g]!;
      if (groupSeen[group] === epoch) continue;
      groupSeen[group] = epoch;
      const queryIndex = queryOfGroup[group]!;
      if (querySeen[queryIndex] !== epoch) {
        querySeen[queryIndex] = epoch;
        groupsMet[queryIndex] = 0;
      }
      if (++groupsMet[queryIndex]! === groupCount[queryIndex]) candidates.push(queryIndex);
    }
  }
  if (candidates.length === 0) return { dropped: false, categories: [] };

  // A category matches through its own queries; its subcategories refine a match, never make one.
  const byCategory = new Map<number, CategoryMatch>();
  const subcategoryHits: number[] = [];
  // Evaluate in the order terms were seen; sort only the few queries that matched (sorting every candidate cost more than evaluating them).
  const ranges = taxonomy.programRanges;
  const matchedQueries: number[] = [];
  for (const queryIndex of candidates) {
    if (
      runProgram(
        taxonomy.programs,
        ranges[2 * queryIndex]!,
        ranges[2 * queryIndex + 1]!,
        patternSeen,
        epoch,
        scratch.stack,
      )
    ) {
      matchedQueries.push(queryIndex);
    }
  }
  matchedQueries.sort((a, b) => a - b);
  for (const queryIndex of matchedQueries) {
    const query = taxonomy.queries[queryIndex]!;
    if (query.subcategoryId) {
      subcategoryHits.push(queryIndex);
      continue;
    }
    let match = byCategory.get(query.categoryIndex);
    if (!match) {
      const category = taxonomy.categories[query.categoryIndex]!;
      match = {
        id: category.id,
        name: category.name,
        priority: category.priority,
        subcategories: [],
        matched: [],
      };
      byCategory.set(query.categoryIndex, match);
    }
    for (const term of query.positive) {
      if (patternSeen[term.patternId] === epoch && !match.matched.includes(term.notation))
        match.matched.push(term.notation);
    }
  }
  for (const queryIndex of subcategoryHits) {
    const query = taxonomy.queries[queryIndex]!;
    const match = byCategory.get(query.categoryIndex);
    if (match && !match.subcategories.includes(query.subcategoryId!))
      match.subcategories.push(query.subcategoryId!);
  }
  const categories = [...byCategory.keys()]
    .sort(
      (a, b) =>
        PRIORITY_ORDER[taxonomy.categories[a]!.priority] -
          PRIORITY_ORDER[taxonomy.categories[b]!.priority] || a - b,
    )
    .map((index) => byCategory.get(index)!);
  return { dropped: false, categories };
}
