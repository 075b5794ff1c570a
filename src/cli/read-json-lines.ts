import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type JsonLine = { line: number; value: unknown } | { line: number; error: string };

/** Reads JSON lines; blank lines are skipped, a line that is not JSON yields an error (without its content). */
export async function* readJsonLines(input: Readable): AsyncGenerator<JsonLine> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch {
      yield { line, error: 'not valid JSON' };
    }
  }
}
