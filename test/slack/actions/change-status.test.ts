import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { changeStatus } from '../../../src/slack/actions/change-status.js';
import { reassign } from '../../../src/slack/actions/reassign.js';
import type { VoiceContext } from '../../../src/slack/commands/voice-context.js';
import { openDatabase } from '../../../src/store/open-database.js';
import { createOutbox } from '../../../src/store/outbox.js';
import { createPostStore } from '../../../src/store/posts.js';
import { captureLogger, defaultTaxonomy, makePost, tempDir } from '../../helpers.js';

const NOW = new Date('2026-12-01T12:00:00Z');

function setUp(): VoiceContext & { outboxId: number } {
  const db = openDatabase(':memory:');
  const outbox = createOutbox(db);
  createPostStore(db, {
    onStored: (id) =>
      outbox.enqueue(
        id,
        [{ channel: 'C0000APPOPS', owner: 'U0000APPLEAD', categories: ['app'] }],
        NOW,
      ),
  }).insertMany(
    [
      {
        post: makePost({ text: 'The app crashed' }),
        categories: [
          { id: 'app', name: 'App', priority: 'normal', subcategories: [], matched: ['app'] },
        ],
        lang: 'en',
        sentiment: { score: -1, label: 'negative' },
      },
    ],
    NOW,
  );
  const outboxId = db.prepare('SELECT id FROM outbox').pluck().get() as number;
  return {
    db,
    config: loadConfig({}, { cwd: tempDir() }),
    taxonomy: defaultTaxonomy(),
    now: () => NOW,
    log: captureLogger().log,
    outboxId,
  };
}

const status = (ctx: VoiceContext) => ctx.db.prepare('SELECT status, status_by FROM posts').get();

describe('the status buttons', () => {
  it('acknowledge, then resolve, updating the message with who and when', () => {
    const ctx = setUp();
    const acknowledged = changeStatus(ctx, {
      outboxId: ctx.outboxId,
      userId: 'U0000LEAD',
      action: 'acknowledge',
    });
    expect(status(ctx)).toEqual({ status: 'acknowledged', status_by: 'U0000LEAD' });
    expect(JSON.stringify(acknowledged.update)).toContain('status: Acknowledged by <@U0000LEAD>');
    changeStatus(ctx, { outboxId: ctx.outboxId, userId: 'U0000OTHER', action: 'resolve' });
    expect(status(ctx)).toEqual({ status: 'resolved', status_by: 'U0000OTHER' });
  });

  it('handles a double click with a note, not an error', () => {
    const ctx = setUp();
    changeStatus(ctx, { outboxId: ctx.outboxId, userId: 'U0000LEAD', action: 'acknowledge' });
    const again = changeStatus(ctx, {
      outboxId: ctx.outboxId,
      userId: 'U0000LEAD',
      action: 'acknowledge',
    });
    expect(again).toEqual({ ephemeral: 'This post is already acknowledged by <@U0000LEAD>.' });
  });

  it('counts "Not relevant" as dismissed', () => {
    const ctx = setUp();
    changeStatus(ctx, { outboxId: ctx.outboxId, userId: 'U0000LEAD', action: 'dismiss' });
    expect(status(ctx)).toMatchObject({ status: 'dismissed' });
  });

  it('explains a click on a post purged since, and replaces its message with a stub', () => {
    const ctx = setUp();
    ctx.db.prepare('DELETE FROM posts').run();
    const outcome = changeStatus(ctx, {
      outboxId: ctx.outboxId,
      userId: 'U0000LEAD',
      action: 'resolve',
    });
    expect(outcome.ephemeral).toContain('no longer stored');
    expect(JSON.stringify(outcome.update)).toContain('purged');
  });

  it('audits every change', () => {
    const ctx = setUp();
    changeStatus(ctx, { outboxId: ctx.outboxId, userId: 'U0000LEAD', action: 'acknowledge' });
    expect(ctx.db.prepare('SELECT actor, action FROM audit').all()).toEqual([
      { actor: 'U0000LEAD', action: 'acknowledge' },
    ]);
  });
});

describe('the Reassign select', () => {
  it('changes the owner, mentions them in the message and in the thread', () => {
    const ctx = setUp();
    const outcome = reassign(ctx, {
      outboxId: ctx.outboxId,
      userId: 'U0000LEAD',
      newOwner: 'U0000NEWONE',
    });
    expect(JSON.stringify(outcome.update)).toContain('owner <@U0000NEWONE>');
    expect(outcome.threadNote).toBe('Reassigned to <@U0000NEWONE> by <@U0000LEAD>.');
    expect(ctx.db.prepare('SELECT owner FROM outbox').pluck().get()).toBe('U0000NEWONE');
  });

  it('says so when the person already owns it', () => {
    const ctx = setUp();
    expect(
      reassign(ctx, { outboxId: ctx.outboxId, userId: 'U0000LEAD', newOwner: 'U0000APPLEAD' })
        .ephemeral,
    ).toContain('already owns');
  });
});
