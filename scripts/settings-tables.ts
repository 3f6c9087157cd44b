/**
 * The settings tables in README.md and docs/*.md come from the option registry. Between
 * `<!-- settings:<ci>:start -->` and `<!-- settings:<ci>:end -->` sits `markdownTable(ci)`;
 * `npm run docs:sync` rewrites them (and the kdt flag table), and a test fails when one has drifted.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markdownTable } from '../shared/core/option-formats.js';
import { kdtFlagsMarkdown } from '../shared/cli/kdt-flags.js';
import type { CiKind } from '../shared/core/options.js';

const BLOCK = /(<!-- settings:(github|gitlab|bitbucket|cli):start -->\n)([\s\S]*?)(<!-- settings:\2:end -->)/g;

export function documentFiles(root: string): string[] {
  const docs = path.join(root, 'docs');
  const files = [path.join(root, 'README.md'), path.join(root, 'bitbucket-pipes', 'invicti-appsec', 'README.md'), path.join(root, 'gitlab-templates', 'README.md')];
  try {
    files.push(...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => path.join(docs, f)));
  } catch {
    // no docs folder yet
  }
  return files.filter((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
}

const KDT_BLOCK = /(<!-- kdt-flags:start -->\n)([\s\S]*?)(<!-- kdt-flags:end -->)/g;

/** The text with every settings block (and the kdt flag table of docs/migrating-from-kdt.md) regenerated. */
export function syncTables(text: string): string {
  return text
    .replace(BLOCK, (_m, start: string, ci: string, _old: string, end: string) => `${start}${markdownTable(ci as CiKind)}\n${end}`)
    .replace(KDT_BLOCK, (_m, start: string, _old: string, end: string) => `${start}${kdtFlagsMarkdown()}\n${end}`);
}

/** Which CIs' blocks a text holds. */
export function tableBlocks(text: string): string[] {
  return [...text.matchAll(BLOCK)].map((m) => m[2] ?? '');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..');
  for (const file of documentFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const synced = syncTables(text);
    if (synced !== text) {
      writeFileSync(file, synced);
      console.log(`updated ${path.relative(root, file)}`);
    }
  }
}
