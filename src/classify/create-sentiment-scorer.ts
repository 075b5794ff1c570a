import { Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import type { Sentiment } from '../types.js';

export type SentimentScorer = (text: string, lang: string) => Promise<Sentiment>;

const SUPPORTED = new Set(['en', 'es']);

/**
 * Sentiment from NLP.js lexicons (SentiCon for English and Spanish), with
 * negation handling. Languages without a lexicon score neutral.
 */
export function createSentimentScorer(): SentimentScorer {
  const container = new Container();
  container.use(LangEn);
  container.use(LangEs);
  const analyzer = new SentimentAnalyzer({ container });
  return async (text, lang) => {
    if (!SUPPORTED.has(lang)) return { score: 0, label: 'neutral' };
    const { sentiment } = await analyzer.process({ locale: lang, text });
    const score = Math.round(sentiment.score * 1000) / 1000;
    return { score, label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral' };
  };
}
