import { readFileSync } from 'node:fs';
import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, detectLanguage } from '../../src/classify/detect-language.js';
import { scoreSentiment } from '../helpers.js';

describe('detectLanguage', () => {
  it("prefers the source's own tag", () => {
    expect(detectLanguage('no me pagaron', 'en-GB', ['en', 'es'])).toBe('en');
  });

  it('detects English and Spanish driver posts', () => {
    expect(
      detectLanguage('The app keeps crashing whenever I scan a package', undefined, ['en', 'es']),
    ).toBe('en');
    expect(
      detectLanguage('La aplicación se cierra cada vez que escaneo un paquete', undefined, [
        'en',
        'es',
      ]),
    ).toBe('es');
  });

  it('says und when there is nothing to go on', () => {
    expect(detectLanguage('👍', undefined, ['en', 'es'])).toBe('und');
  });

  it('answers as ELD itself does, for every labelled post', () => {
    const texts = [
      ...['dev-set.jsonl', 'holdout-set.jsonl'].flatMap((file) =>
        readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => (JSON.parse(line) as { text: string }).text),
      ),
      'Ünïcödé ß straße 😀 𝔘𝔫𝔦 ok',
      'a',
      '',
    ];
    expect(texts.length).toBeGreaterThan(370);
    for (const candidates of [['en', 'es'], ['es', 'pt', 'fr'], ['de']]) {
      const reference = eld.newInstance();
      reference.setLanguageSubset(candidates);
      const detect = createLanguageDetector(candidates);
      const answers = texts.map((text) => detect(text) ?? '');
      expect(answers).toEqual(texts.map((text) => reference.detect(text.slice(0, 200)).language));
    }
  });
});

describe('scoreSentiment', () => {
  it('reads complaints as negative and thanks as positive, in both languages', async () => {
    expect(
      (await scoreSentiment('Still unpaid, support is useless and the app crashed', 'en')).label,
    ).toBe('negative');
    expect((await scoreSentiment('Love this gig, great routes today', 'en')).label).toBe(
      'positive',
    );
    expect((await scoreSentiment('La app es horrible y nunca contestan', 'es')).label).toBe(
      'negative',
    );
    expect((await scoreSentiment('Me encanta este trabajo, gracias', 'es')).label).toBe('positive');
  });

  it('scores languages without a lexicon as neutral', async () => {
    expect(await scoreSentiment("L'application plante tout le temps", 'fr')).toEqual({
      score: 0,
      label: 'neutral',
    });
  });
});
