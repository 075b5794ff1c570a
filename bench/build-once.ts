import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
let built = false;

/** Compiles the project to `dist/` once per bench run: the worker and the `start` process run from the build. */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [
    path.join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    path.join(ROOT, 'tsconfig.build.json'),
  ]);
  built = true;
}
