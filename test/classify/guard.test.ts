import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/classify/guard.js';
import { parseQuery, queryTerms } from '../../src/classify/parse-query.js';
import { TaxonomyError } from '../../src/errors.js';

const guard = createGuard();

describe('the guard', () => {
  it.each([
    'We should unionize the whole station',
    'Unionizing is the only way',
    'the union rep said so',
    'Walk-off at 6am, everyone',
    'drivers are planning a walkout',
    'STRIKE on Friday',
    'they were striking outside',
    'protest at HQ',
    'sign the petition please',
    'talked to a lawyer about misclassification',
    'a journalist contacted me',
    'researchers want to interview drivers',
    'filed with the labor board',
    'going to arbitration',
    'huelga de repartidores',
    'convocan paro el lunes',
    'hay que montar un sindicato',
    'concentración frente a la sede',
    'manifestación el sábado',
    'hablé con un abogado',
    'la Inspección de Trabajo ya lo sabe',
    'una periodista busca testimonios',
  ])('recognises %j', (text) => {
    expect(guard.isProtected(text)).toBe(true);
  });

  it.each([
    'The app crashed again',
    'No me pagaron las propinas',
    'The station line was long',
    'reunion with my family',
  ])('lets %j through', (text) => {
    expect(guard.isProtected(text)).toBe(false);
  });

  it('takes extra terms from configuration on top of the built-in ones', () => {
    const extended = createGuard({ extraTerms: ['"drivers assembly"', 'gigworkers*'] });
    expect(extended.isProtected('Drivers assembly tonight')).toBe(true);
    expect(extended.isProtected('#GigWorkersRising')).toBe(true);
    expect(extended.isProtected('huelga mañana')).toBe(true);
  });

  it('rejects an extra term that is not one term', () => {
    expect(() => createGuard({ extraTerms: ['drivers assembly'] })).toThrow(TaxonomyError);
    expect(() => createGuard({ extraTerms: ['"unclosed'] })).toThrow(/unclosed quote/);
  });

  it('finds the guard term that a taxonomy term would match', () => {
    const term = (q: string) => queryTerms(parseQuery(q))[0]!.term;
    expect(guard.conflictWith(term('strikes'))?.notation).toBe('strike*');
    expect(guard.conflictWith(term('"on strike"'))?.notation).toBe('strike*');
    expect(guard.conflictWith(term('uni*'))?.notation).toBe('union');
    expect(guard.conflictWith(term('huelg*'))?.notation).toBe('huelga*');
    expect(guard.conflictWith(term('tips'))).toBeUndefined();
  });
});
