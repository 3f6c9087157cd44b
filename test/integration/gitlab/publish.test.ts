/**
 * The GitLab publishing in-process, through `runScanCommand` as the entry wires it, against the platform
 * emulator and the fake GitLab API (real servers on loopback): the cases the pipeline test does not reach.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitlabPublisher } from '../../../gitlab-templates/src/publish.js';
import { runScanCommand } from '../../../shared/cli/run-scan-command.js';
import { systemClock, type Clock } from '../../../shared/ports.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { startFakeProxy, type FakeProxy } from '../../fakes/forward-proxy.js';
import { startFakeGitLab, type FakeGitLab } from '../../fakes/gitlab-api.js';
import { schemaErrors } from '../../helpers/schemas.js';
import { failingScanner } from '../../helpers/scanner-scenarios.js';

const ASPM_TOKEN = 'aspm-secret-token-5151';
const BOT_TOKEN = 'glpat-bot-secret-0001';
const GUEST_TOKEN = 'glpat-guest-secret-0002';
const bot = { id: 77, username: 'project_1217_bot', bot: true };
// The emulator runs 20 times faster than real time; so do our waits, so that a scan takes a blink.
const fastClock: Clock = { now: () => Date.now(), sleep: (ms, signal) => systemClock.sleep(ms / 20, signal) };

let emulator: Emulator;
let gitlab: FakeGitLab;
let proxy: FakeProxy | undefined;
/** The latest job's directory; every job's directory is removed after each test. */
let dir: string;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: ASPM_TOKEN, timeScale: 20 });
  gitlab = await startFakeGitLab({ tokens: { [BOT_TOKEN]: bot, [GUEST_TOKEN]: { id: 9, username: 'guest', readOnly: true } } });
});
afterAll(async () => {
  await gitlab.close();
  await emulator.close();
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  gitlab.requests.length = 0;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const pipelineEnv = (): Record<string, string> => ({
  GITLAB_CI: 'true',
  CI_PIPELINE_SOURCE: 'push',
  CI_COMMIT_BRANCH: 'feature/login',
  CI_COMMIT_REF_NAME: 'feature/login',
  CI_PROJECT_ID: '1217',
  CI_PROJECT_PATH: 'acme/web-app',
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/web-app',
  CI_API_V4_URL: gitlab.apiUrl,
  CI_JOB_URL: 'https://gitlab.example.com/acme/web-app/-/jobs/55',
  INVICTI_ASPM_HOST: emulator.url,
  INVICTI_ASPM_TOKEN: ASPM_TOKEN,
  INVICTI_PROJECT: 'demo-app',
  INVICTI_SCANNER: 'codethreat',
  INVICTI_THRESHOLD_CRITICAL: '0',
});

const mergeRequest = (iid: number): Record<string, string> => ({
  CI_PIPELINE_SOURCE: 'merge_request_event',
  CI_COMMIT_BRANCH: '',
  CI_MERGE_REQUEST_IID: String(iid),
  CI_MERGE_REQUEST_PROJECT_ID: '1217',
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
});

async function runJob(env: Record<string, string>): Promise<{ code: number; log: string; files: (name: string) => Promise<string> }> {
  dir = await mkdtemp(join(tmpdir(), 'gitlab-publish-'));
  dirs.push(dir);
  let log = '';
  const writeText = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  const code = await runScanCommand(
    { env, stdout: (t) => (log += t), stderr: (t) => (log += t), writeFile: writeText, clock: fastClock, random: () => 0.5 },
    { ci: 'gitlab', reads: { allFindings: true }, publish: gitlabPublisher({ env, writeFile: writeText, dir }) },
  );
  return { code, log, files: (name) => readFile(join(dir, name), 'utf8') };
}

const dotenvOf = (text: string): Record<string, string> =>
  Object.fromEntries(text.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('GitLab publishing', () => {
  it('DAST scanner in a branch pipeline: a valid gl-dast-report.json, no SAST report, no note, and a hint about MR pipelines', async () => {
    const job = await runJob({
      ...pipelineEnv(),
      INVICTI_SCANNER: 'saltsecurity',
      INVICTI_THRESHOLD_CRITICAL: '',
      INVICTI_THRESHOLD_HIGH: '0',
      INVICTI_GITLAB_TOKEN: BOT_TOKEN,
      CI_OPEN_MERGE_REQUESTS: 'acme/web-app!12',
    });
    expect(job.code).toBe(1);
    const report = JSON.parse(await job.files('gl-dast-report.json')) as { vulnerabilities: unknown[]; scan: { type: string } };
    expect(schemaErrors('gitlab-dast-report-format.json', report)).toBe('');
    expect(report.scan.type).toBe('dast');
    expect(report.vulnerabilities.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'gl-sast-report.json'))).toBe(false);
    // DAST findings have no file: Code Quality lists none of them, but the file is there for the widget.
    expect(JSON.parse(await job.files('gl-code-quality-report.json'))).toEqual([]);
    expect(gitlab.requests).toHaveLength(0);
    expect(job.log).toContain('No merge request note: this is a branch pipeline (open merge request !12)');
    expect(dotenvOf(await job.files('invicti-appsec.env'))).toMatchObject({ INVICTI_STATUS: 'failed', INVICTI_NOTE_URL: '' });
  });

  it('MR pipeline without INVICTI_GITLAB_TOKEN: says how to enable notes, still writes every report and keeps the exit code', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(3) });
    expect(job.code).toBe(1);
    expect(job.log).toMatch(/No merge request note: set the masked CI\/CD variable INVICTI_GITLAB_TOKEN to a project access token .* api scope/);
    expect(gitlab.requests).toHaveLength(0);
    for (const name of ['gl-sast-report.json', 'gl-code-quality-report.json', 'invicti-appsec-junit.xml', 'invicti-appsec.env']) {
      expect(existsSync(join(dir, name)), name).toBe(true);
    }
  });

  it('a CI_MERGE_REQUEST_IID that is no number: a settings error naming it (exit 2), before any scan or GitLab call', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(3), CI_MERGE_REQUEST_IID: '3a', INVICTI_GITLAB_TOKEN: BOT_TOKEN });
    expect(job.code).toBe(2);
    expect(job.log).toMatch(/input "pr-number" is not set, and CI_MERGE_REQUEST_IID holds no pull or merge request number \(got "3a"\): .*set input "pr-number"/);
    expect(job.log).not.toMatch(/\n\s+at /);
    expect(gitlab.requests).toHaveLength(0);
    // pr-number names the merge request instead, and wins over the variable.
    const named = await runJob({ ...pipelineEnv(), ...mergeRequest(3), CI_MERGE_REQUEST_IID: '3a', INVICTI_PR_NUMBER: '8', INVICTI_GITLAB_TOKEN: BOT_TOKEN });
    expect(named.code).toBe(1);
    expect(gitlab.notes(1217, 8)).toHaveLength(1);
  });

  it('a token that may not write notes: a warning with the fix, the result unchanged', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(4), INVICTI_GITLAB_TOKEN: GUEST_TOKEN });
    expect(job.code).toBe(1);
    expect(job.log).toMatch(/warning: Not commenting: .*403.*api.* scope/);
    expect(job.log).not.toContain(GUEST_TOKEN);
    expect(gitlab.notes(1217, 4)).toHaveLength(0);
    expect(dotenvOf(await job.files('invicti-appsec.env')).INVICTI_STATUS).toBe('failed');
  });

  it('a fork merge request: the note goes to the target project (CI_MERGE_REQUEST_PROJECT_ID)', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(5), CI_PROJECT_ID: '4040', INVICTI_GITLAB_TOKEN: BOT_TOKEN });
    expect(job.code).toBe(1);
    expect(gitlab.notes(1217, 5)).toHaveLength(1);
    expect(gitlab.notes(4040, 5)).toHaveLength(0);
  });

  it('comment "off": no GitLab call at all', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(6), INVICTI_GITLAB_TOKEN: BOT_TOKEN, INVICTI_COMMENT: 'off' });
    expect(job.code).toBe(1);
    expect(gitlab.requests).toHaveLength(0);
  });

  it('reaches GitLab through HTTP_PROXY / HTTPS_PROXY from the job environment', async () => {
    proxy = await startFakeProxy({ host: '127.0.0.1', port: Number(new URL(gitlab.url).port) });
    const job = await runJob({
      ...pipelineEnv(),
      ...mergeRequest(8),
      INVICTI_GITLAB_TOKEN: BOT_TOKEN,
      // A name nobody resolves: only the proxy can reach it (it tunnels to the fake).
      CI_API_V4_URL: 'http://gitlab.example/api/v4',
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1',
    });
    expect(job.code).toBe(1);
    expect(gitlab.notes(1217, 8)).toHaveLength(1);
    expect(new Set(proxy.connects)).toEqual(new Set(['gitlab.example:80']));
    expect(dotenvOf(await job.files('invicti-appsec.env')).INVICTI_NOTE_URL).toMatch(/\/-\/merge_requests\/8#note_\d+$/);
  });

  it('passes the gate under warn-only: exit 0, the note and outputs say so', async () => {
    const job = await runJob({ ...pipelineEnv(), ...mergeRequest(9), INVICTI_GITLAB_TOKEN: BOT_TOKEN, INVICTI_WARN_ONLY: 'true' });
    expect(job.code).toBe(0);
    expect(dotenvOf(await job.files('invicti-appsec.env'))).toMatchObject({ INVICTI_STATUS: 'warned', INVICTI_EXIT_CODE: '0' });
    expect(gitlab.notes(1217, 9)).toHaveLength(1);
  });

  it('a scanner that failed on the platform, under on-error pass: the count variables are empty (unknown), never 0', async () => {
    const failing = await startEmulator({ port: 0, token: ASPM_TOKEN, timeScale: 20, scenario: failingScanner('saltsecurity') });
    try {
      const env = { ...pipelineEnv(), INVICTI_ASPM_HOST: failing.url, INVICTI_SCANNER: 'codethreat,saltsecurity', INVICTI_ON_ERROR: 'pass', INVICTI_THRESHOLD_CRITICAL: '5', INVICTI_RELEASE_CRITERIA: 'off' };
      const job = await runJob(env);
      expect(job.code).toBe(0);
      expect(dotenvOf(await job.files('invicti-appsec.env'))).toMatchObject({
        INVICTI_STATUS: 'error',
        INVICTI_EXIT_CODE: '0',
        INVICTI_CRITICAL: '',
        INVICTI_HIGH: '',
        INVICTI_MEDIUM: '',
        INVICTI_LOW: '',
        INVICTI_INFO: '',
        INVICTI_TOTAL: '',
        INVICTI_NEW_TOTAL: '',
      });
      expect(job.log).toMatch(/saltsecurity \(dast\): error {2}counts unknown/);
      expect(job.log).toMatch(/codethreat \(sast\): passed {2}critical 2 {2}high 2/);
    } finally {
      await failing.close();
    }
  });

  it("names the merge request in GitLab's own notation (!9), never as a pull request", async () => {
    const out = await mkdtemp(join(tmpdir(), 'gitlab-summary-'));
    dirs.push(out);
    await runJob({ ...pipelineEnv(), ...mergeRequest(11), INVICTI_GITLAB_TOKEN: BOT_TOKEN, INVICTI_SUMMARY_MARKDOWN: join(out, 'summary.md') });
    const [note] = gitlab.notes(1217, 11);
    expect(note?.body).toContain('**Merge request** !11');
    expect(note?.body).not.toMatch(/pull request|#11\b/i);
    // The summary file of a GitLab job speaks GitLab as well.
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('**Merge request** !11');
    expect(summary).not.toMatch(/pull request/i);
  });

  it('a rerun with the same result leaves the note as it is (release mode: no new scan, same text)', async () => {
    const env = { ...pipelineEnv(), ...mergeRequest(10), INVICTI_GITLAB_TOKEN: BOT_TOKEN, INVICTI_MODE: 'release', INVICTI_SCANNER: '' };
    const first = await runJob(env);
    expect(first.log).toMatch(/merge request note created/);
    gitlab.requests.length = 0;
    const second = await runJob(env);
    expect(second.code).toBe(first.code);
    expect(second.log).toMatch(/merge request note unchanged/);
    expect(gitlab.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(gitlab.notes(1217, 10)).toHaveLength(1);
  });
});
