/**
 * The files a team adopting the project, or a maintainer releasing it, looks for: the licence package.json
 * declares, the security policy, the changelog, and README links and badges that lead somewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { license: string; version: string };

describe('LICENSE', () => {
  const text = read('LICENSE');
  it('is the full Apache License 2.0 that package.json declares', () => {
    expect(pkg.license).toBe('Apache-2.0');
    expect(text).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(text).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    // All nine sections, then the end of the terms and the appendix.
    const sections = ['Definitions', 'Grant of Copyright License', 'Grant of Patent License', 'Redistribution', 'Submission of Contributions', 'Trademarks', 'Disclaimer of Warranty', 'Limitation of Liability', 'Accepting Warranty or Additional Liability'];
    for (const [i, title] of sections.entries()) expect(text).toMatch(new RegExp(`\\n   ${i + 1}\\. ${title}\\.`));
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(text).toContain('http://www.apache.org/licenses/LICENSE-2.0');
    expect(text.length).toBeGreaterThan(11_000);
  });
});

describe('SECURITY.md', () => {
  it('says how to report privately, what is in scope, and how tokens are handled', () => {
    const text = read('SECURITY.md');
    expect(text).toMatch(/^## Reporting a vulnerability$/m);
    expect(text).toMatch(/private vulnerability reporting/);
    expect(text).toMatch(/^## Scope$/m);
    expect(text).toMatch(/^## How tokens are handled$/m);
  });
});

describe('CHANGELOG.md', () => {
  const text = read('CHANGELOG.md');
  it('follows Keep a Changelog, with an Unreleased section first and the current version released', () => {
    expect(text).toMatch(/keepachangelog\.com/);
    const versions = [...text.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(versions[0]).toBe('Unreleased');
    expect(versions).toContain(pkg.version);
    for (const version of versions) expect(text).toMatch(new RegExp(`^\\[${version!.replace(/\./g, '\\.')}\\]: https://`, 'm'));
    const unreleased = text.slice(text.indexOf('## [Unreleased]'), text.indexOf('\n## [', text.indexOf('## [Unreleased]') + 1));
    expect(unreleased).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
  });
});

describe('README.md', () => {
  const text = read('README.md');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');

  it('links only to files that exist', () => {
    const local = links.filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#')).map((l) => l.split('#')[0]!);
    expect(local.length).toBeGreaterThan(5);
    expect(local.filter((l) => !existsSync(join(repoRoot, l)))).toEqual([]);
  });

  it('has badges whose workflow files exist and that link to the licence, changelog and security policy', () => {
    const badges = [...text.matchAll(/\[!\[[^\]]*\]\(([^)]+)\)\]\(([^)]+)\)/g)].map((m) => ({ image: m[1] ?? '', target: m[2] ?? '' }));
    expect(badges.map((b) => b.target)).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', 'LICENSE', 'CHANGELOG.md', 'SECURITY.md']));
    for (const { image } of badges) {
      const workflow = /\/actions\/workflows\/([^/]+)\/badge\.svg$/.exec(image)?.[1];
      if (workflow) expect(existsSync(join(repoRoot, '.github', 'workflows', workflow)), workflow).toBe(true);
    }
  });
});
