import { describe, expect, it } from 'vitest';
import { runSearchCommand } from '../../src/cli/search-command.js';
import { SearchQueryError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/open-database.js';
import { createPostStore } from '../../src/store/posts.js';
import { captureStream, makePost } from '../helpers.js';

const NOW = new Date('2026-12-01T12:00:00Z');

function setup() {
  const db = openDatabase(':memory:');
  createPostStore(db).insertMany(
    [
      {
        post: makePost({
          text: 'Tips missing since Monday',
          createdAt: new Date('2026-11-30T08:00:00Z'),
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
  const output = captureStream();
  return { db, output, deps: { db, output, categoryIds: ['app', 'pay'], now: () => NOW } };
}

describe('runSearchCommand', () => {
  it('prints matching posts with date, categories, community, language, status and link', () => {
    const { deps, output } = setup();
    expect(runSearchCommand({ query: 'missing tips' }, deps)).toBe(0);
    expect(output.text()).toMatch(
      /^2026-11-30 08:00 {2}\[pay\] {2}r\/AmazonFlexDrivers {2}en {2}open\n {2}Tips missing since Monday\n {2}https:\/\/www\.reddit\.com\//,
    );
  });

  it('prints JSON lines with --json', () => {
    const { deps, output } = setup();
    runSearchCommand({ query: 'tips', json: true }, deps);
    expect(JSON.parse(output.text())).toMatchObject({
      categories: ['pay'],
      createdAt: '2026-11-30T08:00:00.000Z',
    });
  });

  it('says so when nothing matches', () => {
    const { deps, output } = setup();
    runSearchCommand({ query: 'scanner' }, deps);
    expect(output.text()).toBe('No stored posts match "scanner".\n');
  });

  it('explains a bad category, duration or limit', () => {
    const { deps } = setup();
    expect(() => runSearchCommand({ query: 'tips', in: 'wages' }, deps)).toThrow(
      /Unknown category "wages" for --in; use one of: app, pay/,
    );
    expect(() => runSearchCommand({ query: 'tips', since: 'last week' }, deps)).toThrow(
      /--since takes a duration such as 24h/,
    );
    expect(() => runSearchCommand({ query: 'tips', limit: '0' }, deps)).toThrow(SearchQueryError);
  });

  it('writes every search to the audit table', () => {
    const { db, deps } = setup();
    runSearchCommand({ query: 'tips', in: 'pay', since: '7d' }, deps);
    expect(db.prepare('SELECT actor, action, detail FROM audit').get()).toEqual({
      actor: 'cli',
      action: 'search',
      detail: JSON.stringify({ query: 'tips', in: 'pay', since: '7d', results: 1 }),
    });
  });
});
