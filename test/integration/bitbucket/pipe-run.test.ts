/**
 * The pipe end to end: `node dist/bitbucket/index.js` spawned with a literal Bitbucket Pipelines environment,
 * against the platform emulator and a fake Bitbucket API on loopback (standing in for both the Pipelines auth
 * proxy, which Code Insights goes through, and api.bitbucket.org, which comments go to).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasMarker } from '../../../shared/platforms/marker.js';
import type { RecordedRequest } from '../../fakes/http-fake.js';
import {
  ACCESS_TOKEN,
  API_TOKEN,
  API_USER,
  BOT,
  BOT_TOKEN,
  COMMIT,
  EMAIL,
  HUMAN,
  PR_ID,
  REPO,
  SECRETS,
  WORKSPACE,
  branchEnv,
  ensureBundle,
  pullRequestEnv,
  runPipe,
  startWorld,
  type PipeRun,
  type World,
} from './support.js';

const MARKER_ID = 'demo-app/codethreat';
const CODETHREAT_REPORT = 'invicti-appsec-codethreat-demo-app';

let world: World;
let cloneDir: string;

beforeAll(ensureBundle, 120_000);
beforeEach(async () => {
  world = await startWorld();
  cloneDir = await mkdtemp(join(tmpdir(), 'bb-clone-'));
});
afterEach(async () => {
  await world.close();
  await rm(cloneDir, { recursive: true, force: true });
});

const reports = () => world.bb.reports(WORKSPACE, REPO, COMMIT);
const annotations = (id: string) => world.bb.annotations(WORKSPACE, REPO, COMMIT, id);
const comments = () => world.bb.comments(WORKSPACE, REPO, PR_ID);
const commentRequests = (): RecordedRequest[] => world.bb.requests.filter((r) => r.path.includes('/pullrequests/') || r.path === '/2.0/user');
const insightRequests = (): RecordedRequest[] => world.bb.requests.filter((r) => r.path.includes('/reports/'));

/** Nothing the run wrote anywhere carries a token. */
function expectNoSecrets(runs: readonly PipeRun[]): void {
  const written = [
    ...runs.flatMap((r) => [r.stdout, r.stderr]),
    JSON.stringify([...reports().values()]),
    ...[...reports().keys()].map((id) => JSON.stringify(annotations(id))),
    ...comments().map((c) => c.raw),
  ].join('\n');
  for (const secret of SECRETS) expect(written).not.toContain(secret);
}

describe('Bitbucket pipe in a pull-requests pipeline', () => {
  it('fails the gate (exit 1), sends one FAILED report with an annotation per finding, and keeps one PR comment over two runs', async () => {
    // 105 human comments: the thread spans two pages of 100, and a copy of our marker by someone else is ignored.
    const spoof = `[//]: # (invicti-appsec:v1 id=${MARKER_ID})\nnot from the pipe`;
    world.bb.seedComments(WORKSPACE, REPO, PR_ID, [
      ...Array.from({ length: 104 }, (_, i) => ({ raw: `review note ${i}`, user: HUMAN })),
      { raw: spoof, user: HUMAN },
    ]);
    const env = { ...pullRequestEnv(world, cloneDir), INVICTI_BITBUCKET_TOKEN: ACCESS_TOKEN };

    const first = await runPipe(env, cloneDir);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/^Invicti AppSec: FAILED \(exit 1\) - project demo-app, branch feature\/login -> main/);
    expect(first.stderr).toContain(`Code Insights: report ${CODETHREAT_REPORT} FAILED`);
    expect(first.stderr).toMatch(/PR comment: created https:\/\/bitbucket\.org\/acme\/shop\/pull-requests\/7#comment-\d+/);

    // The report: one, on the PR's source commit, verdict and counts from the codethreat gate.
    expect([...reports().keys()]).toEqual([CODETHREAT_REPORT]);
    const report = reports().get(CODETHREAT_REPORT)!;
    expect(report).toMatchObject({ title: 'Invicti AppSec: codethreat', report_type: 'SECURITY', reporter: 'Invicti AppSec', result: 'FAILED' });
    expect(report.details).toMatch(/^Gate failed\.\nfail: 2 critical findings, more than the allowed 0/);
    expect(report.details).toContain('branch feature/login -> main');
    expect(report.link).toMatch(new RegExp(`^${world.emu.url}/projects/\\w+/scans/\\w+$`));
    const data = report.data as Array<{ title: string; type: string; value: unknown }>;
    expect(Object.fromEntries(data.map((d) => [d.title, d.value]))).toMatchObject({
      Status: 'failed',
      Critical: 2,
      High: 2,
      Medium: 4,
      Low: 2,
      'New findings': 2,
      'Risk score': 40,
    });
    expect(data.find((d) => d.title === 'Scan')).toMatchObject({ type: 'LINK', value: { href: report.link } });

    // Annotations: one per finding of the branch (9 on main + 2 added), placed on their files and lines.
    const notes = annotations(CODETHREAT_REPORT);
    expect(notes).toHaveLength(11);
    expect(notes.filter((a) => a.severity === 'CRITICAL').map((a) => a.summary).sort()).toEqual([
      'New: OS Command Injection (CWE-78)',
      'SQL Injection (CWE-89)',
    ]);
    expect(notes.find((a) => a.summary === 'SQL Injection (CWE-89)')).toMatchObject({
      annotation_type: 'VULNERABILITY',
      path: 'src/db/users.ts',
      line: 42,
      details: expect.stringContaining('CWE-89: Improper Neutralization'),
    });
    // Info has no Code Insights level: it is reported as LOW.
    expect(notes.find((a) => String(a.summary).startsWith('Debug Logging Enabled'))).toMatchObject({ severity: 'LOW' });
    expect(notes.every((a) => typeof a.summary === 'string' && a.summary.length <= 450)).toBe(true);

    // Code Insights went through the auth proxy: absolute-form plain-http targets, no credentials.
    expect(insightRequests().length).toBeGreaterThan(0);
    for (const r of insightRequests()) {
      expect(r.absoluteForm).toBe(true);
      expect(r.rawUrl.startsWith('http://api.bitbucket.org/2.0/repositories/acme/shop/commit/')).toBe(true);
      expect(r.headers.authorization).toBeUndefined();
    }
    // Comments went to the REST API with the access token, reading both pages.
    expect(commentRequests().every((r) => !r.absoluteForm && r.headers.authorization === `Bearer ${ACCESS_TOKEN}`)).toBe(true);
    expect(commentRequests().filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length).toBe(2);

    const second = await runPipe(env, cloneDir);
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toMatch(/PR comment: (updated|unchanged) /);
    const ours = comments().filter((c) => c.user.uuid === BOT.uuid);
    expect(ours).toHaveLength(1);
    expect(comments()).toHaveLength(106);
    expect(hasMarker(ours[0]!.raw, MARKER_ID)).toBe(true);
    expect(ours[0]!.raw).toContain('Invicti AppSec: failed');
    expect(comments().find((c) => c.user.uuid === HUMAN.uuid && c.raw === spoof)).toBeDefined();
    expect(commentRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
    // Still one report: the same id was put again.
    expect([...reports().keys()]).toEqual([CODETHREAT_REPORT]);
    expectNoSecrets([first, second]);
  });

  it('with email + API token (Basic) comments as that account', async () => {
    const env = { ...pullRequestEnv(world, cloneDir), INVICTI_BITBUCKET_EMAIL: EMAIL, INVICTI_BITBUCKET_API_TOKEN: API_TOKEN };
    const run = await runPipe(env, cloneDir);
    expect(run.code, run.stderr).toBe(1);
    expect(comments().map((c) => c.user.uuid)).toEqual([API_USER.uuid]);
    const basic = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;
    expect(commentRequests().every((r) => r.headers.authorization === basic)).toBe(true);
    expectNoSecrets([run]);
  });

  it('with an access token refused on /2.0/user: the author uuid variable keeps one comment, updated', async () => {
    const env = { ...pullRequestEnv(world, cloneDir), INVICTI_BITBUCKET_TOKEN: BOT_TOKEN, INVICTI_BITBUCKET_AUTHOR_UUID: BOT.uuid.toUpperCase() };
    const runs = [await runPipe(env, cloneDir), await runPipe(env, cloneDir)];
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
    expect(comments().map((c) => c.user.uuid)).toEqual([BOT.uuid]);
    expect(world.bb.requests.some((r) => r.path === '/2.0/user')).toBe(false);
    expect(runs[1]!.stderr).toMatch(/PR comment: (updated|unchanged) /);
  });

  it('with an access token refused on /2.0/user and no author uuid: one comment, then the uuid to set, never a second', async () => {
    const env = { ...pullRequestEnv(world, cloneDir), INVICTI_BITBUCKET_TOKEN: BOT_TOKEN };
    const first = await runPipe(env, cloneDir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`set INVICTI_BITBUCKET_AUTHOR_UUID to ${BOT.uuid}`);
    const second = await runPipe(env, cloneDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/PR comment: not updated: .*set INVICTI_BITBUCKET_AUTHOR_UUID to \{6f1c0c8e-0000-4000-8000-000000000b07\}/);
    expect(comments()).toHaveLength(1);
    expectNoSecrets([first, second]);
  });

  it('without credentials: the report still goes through the proxy, no comment, an info line, the same exit code', async () => {
    const run = await runPipe(pullRequestEnv(world, cloneDir), cloneDir);
    expect(run.code).toBe(1);
    expect(reports().get(CODETHREAT_REPORT)).toMatchObject({ result: 'FAILED' });
    expect(commentRequests()).toEqual([]);
    expect(run.stderr).toContain('PR comment: skipped, no credentials. To get one, pass a repository access token with the pullrequest:write scope as INVICTI_BITBUCKET_TOKEN');
    expect(run.stderr).not.toMatch(/warning|error/i);
  });
});

describe('Bitbucket pipe in a branch (default) pipeline', () => {
  it('passes a clean DAST scan: a PASSED report, annotations without file positions, no comment', async () => {
    const env = {
      ...branchEnv(world, cloneDir, 'main'),
      INVICTI_SCANNER: 'saltsecurity',
      INVICTI_BITBUCKET_TOKEN: ACCESS_TOKEN,
      INVICTI_OUTPUT_JSON: 'invicti/result.json',
    };
    const run = await runPipe(env, cloneDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Invicti AppSec: PASSED \(exit 0\) - project demo-app, branch main\n/);
    const report = reports().get('invicti-appsec-saltsecurity-demo-app');
    expect(report).toMatchObject({ result: 'PASSED', details: expect.stringMatching(/^Passed\./) });
    const notes = annotations('invicti-appsec-saltsecurity-demo-app');
    expect(notes).toHaveLength(5);
    expect(notes.every((a) => a.path === undefined && a.line === undefined)).toBe(true);
    expect(notes.find((a) => String(a.summary).startsWith('JWT Signature Not Verified'))).toMatchObject({
      severity: 'HIGH',
      details: expect.stringContaining('Target: POST https://demo-app.example.test/api/v1/login, parameter Authorization.'),
    });
    expect(commentRequests()).toEqual([]);
    // Report files land in the clone directory, the pipe's working directory.
    expect(run.stderr).toContain('wrote json: invicti/result.json');
  });
});

describe('Bitbucket pipe settings', () => {
  it('exits 2 naming the bad variable, without a stack trace and without calling anyone', async () => {
    const run = await runPipe({ ...pullRequestEnv(world, cloneDir), INVICTI_THRESHOLD_CRITICAL: 'none' }, cloneDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: variable INVICTI_THRESHOLD_CRITICAL /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(world.bb.requests).toEqual([]);
    expect(world.emu.requests().length).toBe(0);
  });

  it('exits 2 on a malformed author uuid, naming the variable and not echoing the value', async () => {
    const run = await runPipe({ ...pullRequestEnv(world, cloneDir), INVICTI_BITBUCKET_AUTHOR_UUID: ACCESS_TOKEN }, cloneDir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: variable INVICTI_BITBUCKET_AUTHOR_UUID must be a uuid such as {6f1c0c8e-1234-4abc-8def-0123456789ab}.\n');
  });

  it('answers --version with the release version (the image smoke test) and refuses other arguments', async () => {
    expect(await runPipe({}, cloneDir, ['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    expect((await runPipe({}, cloneDir, ['--project', 'x'])).code).toBe(2);
  });
});
