/** The demo's runs: one per packaging, each started as its CI starts it, against the emulator and a fake code host. */
import { spawn } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Emulator } from '../../test/emulator/index.js';
import { startFakeBitbucket } from '../../test/fakes/bitbucket-api.js';
import { startFakeGitHub } from '../../test/fakes/github-api.js';
import { prepareStep, pullRequestPayload, REPOSITORY, PR_NUMBER, runBundle, runnerLog } from '../../test/helpers/github-runner.js';
import { startFakeGitLab } from '../../test/fakes/gitlab-api.js';
import { validator } from '../../test/helpers/schemas.js';
import { jobVariables, readTemplate } from './gitlab-job.js';

export interface DemoContext {
  root: string;
  outDir: string;
  emulator: Emulator;
  token: string;
  /** `--verbose`: every run logs its API calls and decisions, and the GitHub step shows its debug lines. */
  verbose: boolean;
}

/** The verbose setting as an environment variable, for the runs that read their settings from it. */
const verboseEnv = (ctx: DemoContext): Record<string, string> => (ctx.verbose ? { INVICTI_VERBOSE: 'true' } : {});

export interface DemoRun {
  id: string;
  name: string;
  run(ctx: DemoContext): Promise<{ ok: boolean; why: string }>;
}

export const SCANNERS = 'codethreat,saltsecurity';

/** Runs a bundle with a literal environment; its output is shown as it comes. */
export function runNode(bundle: string, args: readonly string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

export function showComment(title: string, body: string): void {
  console.log(`\n--- ${title} ---\n${body.trim()}\n--- end ---`);
}

/** Validate a report file against a vendored schema; returns a problem or undefined. */
export async function schemaProblem(file: string, schema: Parameters<typeof validator>[0]): Promise<string | undefined> {
  const validate = validator(schema);
  const ok = validate(JSON.parse(await readFile(file, 'utf8')));
  return ok ? undefined : `${path.basename(file)} is not valid: ${JSON.stringify(validate.errors?.slice(0, 2))}`;
}

const verdict = (problems: readonly string[], summary: string): { ok: boolean; why: string } =>
  problems.length === 0 ? { ok: true, why: summary } : { ok: false, why: `${summary}; ${problems.join('; ')}` };

const cliRun: DemoRun = {
  id: 'cli',
  name: 'CLI (invicti-appsec scan)',
  async run(ctx) {
    const json = path.join(ctx.outDir, 'result.json');
    const sarif = path.join(ctx.outDir, 'results.sarif');
    const code = await runNode(
      path.join(ctx.root, 'dist/cli/index.js'),
      ['scan', '--project', 'demo-app', '--scanner', SCANNERS, '--branch', 'main', '--threshold-critical', '0',
        '--output-json', json, '--sarif', sarif, '--summary-markdown', path.join(ctx.outDir, 'summary.md')],
      { INVICTI_ASPM_HOST: ctx.emulator.url, INVICTI_ASPM_TOKEN: ctx.token, ...verboseEnv(ctx) },
      ctx.root,
    );
    const result = JSON.parse(await readFile(json, 'utf8')) as { status: string; scanners: unknown[] };
    const problems = [code === 1 ? '' : `exit ${code}, expected 1`, result.scanners.length === 2 ? '' : 'expected two scanners', (await schemaProblem(sarif, 'sarif-2.1.0.schema.json')) ?? ''].filter(Boolean);
    return verdict(problems, `exit ${code}, gate ${result.status}, SARIF valid`);
  },
};

const GITHUB_TOKEN = 'ghs_demo_workflow_token';

const githubRun: DemoRun = {
  id: 'github',
  name: 'GitHub Action (pull_request workflow)',
  async run(ctx) {
    const github = await startFakeGitHub({ tokens: { [GITHUB_TOKEN]: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } } });
    try {
      // The runner's view of `uses: invicti/invicti-appsec-ci@<sha>` with these `with:` inputs on a pull_request event.
      const { env, files } = await prepareStep({
        inputs: {
          host: ctx.emulator.url, token: ctx.token, project: 'demo-app', scanner: SCANNERS, 'threshold-critical': '0', sarif: 'invicti-appsec.sarif', 'output-json': 'result.json',
          ...(ctx.verbose ? { verbose: 'true' } : {}),
        },
        githubToken: GITHUB_TOKEN,
        apiUrl: github.url,
        eventName: 'pull_request',
        payload: pullRequestPayload(),
      });
      const step = await runBundle(env, files, 60_000);
      // As the runner shows the log: `::debug::` lines only with step debug logging, which --verbose stands for.
      process.stdout.write(runnerLog(step.stdout, ctx.verbose));
      process.stderr.write(step.stderr);
      await writeFile(path.join(ctx.outDir, 'job-summary.md'), step.summary);
      await writeFile(path.join(ctx.outDir, 'outputs.json'), `${JSON.stringify(step.outputs, null, 2)}\n`);
      const sarif = path.join(ctx.outDir, 'invicti-appsec.sarif');
      await copyFile(path.join(files.workspace, 'invicti-appsec.sarif'), sarif);
      await copyFile(path.join(files.workspace, 'result.json'), path.join(ctx.outDir, 'result.json'));
      const [owner = '', repo = ''] = REPOSITORY.split('/');
      const comments = github.comments(owner, repo, PR_NUMBER);
      if (comments[0]) showComment('pull request comment', comments[0].body);
      const problems = [
        step.code === 1 ? '' : `exit ${step.code}, expected 1`,
        step.outputs.status === 'failed' ? '' : `status output ${step.outputs.status}`,
        comments.length === 1 ? '' : `${comments.length} PR comments, expected 1`,
        (await schemaProblem(sarif, 'sarif-2.1.0.schema.json')) ?? '',
      ].filter(Boolean);
      return verdict(problems, `exit ${step.code}, status=${step.outputs.status}, ${comments.length} PR comment, SARIF valid`);
    } finally {
      await github.close();
    }
  },
};

const GITLAB_TOKEN = 'glpat-demo-bot';

const gitlabRun: DemoRun = {
  id: 'gitlab',
  name: 'GitLab component job (merge request pipeline)',
  async run(ctx) {
    const gitlab = await startFakeGitLab({ tokens: { [GITLAB_TOKEN]: { id: 77, username: 'invicti-bot', bot: true } } });
    try {
      const template = await readTemplate(ctx.root);
      const inputs = {
        host: ctx.emulator.url, project: 'demo-app', scanner: SCANNERS, 'threshold-critical': '0', 'output-json': 'result.json',
        ...(ctx.verbose ? { verbose: 'true' } : {}),
      };
      const env = {
        ...jobVariables(template, inputs),
        CI: 'true',
        GITLAB_CI: 'true',
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '12',
        CI_MERGE_REQUEST_PROJECT_ID: '4242',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_COMMIT_REF_NAME: 'feature/login',
        CI_COMMIT_SHA: '3f2c1d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e',
        CI_PROJECT_ID: '4242',
        CI_PROJECT_PATH: 'acme/demo-app',
        CI_PROJECT_URL: 'https://gitlab.example.com/acme/demo-app',
        CI_SERVER_URL: 'https://gitlab.example.com',
        CI_API_V4_URL: gitlab.apiUrl,
        CI_JOB_URL: 'https://gitlab.example.com/acme/demo-app/-/jobs/9001',
        CI_PROJECT_DIR: ctx.outDir,
        // Masked CI/CD variables.
        INVICTI_ASPM_TOKEN: ctx.token,
        INVICTI_GITLAB_TOKEN: GITLAB_TOKEN,
      };
      const code = await runNode(path.join(ctx.root, 'dist/gitlab/index.js'), [], env, ctx.outDir);
      const notes = gitlab.notes(4242, 12);
      if (notes[0]) showComment('merge request note', notes[0].body);
      const problems = [
        code === 1 ? '' : `exit ${code}, expected 1`,
        notes.length === 1 ? '' : `${notes.length} MR notes, expected 1`,
        (await schemaProblem(path.join(ctx.outDir, 'gl-sast-report.json'), 'gitlab-sast-report-format.json')) ?? '',
        (await schemaProblem(path.join(ctx.outDir, 'gl-dast-report.json'), 'gitlab-dast-report-format.json')) ?? '',
      ].filter(Boolean);
      return verdict(problems, `exit ${code}, ${notes.length} MR note, SAST and DAST reports valid`);
    } finally {
      await gitlab.close();
    }
  },
};

const BITBUCKET_TOKEN = 'bb-demo-access-token';
const COMMIT = '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b';

const bitbucketRun: DemoRun = {
  id: 'bitbucket',
  name: 'Bitbucket pipe (pull-requests pipeline)',
  async run(ctx) {
    const bb = await startFakeBitbucket({ proxyMode: true, bearer: { [BITBUCKET_TOKEN]: { uuid: '{b0b0b0b0-0000-4000-8000-000000000001}', display_name: 'Invicti bot' } } });
    try {
      const env = {
        CI: 'true',
        BITBUCKET_BUILD_NUMBER: '314',
        BITBUCKET_CLONE_DIR: ctx.outDir,
        BITBUCKET_COMMIT: COMMIT,
        BITBUCKET_BRANCH: 'feature/login',
        BITBUCKET_PR_ID: '5',
        BITBUCKET_PR_DESTINATION_BRANCH: 'main',
        BITBUCKET_WORKSPACE: 'acme',
        BITBUCKET_REPO_SLUG: 'demo-app',
        BITBUCKET_REPO_FULL_NAME: 'acme/demo-app',
        BITBUCKET_GIT_HTTP_ORIGIN: 'http://bitbucket.org/acme/demo-app',
        // The pipe's variables, as bitbucket-pipelines.yml passes them (the token as a secured variable).
        INVICTI_ASPM_HOST: ctx.emulator.url,
        INVICTI_ASPM_TOKEN: ctx.token,
        INVICTI_PROJECT: 'demo-app',
        INVICTI_SCANNER: SCANNERS,
        INVICTI_THRESHOLD_CRITICAL: '0',
        INVICTI_OUTPUT_JSON: 'result.json',
        INVICTI_BITBUCKET_TOKEN: BITBUCKET_TOKEN,
        // The fake stands in for the Pipelines proxy and for api.bitbucket.org.
        INVICTI_BITBUCKET_PROXY_URL: bb.url,
        INVICTI_BITBUCKET_API_URL: bb.apiUrl,
        ...verboseEnv(ctx),
      };
      const code = await runNode(path.join(ctx.root, 'dist/bitbucket/index.js'), [], env, ctx.outDir);
      const reports = bb.reports('acme', 'demo-app', COMMIT);
      const saved = [...reports.entries()].map(([id, report]) => ({ id, report, annotations: bb.annotations('acme', 'demo-app', COMMIT, id) }));
      await writeFile(path.join(ctx.outDir, 'code-insights.json'), `${JSON.stringify(saved, null, 2)}\n`);
      const comments = bb.comments('acme', 'demo-app', 5).filter((c) => !c.deleted);
      if (comments[0]) showComment('pull request comment', comments[0].raw);
      const failed = saved.filter((s) => s.report.result === 'FAILED').length;
      const problems = [
        code === 1 ? '' : `exit ${code}, expected 1`,
        comments.length === 1 ? '' : `${comments.length} PR comments, expected 1`,
        saved.length === 2 ? '' : `${saved.length} Code Insights reports, expected 2`,
        failed >= 1 ? '' : 'no FAILED report',
      ].filter(Boolean);
      return verdict(problems, `exit ${code}, ${comments.length} PR comment, ${saved.length} Code Insights reports (${failed} FAILED)`);
    } finally {
      await bb.close();
    }
  },
};

export const DEMO_RUNS: readonly DemoRun[] = [githubRun, gitlabRun, bitbucketRun, cliRun];
