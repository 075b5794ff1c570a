import { classify } from './classify.js';
import type { CompiledTaxonomy } from './compile-taxonomy.js';

/** A post of a labelled development set. */
export interface LabelledPost {
  id: string;
  text: string;
  lang: string;
  labels: string[];
  /** About collective activity or contacting press, researchers, lawyers or regulators: the guard must drop it. */
  protected: boolean;
}

export interface CategoryScore {
  id: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  posts: number;
  protectedPosts: number;
  protectedDropped: number;
  /** Protected posts the guard let through, by id. */
  protectedMissed: string[];
  otherPosts: number;
  /** Non-protected posts the guard dropped, by id. */
  falselyDropped: string[];
  categories: CategoryScore[];
  macroF1: number;
  /** Posts whose predicted categories differ from their labels. */
  mistakes: Array<{ id: string; expected: string[]; predicted: string[] }>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Guard recall, guard false drops and per-category precision, recall and F1 over a labelled set. */
export function evaluateTaxonomy(
  taxonomy: CompiledTaxonomy,
  posts: readonly LabelledPost[],
): EvaluationReport {
  const ids = taxonomy.categories.map((c) => c.id);
  const counts = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const report: EvaluationReport = {
    posts: posts.length,
    protectedPosts: 0,
    protectedDropped: 0,
    protectedMissed: [],
    otherPosts: 0,
    falselyDropped: [],
    categories: [],
    macroF1: 0,
    mistakes: [],
  };
  for (const post of posts) {
    const result = classify(post, taxonomy);
    if (post.protected) {
      report.protectedPosts++;
      if (result.dropped) report.protectedDropped++;
      else report.protectedMissed.push(post.id);
      continue;
    }
    report.otherPosts++;
    if (result.dropped) report.falselyDropped.push(post.id);
    const predicted = result.dropped ? [] : result.categories.map((c) => c.id);
    for (const id of ids) {
      const count = counts.get(id)!;
      const expected = post.labels.includes(id);
      const got = predicted.includes(id);
      if (expected && got) count.tp++;
      else if (got) count.fp++;
      else if (expected) count.fn++;
    }
    const expected = [...post.labels].sort();
    if (expected.join() !== [...predicted].sort().join()) {
      report.mistakes.push({ id: post.id, expected, predicted: [...predicted].sort() });
    }
  }
  report.categories = ids.map((id) => {
    const { tp, fp, fn } = counts.get(id)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return {
      id,
      support: tp + fn,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  });
  report.macroF1 = ratio(
    report.categories.reduce((sum, c) => sum + c.f1, 0),
    report.categories.length,
  );
  return report;
}
