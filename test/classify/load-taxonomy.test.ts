import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.js';
import { createGuard } from '../../src/classify/guard.js';
import { loadTaxonomy, parseTaxonomy } from '../../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../../src/config/load-config.js';
import { TaxonomyError } from '../../src/errors.js';

const guard = createGuard();
const category = (id: string, en: string) => ({ id, name: id, queries: { en } });

function failure(raw: unknown): TaxonomyError {
  try {
    parseTaxonomy(raw, guard, 'test.yml');
  } catch (error) {
    if (error instanceof TaxonomyError) return error;
    throw error;
  }
  throw new Error('expected the taxonomy to be rejected');
}

describe('loadTaxonomy', () => {
  it('loads the bundled taxonomy with its nine categories', () => {
    const taxonomy = loadTaxonomy(BUNDLED_TAXONOMY, guard);
    expect(taxonomy.categories.map((c) => c.id)).toEqual([
      'app',
      'pay',
      'offers',
      'safety',
      'support',
      'station',
      'customer',
      'media',
      'praise',
    ]);
    expect(taxonomy.queries.some((q) => q.lang === 'es')).toBe(true);
  });

  it('rejects a category whose query targets the guard, naming the category and the term', () => {
    const error = failure({ version: 1, categories: [category('pay', 'pay OR "pay strike"')] });
    expect(error.message).toContain('category "pay"');
    expect(error.message).toContain('"pay strike"');
    expect(error.message).toContain('strike*');
  });

  it('rejects a Spanish query that targets the guard through a prefix', () => {
    const error = failure({
      version: 1,
      categories: [{ id: 'pay', name: 'Pay', queries: { en: 'pay', es: 'pago OR sindi*' } }],
    });
    expect(error.message).toMatch(/category "pay" \(es query\) uses the term sindi\*/);
  });

  it('allows guard words under NOT, which only exclude', () => {
    expect(() =>
      parseTaxonomy({ version: 1, categories: [category('pay', 'pay -strike')] }, guard),
    ).not.toThrow();
  });

  it('reports a syntax error with the category and the column', () => {
    const error = failure({ version: 1, categories: [category('app', 'app OR (crash')] });
    expect(error.message).toContain('category "app" (en query)');
    expect(error.message).toContain('column 14');
  });

  it('rejects a query that would match posts containing none of its terms', () => {
    expect(failure({ version: 1, categories: [category('app', '-refund')] }).message).toContain(
      'none of its terms',
    );
  });

  it('rejects a query whose needed terms are all under NOT, which could never be evaluated', () => {
    expect(
      failure({ version: 1, categories: [category('app', 'NOT (-app OR -crash)')] }).message,
    ).toContain('no term that must appear outside a NOT');
  });

  it('reads NOT NOT a as a', () => {
    const compiled = parseTaxonomy(
      { version: 1, categories: [category('app', '-(-crash) app')] },
      guard,
    );
    expect(classify({ text: 'the app crash again' }, compiled)).toMatchObject({
      categories: [{ id: 'app' }],
    });
    expect(classify({ text: 'the app again' }, compiled)).toEqual({
      dropped: false,
      categories: [],
    });
  });

  it('rejects duplicate ids, unknown keys and bad shapes with the field path', () => {
    expect(
      failure({ version: 1, categories: [category('app', 'app'), category('app', 'gps')] }).message,
    ).toContain('used twice');
    expect(
      failure({ version: 1, categories: [{ ...category('app', 'app'), colour: 'red' }] }).message,
    ).toContain('categories.0: unknown key "colour"');
    expect(failure({ version: 1, categories: [category('App!', 'app')] }).message).toContain(
      'categories.0.id',
    );
    expect(failure({ version: 2, categories: [] }).message).toContain('version');
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadTaxonomy('/nonexistent/taxonomy.yml', guard)).toThrow(
      /Cannot read the taxonomy \/nonexistent\/taxonomy.yml/,
    );
  });
});
