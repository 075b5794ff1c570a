/**
 * Language detection with ELD (the efficient language detector, Apache-2.0,
 * by Nito T.M.) and its extra-small n-gram database, scoring only the
 * configured languages.
 *
 * ELD scores every n-gram of a text for all 60 of its languages and then
 * keeps the configured ones; its score for a language does not depend on the
 * others, so scoring only the configured ones gives the same answer at a
 * fifth of the cost (bench: ingest; test: the same answers as `eld.detect`
 * with a language subset). The database, the separators and the byte
 * dictionary are ELD's own modules, loaded from beside its public entry; the
 * package version is pinned for that reason.
 */

interface NgramData {
  languages: Record<string, string>;
  ngrams: Record<string, Record<number, number> | undefined>;
}

const ELD_ENTRY = import.meta.resolve('eld/extrasmall');
const { ngramsData } = (await import(new URL('../ngrams/extrasmall.js', ELD_ENTRY).href)) as {
  ngramsData: NgramData;
};
const { separators } = (await import(new URL('../regexPatterns.js', ELD_ENTRY).href)) as {
  separators: RegExp;
};
const { dictionary } = (await import(new URL('../dictionary.js', ELD_ENTRY).href)) as {
  dictionary: string[];
};

/** ELD subtracts this from every stored score to keep its database small. */
const BASE_NGRAM_SCORE = 53;
/** ELD reads at most this much of a text; the first few hundred characters tell a language as well as the whole post. */
const SAMPLE = 200;

/** ELD's words: letters only, lower case, each UTF-8 byte as one character, about the first 350 bytes. */
function byteWords(text: string): string[] {
  const str = text.replace(separators, ' ').trim().toLowerCase();
  const words: string[] = [];
  let encoded = '';
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let code = str.charCodeAt(i);
    if (code < 0x80) {
      if (code === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > 350) break;
      } else {
        encoded += str[i];
      }
      countBytes++;
    } else if (code < 0x800) {
      encoded += dictionary[0xc0 | (code >> 6)]! + dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 2;
    } else if (code < 0xd800 || code >= 0xe000) {
      encoded +=
        dictionary[0xe0 | (code >> 12)]! +
        dictionary[0x80 | ((code >> 6) & 0x3f)]! +
        dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      code = 0x10000 + (((code & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (code >> 18)]! +
        dictionary[0x80 | ((code >> 12) & 0x3f)]! +
        dictionary[0x80 | ((code >> 6) & 0x3f)]! +
        dictionary[0x80 | (code & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > 380) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

export type LanguageDetector = (text: string) => string | undefined;

/**
 * A detector choosing among `candidates` (ISO 639-1 codes ELD knows; others
 * are ignored): the language with the highest score, or `undefined` when no
 * n-gram of the text belongs to any of them.
 */
export function createLanguageDetector(candidates: readonly string[]): LanguageDetector {
  const languages = Object.entries(ngramsData.languages)
    .filter(([, code]) => candidates.includes(code))
    .map(([id, code]) => ({ id: Number(id), code }))
    .sort((a, b) => a.id - b.id);
  const width = languages.length;
  // Only the n-grams scored for one of the candidates (a tenth of the database
  // for English and Spanish), each with its candidates' contributions in a row.
  const index = new Map<string, number>();
  const rows: number[] = [];
  for (const [ngram, entry] of Object.entries(ngramsData.ngrams)) {
    const row = languages.map(({ id }) =>
      entry?.[id] === undefined ? 0 : entry[id] + BASE_NGRAM_SCORE,
    );
    if (row.every((score) => score === 0)) continue;
    index.set(ngram, index.size);
    rows.push(...row);
  }
  const contributions = Float64Array.from(rows);
  // An n-gram counts once per text: `seenIn[i] === call` marks row i as counted by this call.
  const seenIn = new Uint32Array(index.size);
  let call = 0;
  return (text) => {
    call = call === 0xffffffff ? 1 : call + 1;
    if (call === 1) seenIn.fill(0);
    const scores = new Float64Array(width);
    const add = (ngram: string) => {
      const i = index.get(ngram);
      if (i === undefined || seenIn[i] === call) return;
      seenIn[i] = call;
      for (let k = 0; k < width; k++) scores[k]! += contributions[i * width + k]!;
    };
    // ELD's n-grams: 4 bytes with a stride of 3, a leading space on a word's first, a trailing space on its last.
    for (const word of byteWords(text.slice(0, SAMPLE))) {
      const len = Math.min(word.length, 70);
      let j = 0;
      for (; j + 4 < len; j += 3) add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
      add(`${j === 0 ? ' ' : ''}${word.substring(len !== 3 ? len - 4 : 0)} `);
    }
    let best: string | undefined;
    let bestScore = 0;
    for (let k = 0; k < width; k++) {
      if (scores[k]! > bestScore) {
        bestScore = scores[k]!;
        best = languages[k]!.code;
      }
    }
    return best;
  };
}

const detectors = new Map<string, LanguageDetector>();

/**
 * The post's language: the source's own tag when it has one, else ELD's
 * guess among the configured languages, else `und` when it cannot tell.
 */
export function detectLanguage(
  text: string,
  sourceTag: string | undefined,
  candidates: readonly string[],
): string {
  const tag = sourceTag?.toLowerCase().split(/[-_]/)[0];
  if (tag && /^[a-z]{2}$/.test(tag)) return tag;
  const key = candidates.join(',');
  let detector = detectors.get(key);
  if (!detector) {
    detector = createLanguageDetector(candidates);
    detectors.set(key, detector);
  }
  return detector(text) ?? 'und';
}
