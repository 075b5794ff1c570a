import { Container } from '@nlpjs/core';
import { LangEs } from '@nlpjs/lang-es';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import Sentiment from 'sentiment';
import type { Sentiment as SentimentResult } from '../types.js';

export type SentimentScorer = (text: string, lang: string) => Promise<SentimentResult>;

/**
 * Words whose general-purpose AFINN score misleads on driver posts: "support"
 * and "friendly" are names of things here ("driver support", "the dog is
 * friendly"), while "crashed", "unpaid" or "missing" are the complaints.
 */
const DRIVER_WORDS_EN: Record<string, number> = {
  support: 0,
  friendly: 0,
  help: 0,
  crashed: -2,
  crashing: -2,
  crash: -2,
  freezes: -2,
  froze: -2,
  unpaid: -2,
  underpaid: -3,
  missing: -2,
  waited: -1,
  waiting: -1,
  late: -1,
  wrong: -2,
  bit: -2,
  bitten: -3,
  robbed: -3,
  unsafe: -3,
  useless: -2,
  never: -1,
};

function label(score: number): SentimentResult['label'] {
  return score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
}

/**
 * Sentiment from maintained lexicon libraries: `sentiment` (AFINN-165, with
 * the driver-domain overrides above) for English, NLP.js (SentiCon, with
 * negations) for Spanish. Other languages score neutral. The score is
 * comparative: the sum of word scores per word for English, NLP.js's score
 * for Spanish; only its sign is used for the label.
 */
export function createSentimentScorer(): SentimentScorer {
  const english = new Sentiment();
  const container = new Container();
  container.use(LangEs);
  const spanish = new SentimentAnalyzer({ container });
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return async (text, lang) => {
    if (lang === 'en') {
      const result = english.analyze(text, { extras: DRIVER_WORDS_EN });
      return { score: round(result.comparative), label: label(result.score) };
    }
    if (lang === 'es') {
      const { sentiment } = await spanish.process({ locale: 'es', text });
      return { score: round(sentiment.score), label: label(sentiment.score) };
    }
    return { score: 0, label: 'neutral' };
  };
}
