import type { CategoryMatch, Sentiment } from '../types.js';
import { classify } from './classify.js';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import type { SentimentScorer } from './create-sentiment-scorer.js';
import { detectLanguage } from './detect-language.js';

export interface AnalyseDeps {
  taxonomy: CompiledTaxonomy;
  languages: readonly string[];
  scoreSentiment: SentimentScorer;
}

export type Analysis =
  | { dropped: true }
  | { dropped: false; categories: CategoryMatch[]; lang: string; sentiment: Sentiment };

/**
 * Guard and classifier first, in memory; only a post that passes the guard
 * gets a language and a sentiment. A guard drop is `{ dropped: true }` and
 * nothing more, so no caller can keep anything of it.
 */
export async function analyseText(
  input: { title?: string | undefined; text: string; lang?: string | undefined },
  deps: AnalyseDeps,
  options: { languageOfIrrelevant?: boolean } = {},
): Promise<Analysis> {
  const classification = classify(input, deps.taxonomy);
  if (classification.dropped) return classification;
  const relevant = classification.categories.length > 0;
  const body = input.title ? `${input.title}\n${input.text}` : input.text;
  const tag = input.lang === 'und' ? undefined : input.lang;
  // Only posts that will be stored need a language (and a sentiment), unless the caller asks.
  const lang =
    relevant || options.languageOfIrrelevant
      ? detectLanguage(body, tag, deps.languages)
      : (tag ?? 'und');
  if (!relevant)
    return { dropped: false, categories: [], lang, sentiment: { score: 0, label: 'neutral' } };
  return {
    dropped: false,
    categories: classification.categories,
    lang,
    sentiment: await deps.scoreSentiment(body, lang),
  };
}
