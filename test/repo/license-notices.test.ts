/**
 * Each bundle's licenses.txt names every third-party package whose code the bundle carries, with its licence
 * text, and no bundle carries two undici.
 *
 * What a bundle carries is worked out here independently of the build (which reads webpack's stats): the
 * packages the entry's source imports (following our own relative imports, skipping `import type`), then
 * their runtime `dependencies` as Node resolves them, minus packages that contain no JavaScript at all
 * (type-only packages such as @octokit/types).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const BUNDLES = {
  cli: 'shared/cli/main.ts',
  github: 'actions/github/main.ts',
  gitlab: 'gitlab-templates/src/main.ts',
  bitbucket: 'bitbucket-pipes/src/main.ts',
} as const;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g;

/** Bare package names imported (at run time) by the entry and everything it imports from this repository. */
function importedPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [resolve(repoRoot, entry)];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) todo.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return packages;
}

/** Node's lookup of `name` from `from`: the nearest node_modules/<name> up the tree. */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function hasJavaScript(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && hasJavaScript(join(dir, entry.name))) return true;
    if (entry.isFile() && /\.[cm]?js$/.test(entry.name) && !entry.name.endsWith('.d.js')) return true;
  }
  return false;
}

/** `name version` of every package the entry's code can load at run time. */
function runtimeClosure(entry: string): Set<string> {
  const out = new Set<string>();
  const visited = new Set<string>();
  const todo = [...importedPackages(entry)].map((name) => packageDir(name, repoRoot));
  for (let dir = todo.pop(); todo.length > 0 || dir !== undefined; dir = todo.pop()) {
    // An optional dependency that is not installed cannot be in the bundle.
    if (dir === undefined) continue;
    if (visited.has(dir)) continue;
    visited.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
    if (hasJavaScript(dir)) out.add(`${pkg.name} ${pkg.version}`);
    for (const dep of Object.keys(pkg.dependencies ?? {})) todo.push(packageDir(dep, dir));
  }
  return out;
}

interface Notice {
  name: string;
  version: string;
  license: string;
  text: string;
}

function notices(bundle: string): Notice[] {
  const text = readFileSync(join(repoRoot, 'dist', bundle, 'licenses.txt'), 'utf8');
  return text
    .split(/^-{80}$/m)
    .slice(1)
    .map((section) => {
      const [head = '', license = '', , ...rest] = section.trim().split('\n');
      const [name = '', version = ''] = head.split(' ');
      return { name, version, license: license.replace(/^License: /, ''), text: rest.join('\n') };
    });
}

describe.each(Object.entries(BUNDLES))('dist/%s/licenses.txt', (bundle, entry) => {
  const listed = notices(bundle);

  it('lists every third-party package the bundle can load, each with its licence and licence text', () => {
    const names = new Set(listed.map((n) => `${n.name} ${n.version}`));
    const missing = [...runtimeClosure(entry)].filter((p) => !names.has(p));
    expect(missing).toEqual([]);
    for (const n of listed) {
      expect(n.license, n.name).toMatch(/^[\w.-]+( (OR|AND) [\w.-]+)*$|^\(.+\)$/);
      expect(n.text.length, `${n.name} licence text`).toBeGreaterThan(100);
    }
  });

  it('carries zod and at most one undici (the major @actions/http-client uses)', () => {
    expect(listed.map((n) => n.name)).toContain('zod');
    // The platform client uses Node's http/https, so a bundle without a fetch-based client carries no undici.
    const undici = listed.filter((n) => n.name === 'undici');
    expect(undici.length).toBeLessThanOrEqual(1);
    if (undici.length === 0) return;
    const httpClient = JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@actions', 'http-client', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const major = /\d+/.exec(httpClient.dependencies.undici ?? '')?.[0];
    expect(undici[0]!.version.split('.')[0]).toBe(major);
  });
});

it('dist/github lists the toolkit it runs on', () => {
  const names = notices('github').map((n) => n.name);
  expect(names).toEqual(expect.arrayContaining(['@actions/core', '@actions/github', 'zod', '@octokit/core']));
});
