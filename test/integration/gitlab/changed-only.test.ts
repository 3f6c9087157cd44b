/**
 * `changed-only` through the built GitLab job entry (dist/gitlab/index.js), spawned with a merge request
 * pipeline's literal environment against the emulator and the fake GitLab API: the diff comes from the merge
 * request diffs API (paged), and without a token the job says so and falls back to the checkout.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { startFakeGitLab, type FakeGitLab, type FakeMrDiff } from '../../fakes/gitlab-api.js';
import { repoRoot } from '../../helpers/paths.js';
import { baseEnv, runBundle } from '../../helpers/spawn.js';

const BUNDLE = join('dist', 'gitlab', 'index.js');
const ASPM_TOKEN = 'aspm-changed-only-token-4242';
const GITLAB_TOKEN = 'glpat-changed-only-secret-7777';
const PROJECT_ID = 1217;
const MR_IID = 7;

let emulator: Emulator;
let gitlab: FakeGitLab;
let projectDir: string;

beforeAll(async () => {
  if (!existsSync(join(repoRoot, BUNDLE))) throw new Error('dist/gitlab/index.js is missing: run `node scripts/build.mjs gitlab` first.');
  emulator = await startEmulator({ port: 0, token: ASPM_TOKEN, timeScale: 50 });
  gitlab = await startFakeGitLab({ tokens: { [GITLAB_TOKEN]: { id: 77, username: 'project_1217_bot', bot: true } } });
});
afterAll(async () => {
  await gitlab.close();
  await emulator.close();
});
beforeEach(async () => {
  projectDir = await mkdtemp(join(tmpdir(), 'gl-changed-only-'));
});
afterEach(async () => {
  emulator.reset();
  await rm(projectDir, { recursive: true, force: true });
});

/** One hunk changing line `line`, as GitLab's `diff` field holds it. */
const diffAt = (path: string, line: number): FakeMrDiff => ({
  new_path: path,
  diff: `@@ -${line - 1},3 +${line - 1},3 @@\n line ${line - 1}\n-line ${line}\n+changed ${line}\n line ${line + 1}\n`,
});

async function job(extra: Record<string, string | undefined> = {}) {
  const env = baseEnv({
    GITLAB_CI: 'true',
    CI: 'true',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: String(MR_IID),
    CI_MERGE_REQUEST_PROJECT_ID: String(PROJECT_ID),
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_PROJECT_ID: String(PROJECT_ID),
    CI_PROJECT_DIR: projectDir,
    CI_API_V4_URL: gitlab.apiUrl,
    INVICTI_ASPM_HOST: emulator.url,
    INVICTI_ASPM_TOKEN: ASPM_TOKEN,
    INVICTI_GITLAB_TOKEN: GITLAB_TOKEN,
    INVICTI_PROJECT: 'demo-app',
    INVICTI_SCANNER: 'codethreat',
    INVICTI_THRESHOLD_CRITICAL: '0',
    INVICTI_CHANGED_ONLY: 'lines',
    INVICTI_RELEASE_CRITERIA: 'off',
    INVICTI_COMMENT: 'off',
    ...extra,
  });
  const r = await runBundle(BUNDLE, [], { env, cwd: projectDir, timeoutMs: 40_000 });
  return { ...r, log: r.stdout + r.stderr };
}

const diffReads = () => gitlab.requests.filter((q) => q.path === `/api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/diffs`);

describe('changed-only lines on a GitLab merge request', () => {
  it('fails on the one finding whose line the API diff touched, reading every page', async () => {
    // 250 files: three pages of 100, the touched one on the last.
    const filler = Array.from({ length: 249 }, (_, i) => diffAt(`docs/page-${i}.md`, 3));
    gitlab.setMrDiffs(PROJECT_ID, MR_IID, [...filler, diffAt('src/jobs/convert.ts', 27)]);
    gitlab.requests.length = 0;
    const r = await job();
    expect(r.code, r.log).toBe(1);
    expect(r.log).toContain('1 critical finding on the changed lines, more than the allowed 0');
    expect(r.log).toContain('diff from the GitLab merge request diffs API (250 files)');
    expect(diffReads().map((q) => q.query.get('page')).sort()).toEqual(['1', '2', '3']);
    expect(diffReads().every((q) => q.headers['private-token'] === GITLAB_TOKEN)).toBe(true);
    expect(r.log).not.toContain(GITLAB_TOKEN);
  }, 60_000);

  it('passes when the diff touches no finding', async () => {
    gitlab.setMrDiffs(PROJECT_ID, MR_IID, [diffAt('src/jobs/convert.ts', 5)]);
    const r = await job();
    expect(r.code, r.log).toBe(0);
    expect(r.log).toContain('0 critical findings on the changed lines, within the allowed 0');
  }, 60_000);

  it('without a token says so, tries the checkout, and gates on everything', async () => {
    gitlab.requests.length = 0;
    const r = await job({ INVICTI_GITLAB_TOKEN: undefined });
    expect(r.code, r.log).toBe(1);
    expect(r.log).toMatch(/GitLab API: no token \(INVICTI_GITLAB_TOKEN\)/);
    expect(r.log).toContain('2 critical findings, more than the allowed 0');
    expect(diffReads()).toEqual([]);
  }, 60_000);

  it('an API error falls back to the checkout and names the failure', async () => {
    gitlab.setMrDiffs(PROJECT_ID, MR_IID + 1, []);
    const r = await job({ CI_MERGE_REQUEST_IID: String(MR_IID + 100) });
    expect(r.code, r.log).toBe(1);
    expect(r.log).toMatch(/GitLab API: GET \/projects\/1217\/merge_requests\/107\/diffs failed/);
  }, 60_000);
});
