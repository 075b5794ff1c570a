import type { Source } from '../sources/source.js';
import { type RunSourceDeps, runSource, type SourceCycle } from './run-source.js';

/** One poll → classify → store cycle over every source, one after the other, with no timers. */
export async function runOnce(
  sources: readonly Source[],
  deps: RunSourceDeps,
  options: Parameters<typeof runSource>[2] = {},
): Promise<SourceCycle[]> {
  const cycles: SourceCycle[] = [];
  for (const source of sources) {
    if (options.signal?.aborted) break;
    cycles.push(await runSource(source, deps, options));
  }
  return cycles;
}
