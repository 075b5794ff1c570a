/**
 * `npm run eval [-- --verbose] [-- FILE.jsonl]`: the default taxonomy and the guard
 * against the labelled development set. Exits 1 when a target is missed:
 * every protected post dropped, at most 5% of other posts dropped by the
 * guard, macro-F1 over the categories of at least 0.80.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateTaxonomy, type LabelledPost } from '../src/classify/evaluate-taxonomy.js';
import { createGuard } from '../src/classify/guard.js';
import { loadTaxonomy } from '../src/classify/load-taxonomy.js';
import { BUNDLED_TAXONOMY } from '../src/config/load-config.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file =
  args.find((a) => !a.startsWith('--')) ??
  fileURLToPath(new URL('../test/fixtures/dev-set.jsonl', import.meta.url));
const posts = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledPost);
const byId = new Map(posts.map((p) => [p.id, p]));

const report = evaluateTaxonomy(loadTaxonomy(BUNDLED_TAXONOMY, createGuard()), posts);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const falseDropRate = report.falselyDropped.length / report.otherPosts;

console.log(
  `development set: ${report.posts} posts (${report.protectedPosts} protected, ${report.otherPosts} other)`,
);
console.log(`guard: ${report.protectedDropped}/${report.protectedPosts} protected posts dropped`);
console.log(
  `guard: ${report.falselyDropped.length}/${report.otherPosts} other posts dropped (${pct(falseDropRate)})`,
);
console.log('\ncategory   support  precision  recall  F1');
for (const c of report.categories) {
  console.log(
    `${c.id.padEnd(10)} ${String(c.support).padStart(7)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${c.f1.toFixed(3)}`,
  );
}
console.log(`\nmacro-F1: ${report.macroF1.toFixed(3)}`);

if (verbose) {
  for (const id of report.protectedMissed)
    console.log(`MISSED PROTECTED ${id}: ${byId.get(id)?.text}`);
  for (const id of report.falselyDropped) console.log(`FALSE DROP ${id}: ${byId.get(id)?.text}`);
  for (const m of report.mistakes) {
    console.log(`${m.id}: expected [${m.expected}] got [${m.predicted}]  ${byId.get(m.id)?.text}`);
  }
}

const ok = report.protectedMissed.length === 0 && falseDropRate <= 0.05 && report.macroF1 >= 0.8;
console.log(ok ? '\nall targets met' : '\nTARGET MISSED');
process.exitCode = ok ? 0 : 1;
