/**
 * The built action (dist/github/index.js) started exactly as the runner starts it, against the platform
 * emulator and a fake GitHub REST API, both on loopback.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, startEmulator, type Emulator, type Scenario } from '../../emulator/index.js';
import { GITHUB_ACTIONS_BOT, secondaryRateLimit, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';
import { schemaErrors } from '../../helpers/schemas.js';
import {
  PR_NUMBER,
  REPOSITORY,
  RUN_ID,
  SERVER_URL,
  prepareStep,
  pullRequestPayload,
  pushPayload,
  runBundle,
  visibleLog,
  workflowCommands,
  workflowRunPayload,
  type RunnerOptions,
  type StepResult,
} from '../../helpers/github-runner.js';

const EMU_TOKEN = 'emuSecretToken0123456789abcdef';
const GH_TOKEN = 'ghs_InstallationSecret0123456789';
const READ_ONLY_TOKEN = 'ghs_ReadOnlySecret0123456789ab';
const [OWNER = '', REPO = ''] = REPOSITORY.split('/');

let emulator: Emulator;
let github: FakeGitHub;
const stepDirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50 });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(async () => {
  await github.close();
  for (const dir of stepDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function startGitHub(): Promise<FakeGitHub> {
  github = await startFakeGitHub({
    tokens: {
      // Like the workflow's GITHUB_TOKEN: an installation token that GET /user refuses.
      [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 },
      [READ_ONLY_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403, readOnly: true },
    },
  });
  return github;
}

const gateInputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  host: emulator.url,
  token: EMU_TOKEN,
  project: 'demo-app',
  scanner: 'codethreat',
  'threshold-critical': '0',
  ...extra,
});

/**
 * The runner starts actions with its own Node 24. Set INVICTI_TEST_NODE24 to a Node 24 binary (for example the one
 * `npx -y node@24` installs) to run the bundle with it; otherwise the test process's Node runs it.
 */
const NODE = process.env.INVICTI_TEST_NODE24 ?? process.execPath;

async function step(options: Partial<RunnerOptions> & { inputs: Record<string, string> }): Promise<StepResult> {
  const { env, files } = await prepareStep({
    githubToken: GH_TOKEN,
    apiUrl: github.url,
    eventName: 'pull_request',
    payload: pullRequestPayload(),
    ...options,
  });
  stepDirs.push(files.dir);
  return runBundle(env, files, 25_000, NODE);
}

/** Neither token may show anywhere a user or a later step can read it. */
function expectNoSecrets(result: StepResult, ...more: string[]): void {
  const places = [visibleLog(result.stdout), result.stderr, JSON.stringify(result.outputs), result.summary, ...more];
  for (const secret of [EMU_TOKEN, GH_TOKEN, READ_ONLY_TOKEN]) {
    for (const text of places) expect(text).not.toContain(secret);
  }
}

const commentRequests = (): string[] =>
  github.requests.filter((r) => r.path.includes('/comments')).map((r) => `${r.method} ${r.path}`);
const notices = (result: StepResult): string[] =>
  workflowCommands(result.stdout)
    .filter((c) => c.command === 'notice')
    .map((c) => c.message);

describe('dist/github/index.js on a pull_request event', () => {
  it('fails the gate (exit 1), writes outputs and summary, and keeps exactly one comment over two runs', async () => {
    await startGitHub();
    const first = await step({ inputs: gateInputs({ sarif: 'reports/appsec.sarif' }) });
    expect(first.code, first.stderr + first.stdout).toBe(1);
    expect(first.outputs).toMatchObject({ status: 'failed', 'exit-code': '1', critical: '2', 'new-critical': '1' });
    expect(Number(first.outputs.high)).toBeGreaterThan(0);
    expect(first.outputs['event-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(first.outputs['scan-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(first.outputs['report-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(first.outputs['comment-url']).toMatch(new RegExp(`^${SERVER_URL}/${REPOSITORY}/pull/${PR_NUMBER}#issuecomment-\\d+$`));
    expect(first.outputs['sarif-file']).toBe('reports/appsec.sarif');
    const sarif = JSON.parse(await readFile(join(first.files.workspace, 'reports', 'appsec.sarif'), 'utf8')) as {
      runs: { automationDetails: { id: string }; results: unknown[] }[];
    };
    expect(sarif.runs.map((r) => r.automationDetails.id)).toEqual(['invicti-appsec/codethreat/']);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(schemaErrors('sarif-2.1.0.schema.json', sarif)).toBe('');

    expect(first.summary).toContain('| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |');
    expect(first.summary).toMatch(/^\| \[codethreat\]\([^)]+\) \| sast \| ❌ failed \| 2 \| 2 \| 4 \| 2 \| 1 \| 2 \| \d+ \|$/m);
    expect(first.summary).toContain(`${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}`);
    expect(first.summary).toContain(`**Pull request** #${PR_NUMBER}`);

    const errors = workflowCommands(first.stdout).filter((c) => c.command === 'error');
    expect(errors.some((e) => e.message.startsWith('Invicti AppSec gate failed:'))).toBe(true);
    const annotated = errors.find((e) => e.props.file === 'src/jobs/convert.ts');
    expect(annotated?.props).toMatchObject({ line: '27', title: 'Critical (new): OS Command Injection' });

    let thread = github.comments(OWNER, REPO, PR_NUMBER);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toContain('<!-- invicti-appsec:v1 id=demo-app/codethreat -->');
    expect(thread[0]!.body).toContain('failed');
    expect(thread[0]!.body).toContain(`**Pull request** #${PR_NUMBER}`);
    expect(commentRequests().filter((r) => r.startsWith('POST'))).toHaveLength(1);
    expect(github.requests.every((r) => r.headers.authorization === `token ${GH_TOKEN}`)).toBe(true);

    const writesBefore = commentRequests().filter((r) => !r.startsWith('GET')).length;
    const second = await step({ inputs: gateInputs() });
    expect(second.code).toBe(1);
    expect(second.outputs).toMatchObject({ status: 'failed', 'exit-code': '1', critical: '2', 'new-critical': '1' });
    expect(second.summary).toContain('| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |');
    thread = github.comments(OWNER, REPO, PR_NUMBER);
    expect(thread).toHaveLength(1);
    // Updated in place (the body links the new scan) or left alone when nothing changed; never a second comment.
    const writesAfter = commentRequests().filter((r) => !r.startsWith('GET')).slice(writesBefore);
    expect(writesAfter.length).toBeLessThanOrEqual(1);
    for (const w of writesAfter) expect(w).toBe(`PATCH /repos/${REPOSITORY}/issues/comments/${thread[0]!.id}`);
    if (writesAfter.length === 1) expect(thread[0]!.body).toContain(second.outputs['scan-id']);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expectNoSecrets(first, thread[0]!.body);
    expectNoSecrets(second);
  });

  it('with comment: new adds a comment per run', async () => {
    await startGitHub();
    await step({ inputs: gateInputs({ comment: 'new' }) });
    await step({ inputs: gateInputs({ comment: 'new' }) });
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(2);
    expect(commentRequests().filter((r) => r.startsWith('POST'))).toHaveLength(2);
  });

  it('with comment: off makes no request to GitHub at all', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs({ comment: 'off' }) });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'comment-url': '' });
    expect(result.summary).toContain('| Scanner |');
    expect(github.requests).toEqual([]);
    expectNoSecrets(result);
  });

  it('on a fork pull request with a read-only token: tries the comment, turns the 403 into a notice, the gate still decides', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs(), githubToken: READ_ONLY_TOKEN, payload: pullRequestPayload({ headRepo: 'someone/demo-app' }) });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'comment-url': '' });
    expect(result.summary).toContain('| Scanner |');
    expect(commentRequests()).toContain(`POST /repos/${REPOSITORY}/issues/${PR_NUMBER}/comments`);
    const notice = notices(result).find((n) => n.startsWith('Not commenting'));
    expect(notice).toMatch(/403/);
    expect(notice).toContain('comes from a fork');
    expect(notice).toContain('workflow_run');
    expect(workflowCommands(result.stdout).filter((c) => c.command === 'warning' && c.message.includes('comment'))).toEqual([]);
    expectNoSecrets(result);
  });

  it('on a fork pull request whose token may write (a private repository allowing it): comments', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs(), payload: pullRequestPayload({ headRepo: 'someone/demo-app' }) });
    expect(result.code).toBe(1);
    expect(result.outputs['comment-url']).toMatch(new RegExp(`/pull/${PR_NUMBER}#issuecomment-\\d+$`));
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1);
    expect(notices(result).filter((n) => n.includes('fork'))).toEqual([]);
  });

  it('in a repository that is itself a fork, a pull request between its own branches comments as usual', async () => {
    await startGitHub();
    const payload = pullRequestPayload();
    const pr = payload.pull_request as { head: { repo: Record<string, unknown> }; base: { repo: Record<string, unknown> } };
    // GitHub marks the repository (head and base alike) as a fork of its upstream.
    pr.head.repo.fork = true;
    pr.base.repo.fork = true;
    const result = await step({ inputs: gateInputs(), payload });
    expect(result.code).toBe(1);
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1);
    expect(result.outputs['comment-url']).not.toBe('');
  });

  it('retries a comment call that gets a 502, and waits out a secondary rate limit', async () => {
    await startGitHub();
    github.failNext('GET', /\/issues\/\d+\/comments$/, { status: 502, body: { message: 'Server Error' } });
    github.failNext('POST', /\/issues\/\d+\/comments$/, secondaryRateLimit(1));
    const result = await step({ inputs: gateInputs(), env: { RUNNER_DEBUG: '1' } });
    expect(result.code, result.stdout).toBe(1);
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1);
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    const calls = commentRequests();
    expect(calls.filter((c) => c.startsWith('GET'))).toHaveLength(2);
    expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(2);
    expect(visibleLog(result.stdout)).toMatch(/secondary rate limit on POST .*retrying in 1 s/);
    expect(notices(result).filter((n) => n.startsWith('Not commenting'))).toEqual([]);
    expectNoSecrets(result);
  });

  it('gives up on a comment after its retries, with a warning, and the gate still decides', async () => {
    await startGitHub();
    const down = { status: 503, body: { message: 'Service Unavailable' } };
    github.failNext('GET', /\/issues\/\d+\/comments$/, down, down, down);
    const result = await step({ inputs: gateInputs() });
    expect(result.code).toBe(1);
    expect(commentRequests().filter((c) => c.startsWith('GET'))).toHaveLength(3);
    const warnings = workflowCommands(result.stdout).filter((c) => c.command === 'warning');
    expect(warnings.some((w) => w.message.startsWith('Could not write the pull request comment') && w.message.includes('503'))).toBe(true);
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toEqual([]);
  });

  it('with a read-only token (403): a notice naming the permission, no failure from the comment', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs({ 'threshold-critical': '5', 'release-criteria': 'off' }), githubToken: READ_ONLY_TOKEN });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'passed', 'comment-url': '' });
    expect(result.summary).toContain('| Scanner |');
    const notice = notices(result).find((n) => n.startsWith('Not commenting'));
    expect(notice).toMatch(/403/);
    expect(notice).toMatch(/pull-requests: write/);
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toEqual([]);
    expect(commentRequests()).toContain(`POST /repos/${REPOSITORY}/issues/${PR_NUMBER}/comments`);
    expectNoSecrets(result);
  });
});

describe('dist/github/index.js on other events and inputs', () => {
  it('on workflow_run with pr-number: comments on that pull request (how fork pull requests get their comment)', async () => {
    await startGitHub();
    const inputs = gateInputs({ 'pr-number': String(PR_NUMBER), branch: 'feature/login', 'target-branch': 'main' });
    const result = await step({ inputs, eventName: 'workflow_run', payload: workflowRunPayload() });
    expect(result.code, result.stdout).toBe(1);
    const thread = github.comments(OWNER, REPO, PR_NUMBER);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toContain('<!-- invicti-appsec:v1 id=demo-app/codethreat -->');
    expect(result.outputs['comment-url']).toBe(`${SERVER_URL}/${REPOSITORY}/pull/${PR_NUMBER}#issuecomment-${thread[0]!.id}`);
    expectNoSecrets(result, thread[0]!.body);
  });

  it('on workflow_run without pr-number: no comment and no request to GitHub', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs({ branch: 'feature/login' }), eventName: 'workflow_run', payload: workflowRunPayload() });
    expect(result.code).toBe(1);
    expect(github.requests).toEqual([]);
  });

  it('on push: gates the branch scan, writes outputs and summary, never comments', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs({ 'threshold-critical': '1', 'release-criteria': 'off' }), eventName: 'push', payload: pushPayload('main') });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'passed', 'exit-code': '0', critical: '1', 'comment-url': '' });
    expect(result.summary).toContain('**Branch:** main');
    expect(github.requests).toEqual([]);
    expectNoSecrets(result);
  });

  it('rejects a bad input with exit 2, naming the input, without a stack trace or a platform call', async () => {
    await startGitHub();
    const before = emulator.nextRequestIndex();
    const result = await step({ inputs: gateInputs({ 'threshold-critical': 'zero', 'on-error': 'explode' }) });
    expect(result.code).toBe(2);
    const errors = workflowCommands(result.stdout).filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('input "threshold-critical" must be a whole number');
    expect(errors[0]!.message).toContain('input "on-error" must be one of fail, warn, pass');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(result.outputs).toMatchObject({ status: 'error', 'exit-code': '2' });
    expect(emulator.requests(before)).toEqual([]);
    expect(github.requests).toEqual([]);
    expectNoSecrets(result);
  });

  it('masks both tokens before anything else is printed', async () => {
    await startGitHub();
    const result = await step({ inputs: gateInputs({ comment: 'off' }), env: { RUNNER_DEBUG: '1' } });
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    const masks = lines.filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toEqual(expect.arrayContaining([`::add-mask::${EMU_TOKEN}`, `::add-mask::${GH_TOKEN}`]));
    expect(lines.slice(0, masks.length)).toEqual(masks);
    // RUNNER_DEBUG=1 turns on verbose logging: debug lines show as plain log lines.
    expect(visibleLog(result.stdout)).toMatch(/^debug: /m);
    expectNoSecrets(result);
  });
});

describe('dist/github/index.js with hostile scanner text', () => {
  const HOSTILE_NAME = 'Evil\n::error::injected %0A::warning::two\r\n::add-mask::x <script>alert(1)</script> @octocat';
  let hostile: Emulator;
  beforeAll(async () => {
    const scenario = structuredClone<Scenario>(defaultScenario);
    const codethreat = scenario.scanners?.find((s) => s.slug === 'codethreat');
    const first = codethreat?.findings?.default?.[0];
    if (!first) throw new Error('default scenario changed: codethreat has no first finding');
    first.name = HOSTILE_NAME;
    hostile = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50, scenario });
  });
  afterAll(async () => {
    await hostile.close();
  });

  it('never lets a finding name become a workflow command, and keeps its annotation on one line', async () => {
    await startGitHub();
    const result = await step({ inputs: { ...gateInputs(), host: hostile.url, comment: 'off' }, eventName: 'push', payload: pushPayload('main') });
    expect(result.code).toBe(1);
    const commands = workflowCommands(result.stdout);
    expect(commands.some((c) => c.message.startsWith('injected') || c.message.startsWith('two'))).toBe(false);
    expect(commands.filter((c) => c.command === 'add-mask').map((c) => c.message)).not.toContain('x');
    const annotation = commands.find((c) => c.command === 'error' && c.props.title?.startsWith('Critical: Evil'));
    expect(annotation?.props.title).toBe('Critical: Evil ::error::injected %0A::warning::two ::add-mask::x <script>alert(1)</script> @octocat');
    expect(annotation?.props.file).toBe('src/db/users.ts');
    expect(result.summary).not.toContain('<script>');
  });
});
