import { eld } from 'eld/extrasmall';

type Detector = ReturnType<typeof eld.newInstance>;
const SAMPLE = 200;
const detectors = new Map<string, Detector>();

function detectorFor(candidates: readonly string[]): Detector {
  const key = candidates.join(',');
  let detector = detectors.get(key);
  if (!detector) {
    detector = eld.newInstance();
    detector.setLanguageSubset([...candidates]);
    detectors.set(key, detector);
  }
  return detector;
}

/**
 * The post's language: the source's own tag when it has one, else the guess
 * of ELD (the efficient language detector, with its extra-small n-gram database: 83 MB of memory against 145 MB for the small one)
 * among the configured languages, else `und` when it cannot tell.
 */
export function detectLanguage(
  text: string,
  sourceTag: string | undefined,
  candidates: readonly string[],
): string {
  const tag = sourceTag?.toLowerCase().split(/[-_]/)[0];
  if (tag && /^[a-z]{2}$/.test(tag)) return tag;
  // The first few hundred characters tell the language as well as the whole post, at a fraction of the cost.
  const result = detectorFor(candidates).detect(
    text.length > SAMPLE ? text.slice(0, SAMPLE) : text,
  );
  return result.language && /^[a-z]{2}$/.test(result.language) ? result.language : 'und';
}
