import { describe, expect, it } from 'vitest';
import { SearchQueryError } from '../../src/errors.js';
import { buildFtsQuery } from '../../src/store/build-fts-query.js';

describe('buildFtsQuery', () => {
  it.each([
    ['missing tips', '"missing" AND "tips"'],
    ['"gate code" wrong', '"gate code" AND "wrong"'],
    ['tip*', '"tip"*'],
    ['tips OR propinas late', '("tips" OR "propinas") AND "late"'],
    ['app -crash', '("app") NOT "crash"'],
    ['no-show', '"no show"'],
    ["don't pay", '"don t" AND "pay"'],
    ['AND OR NOT pay', '"pay"'],
    ['(pay) title:app ^x col:', '"pay" AND "title" AND "app" AND "x" AND "col"'],
    ['pago 💸', '"pago"'],
    ['estación', '"estación"'],
    ['"unclosed phrase', '"unclosed phrase"'],
  ])('turns %j into %j', (input, match) => {
    expect(buildFtsQuery(input).match).toBe(match);
  });

  it.each(['', '   ', '🚗🚗', '()', '"" **', '-crash'])(
    'asks for a word when %j has none to search for',
    (input) => {
      expect(() => buildFtsQuery(input)).toThrow(SearchQueryError);
    },
  );

  it('refuses more than 32 terms with a message saying what to do', () => {
    expect(() => buildFtsQuery('word '.repeat(2000))).toThrow(/at most 32 words/);
  });
});
