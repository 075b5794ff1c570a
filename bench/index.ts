/**
 * `npm run bench [-- --json] [-- --only NAME] [-- sizes…]`
 *
 * Every figure is measured beside its baseline in the same process and run,
 * on generated data shaped like real posts; ratios, not absolute timings,
 * are what carry from one machine to another. Defaults finish in a few
 * minutes on a 2-core machine.
 */
import { parseArgs } from 'node:util';
import { benchClassify } from './classify-bench.js';
import { benchEndToEnd } from './e2e-bench.js';
import { benchIngest } from './ingest-bench.js';
import { type Figure, report } from './measure.js';
import { benchSearch } from './search-bench.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    posts: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '1000,10000' },
    seconds: { type: 'string', default: '1' },
    'ingest-posts': { type: 'string', default: '50000' },
    'search-posts': { type: 'string', default: '300000' },
    'search-runs': { type: 'string', default: '100' },
    'e2e-rate': { type: 'string', default: '200' },
    'e2e-seconds': { type: 'string', default: '60' },
    'e2e-drain': { type: 'string', default: '5' },
  },
});

const json = values.json ?? false;
const benches: Record<string, () => Promise<Figure[]> | Figure[]> = {
  classify: () =>
    benchClassify({
      posts: Number(values.posts),
      queries: String(values.queries).split(',').map(Number),
      minMs: Number(values.seconds) * 1000,
    }),
  ingest: () => benchIngest({ posts: Number(values['ingest-posts']) }),
  search: () =>
    benchSearch({
      posts: Number(values['search-posts']),
      runs: Number(values['search-runs']),
      log: (line) => console.error(line),
    }),
  e2e: () =>
    benchEndToEnd({
      rate: Number(values['e2e-rate']),
      seconds: Number(values['e2e-seconds']),
      drainSeconds: Number(values['e2e-drain']),
      bigPosts: Number(values['search-posts']),
      log: (line) => console.error(line),
    }),
};

if (values.only && !(values.only in benches)) {
  console.error(
    `unknown benchmark "${values.only}"; choose one of: ${Object.keys(benches).join(', ')}`,
  );
  process.exit(2);
}
if (!json) console.log(`driver-voice benchmarks (node ${process.version}, one thread)\n`);
for (const [name, run] of Object.entries(benches)) {
  if (values.only && values.only !== name) continue;
  for (const figure of await run()) report(figure, json);
}
