import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFiles, syncTables, tableBlocks } from '../../../scripts/settings-tables.js';
import { repoRoot } from '../../helpers/paths.js';

describe('settings tables in the docs', () => {
  const files = documentFiles(repoRoot);

  it('the README has the CLI table', () => {
    expect(tableBlocks(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'))).toContain('cli');
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s matches the option registry (npm run docs:sync)', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(syncTables(text)).toBe(text);
  });
});
