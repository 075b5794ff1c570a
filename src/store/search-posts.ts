import type { PostStatus, SourceName } from '../types.js';
import { buildFtsQuery } from './build-fts-query.js';
import type { Db } from './open-database.js';

export interface SearchRequest {
  text: string;
  category?: string | undefined;
  since?: Date | undefined;
  lang?: string | undefined;
  source?: SourceName | undefined;
  status?: PostStatus | undefined;
  limit?: number;
  offset?: number;
  now: Date;
  /** Markers around matched words in the excerpt (Slack wants `*`, a terminal may want nothing). */
  highlight?: { open: string; close: string };
}

export interface SearchHit {
  id: number;
  source: SourceName;
  url: string;
  community: string;
  createdAt: Date;
  lang: string;
  status: PostStatus;
  sentiment: string;
  categories: string[];
  excerpt: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when another page exists after this one. */
  more: boolean;
  terms: string[];
}

/** Weight of recency against bm25: a post from today gains about as much as one more matching word. */
const RECENCY_WEIGHT = 2.0;
const DAY_MS = 86_400_000;
/**
 * Ranking looks at the most recent matches only (posts are stored in arrival
 * order), so a word found in 300,000 posts costs what one found in 500
 * does: the answer is the most relevant of the latest 500 matches.
 */
const RANKING_WINDOW = 500;

/**
 * Full-text search over stored posts: FTS5 bm25 (title counts double) plus a
 * recency bonus that halves after a week. User text never reaches FTS5 as
 * syntax (see buildFtsQuery); a bad request throws SearchQueryError.
 */
/**
 * The first post that arrived since `since`. A post arrives after it is
 * created and ids grow with arrival, so every post created since then has an
 * id at least this one's: the search index can skip everything older.
 */
function firstIdSince(db: Db, since: Date | undefined): number {
  if (!since) return 0;
  const id = db
    .prepare('SELECT id FROM posts WHERE ingested_at >= ? ORDER BY ingested_at LIMIT 1')
    .pluck()
    .get(since.getTime()) as number | undefined;
  return id ?? Number.MAX_SAFE_INTEGER;
}

export function searchPosts(db: Db, request: SearchRequest): SearchResult {
  const { match, terms } = buildFtsQuery(request.text);
  const limit = Math.min(Math.max(request.limit ?? 10, 1), 100);
  const offset = Math.max(request.offset ?? 0, 0);
  const highlight = request.highlight ?? { open: '', close: '' };
  // Phase 1 ranks the latest matches and reads only what ranking needs; phase 2
  // builds excerpts and category lists for the page alone.
  const ranked = db
    .prepare(
      `WITH recent AS (
         SELECT posts_fts.rowid AS id, bm25(posts_fts, 2.0, 1.0) AS relevance, p.created_at AS createdAt
           FROM posts_fts
           JOIN posts p ON p.id = posts_fts.rowid
          WHERE posts_fts MATCH @match
            AND posts_fts.rowid >= CAST(@firstId AS INTEGER)
            AND (@category IS NULL OR EXISTS (SELECT 1 FROM post_categories c WHERE c.post_id = p.id AND c.category = @category))
            AND (@since IS NULL OR p.created_at >= @since)
            AND (@lang IS NULL OR p.lang = @lang)
            AND (@source IS NULL OR p.source = @source)
            AND (@status IS NULL OR p.status = @status)
          ORDER BY posts_fts.rowid DESC
          LIMIT @window)
       SELECT id FROM recent
        ORDER BY relevance - @weight / (1.0 + (@now - createdAt) / (7.0 * ${DAY_MS}))
        LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({
      match,
      category: request.category ?? null,
      since: request.since?.getTime() ?? null,
      lang: request.lang ?? null,
      source: request.source ?? null,
      status: request.status ?? null,
      weight: RECENCY_WEIGHT,
      now: request.now.getTime(),
      limit: limit + 1,
      offset,
      window: RANKING_WINDOW,
      firstId: firstIdSince(db, request.since),
    }) as number[];

  const excerpt = db
    .prepare(
      `SELECT snippet(posts_fts, 1, @open, @close, '…', 32) FROM posts_fts WHERE posts_fts MATCH @match AND rowid = CAST(@id AS INTEGER)`,
    )
    .pluck();
  const post = db.prepare(
    `SELECT p.id, p.source, p.url, p.community, p.created_at AS createdAt, p.lang, p.status, p.sentiment_label AS sentiment,
            (SELECT json_group_array(c.category) FROM post_categories c WHERE c.post_id = p.id) AS categories
       FROM posts p WHERE p.id = ?`,
  );
  const hits = ranked.slice(0, limit).flatMap((id) => {
    const row = post.get(id) as
      | (Omit<SearchHit, 'createdAt' | 'categories' | 'excerpt'> & {
          createdAt: number;
          categories: string;
        })
      | undefined;
    if (!row) return [];
    const text =
      (excerpt.get({ match, id, open: highlight.open, close: highlight.close }) as
        | string
        | undefined) ?? '';
    return [
      {
        ...row,
        excerpt: text,
        createdAt: new Date(row.createdAt),
        categories: JSON.parse(row.categories) as string[],
      },
    ];
  });
  return { hits, more: ranked.length > limit, terms };
}
