import type { Writable } from 'node:stream';
import { SearchQueryError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Db } from '../store/open-database.js';
import { searchPosts } from '../store/search-posts.js';
import { parseDuration } from './parse-duration.js';

export interface SearchCommandOptions {
  query: string;
  in?: string | undefined;
  since?: string | undefined;
  limit?: string | undefined;
  json?: boolean | undefined;
}

export interface SearchCommandDeps {
  db: Db;
  output: Writable;
  categoryIds: readonly string[];
  now: () => Date;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `driver-voice search <query> [--in CAT] [--since 7d] [--limit N] [--json]`; every search is audited. */
export function runSearchCommand(options: SearchCommandOptions, deps: SearchCommandDeps): number {
  if (options.in !== undefined && !deps.categoryIds.includes(options.in)) {
    throw new SearchQueryError(
      `Unknown category "${options.in}" for --in; use one of: ${deps.categoryIds.join(', ')}.`,
    );
  }
  let sinceMs: number | null = null;
  if (options.since !== undefined) {
    sinceMs = parseDuration(options.since);
    if (sinceMs === null)
      throw new SearchQueryError(
        `--since takes a duration such as 24h, 7d or 2w; got "${options.since}".`,
      );
  }
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new SearchQueryError(
      `--limit takes a whole number from 1 to 100; got "${options.limit}".`,
    );
  }
  const now = deps.now();
  const result = searchPosts(deps.db, {
    text: options.query,
    category: options.in,
    since: sinceMs === null ? undefined : new Date(now.getTime() - sinceMs),
    limit,
    now,
  });
  recordAudit(deps.db, {
    at: now,
    actor: 'cli',
    action: 'search',
    detail: {
      query: options.query.slice(0, 500),
      in: options.in ?? null,
      since: options.since ?? null,
      results: result.hits.length,
    },
  });

  if (options.json) {
    for (const hit of result.hits)
      deps.output.write(`${JSON.stringify({ ...hit, createdAt: hit.createdAt.toISOString() })}\n`);
    return 0;
  }
  if (result.hits.length === 0) {
    deps.output.write(`No stored posts match ${result.terms.map((t) => `"${t}"`).join(' ')}.\n`);
    return 0;
  }
  for (const hit of result.hits) {
    const where = hit.source === 'reddit' ? `r/${hit.community}` : 'X';
    deps.output.write(
      `${hit.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  [${hit.categories.join(', ')}]  ${where}  ${hit.lang}  ${hit.status}\n` +
        `  ${oneLine(hit.excerpt)}\n  ${hit.url}\n`,
    );
  }
  if (result.more) deps.output.write(`More results exist; raise --limit or narrow the query.\n`);
  return 0;
}
