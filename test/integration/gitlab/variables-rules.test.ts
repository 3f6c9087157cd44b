/**
 * GitLab-native behaviour of the component, run by gitlab-ci-local with the built bundle (dist/gitlab), the
 * platform emulator on loopback:
 * - settings set as pipeline variables (top of .gitlab-ci.yml) or project variables are not hidden by inputs
 *   left unset or at their default, and an input that is set wins;
 * - the default `rules:` run the job in MR pipelines, on the default branch and on branches without an open
 *   MR, and not in the branch pipeline of a branch that has one (the MR pipeline scans it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { gitlabCiLocal, requireShellExecutorTools, variableArgs, workingCopy, type WorkingCopy } from './support.js';

const ASPM_TOKEN = 'aspm-secret-token-5151';
const BUNDLE_HOME = join(repoRoot, 'dist');
const hasRsync = spawnSync('rsync', ['--version'], { stdio: 'ignore' }).status === 0;

let emulator: Emulator;
let copy: WorkingCopy;

beforeAll(async () => {
  copy = await workingCopy('pipeline-variables.gitlab-ci.yml', 'merge-request.gitlab-ci.yml');
});
afterAll(async () => {
  await copy?.remove();
  await emulator?.close();
});

/** The jobs `--list` shows for a pipeline with these predefined variables. */
async function listedJobs(vars: Record<string, string>, unset: string[] = []): Promise<string[]> {
  const result = await gitlabCiLocal(copy, [
    '--file',
    'merge-request.gitlab-ci.yml',
    '--list',
    ...variableArgs(vars, Object.keys(vars)),
    ...unset.flatMap((name) => ['--unset-variable', name]),
  ]);
  expect(result.code, result.output).toBe(0);
  return result.output
    .split('\n')
    .filter((line) => /^\S+\s+test\s/.test(line))
    .map((line) => line.split(/\s+/)[0] ?? '');
}

describe('default rules of the component (gitlab-ci-local --list)', () => {
  it('runs in a merge request pipeline', async () => {
    expect(await listedJobs({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '7' }, ['CI_COMMIT_BRANCH'])).toEqual(['invicti-appsec']);
  });

  it('runs on the default branch, even with open merge requests from it', async () => {
    expect(await listedJobs({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_OPEN_MERGE_REQUESTS: 'acme/web-app!3' })).toEqual(['invicti-appsec']);
  });

  it('runs on a branch without an open merge request', async () => {
    expect(await listedJobs({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature/login' })).toEqual(['invicti-appsec']);
  });

  it('does not run in the branch pipeline of a branch with an open merge request (its MR pipeline scans)', async () => {
    expect(await listedJobs({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature/login', CI_OPEN_MERGE_REQUESTS: 'acme/web-app!7' })).toEqual([]);
  });
});

if (!hasRsync) console.warn('gitlab variables tests: skipped here, rsync is not installed (CI installs it and runs them).');

describe.skipIf(!hasRsync && process.env.CI !== 'true')('settings from pipeline and project variables (gitlab-ci-local, shell executor)', () => {
  it('takes host, scanner and release criteria from the variables and the set input over the variable', async () => {
    if (!existsSync(join(BUNDLE_HOME, 'gitlab', 'index.js'))) throw new Error('dist/gitlab/index.js is missing: run `node scripts/build.mjs gitlab` first.');
    await requireShellExecutorTools();
    emulator = await startEmulator({ port: 0, token: ASPM_TOKEN, timeScale: 20 });
    const vars = {
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'feature/login',
      TEST_EMULATOR_URL: emulator.url,
      // A project-level CI/CD variable.
      INVICTI_ASPM_TOKEN: ASPM_TOKEN,
      INVICTI_APPSEC_HOME: BUNDLE_HOME,
    };
    const result = await gitlabCiLocal(copy, ['--force-shell-executor', ...variableArgs(vars, ['GITLAB_CI', 'CI_PIPELINE_SOURCE', 'CI_COMMIT_BRANCH']), 'invicti-appsec']);
    expect(result.output).not.toMatch(/host.*required|required.*host/i);
    // threshold-critical: "0" (the input) beat INVICTI_THRESHOLD_CRITICAL "10": the branch's 2 criticals fail the gate.
    expect(result.output).toMatch(/FAILED \(exit 1\) - project demo-app, branch feature\/login/);
    expect(result.code).toBe(1);
    const junit = await copy.read('invicti-appsec-junit.xml');
    const cases = [...junit.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    // INVICTI_RELEASE_CRITERIA "off" (a variable) held although the input sits at its default, "scanner".
    expect(cases).toEqual(['threshold-critical']);
    expect(junit).toMatch(/<testsuite name="Invicti AppSec: codethreat"/);
    expect(result.output).not.toContain(ASPM_TOKEN);
  }, 60_000);
});
