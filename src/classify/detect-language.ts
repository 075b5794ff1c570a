import { detect } from 'tinyld';

/**
 * The post's language: the source's own tag when it has one, else tinyld's
 * guess among the configured languages, else `und`.
 */
export function detectLanguage(
  text: string,
  sourceTag: string | undefined,
  candidates: readonly string[],
): string {
  const tag = sourceTag?.toLowerCase().split(/[-_]/)[0];
  if (tag && /^[a-z]{2}$/.test(tag)) return tag;
  const guess = detect(text, { only: [...candidates] });
  return guess && /^[a-z]{2}$/.test(guess) ? guess : 'und';
}
