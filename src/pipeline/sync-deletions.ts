import { SourceError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import { buildRemovedMessage } from '../slack/blocks.js';
import type { SlackApi } from '../slack/slack-api.js';
import type { Source } from '../sources/source.js';
import type { Db } from '../store/open-database.js';
import type { OptOuts } from '../store/opt-outs.js';
import type { ReadBudget } from '../store/read-budget.js';
import { type PostedMessage, removePosts } from '../store/remove-posts.js';

export interface DeletionSyncReport {
  source: string;
  checked: number;
  removed: number;
  /** Set when the re-check failed: nothing of this source was removed. */
  error?: string;
}

/** Replaces the Slack messages of removed posts with a stub; a failure is logged, never thrown. */
export async function stubMessages(
  slack: SlackApi | null,
  messages: readonly PostedMessage[],
  reason: 'author' | 'retention',
  log: Logger,
): Promise<number> {
  if (!slack) return 0;
  let updated = 0;
  for (const message of messages) {
    try {
      await slack.update(message.channel, message.ts, buildRemovedMessage(reason));
      updated++;
    } catch (error) {
      log.warn(
        { err: error, channel: message.channel },
        "could not replace a removed post's Slack message",
      );
    }
  }
  return updated;
}

/**
 * Deleted means deleted: every stored post is looked up again at its source
 * (Reddit `/api/info`, X `/2/tweets`, 100 at a time). Posts deleted or
 * removed there, and posts by authors who opted out since, are removed from
 * the store and their Slack messages become "removed by its author". A
 * re-check that fails removes nothing.
 */
export async function syncDeletions(deps: {
  db: Db;
  sources: readonly Source[];
  budget: ReadBudget;
  optOuts: OptOuts | null;
  slack: SlackApi | null;
  log: Logger;
  now: () => Date;
}): Promise<DeletionSyncReport[]> {
  const reports: DeletionSyncReport[] = [];
  const idsOf = deps.db
    .prepare('SELECT external_id FROM posts WHERE source = ? ORDER BY id')
    .pluck();
  for (const source of deps.sources) {
    const ids = idsOf.all(source.name) as string[];
    const report: DeletionSyncReport = { source: source.name, checked: ids.length, removed: 0 };
    if (ids.length === 0) {
      reports.push(report);
      continue;
    }
    try {
      const result = await source.recheck(ids);
      deps.budget.add(source.name, result.reads, deps.now());
      const optedOut = [...result.authors]
        .filter(([, author]) => deps.optOuts?.has(author))
        .map(([id]) => id);
      const removed = removePosts(deps.db, source.name, [
        ...new Set([...result.gone, ...optedOut]),
      ]);
      report.removed = removed.removed;
      await stubMessages(deps.slack, removed.messages, 'author', deps.log);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      report.error = error.message;
    }
    deps.log.info({ ...report }, 'deletion re-check');
    reports.push(report);
  }
  return reports;
}
