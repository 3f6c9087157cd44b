import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionInputs, gitlabSpecInputs, pipeVariables } from '../../../shared/core/option-formats.js';
import { VERSION } from '../../../shared/version.js';
import { repoRoot, schemaPath } from '../../helpers/paths.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => parse(m[1] ?? '') as Record<string, unknown>);
const find = (key: string): Record<string, unknown> => {
  const block = blocks.find((b) => key in b);
  if (!block) throw new Error(`no README snippet with "${key}"`);
  return block;
};

describe('README snippets', () => {
  it('GitHub: uses only inputs the action declares', () => {
    const jobs = find('jobs').jobs as Record<string, { steps: { uses: string; with: Record<string, unknown> }[] }>;
    const step = Object.values(jobs)[0]!.steps[0]!;
    expect(step.uses).toMatch(/^invicti\/invicti-appsec-ci@/);
    const declared = Object.keys(actionInputs());
    for (const input of Object.keys(step.with)) expect(declared).toContain(input);
  });

  it('GitLab: includes this release of the component with declared inputs', () => {
    const [include] = find('include').include as { component: string; inputs: Record<string, unknown> }[];
    expect(include!.component.endsWith(`@${VERSION}`)).toBe(true);
    const declared = Object.keys(gitlabSpecInputs());
    for (const input of Object.keys(include!.inputs)) expect(declared).toContain(input);
  });

  it('Bitbucket: validates against the Pipelines schema and uses this release of the pipe', () => {
    const block = find('pipelines');
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaPath('bitbucket-pipelines.schema.json'), 'utf8')) as object);
    expect(validate(block) ? [] : validate.errors).toEqual([]);
    const text = JSON.stringify(block);
    expect(text).toContain(`"pipe":"invicti/invicti-appsec-pipe:${VERSION}"`);
    const declared = new Set(pipeVariables().map((v) => v.name));
    for (const name of text.match(/INVICTI_[A-Z_]+(?=":)/g) ?? []) expect(declared.has(name), name).toBe(true);
  });
});
