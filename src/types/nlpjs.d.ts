// Minimal typings for the parts of NLP.js that driver-voice uses.
declare module '@nlpjs/core' {
  export class Container {
    use(plugin: unknown): void;
  }
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/sentiment' {
  export class SentimentAnalyzer {
    constructor(settings: { container: unknown });
    process(input: { locale: string; text: string }): Promise<{
      sentiment: {
        score: number;
        numWords: number;
        numHits: number;
        average: number;
        vote: string;
      };
    }>;
  }
}
