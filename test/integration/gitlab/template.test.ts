/**
 * The component template against the option registry, the GitLab publishing code and the docs. Parsed as
 * YAML 1.1, as GitLab's parser (Psych) reads it, so an unquoted `off` or `yes` would show up as a boolean here.
 *
 * Template-only inputs (`TEMPLATE_ONLY`): `job-name`, `stage` and `job-image` shape the job itself, so they
 * are not settings of the scan and are not in the registry (the pipe and the CLI have no use for them).
 * The job's image is `job-image` because `image` is already the registry's "container image to scan".
 * `allow_failure` is not an input: consumers set it on the job (`allow_failure: exit_codes: [1]`), which
 * GitLab merges into the included job, as the catalog fixture of lint.test.ts shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OUTPUT_VARIABLES } from '../../../shared/core/output-variables.js';
import { GITLAB_REPORT_FILES } from '../../../gitlab-templates/src/report-files.js';
import { gitlabInputVariable, gitlabSpecInputs, markdownTable } from '../../../shared/core/option-formats.js';
import { OPTIONS } from '../../../shared/core/options.js';
import { VERSION } from '../../../shared/version.js';
import { repoRoot } from '../../helpers/paths.js';
import { TEMPLATE } from './support.js';

const TEMPLATE_ONLY = {
  'job-name': { type: 'string', default: 'invicti-appsec' },
  stage: { type: 'string', default: 'test' },
  'job-image': { type: 'string', default: `docker.io/invicti/appsec-ci:${VERSION}` },
} as const;

interface Job {
  stage: string;
  rules: { if: string; when?: string }[];
  image: { name: string; entrypoint: string[] };
  variables: Record<string, unknown>;
  script: string[];
  artifacts: { when: string; paths: string[]; reports: Record<string, string> };
}

const text = readFileSync(TEMPLATE, 'utf8');
const docs = parseAllDocuments(text, { version: '1.1' });
const header = docs[0]!.toJS() as {
  spec: { inputs: Record<string, { type?: string; default?: unknown; description?: string; options?: unknown[]; regex?: string }> };
};
const body = docs[1]!.toJS() as Record<string, Job>;
const inputs = header.spec.inputs;
const job = body['$[[ inputs.job-name ]]']!;

/** A glob of `artifacts:paths` as a regular expression (only `*` is used there). */
const globToRegExp = (glob: string): RegExp => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

describe('gitlab-templates/invicti-appsec.yml', () => {
  it('is a header document and one job, with no global keywords to collide with the consumer pipeline', () => {
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.errors.length === 0)).toBe(true);
    expect(Object.keys(body)).toEqual(['$[[ inputs.job-name ]]']);
  });

  it('declares every registry input exactly as gitlabSpecInputs() renders it, in registry order', () => {
    const generated = gitlabSpecInputs();
    const registry = Object.keys(inputs).filter((name) => !(name in TEMPLATE_ONLY));
    expect(registry).toEqual(Object.keys(generated));
    for (const [name, spec] of Object.entries(generated)) expect({ name, ...inputs[name] }).toEqual({ name, ...spec });
  });

  it('adds only the template-only inputs, with descriptions and defaults, none of them a registry name', () => {
    const extra = Object.keys(inputs).filter((name) => !(name in gitlabSpecInputs()));
    expect(extra).toEqual(Object.keys(TEMPLATE_ONLY));
    for (const [name, expected] of Object.entries(TEMPLATE_ONLY)) {
      expect(inputs[name]).toMatchObject(expected);
      expect(inputs[name]!.description).toMatch(/\w{3,}.*\.$/);
      expect(OPTIONS.some((o) => o.name === name)).toBe(false);
    }
  });

  it('pins the default image to this release, the image the Bitbucket pipe shares', () => {
    expect(inputs['job-image']!.default).toBe(`docker.io/invicti/appsec-ci:${VERSION}`);
    expect(job.image).toEqual({ name: '$[[ inputs.job-image ]]', entrypoint: [''] });
    expect(job.stage).toBe('$[[ inputs.stage ]]');
  });

  it('hands each input to the program as INVICTI_INPUT_<NAME>, never as a setting variable, and no secret is an input', () => {
    const expected = Object.fromEntries(OPTIONS.filter((o) => o.gitlab === 'input').map((o) => [gitlabInputVariable(o.name), `$[[ inputs.${o.name} ]]`]));
    expect(job.variables).toEqual(expected);
    // A setting variable set by the job would override the pipeline's own `variables:` even when left empty.
    for (const option of OPTIONS) expect(job.variables[option.env], option.env).toBeUndefined();
    for (const secret of OPTIONS.filter((o) => o.secret)) expect(inputs[secret.name]).toBeUndefined();
    expect(text).toMatch(/INVICTI_ASPM_TOKEN/);
    expect(text).toMatch(/INVICTI_GITLAB_TOKEN/);
  });

  it('refuses a job-name that hides the job (a leading dot) or starts with a space', () => {
    const regex = new RegExp(inputs['job-name']!.regex!);
    for (const ok of ['invicti-appsec', 'appsec-sast', 'AppSec: SAST', 'security/appsec', '_appsec']) expect(regex.test(ok), ok).toBe(true);
    for (const bad of ['.invicti-appsec', '.hidden', ' appsec', '']) expect(regex.test(bad), bad).toBe(false);
    expect(regex.test(String(inputs['job-name']!.default))).toBe(true);
  });

  it('ships rules that scan MR pipelines, the default branch and branches without an open MR, nothing twice', () => {
    expect(job.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: '$CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' },
      { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
      { if: '$CI_COMMIT_BRANCH' },
    ]);
  });

  it('runs one fixed command: no input reaches the shell', () => {
    expect(job.script).toEqual(['node "${INVICTI_APPSEC_HOME:-/opt/invicti-appsec}/gitlab/index.js"']);
  });

  it('lists the files the GitLab publishing writes, as reports and as artifacts, even when the job fails', () => {
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports).toEqual(GITLAB_REPORT_FILES);
    for (const file of Object.values(GITLAB_REPORT_FILES)) {
      expect(job.artifacts.paths.some((glob) => globToRegExp(glob).test(file)), file).toBe(true);
    }
  });
});

describe('docs/gitlab.md', () => {
  const page = readFileSync(join(repoRoot, 'docs', 'gitlab.md'), 'utf8');

  it('carries the generated settings table between its markers', () => {
    const table = /<!-- settings:gitlab:start -->\n([\s\S]*?)\n<!-- settings:gitlab:end -->/.exec(page)?.[1];
    expect(table?.trim()).toBe(markdownTable('gitlab'));
  });

  it('documents the template-only inputs and every dotenv output', () => {
    for (const name of Object.keys(TEMPLATE_ONLY)) expect(page).toContain(`| \`${name}\` |`);
    for (const name of Object.keys(OUTPUT_VARIABLES)) expect(page).toContain(`| \`${name}\` |`);
    for (const file of Object.values(GITLAB_REPORT_FILES)) expect(page).toContain(file);
  });
});
