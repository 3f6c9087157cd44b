// Builds one ncc bundle per entry into dist/<name>/index.js. Deterministic, so CI can diff dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entries = {
  cli: 'shared/cli/main.ts',
  github: 'actions/github/main.ts',
  gitlab: 'gitlab-templates/src/main.ts',
  bitbucket: 'bitbucket-pipes/src/main.ts',
};

const only = process.argv.slice(2);
for (const [name, entry] of Object.entries(entries)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(entry)) continue;
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', out, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '-q'],
    { stdio: 'inherit' },
  );
  const size = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  console.log(`dist/${name}: ${(size / 1024).toFixed(0)} kB`);
}
