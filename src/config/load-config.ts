import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { type ConfigFile, configSchema, type Env, envSchema } from './config-schema.js';
import { listIssues } from './describe-issues.js';

/** The bundled data folder (taxonomy, examples, samples), next to `src/` or `dist/`. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const BUNDLED_TAXONOMY = path.join(BUNDLED_DATA_DIR, 'taxonomy.yml');

export interface Config extends ConfigFile {
  /** Absolute path of the file the config came from, or null when defaults were used. */
  file: string | null;
  /** Absolute path of the taxonomy file. */
  taxonomyPath: string;
  /** Absolute path of the database file (or `:memory:`). */
  databasePath: string;
  env: Env;
}

/** Reads and validates the environment; a bad value names the variable and what to set. */
export function loadEnv(rawEnv: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(rawEnv);
  if (!result.success) {
    throw new ConfigError(`The environment has invalid values:\n${listIssues(result.error)}`);
  }
  return result.data;
}

/**
 * Loads the YAML config named by `file`, else `DRIVER_VOICE_CONFIG`, else
 * `data/config.yml` under `cwd`. Only the default path may be missing (then
 * the defaults apply); a named file that is missing or invalid is a ConfigError
 * naming the file, the field, what was expected and what was found.
 */
export function loadConfig(
  rawEnv: Record<string, string | undefined>,
  options: { file?: string; cwd?: string } = {},
): Config {
  const env = loadEnv(rawEnv);
  const cwd = options.cwd ?? process.cwd();
  const named = options.file ?? env.DRIVER_VOICE_CONFIG;
  const file = path.resolve(cwd, named ?? 'data/config.yml');

  let raw: unknown = {};
  let source: string | null = null;
  if (existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`Cannot read the config file ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (error) {
      throw new ConfigError(
        `The config file ${file} is not valid YAML: ${(error as Error).message}`,
        { cause: error },
      );
    }
    source = file;
  } else if (named !== undefined) {
    throw new ConfigError(
      `The config file ${file} does not exist. Copy data/config.example.yml to it, or set DRIVER_VOICE_CONFIG to an existing file.`,
    );
  }

  const result = configSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      `The config file ${source ?? file} is invalid:\n${listIssues(result.error, { value: raw })}`,
    );
  }
  const baseDir = path.dirname(file);
  const data = result.data;
  return {
    ...data,
    file: source,
    taxonomyPath: data.taxonomy ? path.resolve(baseDir, data.taxonomy) : BUNDLED_TAXONOMY,
    databasePath:
      data.storage.path === ':memory:' ? ':memory:' : path.resolve(baseDir, data.storage.path),
    env,
  };
}
