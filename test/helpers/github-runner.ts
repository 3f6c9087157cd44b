/**
 * A GitHub runner, as far as a JavaScript action can tell: a literal environment (no inheritance from the test
 * process), per-step files for outputs and summary, an event payload file, every declared input exported as
 * `INPUT_<ID>` (dashes kept) with action.yml's default filled in, and `node <bundle>` spawned with the
 * workspace as cwd. Helpers parse what the runner would read back: the file commands and `::` commands.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './paths.js';

export const BUNDLE = join(repoRoot, 'dist', 'github', 'index.js');
export const ACTION_YML = join(repoRoot, 'action.yml');

export const REPOSITORY = 'example-org/demo-app';
export const PR_NUMBER = 7;
export const RUN_ID = '9876543210';
export const SERVER_URL = 'https://github.com';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

/** Inputs as the runner exports them: every declared input, `with:` values over action.yml defaults. */
export function inputEnv(withInputs: Readonly<Record<string, string>>, githubToken: string): Record<string, string> {
  const action = parse(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
  const env: Record<string, string> = {};
  for (const [id, spec] of Object.entries(action.inputs)) {
    // The runner evaluates `${{ github.token }}`; this is the one expression among our defaults.
    const fallback = spec.default === '${{ github.token }}' ? githubToken : (spec.default ?? '');
    env[`INPUT_${id.replace(/ /g, '_').toUpperCase()}`] = withInputs[id] ?? fallback;
  }
  for (const [id, value] of Object.entries(withInputs)) {
    if (!(id in action.inputs)) env[`INPUT_${id.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

export interface PullRequestOptions {
  number?: number;
  headRef?: string;
  headRepo?: string;
  baseRef?: string;
}

/** A `pull_request` webhook payload with the fields a real one has and we read. */
export function pullRequestPayload(options: PullRequestOptions = {}): Record<string, unknown> {
  const number = options.number ?? PR_NUMBER;
  const headRepo = options.headRepo ?? REPOSITORY;
  const [owner = '', name = ''] = REPOSITORY.split('/');
  const repo = { full_name: REPOSITORY, name, owner: { login: owner }, default_branch: 'main', fork: false };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      html_url: `${SERVER_URL}/${REPOSITORY}/pull/${number}`,
      draft: false,
      merged: false,
      head: { ref: options.headRef ?? 'feature/login', sha: 'a'.repeat(40), repo: { full_name: headRepo, fork: headRepo !== REPOSITORY } },
      base: { ref: options.baseRef ?? 'main', sha: 'b'.repeat(40), repo },
    },
    repository: repo,
    sender: { login: 'octocat' },
  };
}

/**
 * A `workflow_run` payload: the workflow that ran for a pull request (here from a fork, so `pull_requests` is
 * empty, as GitHub sends it) completed; this run has the base repository's token and runs on the default branch.
 */
export function workflowRunPayload(options: { headRepo?: string; headBranch?: string } = {}): Record<string, unknown> {
  const [owner = '', name = ''] = REPOSITORY.split('/');
  const repository = { full_name: REPOSITORY, name, owner: { login: owner }, default_branch: 'main' };
  return {
    action: 'completed',
    workflow_run: {
      id: 123456789,
      name: 'Build',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      head_branch: options.headBranch ?? 'feature/login',
      head_sha: 'a'.repeat(40),
      head_repository: { full_name: options.headRepo ?? 'someone/demo-app' },
      repository,
      pull_requests: [],
    },
    repository,
    sender: { login: 'octocat' },
  };
}

export function pushPayload(branch: string): Record<string, unknown> {
  const [owner = '', name = ''] = REPOSITORY.split('/');
  return {
    ref: `refs/heads/${branch}`,
    before: '0'.repeat(40),
    after: 'c'.repeat(40),
    commits: [],
    head_commit: { id: 'c'.repeat(40), message: 'change' },
    repository: { full_name: REPOSITORY, name, owner: { login: owner }, default_branch: 'main' },
    pusher: { name: 'octocat' },
    sender: { login: 'octocat' },
  };
}

export interface StepFiles {
  dir: string;
  workspace: string;
  output: string;
  summary: string;
  event: string;
}

export interface RunnerOptions {
  inputs: Record<string, string>;
  githubToken: string;
  apiUrl: string;
  eventName: 'pull_request' | 'pull_request_target' | 'push' | 'workflow_run';
  payload: Record<string, unknown>;
  /** Extra or overriding variables (RUNNER_DEBUG, ...). */
  env?: Record<string, string>;
}

/** A fresh step: temp workspace, empty file-command files, the event file, and the literal environment. */
export async function prepareStep(options: RunnerOptions): Promise<{ env: Record<string, string>; files: StepFiles }> {
  const dir = await mkdtemp(join(tmpdir(), 'gh-action-step-'));
  const workspace = join(dir, 'workspace');
  const temp = join(dir, 'runner-temp');
  await mkdir(workspace);
  await mkdir(temp);
  const file = (name: string): string => join(dir, name);
  const files: StepFiles = { dir, workspace, output: file('output'), summary: file('step_summary'), event: file('event.json') };
  for (const name of ['output', 'env', 'state', 'path', 'step_summary']) await writeFile(file(name), '');
  await writeFile(files.event, JSON.stringify(options.payload));
  const isPr = options.eventName.startsWith('pull_request');
  const pr = options.payload.pull_request as { number: number; head: { ref: string }; base: { ref: string } } | undefined;
  // workflow_run runs on the default branch; push names its ref in the payload.
  const ref = isPr ? `refs/pull/${pr?.number ?? PR_NUMBER}/merge` : options.eventName === 'workflow_run' ? 'refs/heads/main' : String(options.payload.ref);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: REPOSITORY.split('/')[0] ?? '',
    GITHUB_REF: ref,
    GITHUB_REF_NAME: isPr ? `${pr?.number ?? PR_NUMBER}/merge` : ref.replace(/^refs\/heads\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: isPr ? (pr?.head.ref ?? '') : '',
    GITHUB_BASE_REF: isPr ? (pr?.base.ref ?? '') : '',
    GITHUB_SHA: 'd'.repeat(40),
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'appsec',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'AppSec',
    GITHUB_ACTION: '__invicti_appsec',
    GITHUB_ACTION_REPOSITORY: 'invicti/appsec-action',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: file('env'),
    GITHUB_STATE: file('state'),
    GITHUB_PATH: file('path'),
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'test-runner',
    ...inputEnv(options.inputs, options.githubToken),
    ...options.env,
  };
  return { env, files };
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  files: StepFiles;
}

/** `node <bundle>` as the runner starts it (cwd = workspace, empty stdin), killed if it outlives `timeoutMs`. */
export async function runBundle(env: Record<string, string>, files: StepFiles, timeoutMs = 25_000, node = process.execPath): Promise<StepResult> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run "node scripts/build.mjs github" first`);
  const child = spawn(node, [BUNDLE], { cwd: files.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const outputs = parseFileCommand(await readFile(files.output, 'utf8'));
  const summary = await readFile(files.summary, 'utf8');
  return { code, stdout, stderr, outputs, summary, files };
}

/** The runner's reading of GITHUB_OUTPUT/ENV/STATE: `k=v` lines and `k<<DELIM` … `DELIM` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`unterminated heredoc for ${name}`);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`malformed file command line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export interface WorkflowCommand {
  command: string;
  props: Record<string, string>;
  message: string;
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** `::name k=v,k=v::message` lines of a log, un-escaped as the runner does. */
export function workflowCommands(log: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of log.split('\n')) {
    const m = /^::([a-zA-Z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      props[pair.slice(0, eq)] = unescapeProp(pair.slice(eq + 1));
    }
    out.push({ command: m[1] ?? '', props, message: unescapeData(m[3] ?? '') });
  }
  return out;
}

/**
 * The log as the runner shows it: `::add-mask::` lines are consumed, and `::debug::` lines are shown (as
 * `##[debug]…`) only when step debug logging is on (`ACTIONS_STEP_DEBUG`, or a re-run with debug logging).
 */
export function runnerLog(stdout: string, stepDebug: boolean): string {
  return visibleLog(stdout)
    .split('\n')
    .flatMap((l) => (l.startsWith('::debug::') ? (stepDebug ? [`##[debug]${l.slice('::debug::'.length)}`] : []) : [l]))
    .join('\n');
}

/** The log as a user sees it: `::add-mask::` lines are consumed by the runner and never shown. */
export function visibleLog(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}
