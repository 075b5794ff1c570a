import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  buildFlaggedMessage,
  buildRemovedMessage,
  LIMITS,
} from '../../src/slack/blocks.js';
import { escapeText, truncate } from '../../src/slack/escape-text.js';
import type { FlaggedPost } from '../../src/store/flagged-posts.js';

const NOW = new Date('2026-12-01T12:00:00Z');
function post(text: string, overrides: Partial<FlaggedPost> = {}): FlaggedPost {
  return {
    id: 1,
    source: 'reddit',
    url: 'https://www.reddit.com/r/AmazonFlexDrivers/comments/abc/post/',
    community: 'AmazonFlexDrivers',
    createdAt: new Date('2026-12-01T09:00:00Z'),
    lang: 'en',
    title: 'Scanner broken',
    text,
    sentiment: 'negative',
    status: 'open',
    statusBy: null,
    statusAt: null,
    owner: null,
    categories: [],
    ...overrides,
  };
}
const categories = [
  { id: 'safety', name: 'Safety', priority: 'high' as const, matched: ['unsafe', 'dog bite'] },
  { id: 'app', name: 'App & devices', priority: 'normal' as const, matched: ['app'] },
];

function sectionTexts(blocks: unknown[]): string[] {
  return (
    blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Array<{ text?: string | { text: string } }>;
    }>
  ).flatMap((b) => [
    ...(b.text ? [b.text.text] : []),
    ...(b.elements ?? []).flatMap((e) =>
      typeof e.text === 'string' ? [e.text] : e.text ? [e.text.text] : [],
    ),
  ]);
}

describe('buildFlaggedMessage', () => {
  it('shows categories, priority, owner, excerpt, community, age, language, sentiment and matched terms', () => {
    const { text, blocks } = buildFlaggedMessage({
      outboxId: 7,
      post: post('The app crashed'),
      categories,
      ownerId: 'U0000SAFETY',
      now: NOW,
    });
    const all = sectionTexts(blocks).join('\n');
    expect(all).toContain('*Safety* · *App &amp; devices*');
    expect(all).toContain('high priority');
    expect(all).toContain('<@U0000SAFETY>');
    expect(all).toContain('*Scanner broken*\nThe app crashed');
    expect(all).toContain('r/AmazonFlexDrivers · 3 h ago · en · negative');
    expect(all).toContain('`unsafe`, `dog bite`, `app`');
    expect(text).toBe('[Safety, App & devices] Scanner broken');
  });

  it('has the five buttons, carrying the message id', () => {
    const { blocks } = buildFlaggedMessage({
      outboxId: 7,
      post: post('x'),
      categories,
      ownerId: null,
      now: NOW,
    });
    const actions = (
      blocks as Array<{
        type: string;
        elements?: Array<{ action_id: string; value?: string; url?: string }>;
      }>
    ).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([
      ACTIONS.acknowledge,
      ACTIONS.resolve,
      ACTIONS.reassign,
      ACTIONS.dismiss,
      ACTIONS.open,
    ]);
    expect(actions.elements!.filter((e) => e.value).map((e) => e.value)).toEqual(['7', '7', '7']);
    expect(actions.elements!.at(-1)!.url).toBe(
      'https://www.reddit.com/r/AmazonFlexDrivers/comments/abc/post/',
    );
  });

  it('escapes what the post says so that it pings nobody', () => {
    const { text, blocks } = buildFlaggedMessage({
      outboxId: 1,
      post: post('<!channel> <!here> <@U123> <https://evil|click> & co', { title: '<!everyone>' }),
      categories,
      ownerId: 'U0000SAFETY',
      now: NOW,
    });
    const all = JSON.stringify(blocks) + text;
    expect(all).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>|<https:\/\/evil/);
    expect(all).toContain(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; co',
    );
  });

  it('fits Slack limits for posts of 0 to 40,000 characters', () => {
    for (const length of [0, 1, 2799, 2800, 2801, 3000, 3001, 10_000, 40_000]) {
      for (const char of ['a', '&', '<', 'é', '🚚']) {
        const { text, blocks } = buildFlaggedMessage({
          outboxId: 1,
          post: post(char.repeat(length), { title: char.repeat(Math.min(length, 1000)) }),
          categories,
          ownerId: 'U1',
          now: NOW,
        });
        expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
        for (const section of sectionTexts(blocks))
          expect(section.length, `${length}×${char}`).toBeLessThanOrEqual(LIMITS.sectionText);
        expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
        const buttons = JSON.stringify(blocks).match(/"plain_text","text":"[^"]*"/g) ?? [];
        for (const button of buttons)
          expect(button.length - 26).toBeLessThanOrEqual(LIMITS.buttonText);
      }
    }
  });

  it('says who changed the status and when', () => {
    const { blocks } = buildFlaggedMessage({
      outboxId: 1,
      post: post('x', { status: 'acknowledged', statusBy: 'U0000LEAD', statusAt: NOW }),
      categories,
      ownerId: null,
      now: NOW,
    });
    expect(sectionTexts(blocks).join()).toMatch(
      /status: Acknowledged by <@U0000LEAD> <!date\^\d+\^/,
    );
  });

  it('replaces a removed post with a stub without its text', () => {
    expect(JSON.stringify(buildRemovedMessage('author'))).toContain('removed by its author');
  });
});

describe('escapeText and truncate', () => {
  it('escapes only &, < and >', () => {
    expect(escapeText(`<a & b> "c" 'd' *e*`)).toBe(`&lt;a &amp; b&gt; "c" 'd' *e*`);
  });

  it('never cuts inside an escape sequence', () => {
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });
});
