import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_AGENT, VERSION } from '../../../shared/version.js';
import { repoRoot } from '../../helpers/paths.js';

describe('version', () => {
  it('equals package.json and names the project in the User-Agent', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(USER_AGENT).toBe(`invicti-appsec-ci/${pkg.version}`);
  });
});
