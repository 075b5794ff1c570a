import { describe, expect, it } from 'vitest';
import {
  evaluateQuery,
  parseQuery,
  type QueryNode,
  queryTerms,
} from '../../src/classify/parse-query.js';
import { QuerySyntaxError } from '../../src/errors.js';

function show(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.term.notation;
    case 'not':
      return `NOT(${show(node.child)})`;
    default:
      return `${node.type.toUpperCase()}(${node.children.map(show).join(' ')})`;
  }
}

function syntaxError(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('parseQuery', () => {
  it('reads the documented example', () => {
    const root = parseQuery('tip* ("not paid" OR "missing pay" OR unpaid) -"no tip" NOT refund');
    expect(show(root)).toBe(
      'AND(tip* OR("not paid" "missing pay" unpaid) NOT("no tip") NOT(refund))',
    );
  });

  it('binds implicit AND tighter than OR', () => {
    expect(show(parseQuery('a b OR c'))).toBe('OR(AND(a b) c)');
  });

  it('accepts an explicit AND', () => {
    expect(show(parseQuery('pay AND late'))).toBe('AND(pay late)');
  });

  it('folds terms into words and keeps the notation as written', () => {
    const [first] = queryTerms(parseQuery('No-Show*'));
    expect(first?.term).toMatchObject({
      notation: 'No-Show*',
      words: ['no', 'show'],
      prefix: true,
    });
  });

  it('marks terms under NOT as negated, twice negated as not', () => {
    const terms = queryTerms(parseQuery('a -b NOT (c -d)'));
    expect(terms.map((t) => `${t.term.notation}:${t.negated}`)).toEqual([
      'a:false',
      'b:true',
      'c:true',
      'd:false',
    ]);
  });

  it('evaluates with the occurrences it is given', () => {
    const root = parseQuery('tip* -refund');
    expect(evaluateQuery(root, (t) => t.notation === 'tip*')).toBe(true);
    expect(evaluateQuery(root, () => true)).toBe(false);
  });

  it.each([
    ['"not paid', 1, 'unclosed quote'],
    ['pay OR', 7, 'expected a term'],
    ['(pay late', 10, "expected ')'"],
    ['pay ()', 6, 'empty parentheses'],
    ['pay)', 4, "unexpected ')'"],
    ['ti*p', 3, "'*' may only end a term"],
    ['ti*', 1, 'too short'],
    ['🚗', 1, 'no letters or digits'],
    ['', 1, 'the query is empty'],
    ['pay NEAR/3 late', 5, 'NEAR/n is not supported'],
  ])('rejects %j at column %i (%s)', (query, position, problem) => {
    const error = syntaxError(query);
    expect(error.position).toBe(position);
    expect(error.message).toContain(problem);
    expect(error.message).toContain(`column ${position}`);
  });
});
