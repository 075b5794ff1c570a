import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { type AnalyseDeps, analyseText } from '../classify/analyse-text.js';
import { describeIssues } from '../config/describe-issues.js';
import { readJsonLines } from './read-json-lines.js';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  lang: z.string().optional(),
});

export interface ClassifyCommandDeps extends AnalyseDeps {
  input: Readable;
  output: Writable;
  errors: Writable;
}

/**
 * `driver-voice classify`: `{id,text,lang?}` JSON lines in,
 * `{id,dropped,categories,matched,lang,sentiment}` lines out. A guard drop is
 * `{id,dropped:true}` and nothing more. Bad lines are reported on stderr by
 * line number and skipped; the exit code is 1 when there were any.
 */
export async function runClassifyCommand(deps: ClassifyCommandDeps): Promise<number> {
  let bad = 0;
  for await (const record of readJsonLines(deps.input)) {
    const parsed = 'error' in record ? null : inputSchema.safeParse(record.value);
    if (!parsed?.success) {
      bad++;
      const reason = parsed
        ? describeIssues(parsed.error).join('; ')
        : (record as { error: string }).error;
      deps.errors.write(`line ${record.line}: skipped, ${reason}\n`);
      continue;
    }
    const { id } = parsed.data;
    const result = await analyseText(parsed.data, deps, { languageOfIrrelevant: true });
    if (result.dropped) {
      deps.output.write(`${JSON.stringify({ id, dropped: true })}\n`);
      continue;
    }
    const line = {
      id,
      dropped: false,
      categories: result.categories.map((c) => c.id),
      matched: Object.fromEntries(result.categories.map((c) => [c.id, c.matched])),
      subcategories: Object.fromEntries(
        result.categories
          .filter((c) => c.subcategories.length > 0)
          .map((c) => [c.id, c.subcategories]),
      ),
      lang: result.lang,
      sentiment: result.sentiment,
    };
    deps.output.write(`${JSON.stringify(line)}\n`);
  }
  return bad > 0 ? 1 : 0;
}
