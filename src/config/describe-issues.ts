import type { z } from 'zod';

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns zod issues into lines a person can act on:
 * `sources.reddit.pollSeconds: expected a whole number of at least 10; found "fast"`.
 * Without `input` the values are left out: secrets and post text must never
 * be echoed into an error.
 */
export function describeIssues(error: z.ZodError, input?: { value: unknown }): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      return `${path}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; check the spelling against the example file`;
    }
    if (!input) return `${path}: ${issue.message}`;
    return `${path}: ${issue.message}; found ${describeValue(valueAt(input.value, issue.path))}`;
  });
}

/** Issues as an indented list, one per line. */
export function listIssues(error: z.ZodError, input?: { value: unknown }): string {
  return describeIssues(error, input)
    .map((line) => `  - ${line}`)
    .join('\n');
}
