import type { Logger } from '../log/create-logger.js';
import type { SlackApi } from '../slack/slack-api.js';
import type { Db } from '../store/open-database.js';
import { purgeOlderThan } from '../store/remove-posts.js';
import { stubMessages } from './sync-deletions.js';

const DAY_MS = 86_400_000;

/**
 * Retention: posts older than `retentionDays` are removed with everything
 * derived from them but the identity-free daily counts; their Slack messages
 * become a stub without the excerpt, unless the config says to leave them.
 */
export async function purgeExpired(deps: {
  db: Db;
  retentionDays: number;
  slackPolicy: 'stub' | 'leave';
  slack: SlackApi | null;
  log: Logger;
  now: () => Date;
}): Promise<{ removed: number; stubbed: number; cutoff: Date }> {
  const cutoff = new Date(deps.now().getTime() - deps.retentionDays * DAY_MS);
  const { removed, messages } = purgeOlderThan(deps.db, cutoff);
  const stubbed =
    deps.slackPolicy === 'stub'
      ? await stubMessages(deps.slack, messages, 'retention', deps.log)
      : 0;
  deps.log.info({ removed, stubbed, cutoff: cutoff.toISOString() }, 'retention purge');
  return { removed, stubbed, cutoff };
}
