import type { CompiledTaxonomy } from '../classify/compile-taxonomy.js';
import { SlackError } from '../errors.js';
import type { Logger } from '../log/create-logger.js';
import type { Sleep } from '../sources/request-limiter.js';
import { createFlaggedPosts } from '../store/flagged-posts.js';
import type { Db } from '../store/open-database.js';
import { createOutbox, type OutboxRow } from '../store/outbox.js';
import { buildFlaggedMessage, type CategoryView } from './blocks.js';
import type { SlackApi } from './slack-api.js';

export interface DeliveryReport {
  sent: number;
  failed: number;
  pending: number;
}

export interface Dispatcher {
  /**
   * Posts every due message, at most one a second per channel. Keeps waiting
   * for deferred ones (429, backoff) while they fall due within `waitUpToMs`.
   */
  deliver(options?: { waitUpToMs?: number; signal?: AbortSignal }): Promise<DeliveryReport>;
  /** Checks that each channel is private and not shared outside; alerts the admin channel about any that is not. */
  checkChannels(channels: readonly string[]): Promise<Map<string, string | null>>;
  /** Posts a note to the admin channel once per key (stored), e.g. a failing source. */
  alertAdmins(key: string, text: string): Promise<void>;
}

export interface DispatcherDeps {
  db: Db;
  slack: SlackApi;
  taxonomy: CompiledTaxonomy;
  adminChannel: string | null;
  log: Logger;
  now: () => number;
  sleep: Sleep;
  /** Minimum time between two messages to one channel: Slack allows about one a second. */
  minIntervalMs?: number;
}

/** Failures of a whole channel: nothing will be posted there until the operator fixes it. */
const CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_not_private',
  'channel_shared_externally',
]);
const MAX_BACKOFF_MS = 10 * 60_000;

/** Turns category ids into what a message shows, with the taxonomy's names and priorities. */
export function categoryViews(
  taxonomy: CompiledTaxonomy,
  categories: ReadonlyArray<{ id: string; matched: string[] }>,
  only?: readonly string[],
): CategoryView[] {
  const rank = { high: 0, normal: 1, low: 2 } as const;
  return categories
    .filter((c) => !only || only.includes(c.id))
    .map((c) => {
      const known = taxonomy.categories.find((t) => t.id === c.id);
      return {
        id: c.id,
        name: known?.name ?? c.id,
        priority: known?.priority ?? 'normal',
        matched: c.matched,
      };
    })
    .sort((a, b) => rank[a.priority] - rank[b.priority]);
}

/**
 * The outbox dispatcher: at-least-once delivery of flagged posts to private
 * channels, with the owner resolved once per process (emails through
 * users.lookupByEmail), pacing per channel, Retry-After honoured, transient
 * failures retried with backoff, and permanent ones marked with one admin alert.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const outbox = createOutbox(deps.db);
  const posts = createFlaggedPosts(deps.db);
  // A little over a second, so that network jitter never lets two messages land within one.
  const minInterval = deps.minIntervalMs ?? 1100;
  const lastPostAt = new Map<string, number>();
  const channelProblems = new Map<string, string | null>();
  const owners = new Map<string, string | null>();
  const alertSeen = deps.db.prepare('SELECT 1 FROM alerts WHERE key = ?').pluck();
  const alertSave = deps.db.prepare('INSERT OR IGNORE INTO alerts (key, at) VALUES (?, ?)');
  let inFlight: Promise<DeliveryReport> | null = null;

  async function alertAdmins(key: string, text: string): Promise<void> {
    if (alertSeen.get(key)) return;
    alertSave.run(key, deps.now());
    deps.log.warn({ alert: key }, text);
    if (!deps.adminChannel) return;
    try {
      const problem = await channelProblem(deps.adminChannel);
      if (problem) {
        deps.log.error(
          { channel: deps.adminChannel, problem },
          'the admin channel cannot be used; alerts go to the log only',
        );
        return;
      }
      await deps.slack.post(deps.adminChannel, {
        text: `driver-voice: ${text}`,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${text}` } }],
      });
    } catch (error) {
      deps.log.error({ err: error }, 'could not alert the admin channel');
    }
  }

  async function channelProblem(channel: string): Promise<string | null> {
    if (channelProblems.has(channel)) return channelProblems.get(channel)!;
    let problem: string | null = null;
    try {
      const info = await deps.slack.channelInfo(channel);
      if (info.isArchived) problem = 'is_archived';
      else if (!info.isPrivate) problem = 'channel_not_private';
      else if (info.isExtShared) problem = 'channel_shared_externally';
    } catch (error) {
      if (!(error instanceof SlackError) || !error.permanent) throw error;
      problem = error.slackError;
    }
    channelProblems.set(channel, problem);
    return problem;
  }

  const explain = (channel: string, problem: string): string =>
    ({
      channel_not_private: `Channel ${channel} is public: driver-voice posts only to private channels. Make it private or route to another channel.`,
      channel_shared_externally: `Channel ${channel} is shared outside the workspace: driver-voice will not post there. Route to an internal private channel.`,
      channel_not_found: `Channel ${channel} does not exist or the bot cannot see it. Check the channel id in routing, and invite the bot.`,
      not_in_channel: `The bot is not a member of channel ${channel}: invite it with /invite @driver-voice.`,
      is_archived: `Channel ${channel} is archived: unarchive it or route to another channel.`,
    })[problem] ?? `Posting to ${channel} failed with ${problem}.`;

  async function failChannel(channel: string, problem: string): Promise<number> {
    const count = outbox.failChannel(channel, problem);
    await alertAdmins(
      `channel:${channel}:${problem}`,
      `${explain(channel, problem)} ${count} message(s) were not posted.`,
    );
    return count;
  }

  async function resolveOwner(owner: string | null): Promise<string | null> {
    if (!owner) return null;
    if (/^[UW][A-Z0-9]+$/.test(owner)) return owner;
    if (!owners.has(owner)) {
      const id = await deps.slack.lookupUserByEmail(owner);
      if (!id)
        deps.log.warn(
          'an owner email is not a member of this Slack workspace; posting without a mention',
        );
      owners.set(owner, id);
    }
    return owners.get(owner)!;
  }

  const retryLater = (row: OutboxRow, reason: string): void =>
    outbox.retryLater(
      row.id,
      deps.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (row.attempts + 1)),
      reason,
    );

  async function deliverRow(row: OutboxRow, report: DeliveryReport): Promise<void> {
    let problem: string | null;
    try {
      problem = await channelProblem(row.channel);
    } catch (error) {
      retryLater(row, error instanceof SlackError ? error.slackError : String(error));
      return;
    }
    if (problem) {
      report.failed += await failChannel(row.channel, problem);
      return;
    }
    const post = posts.get(row.postId);
    if (!post) {
      outbox.markFailed(row.id, 'post_gone');
      return;
    }
    lastPostAt.set(row.channel, deps.now());
    const message = buildFlaggedMessage({
      outboxId: row.id,
      post,
      categories: categoryViews(deps.taxonomy, post.categories, row.categories),
      ownerId: await resolveOwner(row.owner),
      now: new Date(deps.now()),
    });
    try {
      const { ts } = await deps.slack.post(row.channel, message);
      outbox.markSent(row.id, ts, new Date(deps.now()));
      report.sent++;
    } catch (error) {
      if (!(error instanceof SlackError)) throw error;
      if (error.retryAfterMs !== undefined) {
        outbox.deferChannel(row.channel, deps.now() + error.retryAfterMs);
        deps.log.info(
          { channel: row.channel, retryAfterMs: error.retryAfterMs },
          'Slack asked to wait',
        );
      } else if (error.permanent && CHANNEL_ERRORS.has(error.slackError)) {
        channelProblems.set(row.channel, error.slackError);
        report.failed += await failChannel(row.channel, error.slackError);
      } else if (error.permanent) {
        outbox.markFailed(row.id, error.slackError);
        report.failed++;
        await alertAdmins(
          `post:${error.slackError}`,
          `Slack refused a message with ${error.slackError}; check the bot token and scopes.`,
        );
      } else {
        retryLater(row, error.slackError);
      }
    }
  }

  async function deliverDue(options: {
    waitUpToMs?: number;
    signal?: AbortSignal;
  }): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, pending: 0 };
    const deadline = deps.now() + (options.waitUpToMs ?? 0);
    while (!options.signal?.aborted) {
      const rows = outbox.nextPerChannel(new Date(deps.now()));
      if (rows.length === 0) {
        const next = outbox.nextDueAt();
        if (next === null || next > deadline) break;
        await deps.sleep(Math.max(0, next - deps.now()));
        continue;
      }
      // Round robin over channels: post the next message of a channel that may take one now,
      // and wait only when every channel with messages has had one within the last second.
      const waiting = [...rows];
      while (waiting.length > 0) {
        if (options.signal?.aborted) break;
        const readyAt = (channel: string) => (lastPostAt.get(channel) ?? 0) + minInterval;
        const index = waiting.findIndex((r) => readyAt(r.channel) <= deps.now());
        if (index === -1) {
          await deps.sleep(
            Math.max(1, Math.min(...waiting.map((r) => readyAt(r.channel))) - deps.now()),
          );
          continue;
        }
        const [row] = waiting.splice(index, 1);
        const current = outbox.get(row!.id);
        if (current?.status !== 'pending' || current.nextAttemptAt > deps.now()) continue;
        try {
          await deliverRow(current, report);
        } catch (error) {
          deps.log.error(
            { err: error, outboxId: current.id },
            'unexpected failure while delivering; retrying later',
          );
          retryLater(current, 'unexpected_error');
        }
      }
    }
    report.pending = outbox.pendingCount();
    if (report.sent + report.failed > 0) deps.log.info(report, 'delivery');
    return report;
  }

  return {
    alertAdmins,
    async checkChannels(channels) {
      const result = new Map<string, string | null>();
      for (const channel of new Set(channels)) {
        const problem = await channelProblem(channel);
        result.set(channel, problem);
        if (problem) await failChannel(channel, problem);
      }
      return result;
    },
    deliver(options = {}) {
      // One delivery at a time: two loops posting at once would break the pacing per channel.
      inFlight ??= deliverDue(options).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
