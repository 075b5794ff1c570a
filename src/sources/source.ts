import type { Post } from '../types.js';

/** A post as a source delivers it: the author is present only here, for the opt-out check, and never stored. */
export interface IncomingPost {
  post: Post;
  /** `reddit:<name>` or `x:<id>`; dropped once the opt-out check has run. */
  author?: string;
}

export interface PollResult {
  /** New posts, oldest first, each once. */
  posts: IncomingPost[];
  /** Where the next poll starts; saved only after `posts` are stored. */
  cursor: string | null;
  /** HTTP requests this poll made, for the cycle log and the rate budget. */
  requests: number;
  /** Posts read from the source (what X bills), kept or not. */
  reads: number;
  /** The source asked not to be polled again for this long (a spent rate-limit window). */
  waitMs?: number;
  /** More was new than one poll may read (the oldest of it was skipped): poll again at once. */
  behind?: boolean;
}

export interface PollOptions {
  signal?: AbortSignal;
  /** Read back to this time instead of starting from now when there is no cursor. */
  backfillSince?: Date;
  /** Called with how far a backfill has got, for a progress display. */
  onProgress?: (progress: { pages: number; posts: number; oldest: Date | null }) => void;
}

/**
 * One public source. `poll` reads what is new since `cursor`, never backfills
 * unless asked, and throws a SourceError (never returns empty) when it could
 * not read: a 403 is not "no new posts".
 */
export interface Source {
  readonly name: 'reddit' | 'x';
  poll(cursor: string | null, options?: PollOptions): Promise<PollResult>;
  /**
   * Looks stored posts up again at the source, at most 100 per request.
   * `gone`: deleted or removed by their author (or no longer there);
   * `authors`: the authors of those still there, for opt-outs, never stored.
   * Throws a SourceError when it could not tell: nothing is then removed.
   */
  recheck(externalIds: readonly string[]): Promise<RecheckResult>;
}

export interface RecheckResult {
  gone: string[];
  authors: Map<string, string>;
  /** Posts read (what X bills). */
  reads: number;
}
