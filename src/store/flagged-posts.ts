import type { PostStatus, SentimentLabel, SourceName } from '../types.js';
import type { Db } from './open-database.js';

export interface FlaggedPost {
  id: number;
  source: SourceName;
  url: string;
  community: string;
  createdAt: Date;
  lang: string;
  title: string | null;
  text: string;
  sentiment: SentimentLabel;
  status: PostStatus;
  statusBy: string | null;
  statusAt: Date | null;
  owner: string | null;
  categories: Array<{ id: string; matched: string[] }>;
}

export interface FlaggedPosts {
  get(postId: number): FlaggedPost | null;
  /** Sets the status; returns false when the post is gone (purged or deleted). */
  setStatus(postId: number, status: PostStatus, by: string, at: Date): boolean;
  setOwner(postId: number, owner: string): boolean;
}

interface Row {
  id: number;
  source: SourceName;
  url: string;
  community: string;
  created_at: number;
  lang: string;
  title: string | null;
  text: string;
  sentiment_label: SentimentLabel;
  status: PostStatus;
  status_by: string | null;
  status_at: number | null;
  owner: string | null;
  categories: string;
}

export function createFlaggedPosts(db: Db): FlaggedPosts {
  const select = db.prepare(`
    SELECT p.*, (SELECT json_group_array(json_object('id', c.category, 'matched', json(c.matched)))
                   FROM post_categories c WHERE c.post_id = p.id) AS categories
      FROM posts p WHERE p.id = ?`);
  const status = db.prepare(
    'UPDATE posts SET status = ?, status_by = ?, status_at = ? WHERE id = ?',
  );
  const owner = db.prepare('UPDATE posts SET owner = ? WHERE id = ?');
  return {
    get(postId) {
      const row = select.get(postId) as Row | undefined;
      if (!row) return null;
      return {
        id: row.id,
        source: row.source,
        url: row.url,
        community: row.community,
        createdAt: new Date(row.created_at),
        lang: row.lang,
        title: row.title,
        text: row.text,
        sentiment: row.sentiment_label,
        status: row.status,
        statusBy: row.status_by,
        statusAt: row.status_at === null ? null : new Date(row.status_at),
        owner: row.owner,
        categories: JSON.parse(row.categories) as FlaggedPost['categories'],
      };
    },
    setStatus: (postId, value, by, at) => status.run(value, by, at.getTime(), postId).changes > 0,
    setOwner: (postId, value) => owner.run(value, postId).changes > 0,
  };
}
