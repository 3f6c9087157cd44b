/**
 * The template lints and resolves from consumer pipelines, offline, with gitlab-ci-local 4.73.0: its
 * `--preview` validates the merged configuration against GitLab's CI JSON schema, checks the inputs against
 * `spec:inputs` (type, options) and prints the merged YAML; `--list` shows the jobs. See support.ts for how
 * each include form resolves without a network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, gitlabCiLocal, gitlabCiLocalVersion, seedInclude, TEMPLATE, workingCopy, type WorkingCopy } from './support.js';

const FIXTURE_FILES = [
  'merge-request.gitlab-ci.yml',
  'catalog.gitlab-ci.yml',
  'project.gitlab-ci.yml',
  'parallel.gitlab-ci.yml',
  'bad-option.gitlab-ci.yml',
  'unquoted-number.gitlab-ci.yml',
  'hidden-job-name.gitlab-ci.yml',
  'pipeline-variables.gitlab-ci.yml',
];
const CATALOG_PROJECT = 'invicti/invicti-appsec-ci';

interface MergedJob {
  stage: string;
  image: { name: string };
  variables: Record<string, string>;
  allow_failure?: unknown;
  artifacts: { reports: Record<string, string> };
}

let copy: WorkingCopy;

beforeAll(async () => {
  copy = await workingCopy(...FIXTURE_FILES);
  // The catalog release 0.1.0 of the component project, as gitlab-ci-local would have fetched it.
  await seedInclude(copy, CATALOG_PROJECT, '0.1.0', 'templates/invicti-appsec.yml');
});
afterAll(() => copy?.remove());

async function preview(fixture: string): Promise<Record<string, MergedJob>> {
  const result = await gitlabCiLocal(copy, ['--file', fixture, '--preview']);
  expect(result.code, result.output).toBe(0);
  expect(result.output).toMatch(/json schema validated/);
  return parse(result.output.slice(result.output.indexOf('---'))) as Record<string, MergedJob>;
}

describe('consumer pipelines including the component (gitlab-ci-local --preview / --list)', () => {
  it('uses gitlab-ci-local 4.73.0, the last release that runs on Node 20', async () => {
    expect(await gitlabCiLocalVersion()).toBe('4.73.0');
  });

  it('include: component: by commit SHA resolves the project\'s own templates/ and applies the inputs', async () => {
    const merged = await preview('merge-request.gitlab-ci.yml');
    const job = merged['invicti-appsec']!;
    expect(job.stage).toBe('test');
    expect(job.image.name).toBe('docker.io/invicti/appsec-ci:0.1.0');
    expect(job.variables).toMatchObject({
      INVICTI_INPUT_PROJECT: 'demo-app',
      INVICTI_INPUT_SCANNER: 'codethreat',
      INVICTI_INPUT_THRESHOLD_CRITICAL: '0',
      INVICTI_INPUT_TIMEOUT: '2m',
      INVICTI_INPUT_COMMENT: 'update',
      INVICTI_INPUT_MAX_FINDINGS: '20',
      INVICTI_INPUT_HOST: '',
    });
    expect(job.artifacts.reports.sast).toBe('gl-sast-report.json');
  });

  it('include: component: from the catalog by version takes the job name, stage, a mirrored image and allow_failure', async () => {
    const merged = await preview('catalog.gitlab-ci.yml');
    expect(merged['invicti-appsec']).toBeUndefined();
    const job = merged['appsec-sast']!;
    expect(job.stage).toBe('security');
    expect(job.image.name).toBe('registry.example.com/mirror/invicti/appsec-ci:0.1.0');
    expect(job.allow_failure).toEqual({ exit_codes: [1] });
    expect(job.variables).toMatchObject({
      INVICTI_INPUT_HOST: 'https://aspm.example.com',
      INVICTI_INPUT_THRESHOLD_HIGH: '5',
      INVICTI_INPUT_COMMENT: 'off',
      INVICTI_INPUT_MAX_FINDINGS: '50',
      INVICTI_INPUT_VERBOSE: 'true',
    });
  });

  it('include: project: with inputs gives the same job', async () => {
    const job = (await preview('project.gitlab-ci.yml'))['invicti-appsec']!;
    expect(job.variables).toMatchObject({ INVICTI_INPUT_PROJECT: 'demo-app', INVICTI_INPUT_MODE: 'release', INVICTI_INPUT_RELEASE_CRITERIA: 'sast,dast' });
  });

  it('runs several scanners as parallel jobs when the component is included once per scanner', async () => {
    const listed = await gitlabCiLocal(copy, ['--file', 'parallel.gitlab-ci.yml', '--list']);
    expect(listed.code, listed.output).toBe(0);
    const jobs = listed.output.split('\n').filter((line) => /^appsec-\S+\s+test\s/.test(line)).map((line) => line.split(/\s+/)[0]);
    expect(jobs).toEqual(['appsec-codethreat', 'appsec-saltsecurity']);
  });

  it('reports an input value outside its options, naming the input', async () => {
    const result = await gitlabCiLocal(copy, ['--file', 'bad-option.gitlab-ci.yml', '--preview']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('`on-error` input: `ignore` cannot be used because it is not in the list of allowed options');
  });

  it('reports an unquoted number for a string input (thresholds are strings so that they can stay unset)', async () => {
    const result = await gitlabCiLocal(copy, ['--file', 'unquoted-number.gitlab-ci.yml', '--list']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('`threshold-critical` input: provided value is not a string');
  });

  it('refuses a job-name that would hide the job (leading dot), naming the input and its regex', async () => {
    const result = await gitlabCiLocal(copy, ['--file', 'hidden-job-name.gitlab-ci.yml', '--list']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('`job-name` input: `.invicti-appsec` does not match required regex');
  });

  it('fixtures pass only declared inputs (GitLab rejects unknown ones; gitlab-ci-local does not check)', () => {
    const declared = Object.keys((parseAllDocuments(readFileSync(TEMPLATE, 'utf8'))[0]!.toJS() as { spec: { inputs: object } }).spec.inputs);
    for (const fixture of FIXTURE_FILES) {
      const doc = parse(readFileSync(join(FIXTURES, fixture), 'utf8')) as { include: { inputs?: Record<string, unknown> }[] };
      for (const include of doc.include) {
        for (const name of Object.keys(include.inputs ?? {})) expect(declared, `${fixture}: ${name}`).toContain(name);
      }
    }
  });
});
