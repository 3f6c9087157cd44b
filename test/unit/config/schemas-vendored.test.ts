import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, schemaPath } from '../../helpers/paths.js';

// The reference folder laid beside a checkout in this project's workplace; a user's clone has none.
const reference = path.resolve(repoRoot, '..', 'shared', 'schemas');

describe('vendored schemas', () => {
  const files = readdirSync(path.join(repoRoot, 'test', 'schemas')).filter((f) => f.endsWith('.json'));

  it('are the five report and metadata schemas', () => {
    expect(files.sort()).toEqual([
      'bitbucket-pipelines.schema.json',
      'github-action.schema.json',
      'gitlab-dast-report-format.json',
      'gitlab-sast-report-format.json',
      'sarif-2.1.0.schema.json',
    ]);
  });

  it.skipIf(!existsSync(reference)).each(files)('%s is byte for byte the reference copy', (file) => {
    expect(readFileSync(schemaPath(file)).equals(readFileSync(path.join(reference, file)))).toBe(true);
  });
});
