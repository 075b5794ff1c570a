import { describe, expect, it } from 'vitest';
import { requiredGroups, triggerTerms } from '../../src/classify/compile-taxonomy.js';
import {
  evaluateQuery,
  parseQuery,
  type QueryTerm,
  queryTerms,
} from '../../src/classify/parse-query.js';
import { emitProgram, runProgram } from '../../src/classify/query-program.js';

describe('query programs', () => {
  it('evaluate exactly as the query tree does, for every combination of terms', () => {
    const queries = [
      'a',
      'a b',
      'a OR b',
      'a -b',
      'NOT a b',
      '(a OR b) c -d',
      'a (b OR (c -d)) OR e',
      'NOT (a OR b) c',
      '-(a -b) c',
    ];
    for (const query of queries) {
      const root = parseQuery(query);
      const terms = queryTerms(root).map((t) => t.term);
      const ids = new Map<QueryTerm, number>(
        terms.map((term) => [term, term.words[0]!.charCodeAt(0) - 97]),
      );
      const code: number[] = [];
      emitProgram(root, (term) => ids.get(term)!, code);
      const program = Int32Array.from(code);
      for (let mask = 0; mask < 32; mask++) {
        const seen = Uint32Array.from({ length: 5 }, (_, i) => ((mask >> i) & 1 ? 7 : 0));
        const expected = evaluateQuery(root, (term) => seen[ids.get(term)!] === 7);
        expect(
          runProgram(program, 0, program.length, seen, 7, new Uint8Array(16)),
          `${query} / ${mask}`,
        ).toBe(expected);
      }
    }
  });
});

describe('triggerTerms', () => {
  const notations = (query: string) =>
    triggerTerms(parseQuery(query))?.map((t) => t.notation) ?? null;

  it('waits for the required word of an AND rather than any word of its OR', () => {
    expect(notations('anchor (a OR b OR c)')).toEqual(['anchor']);
  });

  it('takes every alternative of an OR', () => {
    expect(notations('a OR (b c) OR d')).toEqual(['a', 'b', 'd']);
  });

  it('never triggers on a negated term, but reads NOT NOT a as a', () => {
    expect(notations('-a b')).toEqual(['b']);
    expect(notations('NOT a')).toBeNull();
    expect(notations('-(-a) b')).toEqual(['a']);
  });
});

describe('requiredGroups', () => {
  const groups = (query: string) =>
    requiredGroups(parseQuery(query)).map((group) => group.map((t) => t.notation));

  it('needs one term of each part of an AND, nested ANDs flattened', () => {
    expect(groups('anchor (a OR b) -c')).toEqual([['anchor'], ['a', 'b']]);
    expect(groups('a (b c)')).toEqual([['a'], ['b'], ['c']]);
  });

  it('makes an OR one group, and leaves out what is negated', () => {
    expect(groups('a OR (b c)')).toEqual([['a', 'b']]);
    expect(groups('(a OR -b) c')).toEqual([['c']]);
  });
});
