/**
 * A typo can never switch the gate off: a misspelled setting variable stops every built entry with exit 2,
 * naming the misspelling and the real name, before any platform request. With release criteria off, the
 * misspelled threshold used to be ignored and the gate passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { prepareStep, pushPayload, runBundle as runActionBundle } from '../helpers/github-runner.js';
import { STACK_FRAME } from './support.js';

const TOKEN = 'resilience-typo-token-51c0de';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 50 });
  dir = await mkdtemp(join(tmpdir(), 'typo-settings-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

const SETTINGS = {
  INVICTI_ASPM_HOST: '',
  INVICTI_ASPM_TOKEN: TOKEN,
  INVICTI_PROJECT: 'demo-app',
  INVICTI_SCANNER: 'codethreat',
  INVICTI_BRANCH: 'main',
  INVICTI_RELEASE_CRITERIA: 'off',
  INVICTI_THRESHOLD_CRITICIAL: '0',
};

describe('a misspelled setting variable', () => {
  it.each([
    ['gitlab', 'dist/gitlab/index.js', { CI: 'true', GITLAB_CI: 'true', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_SHA: 'a'.repeat(40) }],
    ['bitbucket', 'dist/bitbucket/index.js', { CI: 'true', BITBUCKET_BUILD_NUMBER: '1', BITBUCKET_BRANCH: 'main', BITBUCKET_COMMIT: 'a'.repeat(40) }],
    ['cli', 'dist/cli/index.js', {}],
  ] as const)('%s: exit 2 naming both variables, no platform request', async (_name, bundle, ci) => {
    const since = emu.nextRequestIndex();
    const run = await runBundle(bundle, bundle.includes('cli') ? ['scan'] : [], {
      env: baseEnv({ ...ci, ...SETTINGS, INVICTI_ASPM_HOST: emu.url }),
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('INVICTI_THRESHOLD_CRITICIAL');
    expect(run.stderr).toContain('INVICTI_THRESHOLD_CRITICAL');
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(emu.requests(since)).toEqual([]);
  });

  it('github: INPUT_THRESHOLD_CRITICAL (underscore) is refused, not ignored', async () => {
    const since = emu.nextRequestIndex();
    const { env, files } = await prepareStep({
      inputs: { host: emu.url, token: TOKEN, project: 'demo-app', scanner: 'codethreat', branch: 'main', 'release-criteria': 'off' },
      githubToken: 'ghs_typo',
      apiUrl: 'http://127.0.0.1:9',
      eventName: 'push',
      payload: pushPayload('main'),
      env: { INPUT_THRESHOLD_CRITICAL: '0' },
    });
    try {
      const run = await runActionBundle(env, files);
      expect(run.code, run.stdout).toBe(2);
      expect(run.stdout).toContain('INPUT_THRESHOLD_CRITICAL');
      expect(run.stdout).toContain('INPUT_THRESHOLD-CRITICAL');
      expect(emu.requests(since)).toEqual([]);
    } finally {
      await rm(files.dir, { recursive: true, force: true });
    }
  });
});
