import { QuerySyntaxError } from '../errors.js';
import { foldWords } from './fold-text.js';

/**
 * The taxonomy query language: `tip* ("not paid" OR "missing pay" OR unpaid) -"no tip" NOT refund`.
 * Terms, `prefix*`, `"exact phrase"`, implicit AND, `AND`, `OR`, `-term` / `NOT term`,
 * parentheses. Matching is case- and accent-insensitive, on word boundaries.
 */
export type QueryNode =
  | { type: 'term'; term: QueryTerm }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

export interface QueryTerm {
  /** The term as written in the query, e.g. `tip*` or `"not paid"`. */
  notation: string;
  /** Folded words: `"No-show"` → `["no", "show"]`. */
  words: string[];
  prefix: boolean;
  /** 1-based column in the query. */
  position: number;
}

type Token =
  | { kind: '(' | ')' | 'OR' | 'AND' | 'NOT' | 'end'; position: number }
  | { kind: 'term'; term: QueryTerm };

function termFrom(query: string, raw: string, quoted: boolean, position: number): QueryTerm {
  const prefix = raw.endsWith('*');
  const body = prefix ? raw.slice(0, -1) : raw;
  const starAt = body.indexOf('*');
  if (starAt !== -1) {
    throw new QuerySyntaxError(
      query,
      position + starAt + (quoted ? 1 : 0),
      "'*' may only end a term",
    );
  }
  const words = foldWords(body);
  if (words.length === 0) {
    throw new QuerySyntaxError(
      query,
      position,
      `the term ${JSON.stringify(raw)} has no letters or digits`,
    );
  }
  if (words.some((word) => word.includes('\u00b7'))) {
    throw new QuerySyntaxError(
      query,
      position,
      `the term ${JSON.stringify(raw)} uses letters outside the Latin script, which the matcher does not support`,
    );
  }
  if (prefix && words[words.length - 1]!.length < 3) {
    throw new QuerySyntaxError(
      query,
      position,
      `the prefix ${JSON.stringify(raw)} is too short: give at least 3 letters before '*'`,
    );
  }
  return { notation: quoted ? `"${raw}"` : raw, words, prefix, position };
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    const position = i + 1;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char, position });
      i++;
    } else if (char === '"') {
      const close = query.indexOf('"', i + 1);
      if (close === -1) throw new QuerySyntaxError(query, position, 'unclosed quote');
      tokens.push({
        kind: 'term',
        term: termFrom(query, query.slice(i + 1, close), true, position),
      });
      i = close + 1;
    } else if (char === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!)) {
      tokens.push({ kind: 'NOT', position });
      i++;
    } else {
      let end = i;
      while (end < query.length && !/[\s()"]/.test(query[end]!)) end++;
      const word = query.slice(i, end);
      if (word === 'OR' || word === 'AND' || word === 'NOT') tokens.push({ kind: word, position });
      else if (/^NEAR\/\d+$/.test(word)) {
        throw new QuerySyntaxError(query, position, 'NEAR/n is not supported; use a phrase or AND');
      } else tokens.push({ kind: 'term', term: termFrom(query, word, false, position) });
      i = end;
    }
  }
  tokens.push({ kind: 'end', position: query.length + 1 });
  return tokens;
}

/** Parses one query; throws QuerySyntaxError with the column and what was expected. */
export function parseQuery(query: string): QueryNode {
  const tokens = tokenize(query);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const fail = (token: Token, problem: string): never => {
    throw new QuerySyntaxError(
      query,
      token.kind === 'term' ? token.term.position : token.position,
      problem,
    );
  };
  const describe = (token: Token): string =>
    token.kind === 'term'
      ? `term ${token.term.notation}`
      : token.kind === 'end'
        ? 'end of query'
        : `'${token.kind}'`;

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek().kind === 'OR') {
      at++;
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  function parseAnd(): QueryNode {
    const children = [parseUnary()];
    for (;;) {
      const next = peek();
      if (next.kind === 'AND') {
        at++;
        children.push(parseUnary());
      } else if (next.kind === 'term' || next.kind === 'NOT' || next.kind === '(') {
        children.push(parseUnary());
      } else break;
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  function parseUnary(): QueryNode {
    const token = peek();
    if (token.kind === 'NOT') {
      at++;
      return { type: 'not', child: parseUnary() };
    }
    if (token.kind === 'term') {
      at++;
      return { type: 'term', term: token.term };
    }
    if (token.kind === '(') {
      at++;
      if (peek().kind === ')') fail(peek(), 'empty parentheses');
      const inner = parseOr();
      if (peek().kind !== ')')
        fail(
          peek(),
          `expected ')' to close the '(' at column ${token.position}, found ${describe(peek())}`,
        );
      at++;
      return inner;
    }
    return fail(token, `expected a term, a phrase, '(' or NOT, found ${describe(token)}`);
  }

  if (peek().kind === 'end') fail(peek(), 'the query is empty');
  const root = parseOr();
  if (peek().kind !== 'end') fail(peek(), `unexpected ${describe(peek())}`);
  return root;
}

/** Every term of a query with whether it counts for a match (false under NOT). */
export function queryTerms(
  node: QueryNode,
  negated = false,
): Array<{ term: QueryTerm; negated: boolean }> {
  switch (node.type) {
    case 'term':
      return [{ term: node.term, negated }];
    case 'not':
      return queryTerms(node.child, !negated);
    default:
      return node.children.flatMap((child) => queryTerms(child, negated));
  }
}

/** Evaluates a query given which terms occur in the text. */
export function evaluateQuery(node: QueryNode, occurs: (term: QueryTerm) => boolean): boolean {
  switch (node.type) {
    case 'term':
      return occurs(node.term);
    case 'not':
      return !evaluateQuery(node.child, occurs);
    case 'and':
      return node.children.every((child) => evaluateQuery(child, occurs));
    case 'or':
      return node.children.some((child) => evaluateQuery(child, occurs));
  }
}
