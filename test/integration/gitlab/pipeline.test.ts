import { spawnSync } from 'node:child_process';
/**
 * Acceptance: a consumer pipeline that includes the component runs as a merge request pipeline under
 * gitlab-ci-local's shell executor, against the platform emulator and a fake GitLab API on loopback. The job
 * runs the built bundle (`dist/gitlab/index.js`, the file the image carries) through the template's script.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasMarker } from '../../../shared/platforms/marker.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { startFakeGitLab, type FakeGitLab } from '../../fakes/gitlab-api.js';
import { repoRoot } from '../../helpers/paths.js';
import { schemaErrors } from '../../helpers/schemas.js';
import { gitlabCiLocal, ORIGIN, requireShellExecutorTools, variableArgs, workingCopy, type GclResult, type WorkingCopy } from './support.js';

const ASPM_TOKEN = 'aspm-secret-token-4242';
const GITLAB_TOKEN = 'glpat-bot-secret-7777';
const PROJECT_ID = 1217;
const MR_IID = 7;
const bot = { id: 77, username: 'project_1217_bot', bot: true };
const human = { id: 5, username: 'reviewer' };
const BUNDLE_HOME = join(repoRoot, 'dist');

let emulator: Emulator;
let gitlab: FakeGitLab;
let copy: WorkingCopy;
const runs: GclResult[] = [];

/** What GitLab itself would set in a merge request pipeline (and, for the tokens, the project's CI/CD variables). */
function mergeRequestVariables(jobId: number): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: String(MR_IID),
    CI_MERGE_REQUEST_PROJECT_ID: String(PROJECT_ID),
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_PROJECT_ID: String(PROJECT_ID),
    CI_API_V4_URL: gitlab.apiUrl,
    CI_JOB_URL: `https://${ORIGIN.host}/${ORIGIN.path}/-/jobs/${jobId}`,
    INVICTI_ASPM_HOST: emulator.url,
    INVICTI_ASPM_TOKEN: ASPM_TOKEN,
    INVICTI_GITLAB_TOKEN: GITLAB_TOKEN,
    // The image keeps the bundles in /opt/invicti-appsec; here they are the repository's dist/.
    INVICTI_APPSEC_HOME: BUNDLE_HOME,
  };
}

async function runJob(jobId: number): Promise<GclResult> {
  const predefined = ['GITLAB_CI', 'CI_PIPELINE_SOURCE', 'CI_PROJECT_ID', 'CI_API_V4_URL', 'CI_JOB_URL'];
  return gitlabCiLocal(copy, [
    '--force-shell-executor',
    ...variableArgs(mergeRequestVariables(jobId), predefined),
    // GitLab does not set CI_COMMIT_BRANCH in merge request pipelines.
    '--unset-variable',
    'CI_COMMIT_BRANCH',
    'invicti-appsec',
  ]);
}

const notes = () => gitlab.notes(PROJECT_ID, MR_IID);
const ours = () => notes().filter((n) => n.author.id === bot.id);
const readJson = async (path: string): Promise<unknown> => JSON.parse(await copy.read(path)) as unknown;

/**
 * gitlab-ci-local's shell executor needs rsync, which a machine with only Node and npm lacks. CI installs it
 * (.ci/run) and sets CI=true, so there a missing rsync fails the run; elsewhere this suite is skipped, loudly.
 */
const hasRsync = spawnSync('rsync', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasRsync) console.warn('gitlab pipeline tests: skipped here, rsync is not installed (CI installs it and runs them).');

describe.skipIf(!hasRsync && process.env.CI !== 'true')('gitlab-ci-local pipelines', () => {
  beforeAll(async () => {
    if (!existsSync(join(BUNDLE_HOME, 'gitlab', 'index.js'))) {
      throw new Error('dist/gitlab/index.js is missing: run `node scripts/build.mjs gitlab` first (CI builds dist/ before testing).');
    }
    await requireShellExecutorTools();
    emulator = await startEmulator({ port: 0, token: ASPM_TOKEN, timeScale: 20 });
    gitlab = await startFakeGitLab({ tokens: { [GITLAB_TOKEN]: bot, 'glpat-reviewer': human } });
    // 120 notes by people (more than one page of 100), one quoting our marker: it is not ours to edit.
    gitlab.seedNotes(
      PROJECT_ID,
      MR_IID,
      Array.from({ length: 120 }, (_, i) => ({ author: human, body: i === 3 ? '<!-- invicti-appsec:v1 id=demo-app/codethreat -->\ncopied' : `review ${i}` })),
    );
    copy = await workingCopy('merge-request.gitlab-ci.yml');
    runs.push(await runJob(1001));
  }, 30_000);

  afterAll(async () => {
    await copy?.remove();
    await gitlab?.close();
    await emulator?.close();
  });

  describe('the component in a merge request pipeline (gitlab-ci-local, shell executor)', () => {
    it('fails the job with exit code 1 on a critical finding (threshold 0)', () => {
      const [first] = runs;
      expect(first!.output).toMatch(/invicti-appsec finished in [\d.]+ m?s\s+FAIL 1/);
      expect(first!.code).toBe(1);
      expect(first!.output).toMatch(/FAILED \(exit 1\) - project demo-app, branch feature\/login -> main/);
      expect(first!.output).not.toContain(ASPM_TOKEN);
      expect(first!.output).not.toContain(GITLAB_TOKEN);
    });

    it('writes a gl-sast-report.json that is valid against the SAST schema, and no DAST report', async () => {
      const report = await readJson('gl-sast-report.json');
      expect(schemaErrors('gitlab-sast-report-format.json', report)).toBe('');
      const vulns = (report as { vulnerabilities: { severity: string; location: { file?: string } }[] }).vulnerabilities;
      expect(vulns.filter((v) => v.severity === 'Critical')).toHaveLength(2);
      expect(vulns.every((v) => typeof v.location.file === 'string' && v.location.file.startsWith('src/'))).toBe(true);
      expect(existsSync(join(copy.dir, 'gl-dast-report.json'))).toBe(false);
    });

    it('writes the Code Quality report and a JUnit report with one test case per gate rule', async () => {
      const issues = (await readJson('gl-code-quality-report.json')) as Record<string, unknown>[];
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue).toMatchObject({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.any(String) });
        expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
        expect(issue.location).toMatchObject({ path: expect.stringMatching(/^src\//), lines: { begin: expect.any(Number) } });
      }
      expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);

      const junit = await copy.read('invicti-appsec-junit.xml');
      const cases = [...junit.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]);
      expect(cases.sort()).toEqual(['release-criteria', 'threshold-critical']);
      expect(junit).toMatch(/<testsuite name="Invicti AppSec: codethreat" tests="2" failures="2"/);
    });

    it('writes the dotenv outputs, and the template hands every report to GitLab as an artifact', async () => {
      const dotenv = Object.fromEntries(
        (await copy.read('invicti-appsec.env'))
          .trimEnd()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(dotenv).toMatchObject({ INVICTI_STATUS: 'failed', INVICTI_EXIT_CODE: '1', INVICTI_CRITICAL: '2', INVICTI_NEW_TOTAL: '2' });
      expect(dotenv.INVICTI_EVENT_IDS).toMatch(/^[0-9a-f]{24}$/);
      expect(dotenv.INVICTI_REPORT_URL).toMatch(new RegExp(`^${emulator.url}/projects/`));
      expect(dotenv.INVICTI_NOTE_URL).toMatch(new RegExp(`^https://${ORIGIN.host}/${ORIGIN.path}/-/merge_requests/${MR_IID}#note_\\d+$`));

      // gitlab-ci-local collects `artifacts:` like a runner: the reports must be among them, dotenv included.
      const artifacts = join(copy.dir, '.gitlab-ci-local', 'artifacts', 'invicti-appsec');
      expect((await readdir(artifacts)).sort()).toEqual(
        expect.arrayContaining(['gl-sast-report.json', 'gl-code-quality-report.json', 'invicti-appsec-junit.xml', 'invicti-appsec.env']),
      );
      expect(await readdir(join(artifacts, '.gitlab-ci-reports', 'dotenv'))).toEqual(['invicti-appsec.env']);
    });

    it('creates one merge request note as the token user, reading every page of notes', () => {
      expect(ours()).toHaveLength(1);
      expect(hasMarker(ours()[0]!.body, 'demo-app/codethreat')).toBe(true);
      expect(ours()[0]!.body).toContain('https://gitlab.example.com/acme/web-app/-/jobs/1001');
      const lists = gitlab.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/notes'));
      expect(lists.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
      expect(gitlab.requests.every((r) => r.headers['private-token'] === GITLAB_TOKEN)).toBe(true);
      expect(notes().find((n) => n.body.endsWith('copied'))?.body).toBe('<!-- invicti-appsec:v1 id=demo-app/codethreat -->\ncopied');
    });

    it('updates that note on the second run and leaves exactly one', async () => {
      const before = ours()[0]!;
      gitlab.requests.length = 0;
      const second = await runJob(1002);
      expect(second.code).toBe(1);
      expect(ours()).toHaveLength(1);
      expect(ours()[0]!.id).toBe(before.id);
      expect(ours()[0]!.body).toContain('/-/jobs/1002');
      const writes = gitlab.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
      expect(writes).toEqual([`PUT /api/v4/projects/${PROJECT_ID}/merge_requests/${MR_IID}/notes/${before.id}`]);
      expect(notes()).toHaveLength(121);
    });

    it('merged the consumer inputs into the job the way the preview shows', async () => {
      const preview = await gitlabCiLocal(copy, ['--preview']);
      expect(preview.code).toBe(0);
      const merged = parse(preview.output.slice(preview.output.indexOf('---'))) as Record<string, { variables: Record<string, string> }>;
      expect(merged['invicti-appsec']!.variables).toMatchObject({ INVICTI_INPUT_PROJECT: 'demo-app', INVICTI_INPUT_SCANNER: 'codethreat', INVICTI_INPUT_THRESHOLD_CRITICAL: '0' });
    });
  });
});
