import { ALPHABET_SIZE, classesOf, foldToClasses } from './fold-text.js';

/** A pattern over folded words: `["not", "paid"]`, optionally open-ended (`tip*`). */
export interface MatcherPattern {
  words: readonly string[];
  prefix: boolean;
}

/**
 * One Aho–Corasick automaton over folded text for any number of patterns.
 * Patterns are anchored on word boundaries; a prefix pattern's last word may
 * continue. The cost of a scan grows with the text, not with the patterns.
 */
export interface Matcher {
  readonly patternCount: number;
  /**
   * Reports each pattern occurrence in `text` (a pattern may be reported more
   * than once). Return `true` from `onMatch` to stop scanning.
   */
  scan(text: string, onMatch: (patternId: number) => boolean | undefined): void;
  /**
   * The allocation-free form used by classify: appends to `found` each pattern
   * not yet marked with `epoch` in `seen` (and marks it). Stops and returns
   * true as soon as a pattern with an id below `stopBelow` occurs.
   */
  collect(
    text: string,
    seen: Uint32Array,
    epoch: number,
    found: number[],
    stopBelow: number,
  ): boolean;
}

/** The folded key of a pattern: `" not paid "`, or `" tip"` for a prefix. */
export function patternKey(pattern: MatcherPattern): string {
  return ` ${pattern.words.join(' ')}${pattern.prefix ? '' : ' '}`;
}

export function createMatcher(patterns: readonly MatcherPattern[]): Matcher {
  // 1. Trie of pattern keys, in growable arrays.
  const goto: number[] = new Array(ALPHABET_SIZE).fill(-1);
  const output: number[] = [-1];
  let stateCount = 1;
  patterns.forEach((pattern, id) => {
    let state = 0;
    for (const cls of classesOf(patternKey(pattern))) {
      const at = state * ALPHABET_SIZE + cls;
      if (goto[at] === -1) {
        goto[at] = stateCount++;
        for (let i = 0; i < ALPHABET_SIZE; i++) goto.push(-1);
        output.push(-1);
      }
      state = goto[at]!;
    }
    if (output[state] === -1) output[state] = id;
  });

  // 2. Breadth-first: failure links folded into a complete transition table,
  //    plus a link to the nearest suffix state that ends a pattern.
  const delta = Int32Array.from(goto);
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount).fill(-1);
  const queue: number[] = [];
  for (let cls = 0; cls < ALPHABET_SIZE; cls++) {
    const next = delta[cls]!;
    if (next === -1) delta[cls] = 0;
    else queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failOutput = fail[state]!;
    outputLink[state] = output[failOutput] !== -1 ? failOutput : outputLink[failOutput]!;
    for (let cls = 0; cls < ALPHABET_SIZE; cls++) {
      const at = state * ALPHABET_SIZE + cls;
      const next = delta[at]!;
      const viaFail = delta[fail[state]! * ALPHABET_SIZE + cls]!;
      if (next === -1) {
        delta[at] = viaFail;
      } else {
        fail[next] = viaFail;
        queue.push(next);
      }
    }
  }
  const patternAt = Int32Array.from(output);
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    hasOutput[s] = patternAt[s] !== -1 || outputLink[s] !== -1 ? 1 : 0;
  }

  return {
    patternCount: patterns.length,
    collect(text, seen, epoch, found, stopBelow) {
      const { classes, length } = foldToClasses(text);
      let state = 0;
      for (let i = 0; i < length; i++) {
        state = delta[state * ALPHABET_SIZE + classes[i]!]!;
        if (hasOutput[state] === 0) continue;
        for (let s = state; s !== -1; s = outputLink[s]!) {
          const id = patternAt[s]!;
          if (id === -1 || seen[id] === epoch) continue;
          if (id < stopBelow) return true;
          seen[id] = epoch;
          found.push(id);
        }
      }
      return false;
    },
    scan(text, onMatch) {
      const { classes, length } = foldToClasses(text);
      let state = 0;
      for (let i = 0; i < length; i++) {
        state = delta[state * ALPHABET_SIZE + classes[i]!]!;
        if (hasOutput[state] === 0) continue;
        for (let s = state; s !== -1; s = outputLink[s]!) {
          const id = patternAt[s]!;
          if (id !== -1 && onMatch(id) === true) return;
        }
      }
    },
  };
}
