import { describe, expect, it } from 'vitest';
import { evaluateTaxonomy } from '../../src/classify/evaluate-taxonomy.js';
import { defaultTaxonomy, readLabelledSet } from '../helpers.js';

describe('the bundled taxonomy on the labelled development set', () => {
  const devSet = readLabelledSet('dev-set.jsonl');
  const report = evaluateTaxonomy(defaultTaxonomy(), devSet);

  it('has at least 200 posts in English and Spanish, every category, noise and protected posts', () => {
    expect(devSet.length).toBeGreaterThanOrEqual(200);
    expect(new Set(devSet.map((p) => p.lang))).toEqual(new Set(['en', 'es']));
    for (const category of report.categories)
      expect(category.support, category.id).toBeGreaterThanOrEqual(10);
    expect(devSet.filter((p) => p.protected).length).toBeGreaterThanOrEqual(30);
    expect(
      devSet.filter((p) => !p.protected && p.labels.length === 0).length,
    ).toBeGreaterThanOrEqual(20);
  });

  it('drops every protected post', () => {
    expect(report.protectedMissed).toEqual([]);
  });

  it('drops at most 5% of the other posts with the guard', () => {
    expect(report.falselyDropped.length / report.otherPosts).toBeLessThanOrEqual(0.05);
  });

  it('reaches a macro-F1 of at least 0.80 over the nine categories', () => {
    expect(report.categories).toHaveLength(9);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.8);
  });

  it('also drops every protected post of the second, later-written set', () => {
    const holdout = evaluateTaxonomy(defaultTaxonomy(), readLabelledSet('holdout-set.jsonl'));
    expect(holdout.protectedMissed).toEqual([]);
    expect(holdout.macroF1).toBeGreaterThanOrEqual(0.8);
  });
});
