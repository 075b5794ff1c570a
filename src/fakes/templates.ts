import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_DATA_DIR } from '../config/load-config.js';

const WIRE = path.join(BUNDLED_DATA_DIR, 'wire');

/** A recorded response trimmed into a template (see data/wire/README.md). */
export function readTemplate<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(WIRE, relative), 'utf8')) as T;
}

export function readTemplateText(relative: string): string {
  return readFileSync(path.join(WIRE, relative), 'utf8');
}
