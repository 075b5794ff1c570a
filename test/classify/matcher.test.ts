import { describe, expect, it } from 'vitest';
import { createMatcher, type MatcherPattern } from '../../src/classify/matcher.js';

function hits(patterns: MatcherPattern[], text: string): number[] {
  const found = new Set<number>();
  createMatcher(patterns).scan(text, (id) => {
    found.add(id);
    return false;
  });
  return [...found].sort((a, b) => a - b);
}

const word = (w: string): MatcherPattern => ({ words: w.split(' '), prefix: false });
const prefix = (w: string): MatcherPattern => ({ words: w.split(' '), prefix: true });

describe('createMatcher', () => {
  it('finds whole words only', () => {
    expect(hits([word('tip')], 'my tip is gone')).toEqual([0]);
    expect(hits([word('tip')], 'tipping and multiple tips')).toEqual([]);
  });

  it('lets a prefix pattern continue the word', () => {
    expect(hits([prefix('tip')], 'tipping')).toEqual([0]);
    expect(hits([prefix('tip')], 'multiple')).toEqual([]);
  });

  it('matches phrases across any punctuation between the words', () => {
    expect(hits([word('not paid')], 'I was NOT... paid!')).toEqual([0]);
    expect(hits([word('not paid')], 'not unpaid')).toEqual([]);
  });

  it('reports overlapping and nested patterns', () => {
    expect(hits([word('missing pay'), word('pay'), word('pay day')], 'missing pay day')).toEqual([
      0, 1, 2,
    ]);
  });

  it('is case and accent insensitive', () => {
    expect(hits([word('estacion')], 'La ESTACIÓN')).toEqual([0]);
  });

  it('stops scanning when asked', () => {
    const seen: number[] = [];
    createMatcher([word('a'), word('b')]).scan('a b a b', (id) => {
      seen.push(id);
      return true;
    });
    expect(seen).toEqual([0]);
  });

  it('agrees with one regular expression per pattern on random text', () => {
    const vocabulary = [
      'tip',
      'tips',
      'pay',
      'paid',
      'not',
      'app',
      'crash',
      'station',
      'no',
      'show',
    ];
    const patterns: MatcherPattern[] = [
      word('tip'),
      prefix('tip'),
      word('not paid'),
      word('app crash'),
      prefix('stat'),
      word('no show'),
      prefix('pa'),
    ];
    const regexes = patterns.map(
      (p) =>
        new RegExp(`(^|[^a-z0-9])${p.words.join('[^a-z0-9]+')}${p.prefix ? '' : '($|[^a-z0-9])'}`),
    );
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const text = Array.from(
        { length: 1 + random(12) },
        () => vocabulary[random(vocabulary.length)],
      ).join([' ', ', ', '-', '! '][random(4)]);
      const expected = regexes.flatMap((r, id) => (r.test(text) ? [id] : []));
      expect(hits(patterns, text), text).toEqual(expected);
    }
  });
});
