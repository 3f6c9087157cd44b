/** The built bundles the benchmarks start: a clean clone may not have them yet, so a missing one is built. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.js';

const ENTRIES: Record<string, string> = {
  cli: 'shared/cli/main.ts',
  github: 'actions/github/main.ts',
  gitlab: 'gitlab-templates/src/main.ts',
  bitbucket: 'bitbucket-pipes/src/main.ts',
};

/** Build `dist/<name>/index.js` (about 15 s) when it is missing and its entry exists; a present one is used as is. */
export function ensureBundle(name: string): void {
  if (existsSync(path.join(root, 'dist', name, 'index.js'))) return;
  const entry = ENTRIES[name];
  if (entry === undefined || !existsSync(path.join(root, entry))) return;
  console.log(`building dist/${name} (missing) ...`);
  execFileSync(process.execPath, ['scripts/build.mjs', name], { cwd: root, stdio: 'inherit', timeout: 300_000 });
}
