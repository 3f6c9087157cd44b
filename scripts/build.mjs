// Builds one ncc bundle per entry into dist/<name>/index.js. Deterministic, so CI can diff dist/.
// Two steps: tsc compiles the shipped sources only (tsconfig.build.json: no tests, so a type error in a test
// cannot break a build, yet shipped code is type-checked), then ncc bundles the emitted ESM.
//
// Third-party notices: ncc's own `--license` output misses packages (ESM-only ones such as @actions/core and
// zod, and those whose licence file is LICENSE.md), so each bundle's licenses.txt is written here from
// webpack's stats instead: every package with a module in the bundle or its chunks, with its licence text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const entries = {
  cli: 'shared/cli/main',
  github: 'actions/github/main',
  gitlab: 'gitlab-templates/src/main',
  bitbucket: 'bitbucket-pipes/src/main',
};

/** The package directories (…/node_modules/<name>) of every module webpack put in the bundle. */
function bundledPackageDirs(stats) {
  const dirs = new Set();
  const visit = (modules) => {
    for (const m of modules ?? []) {
      // nameForCondition is the module's own file, without the loaders in front of it.
      const file = m.nameForCondition ?? '';
      const at = file.lastIndexOf(`${sep}node_modules${sep}`);
      if (at >= 0) {
        const rest = file.slice(at + `${sep}node_modules${sep}`.length).split(sep);
        const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
        dirs.add(file.slice(0, at) + `${sep}node_modules${sep}` + name.split('/').join(sep));
      }
      visit(m.modules);
    }
  };
  visit(stats.modules);
  for (const chunk of stats.chunks ?? []) visit(chunk.modules);
  return [...dirs];
}

/** licenses.txt: one section per bundled package (name, version, licence, licence text), sorted by name. */
function licenseNotices(bundle, stats) {
  const sections = bundledPackageDirs(stats).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).sort().find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file in the package; package.json says ${pkg.license})`;
    return { key: `${pkg.name}@${pkg.version}`, body: `${pkg.name} ${pkg.version}\nLicense: ${pkg.license ?? 'UNKNOWN'}\n\n${text}` };
  });
  sections.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rule = '-'.repeat(80);
  const head = `Third-party software bundled into dist/${bundle}/ (${sections.length} packages).`;
  return `${head}\n\n${sections.map((s) => `${rule}\n${s.body}\n`).join('\n')}`;
}

const only = process.argv.slice(2);
rmSync('build', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const [name, entry] of Object.entries(entries)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (!existsSync(`${entry}.ts`)) continue;
  const out = join('dist', name);
  const statsFile = join('build', `${name}.stats.json`);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', join('build', `${entry}.js`), '-o', out, '--minify', '--no-source-map-register', '--stats-out', statsFile, '-q'],
    { stdio: 'inherit' },
  );
  writeFileSync(join(out, 'licenses.txt'), licenseNotices(name, JSON.parse(readFileSync(statsFile, 'utf8'))));
  const size = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
  console.log(`dist/${name}: ${(size / 1024).toFixed(0)} kB`);
}
rmSync('build', { recursive: true, force: true });
