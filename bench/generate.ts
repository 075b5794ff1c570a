/**
 * Generated benchmark data shaped like real driver posts: sentences from the
 * labelled development set recombined into tweets (~60%), Reddit comments
 * (~30%) and longer Reddit posts (~10%), in English and Spanish, with the
 * same mix of relevant, irrelevant and protected sentences.
 */
import { readFileSync } from 'node:fs';
import { foldWords } from '../src/classify/fold-text.js';
import type { Guard } from '../src/classify/guard.js';
import type { TaxonomyDefinition } from '../src/classify/taxonomy-schema.js';

export function createRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

const SENTENCES: string[] = readFileSync(
  new URL('../test/fixtures/dev-set.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);

export interface BenchPost {
  title?: string;
  text: string;
}

export function generatePosts(count: number, seed = 1): BenchPost[] {
  const random = createRandom(seed);
  const pick = () => SENTENCES[Math.floor(random(SENTENCES.length))]!;
  return Array.from({ length: count }, () => {
    const shape = random(1);
    const sentences =
      shape < 0.6
        ? 1 + Math.floor(random(2))
        : shape < 0.9
          ? 2 + Math.floor(random(4))
          : 6 + Math.floor(random(15));
    const text = Array.from({ length: sentences }, pick).join(' ');
    return shape >= 0.6 && random(1) < 0.5 ? { title: pick().slice(0, 80), text } : { text };
  });
}

/**
 * The words of the development set that no guard term touches, for generated
 * queries, without the 150 most frequent ones (the, and, que, para, …):
 * real queries name problems, not stop words.
 */
function safeVocabulary(guard: Guard): string[] {
  const frequency = new Map<string, number>();
  for (const word of SENTENCES.flatMap((s) => foldWords(s))) {
    if (word.length >= 3 && !/^\d+$/.test(word))
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const words = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(150)
    .map(([word]) => word);
  return words.filter(
    (word) =>
      !guard.isProtected(word) &&
      !guard.conflictWith({ notation: word, words: [word], prefix: true, position: 1 }),
  );
}

/**
 * A taxonomy of `count` generated queries (one category each), each like
 * `w1 (w2 OR w3* OR "w4 w5" OR w6) -w7`: real post words, so that terms hit
 * often and the boolean evaluation is exercised, with one required word so
 * that a post matches a handful of categories, not hundreds. A third of the
 * words are invented (product and place names a real taxonomy would carry).
 */
export function generateTaxonomy(count: number, guard: Guard, seed = 2): TaxonomyDefinition {
  const random = createRandom(seed);
  const real = safeVocabulary(guard);
  const word = (): string =>
    random(1) < 0.67
      ? real[Math.floor(random(real.length))]!
      : `zq${Math.floor(random(1e9)).toString(36)}`;
  const queries = Array.from({ length: count }, () => {
    const terms = Array.from({ length: 3 + Math.floor(random(4)) }, () => {
      const r = random(1);
      return r < 0.2 ? `${word()}*` : r < 0.4 ? `"${word()} ${word()}"` : word();
    });
    return `${word()} (${terms.join(' OR ')}) -${word()}`;
  });
  return {
    version: 1,
    categories: queries.map((query, i) => ({
      id: `c${i}`,
      name: `Generated ${i}`,
      priority: 'normal' as const,
      queries: { en: query },
      subcategories: [],
    })),
  };
}
