// Builds one ncc bundle per entry into dist/<name>/index.js. Deterministic, so CI can diff dist/.
// Two steps: tsc compiles the shipped sources only (tsconfig.build.json: no tests, so a type error in a test
// cannot break a build, yet shipped code is type-checked), then ncc bundles the emitted ESM.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entries = {
  cli: 'shared/cli/main',
  github: 'actions/github/main',
  gitlab: 'gitlab-templates/src/main',
  bitbucket: 'bitbucket-pipes/src/main',
};

const only = process.argv.slice(2);
rmSync('build', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const [name, entry] of Object.entries(entries)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(`${entry}.ts`)) continue;
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', join('build', `${entry}.js`), '-o', out, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '-q'],
    { stdio: 'inherit' },
  );
  const size = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  console.log(`dist/${name}: ${(size / 1024).toFixed(0)} kB`);
}
rmSync('build', { recursive: true, force: true });
