/**
 * `changed-only` through the built pipe (dist/bitbucket/index.js) against the emulator and the fake Bitbucket API:
 * the pull request's diff comes from `GET .../pullrequests/{id}/diff` (followed through its redirect), and without
 * credentials the pipe says so and falls back to the step's clone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN, PR_ID, REPO, WORKSPACE, ensureBundle, pullRequestEnv, runPipe, startWorld, type World } from './support.js';

let world: World;
let cloneDir: string;

beforeAll(async () => {
  ensureBundle();
  world = await startWorld();
}, 120_000);
afterAll(async () => world.close());
beforeEach(async () => {
  cloneDir = await mkdtemp(join(tmpdir(), 'bb-changed-only-'));
});
afterEach(async () => {
  world.emu.reset();
  await rm(cloneDir, { recursive: true, force: true });
});

/** A git diff that changes line `line` of `file`, as Bitbucket's diff endpoint returns it. */
const diffAt = (file: string, line: number): string =>
  `diff --git a/${file} b/${file}\nindex 1111111..2222222 100644\n--- a/${file}\n+++ b/${file}\n` +
  `@@ -${line - 1},3 +${line - 1},3 @@\n line ${line - 1}\n-line ${line}\n+changed ${line}\n line ${line + 1}\n`;

const gateEnv = (): Record<string, string> => ({
  ...pullRequestEnv(world, cloneDir),
  INVICTI_CHANGED_ONLY: 'lines',
  INVICTI_RELEASE_CRITERIA: 'off',
  INVICTI_COMMENT: 'off',
  INVICTI_BITBUCKET_TOKEN: ACCESS_TOKEN,
});

describe('changed-only lines on a Bitbucket pull request', () => {
  it('fails on the one finding whose line the diff from the API touched', async () => {
    world.bb.setPullDiff(WORKSPACE, REPO, PR_ID, diffAt('src/jobs/convert.ts', 27) + diffAt('README.md', 3));
    world.bb.requests.length = 0;
    const r = await runPipe(gateEnv(), cloneDir);
    const log = r.stdout + r.stderr;
    expect(r.code, log).toBe(1);
    expect(log).toContain('1 critical finding on the changed lines, more than the allowed 0');
    expect(log).toContain('diff from the Bitbucket pull request diff API (2 files)');
    // The redirect was followed, with the credentials kept on the same origin.
    const diffReads = world.bb.requests.filter((q) => q.path.includes('/diff'));
    expect(diffReads.map((q) => q.path)).toEqual([
      `/2.0/repositories/${WORKSPACE}/${REPO}/pullrequests/${PR_ID}/diff`,
      `/2.0/repositories/${WORKSPACE}/${REPO}/diff/${WORKSPACE}/${REPO}:pr${PR_ID}`,
    ]);
    expect(diffReads.every((q) => q.headers.authorization === `Bearer ${ACCESS_TOKEN}`)).toBe(true);
  }, 40_000);

  it('passes when the diff touches no finding', async () => {
    world.bb.setPullDiff(WORKSPACE, REPO, PR_ID, diffAt('src/jobs/convert.ts', 5));
    const r = await runPipe(gateEnv(), cloneDir);
    const log = r.stdout + r.stderr;
    expect(r.code, log).toBe(0);
    expect(log).toContain('0 critical findings on the changed lines, within the allowed 0');
  }, 40_000);

  it('without credentials says so, tries the clone, and gates on everything', async () => {
    const env = gateEnv();
    delete env.INVICTI_BITBUCKET_TOKEN;
    world.bb.requests.length = 0;
    const r = await runPipe(env, cloneDir);
    const log = r.stdout + r.stderr;
    expect(r.code, log).toBe(1);
    expect(log).toMatch(/Bitbucket API: no credentials \(INVICTI_BITBUCKET_TOKEN\)/);
    expect(log).toContain('2 critical findings, more than the allowed 0');
    expect(world.bb.requests.some((q) => q.path.includes('/diff'))).toBe(false);
  }, 40_000);
});
