import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../src/classify/fold-text.js';

describe('foldText', () => {
  it('lower-cases, removes accents and pads with one separator', () => {
    expect(foldText('¡Huelga en la ESTACIÓN!')).toBe(' huelga en la estacion ');
  });

  it('folds letters that have no decomposition', () => {
    expect(foldWords('Straße Æon Łódź')).toEqual(['strasse', 'aeon', 'lodz']);
  });

  it('removes combining marks written apart from their letter', () => {
    expect(foldText('pago\u0301 nin\u0303o')).toBe(' pago nino ');
  });

  it('turns every run of punctuation, emoji and spaces into one separator', () => {
    expect(foldText("no-show!!  don't 🚗🚗 #AmazonFlex")).toBe(' no show don t amazonflex ');
  });

  it('keeps non-Latin letters as letters so they never split a word', () => {
    expect(foldWords('tipп')).toEqual(['tip\u00b7']);
  });

  it('returns a lone separator for text with no letters', () => {
    expect(foldText('🚗 !!')).toBe(' ');
  });
});
