/**
 * The docs connect new-findings-only and release criteria (checked by default, they can still fail the run on
 * old findings; release-criteria off turns that off), and every relative link with an anchor in the docs leads
 * to a heading that exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOption } from '../../shared/core/options.js';
import { repoRoot } from '../helpers/paths.js';

const DOCS = ['README.md', 'docs/github.md', 'docs/gitlab.md', 'docs/bitbucket.md', 'docs/troubleshooting.md', 'docs/migrating-from-kdt.md', 'docs/self-hosted.md', 'docs/contributing.md'];
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6} +(.+)$/gm)) {
    out.add((m[1] ?? '').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
  }
  return out;
}

describe('docs: new-findings-only and release criteria', () => {
  it('README explains that release criteria are checked by default, judge old findings, and how to turn them off', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('### New findings only, and release criteria'));
    expect(section.length).toBeGreaterThan(0);
    const body = section.slice(0, section.indexOf('\n### ', 10));
    expect(body).toMatch(/checked by default/);
    expect(body).toMatch(/old ones too/);
    expect(body).toMatch(/release-criteria: off/);
  });

  it.each(['docs/github.md', 'docs/gitlab.md', 'docs/bitbucket.md', 'docs/troubleshooting.md'])('%s links to that section', (file) => {
    expect(read(file)).toContain('(../README.md#new-findings-only-and-release-criteria)');
  });

  it('the settings say so too, in every packaging (generated from the registry)', () => {
    expect(getOption('new-findings-only').description).toMatch(/release criteria \(checked by default\) still judge every open finding.*release-criteria to off/);
  });

  it('every relative link with an anchor points at an existing heading', () => {
    for (const file of DOCS) {
      for (const m of read(file).matchAll(/\]\((?!https?:)([^)#\s]*)#([^)\s]+)\)/g)) {
        const target = m[1] === '' ? file : path.normalize(path.join(path.dirname(file), m[1] ?? ''));
        expect(anchors(read(target)), `${file} → ${m[1]}#${m[2]}`).toContain(m[2]);
      }
    }
  });
});
