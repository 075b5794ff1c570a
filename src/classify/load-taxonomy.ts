import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { listIssues } from '../config/describe-issues.js';
import { TaxonomyError } from '../errors.js';
import { type CompiledTaxonomy, compileTaxonomy } from './compile-taxonomy.js';
import type { Guard } from './guard.js';
import { type TaxonomyDefinition, taxonomySchema } from './taxonomy-schema.js';

/** Validates a taxonomy object (parsed YAML) and compiles it with the guard. */
export function parseTaxonomy(raw: unknown, guard: Guard, origin = 'taxonomy'): CompiledTaxonomy {
  const result = taxonomySchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new TaxonomyError(
      `The taxonomy ${origin} is invalid:\n${listIssues(result.error, { value: raw })}`,
    );
  }
  try {
    return compileTaxonomy(result.data satisfies TaxonomyDefinition, guard);
  } catch (error) {
    if (error instanceof TaxonomyError) {
      throw new TaxonomyError(`${origin}: ${error.message}`, {
        cause: error,
        context: error.context,
      });
    }
    throw error;
  }
}

/** Reads a taxonomy YAML file; every problem is a TaxonomyError naming the file. */
export function loadTaxonomy(file: string, guard: Guard): CompiledTaxonomy {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TaxonomyError(`Cannot read the taxonomy ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseTaxonomy(raw, guard, file);
}
