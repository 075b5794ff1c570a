import type { CompiledTaxonomy } from '../classify/compile-taxonomy.js';
import {
  createSentimentScorer,
  type SentimentScorer,
} from '../classify/create-sentiment-scorer.js';
import { createGuard, type Guard } from '../classify/guard.js';
import { loadTaxonomy } from '../classify/load-taxonomy.js';
import { type Config, loadConfig } from '../config/load-config.js';
import { ConfigError } from '../errors.js';

export interface Context {
  config: Config;
  guard: Guard;
  taxonomy: CompiledTaxonomy;
  scoreSentiment: SentimentScorer;
}

/** Config, guard (built in plus config terms) and taxonomy, validated together. */
export function loadContext(
  env: Record<string, string | undefined>,
  options: { file?: string; cwd?: string } = {},
): Context {
  const config = loadConfig(env, options);
  const guard = createGuard({ extraTerms: config.guard.extraTerms });
  const taxonomy = loadTaxonomy(config.taxonomyPath, guard);
  const ids = new Set(taxonomy.categories.map((c) => c.id));
  for (const id of Object.keys(config.routing?.categories ?? {})) {
    if (!ids.has(id)) {
      throw new ConfigError(
        `The config file ${config.file ?? '(defaults)'} routes the category "${id}", which the taxonomy ${config.taxonomyPath} does not have; use one of: ${[...ids].join(', ')}.`,
      );
    }
  }
  return { config, guard, taxonomy, scoreSentiment: createSentimentScorer() };
}
