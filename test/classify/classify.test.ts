import { describe, expect, it } from 'vitest';
import { generatePosts, generateTaxonomy } from '../../bench/generate.js';
import { createNaiveClassifier } from '../../bench/naive-classifier.js';
import { classify } from '../../src/classify/classify.js';
import { createGuard } from '../../src/classify/guard.js';
import { parseTaxonomy } from '../../src/classify/load-taxonomy.js';
import { defaultTaxonomy } from '../helpers.js';

const taxonomy = parseTaxonomy(
  {
    version: 1,
    categories: [
      {
        id: 'pay',
        name: 'Pay',
        queries: {
          en: 'tip* ("not paid" OR "missing pay" OR unpaid) -"no tip" NOT refund',
          es: 'propina* (falta OR faltan)',
        },
        subcategories: [{ id: 'tips', name: 'Tips', queries: { en: 'tip*' } }],
      },
      { id: 'safety', name: 'Safety', priority: 'high', queries: { en: 'dog* OR unsafe' } },
      { id: 'praise', name: 'Praise', priority: 'low', queries: { en: 'thanks' } },
    ],
  },
  createGuard(),
);

describe('classify', () => {
  it('returns the categories a post matches with the terms that made it match', () => {
    const result = classify({ text: 'Tips not paid since Monday' }, taxonomy);
    expect(result).toEqual({
      dropped: false,
      categories: [
        {
          id: 'pay',
          name: 'Pay',
          priority: 'normal',
          subcategories: ['tips'],
          matched: ['tip*', '"not paid"'],
        },
      ],
    });
  });

  it('honours NOT and -term', () => {
    expect(classify({ text: 'tips not paid, asked for a refund' }, taxonomy)).toEqual({
      dropped: false,
      categories: [],
    });
    expect(classify({ text: 'no tip, not paid' }, taxonomy)).toEqual({
      dropped: false,
      categories: [],
    });
  });

  it('evaluates every language query against every post', () => {
    const result = classify({ text: 'Faltan las propinas de ayer' }, taxonomy);
    expect(!result.dropped && result.categories.map((c) => c.id)).toEqual(['pay']);
  });

  it('orders several matches by priority, highest first', () => {
    const result = classify({ text: 'thanks for nothing, unsafe dogs and tips unpaid' }, taxonomy);
    expect(!result.dropped && result.categories.map((c) => c.id)).toEqual([
      'safety',
      'pay',
      'praise',
    ]);
  });

  it('reads the title as well as the text, but no phrase spans the two', () => {
    expect(classify({ title: 'Loose dogs', text: 'on my route' }, taxonomy)).toMatchObject({
      categories: [{ id: 'safety' }],
    });
    expect(classify({ title: 'tips not', text: 'paid' }, taxonomy)).toEqual({
      dropped: false,
      categories: [],
    });
  });

  it('drops a post about a strike before anything else, returning nothing more', () => {
    expect(classify({ text: 'Tips not paid, so we strike on Friday' }, taxonomy)).toEqual({
      dropped: true,
    });
    expect(classify({ title: 'Huelga', text: 'tips not paid' }, taxonomy)).toEqual({
      dropped: true,
    });
  });

  it('finds what one regex per query finds, evaluating only queries whose required terms all occur', () => {
    const guard = createGuard();
    const definition = generateTaxonomy(300, guard, 5);
    definition.categories.push(
      ...[
        'app (crash* OR freez*) -update',
        'a OR (scanner (broke* OR dead)) OR (-ok pay*)',
        'pay (tip* (missing OR short))',
      ].map((query, i) => ({
        id: `s${i}`,
        name: `Structured ${i}`,
        priority: 'normal' as const,
        queries: { en: query },
        subcategories: [],
      })),
    );
    const compiled = parseTaxonomy(definition, guard);
    const naive = createNaiveClassifier(definition);
    let matches = 0;
    for (const { text } of generatePosts(400, 9)) {
      const ours = classify({ text }, compiled);
      if (ours.dropped) continue;
      const ids = ours.categories.map((c) => c.id).sort();
      matches += ids.length;
      expect(ids, text).toEqual(naive({ text }).sort());
    }
    expect(matches).toBeGreaterThan(50);
  });

  it('gives the same answer when called again (no state leaks between posts)', () => {
    const first = classify({ text: 'unpaid tips' }, taxonomy);
    classify({ text: 'something else entirely' }, taxonomy);
    expect(classify({ text: 'unpaid tips' }, taxonomy)).toEqual(first);
  });

  it('classifies real driver posts with the bundled taxonomy', () => {
    const ids = (text: string) => {
      const result = classify({ text }, defaultTaxonomy());
      return result.dropped ? 'dropped' : result.categories.map((c) => c.id);
    };
    expect(ids('App crashed three times on my route today')).toEqual(['app']);
    expect(ids('Got bit by a dog at the last stop')).toEqual(['safety']);
    expect(ids('No hay bloques disponibles desde hace una semana')).toEqual(['offers']);
    expect(ids('We need a union')).toBe('dropped');
    expect(ids('What podcasts do you all listen to?')).toEqual([]);
  });
});
