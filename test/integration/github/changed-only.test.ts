/**
 * Issue 16's acceptance through the built action (dist/github/index.js), against the emulator and the fake GitHub
 * API: scanners chosen by type, the gate limited to the lines a pull request touched (diff from the pull request
 * files API, or from a real shallow git clone when no token is given), and findings fixed by the change.
 */
import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';
import { cloneOf, numbered, originWithBranch } from '../../helpers/git-repo.js';
import { PR_NUMBER, REPOSITORY, prepareStep, pullRequestPayload, runBundle, visibleLog, type StepResult } from '../../helpers/github-runner.js';

const EMU_TOKEN = 'emuChangedOnlyToken0123456789ab';
const GH_TOKEN = 'ghs_ChangedOnlySecret0123456789';
const [OWNER = '', REPO = ''] = REPOSITORY.split('/');

let emulator: Emulator;
let github: FakeGitHub;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50 });
  github = await startFakeGitHub({ tokens: { [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 } } });
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});
afterEach(async () => {
  emulator.reset();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A one-hunk patch that changes line `line` of a file, as GitHub's `patch` field carries it. */
const patchAt = (line: number): string => `@@ -${line - 1},3 +${line - 1},3 @@\n line ${line - 1}\n-line ${line}\n+changed ${line}\n line ${line + 1}`;

async function step(inputs: Record<string, string>, options: { headRef?: string; token?: string; workspace?: string } = {}): Promise<StepResult> {
  const { env, files } = await prepareStep({
    githubToken: options.token ?? GH_TOKEN,
    apiUrl: github.url,
    eventName: 'pull_request',
    payload: pullRequestPayload({ headRef: options.headRef ?? 'feature/login' }),
    inputs: { host: emulator.url, token: EMU_TOKEN, project: 'demo-app', 'release-criteria': 'off', comment: 'off', ...inputs },
    ...(options.workspace ? { env: { GITHUB_WORKSPACE: options.workspace } } : {}),
  });
  dirs.push(files.dir);
  return runBundle(env, files, 40_000);
}

describe('scanner-type alone', () => {
  it('runs exactly the SAST scanners demo-app uses and says why', async () => {
    const r = await step({ 'scanner-type': 'sast' });
    expect(r.code).toBe(0);
    const scanners = JSON.parse(r.outputs.scanners ?? '[]') as { scanner: string; type: string }[];
    expect(scanners.map((s) => [s.scanner, s.type])).toEqual([
      ['codethreat', 'sast'],
      ['semgrep', 'sast'],
    ]);
    expect(visibleLog(r.stdout)).toContain('codethreat (last scanned on main 2 hours ago)');
    expect(visibleLog(r.stdout)).toContain('semgrep (saved scan configuration on main)');
    expect(r.summary).toContain('Chosen by scanner type: **codethreat**: last scanned on main 2 hours ago · **semgrep**: saved scan configuration on main');
  });

  it('a type the project does not use is exit 2, listing its scanners by type', async () => {
    const r = await step({ 'scanner-type': 'cs' });
    expect(r.code).toBe(2);
    expect(visibleLog(r.stdout)).toContain('Project "demo-app" uses dast: saltsecurity; sast: codethreat');
  });
});

describe('changed-only lines', () => {
  const gate = { scanner: 'codethreat', 'threshold-critical': '0', 'changed-only': 'lines' };

  it('fails on the one finding whose line the pull request touched (diff from the GitHub API)', async () => {
    github.setPullFiles(OWNER, REPO, PR_NUMBER, [
      { filename: 'src/jobs/convert.ts', status: 'modified', patch: patchAt(27) },
      { filename: 'README.md', status: 'modified', patch: patchAt(3) },
    ]);
    const r = await step(gate);
    expect(r.code).toBe(1);
    expect(r.outputs.critical).toBe('2'); // the whole branch: SQL injection (main) and OS command injection (this change)
    const log = visibleLog(r.stdout);
    expect(log).toContain('1 critical finding on the changed lines, more than the allowed 0');
    expect(log).toContain('changed-only lines: diff from the GitHub pull request files API (2 files)');
    expect(r.summary).toMatch(/✏️ (🆕 )?OS Command Injection/);
    expect(r.summary).not.toMatch(/✏️ (🆕 )?SQL Injection/);
    // Changed-line findings come first in the comment's table.
    expect(r.summary.indexOf('OS Command Injection')).toBeLessThan(r.summary.indexOf('SQL Injection'));
    expect(github.requests.some((q) => q.path === `/repos/${REPOSITORY}/pulls/${PR_NUMBER}/files`)).toBe(true);
  });

  it('passes when the diff touches no finding\'s line, and fails with changed-only files on the same diff', async () => {
    github.setPullFiles(OWNER, REPO, PR_NUMBER, [{ filename: 'src/jobs/convert.ts', status: 'modified', patch: patchAt(5) }]);
    const lines = await step(gate);
    expect(lines.code).toBe(0);
    expect(visibleLog(lines.stdout)).toContain('0 critical findings on the changed lines, within the allowed 0');
    const files = await step({ ...gate, 'changed-only': 'files' });
    expect(files.code).toBe(1);
    expect(visibleLog(files.stdout)).toContain('1 critical finding in the changed files');
  });

  it('without a token, reads the diff from a shallow clone in the workspace', async () => {
    const origin = await originWithBranch({
      base: { 'src/jobs/convert.ts': numbered(40), 'src/db/users.ts': numbered(60) },
      change: { 'src/jobs/convert.ts': numbered(40, { 27: 'changed 27' }) },
      branch: 'feature/login',
      extraMainCommits: 2,
    });
    const workspace = await cloneOf(origin, 'feature/login', 1);
    dirs.push(origin, workspace);
    const r = await step(gate, { token: '', workspace });
    expect(r.code).toBe(1);
    const log = visibleLog(r.stdout);
    expect(log).toContain('1 critical finding on the changed lines');
    expect(log).toMatch(/local checkout \(git diff merge base with main\.\.HEAD, 1 files; fetched main \(depth 200\)/);
  });

  it('no diff at all: warns and gates on everything, or stops with exit 2 under changed-only-fallback fail', async () => {
    const unscoped = await step(gate, { token: '' });
    expect(unscoped.code).toBe(1);
    expect(visibleLog(unscoped.stdout)).toContain('2 critical findings, more than the allowed 0');
    expect(visibleLog(unscoped.stdout)).toMatch(/changed-only lines: .*is not a git checkout/);
    const strict = await step({ ...gate, 'changed-only-fallback': 'fail' }, { token: '' });
    expect(strict.code).toBe(2);
    expect(visibleLog(strict.stdout)).toContain('set changed-only-fallback to unscoped');
  });
});

describe('fixed findings', () => {
  it('a pull request that removes a finding reports it fixed in the outputs, the summary and the log', async () => {
    const r = await step({ scanner: 'codethreat' }, { headRef: 'fix/sql-injection' });
    expect(r.code).toBe(0);
    expect(r.outputs['fixed-total']).toBe('1');
    expect(r.outputs.critical).toBe('0');
    expect(r.summary).toContain('Fixed by this change: **codethreat** 1 critical');
    expect(visibleLog(r.stdout)).toContain('fixed by this change: 1');
  });
});
