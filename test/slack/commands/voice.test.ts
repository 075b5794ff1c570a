import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATA_DIR, loadConfig } from '../../../src/config/load-config.js';
import { handleVoice } from '../../../src/slack/commands/voice.js';
import type { VoiceContext } from '../../../src/slack/commands/voice-context.js';
import { openDatabase } from '../../../src/store/open-database.js';
import { createOptOuts } from '../../../src/store/opt-outs.js';
import { createPostStore } from '../../../src/store/posts.js';
import { createSourceHealthStore } from '../../../src/store/source-health.js';
import { captureLogger, defaultTaxonomy, makePost, tempDir } from '../../helpers.js';

const NOW = new Date('2026-12-01T12:00:00Z');

function context(env: Record<string, string> = {}): VoiceContext {
  const db = openDatabase(':memory:');
  const store = createPostStore(db);
  for (let i = 0; i < 12; i++) {
    store.insertMany(
      [
        {
          post: makePost({
            text: `Tips missing again, week ${i}`,
            createdAt: new Date(NOW.getTime() - i * 3_600_000),
          }),
          categories: [
            { id: 'pay', name: 'Pay', priority: 'normal', subcategories: [], matched: ['tips'] },
          ],
          lang: 'en',
          sentiment: { score: -1, label: 'negative' },
        },
      ],
      NOW,
    );
  }
  db.prepare("UPDATE posts SET status = 'dismissed' WHERE id = 1").run();
  const config = loadConfig(env, { file: path.join(BUNDLED_DATA_DIR, 'config.example.yml') });
  return { db, config, taxonomy: defaultTaxonomy(), now: () => NOW, log: captureLogger().log };
}

const textOf = (reply: { text: string; blocks?: unknown[] }) =>
  `${reply.text}\n${JSON.stringify(reply.blocks ?? [])}`;
const lead = { userId: 'U0000LEAD' };
const admin = { userId: 'U0000ADMIN' };

describe('/voice', () => {
  it('searches with filters and pages with a More button', () => {
    const ctx = context();
    const reply = handleVoice(
      ctx,
      lead,
      'search tips in:pay since:7d lang:en source:reddit status:open',
    );
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('Results 1–5');
    expect(textOf(reply)).toContain('"action_id":"dv_search_more"');
  });

  it.each([
    ['', 'driver-voice help'],
    ['help', '/voice search'],
    ['dance', "I don't know `dance`"],
    ['search', 'What should I look for?'],
    ['search in:wages tips', '`in:wages` is not a category'],
    ['search tips since:forever', '`since:forever` is not a duration'],
    ['search tips status:closed', '`status:closed` is not a status'],
    ['search tips source:facebook', '`source:facebook` is not a source'],
    ['search "(" AND * :', 'Type at least one word'],
    ['search 🚚💸', 'Type at least one word'],
    [`search ${'tips '.repeat(2000)}`, 'at most 32 words'],
    ['stats forever', 'give a period of at least a day'],
    ['optout reddit:someone', 'is for driver-voice admins'],
  ])('answers %j helpfully', (text, expected) => {
    expect(textOf(handleVoice(context(), lead, text))).toContain(expected);
  });

  it('never throws, whatever is typed', () => {
    const ctx = context();
    const alphabet = [
      'search',
      'stats',
      'in:',
      'since:',
      '"',
      '(',
      ')',
      '*',
      'OR',
      '-',
      '<!channel>',
      '💸',
      'ñ',
      ':',
      '\\',
      '7d',
      'tips',
    ];
    let seed = 3;
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: 1 + (i % 8) }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return alphabet[seed % alphabet.length];
      });
      const reply = handleVoice(ctx, lead, words.join(i % 2 ? ' ' : ''));
      expect(reply.response_type).toBe('ephemeral');
      expect(textOf(reply)).not.toMatch(/\n\s+at |SqliteError|fts5/);
    }
  });

  it('shows stats per category with change, precision and open items', () => {
    const reply = handleVoice(context(), lead, 'stats 7d');
    expect(textOf(reply)).toMatch(/`pay +` +12 posts +new +precision +92% +open 11/);
  });

  it('shows each source state and the X budget', () => {
    const ctx = context();
    createSourceHealthStore(ctx.db).failed(
      'reddit',
      'failing',
      'Reddit answered 403 (quarantined)',
      NOW,
    );
    const text = textOf(handleVoice(ctx, lead, 'health'));
    expect(text).toContain('*reddit*: failing');
    expect(text).toContain('Reddit answered 403 (quarantined)');
    expect(text).toContain('X read budget: 0 of 10000');
  });

  it('lists owners and channels, with the language override', () => {
    const text = textOf(handleVoice(context(), lead, 'owners'));
    expect(text).toContain('*Safety* (`safety`) → <#C0000SAFETY>, <@U0000SAFETY>');
    expect(text).toContain('posts in `es` → <#C0000ESPANA>');
  });

  it('lets an admin opt an author out, storing only a keyed hash and auditing without the name', () => {
    const ctx = context({ DRIVER_VOICE_SECRET: 'a-long-test-secret' });
    expect(textOf(handleVoice(ctx, admin, 'optout reddit:Some_Driver'))).toContain('Done');
    expect(textOf(handleVoice(ctx, admin, 'optout u/some_driver'))).toContain('Give the author as');
    expect(textOf(handleVoice(ctx, admin, 'optout reddit:u/some_driver'))).toContain(
      'already opted out',
    );
    const everything =
      JSON.stringify(ctx.db.prepare('SELECT * FROM opt_outs').all()) +
      JSON.stringify(ctx.db.prepare('SELECT * FROM audit').all());
    expect(everything.toLowerCase()).not.toContain('some_driver');
    expect(createOptOuts(ctx.db, 'a-long-test-secret').has('reddit:some_driver')).toBe(true);
  });

  it('asks for the secret before storing opt-outs', () => {
    expect(textOf(handleVoice(context(), admin, 'optout x:someone'))).toContain(
      'DRIVER_VOICE_SECRET',
    );
  });

  it('writes searches and admin actions to the audit table', () => {
    const ctx = context({ DRIVER_VOICE_SECRET: 'a-long-test-secret' });
    handleVoice(ctx, lead, 'search tips');
    handleVoice(ctx, admin, 'optout x:someone');
    expect(ctx.db.prepare('SELECT actor, action FROM audit ORDER BY id').all()).toEqual([
      { actor: 'U0000LEAD', action: 'search' },
      { actor: 'U0000ADMIN', action: 'optout' },
    ]);
  });

  it('cuts a config without routing to a plain note for owners', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.yml'), 'storage:\n  path: dv.db\n');
    const ctx = { ...context(), config: loadConfig({}, { file: path.join(dir, 'c.yml') }) };
    expect(textOf(handleVoice(ctx, lead, 'owners'))).toContain('No routing is configured');
  });
});
