/** The shared vocabulary of every pipeline stage. */

export type SourceName = 'reddit' | 'x';
export type PostKind = 'post' | 'comment' | 'tweet';

/** A public post as it flows through the pipeline. It never carries an author. */
export interface Post {
  source: SourceName;
  externalId: string;
  url: string;
  /** Subreddit name, or `x` for X. */
  community: string;
  kind: PostKind;
  createdAt: Date;
  /** ISO 639-1 code when the source tags it, else `und` until detected. */
  lang: string;
  title?: string;
  text: string;
}

export type Priority = 'high' | 'normal' | 'low';
export type PostStatus = 'open' | 'acknowledged' | 'resolved' | 'dismissed';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** Comparative score: sum of word scores divided by the number of words. */
  score: number;
  label: SentimentLabel;
}

/** One category a post matched, and the query terms that made it match. */
export interface CategoryMatch {
  id: string;
  name: string;
  priority: Priority;
  /** Subcategory ids that matched as well, e.g. `tips` under `pay`. */
  subcategories: string[];
  /** Terms in query notation (`tip*`, `"not paid"`), in the order of the query. */
  matched: string[];
}

/** What happened to a post in the classify stage. A guard drop carries nothing else. */
export type Classification = { dropped: true } | { dropped: false; categories: CategoryMatch[] };

/** A post that passed the guard and matched at least one category, ready to store. */
export interface ClassifiedPost {
  post: Post;
  categories: CategoryMatch[];
  lang: string;
  sentiment: Sentiment;
}
