/**
 * `npm run bench [-- --json] [-- --only classify] [-- --posts N] [-- --queries 1000,10000] [-- --seconds S]`
 *
 * Every figure is measured beside its baseline in the same process and run,
 * on generated data shaped like real posts; ratios, not absolute timings,
 * are what carry from one machine to another.
 */
import { parseArgs } from 'node:util';
import { benchClassify } from './classify-bench.js';
import { report } from './measure.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    posts: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '1000,10000' },
    seconds: { type: 'string', default: '1' },
  },
});

const json = values.json ?? false;
const minMs = Number(values.seconds) * 1000;
const benches: Record<string, () => void> = {
  classify: () => {
    for (const figure of benchClassify({
      posts: Number(values.posts),
      queries: String(values.queries).split(',').map(Number),
      minMs,
    }))
      report(figure, json);
  },
};

if (!json) console.log(`driver-voice benchmarks (node ${process.version}, one thread)\n`);
for (const [name, run] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  run();
}
