/**
 * Text folding shared by the query compiler and the matcher: lower case,
 * accents removed (á→a, ñ→n, ü→u, ß→ss), every run of characters that is not
 * a letter or digit becomes one word separator. Letters outside the Latin
 * script are kept as a letter class that no query term can contain, so they
 * never create false word boundaries.
 */

/** Character classes of folded text: 0–25 = a–z, 26–35 = 0–9. */
export const SEPARATOR = 36;
export const OTHER_LETTER = 37;
export const ALPHABET_SIZE = 38;
const SKIP = -1;

const MARK = /\p{M}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

function classOfAscii(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return SEPARATOR;
}

function foldCodePoint(codePoint: number): number[] {
  if (codePoint < 128) return [classOfAscii(codePoint)];
  const char = String.fromCodePoint(codePoint);
  if (MARK.test(char)) return [SKIP];
  const lower = char.toLowerCase();
  const base = SPECIAL[lower] ?? lower.normalize('NFD').replace(/\p{M}/gu, '');
  if (/^[a-z0-9]+$/.test(base)) return Array.from(base, (c) => classOfAscii(c.charCodeAt(0)));
  return [LETTER_OR_DIGIT.test(char) ? OTHER_LETTER : SEPARATOR];
}

/** Class of each BMP code unit, filled lazily; multi-letter folds (ß→ss) live in MULTI. */
const UNKNOWN = -3;
const MULTI_MARKER = -2;
const SINGLE = new Int8Array(0x10000).fill(UNKNOWN);
const MULTI = new Map<number, number[]>();

function learn(code: number): number {
  const classes = code >= 0xd800 && code <= 0xdfff ? [SEPARATOR] : foldCodePoint(code);
  if (classes.length === 1) SINGLE[code] = classes[0]!;
  else {
    MULTI.set(code, classes);
    SINGLE[code] = MULTI_MARKER;
  }
  return SINGLE[code]!;
}
for (let code = 0; code < 0x250; code++) learn(code);

let buffer = new Uint8Array(4096);

/**
 * Folds `text` into a shared buffer of classes, with runs of separators
 * collapsed and exactly one separator before and after the text. Returns the
 * buffer and the number of classes written; the buffer is reused by the next call.
 */
export function foldToClasses(text: string): { classes: Uint8Array; length: number } {
  const needed = text.length * 3 + 2;
  if (buffer.length < needed) buffer = new Uint8Array(needed * 2);
  const out = buffer;
  let n = 0;
  let lastWasSeparator = true;
  out[n++] = SEPARATOR;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let cls = SINGLE[code]!;
    if (cls === UNKNOWN) cls = learn(code);
    if (cls >= 0 && cls < SEPARATOR) {
      out[n++] = cls;
      lastWasSeparator = false;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const codePoint = text.codePointAt(i)!;
      i++;
      cls = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? OTHER_LETTER : SEPARATOR;
    }
    if (cls === SKIP) continue;
    if (cls === MULTI_MARKER) {
      for (const c of MULTI.get(code)!) out[n++] = c;
      lastWasSeparator = false;
    } else if (cls === SEPARATOR) {
      if (lastWasSeparator) continue;
      lastWasSeparator = true;
      out[n++] = SEPARATOR;
    } else {
      lastWasSeparator = false;
      out[n++] = cls;
    }
  }
  if (!lastWasSeparator) out[n++] = SEPARATOR;
  return { classes: out, length: n };
}

const CLASS_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 \u00b7';

/** The folded form as a string: `" huelga de repartidores "`; `·` stands for a non-Latin letter. */
export function foldText(text: string): string {
  const { classes, length } = foldToClasses(text);
  let out = '';
  for (let i = 0; i < length; i++) out += CLASS_CHARS[classes[i]!];
  return out;
}

/** The folded words of a text, e.g. `foldWords("¡No me pagó!")` → `["no", "me", "pago"]`. */
export function foldWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((word) => word.length > 0);
}

/** Classes of a folded string (as returned by foldText), for building patterns. */
export function classesOf(folded: string): number[] {
  return Array.from(folded, (char) => CLASS_CHARS.indexOf(char));
}
