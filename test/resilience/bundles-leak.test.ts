/**
 * Every built bundle, started once as its CI starts it (literal environment, verbose logging on) against the
 * emulator with hostile findings and the fake code hosts: nothing it prints, writes, posts or reports may hold
 * a token (the platform's or the code host's) in any form (raw, base64, URL-encoded, HTML entities, JSON-escaped,
 * or the start of one left where a text was cut), and every comment the fakes received is inert and within its
 * platform's limit. The platform's token has `+ / = !` in it, and the platform answers the release criteria
 * with an error body that echoes it in every form, cut where the error text is shortened, so the error reaches
 * every sink. Bundles not built yet are skipped (and say so).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { startFakeBitbucket } from '../fakes/bitbucket-api.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub } from '../fakes/github-api.js';
import { startFakeGitLab } from '../fakes/gitlab-api.js';
import type { RecordedRequest } from '../fakes/http-fake.js';
import { PR_NUMBER, REPOSITORY, prepareStep, pullRequestPayload, runBundle as runAction, visibleLog } from '../helpers/github-runner.js';
import { repoRoot } from '../helpers/paths.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { HOSTILE_SAST } from './hostile-scenario.js';
import { hostileScenario } from './hostile-scenario.js';
import { markdownProblems } from './inert.js';
import { Captured, leakForms, STACK_FRAME } from './support.js';

const EMU_TOKEN = 'resilience+bundle/emu=token!8a1f5e';
const GH_TOKEN = 'ghs_ResilienceInstallationToken0001';
const GL_TOKEN = 'glpat-resilience-bot-token-0002';
const BB_TOKEN = 'ATCTT3xFfGN0-resilience-token-0003';
const SECRETS = [EMU_TOKEN, GH_TOKEN, GL_TOKEN, BB_TOKEN];
const SCANNERS = `${HOSTILE_SAST},codethreat`;
const captured = new Captured();
const dirs: string[] = [];
let emu: Emulator;

const built = (name: string): boolean => existsSync(path.join(repoRoot, 'dist', name, 'index.js'));

/** Every form of the token, then the token again placed so that a cut at 500 characters leaves its first 13. */
function echoingError(): string {
  const forms = leakForms(EMU_TOKEN).join(' | ');
  const lead = `release check refused for ${forms} `;
  return `${lead}${'x'.repeat(500 - lead.length - 13)}${EMU_TOKEN}`;
}

beforeAll(async () => {
  emu = await startEmulator({ token: EMU_TOKEN, scenario: hostileScenario(), timeScale: 50 });
  // The scans themselves pass through; the release criteria answer with the echo, on every run.
  emu.addFault({ path: '/release$', count: 0, fault: { type: 'status', status: 500, body: { error: echoingError() } } });
});
afterAll(async () => {
  await emu.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  captured.expectNoLeak(SECRETS);
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** Every file under `dir` (what a job leaves behind: reports, outputs, summaries). */
async function captureFiles(where: string, dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    if (!(await stat(file)).isFile()) continue;
    captured.add(`${where} ${entry}`, await readFile(file, 'utf8'));
    count += 1;
  }
  return count;
}

/** What a code host received, minus the auth headers it legitimately got: bodies and targets. */
function captureRequests(where: string, requests: readonly RecordedRequest[]): void {
  for (const r of requests) captured.add(`${where} ${r.method} ${r.path}`, r.rawUrl, r.body);
}

describe.runIf(built('cli'))('dist/cli', () => {
  it('scan with every output file and verbose logs', async () => {
    const dir = await tempDir('leak-cli-');
    const run = await runBundle('dist/cli/index.js', ['scan', '-p', 'demo-app', '-s', SCANNERS, '-b', 'main', '--threshold-critical', '0', '--verbose', '--output-json', 'r.json', '--sarif', 'r.sarif', '--summary-markdown', 's.md'], {
      env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: EMU_TOKEN }),
      cwd: dir,
    });
    captured.add('cli', run.stdout, run.stderr);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(await captureFiles('cli', dir)).toBe(3);
  });
});

describe.runIf(built('github'))('dist/github', () => {
  it('pull request run with the comment, summary, outputs and SARIF, debug logging on', async () => {
    const github = await startFakeGitHub({ tokens: { [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 } } });
    try {
      const { env, files } = await prepareStep({
        inputs: { host: emu.url, token: EMU_TOKEN, project: 'demo-app', scanner: SCANNERS, 'threshold-critical': '0', verbose: 'true', sarif: 'invicti.sarif', 'output-json': 'result.json' },
        githubToken: GH_TOKEN,
        apiUrl: github.url,
        eventName: 'pull_request',
        payload: pullRequestPayload(),
        env: { RUNNER_DEBUG: '1' },
      });
      dirs.push(files.dir);
      const step = await runAction(env, files);
      // The runner consumes `::add-mask::` lines: they are the one place a secret is meant to be written.
      captured.add('github', visibleLog(step.stdout), step.stderr);
      expect(step.code, step.stderr).toBe(3);
      await captureFiles('github step', files.dir);
      captureRequests('github api', github.requests);
      const [owner = '', repo = ''] = REPOSITORY.split('/');
      const comments = github.comments(owner, repo, PR_NUMBER);
      expect(comments).toHaveLength(1);
      for (const c of comments) {
        captured.add('github comment', c.body);
        expect(markdownProblems(c.body, 'github')).toEqual([]);
      }
      expect(markdownProblems(step.summary, 'summary')).toEqual([]);
    } finally {
      await github.close();
    }
  });
});

describe.runIf(built('gitlab'))('dist/gitlab', () => {
  it('merge request job with the note and every report', async () => {
    const gitlab = await startFakeGitLab({ tokens: { [GL_TOKEN]: { id: 77, username: 'project_1217_bot', bot: true } } });
    try {
      const dir = await tempDir('leak-gitlab-');
      const env = baseEnv({
        CI: 'true',
        GITLAB_CI: 'true',
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_COMMIT_REF_NAME: 'feature/login',
        CI_MERGE_REQUEST_IID: '3',
        CI_MERGE_REQUEST_PROJECT_ID: '1217',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_PROJECT_ID: '1217',
        CI_PROJECT_PATH: 'acme/web-app',
        CI_PROJECT_URL: 'https://gitlab.example.com/acme/web-app',
        CI_API_V4_URL: gitlab.apiUrl,
        CI_JOB_URL: 'https://gitlab.example.com/acme/web-app/-/jobs/55',
        INVICTI_ASPM_HOST: emu.url,
        INVICTI_ASPM_TOKEN: EMU_TOKEN,
        INVICTI_PROJECT: 'demo-app',
        INVICTI_SCANNER: SCANNERS,
        INVICTI_THRESHOLD_CRITICAL: '0',
        INVICTI_VERBOSE: 'true',
        INVICTI_GITLAB_TOKEN: GL_TOKEN,
      });
      const run = await runBundle('dist/gitlab/index.js', [], { env, cwd: dir });
      captured.add('gitlab', run.stdout, run.stderr);
      expect(run.code, run.stderr).toBe(3);
      expect(await captureFiles('gitlab job', dir)).toBeGreaterThanOrEqual(4);
      captureRequests('gitlab api', gitlab.requests);
      const notes = gitlab.notes(1217, 3);
      expect(notes).toHaveLength(1);
      for (const n of notes) {
        captured.add('gitlab note', n.body);
        expect(markdownProblems(n.body, 'gitlab')).toEqual([]);
      }
    } finally {
      await gitlab.close();
    }
  });
});

describe.runIf(built('bitbucket'))('dist/bitbucket', () => {
  it('pull request pipe with the comment and Code Insights', async () => {
    const bb = await startFakeBitbucket({ proxyMode: true, bearer: { [BB_TOKEN]: { uuid: '{6f1c0c8e-0000-4000-8000-000000000b07}', nickname: 'invicti-bot' } } });
    try {
      const dir = await tempDir('leak-bitbucket-');
      const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
      const env = baseEnv({
        CI: 'true',
        BITBUCKET_BUILD_NUMBER: '1042',
        BITBUCKET_CLONE_DIR: dir,
        BITBUCKET_COMMIT: commit,
        BITBUCKET_BRANCH: 'feature/login',
        BITBUCKET_PR_ID: '7',
        BITBUCKET_PR_DESTINATION_BRANCH: 'main',
        BITBUCKET_WORKSPACE: 'acme',
        BITBUCKET_REPO_OWNER: 'acme',
        BITBUCKET_REPO_SLUG: 'shop',
        BITBUCKET_REPO_FULL_NAME: 'acme/shop',
        BITBUCKET_GIT_HTTP_ORIGIN: 'http://bitbucket.org/acme/shop',
        INVICTI_ASPM_HOST: emu.url,
        INVICTI_ASPM_TOKEN: EMU_TOKEN,
        INVICTI_PROJECT: 'demo-app',
        INVICTI_SCANNER: SCANNERS,
        INVICTI_THRESHOLD_CRITICAL: '0',
        INVICTI_VERBOSE: 'true',
        INVICTI_BITBUCKET_TOKEN: BB_TOKEN,
        INVICTI_BITBUCKET_PROXY_URL: bb.url,
        INVICTI_BITBUCKET_API_URL: bb.apiUrl,
      });
      const run = await runBundle('dist/bitbucket/index.js', [], { env, cwd: dir });
      captured.add('bitbucket', run.stdout, run.stderr);
      expect(run.code, run.stderr).toBe(3);
      await captureFiles('bitbucket clone', dir);
      captureRequests('bitbucket api', bb.requests);
      const reports = bb.reports('acme', 'shop', commit);
      expect(reports.size).toBeGreaterThan(0);
      for (const [id, report] of reports) captured.add(`bitbucket report ${id}`, JSON.stringify(report), JSON.stringify(bb.annotations('acme', 'shop', commit, id)));
      const comments = bb.comments('acme', 'shop', 7);
      expect(comments).toHaveLength(1);
      for (const c of comments) {
        captured.add('bitbucket comment', c.raw);
        expect(markdownProblems(c.raw, 'bitbucket')).toEqual([]);
      }
    } finally {
      await bb.close();
    }
  });
});

it('covers the bundles that are built', () => {
  const missing = ['cli', 'github', 'gitlab', 'bitbucket'].filter((name) => !built(name));
  if (missing.length > 0) console.warn(`not built, so not leak-checked: ${missing.map((n) => `dist/${n}`).join(', ')} (npm run build)`);
  // The CLI is committed: it is always there.
  expect(built('cli')).toBe(true);
  expect(captured.size).toBeGreaterThan(0);
});
