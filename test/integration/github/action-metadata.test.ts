/**
 * action.yml and docs/github.md against their sources of truth: the vendored action.yml JSON schema, the option
 * registry (`actionInputs()`, `markdownTable('github')`) and the declared outputs (`ACTION_OUTPUTS`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderActionYml } from '../../../actions/github/action-metadata.js';
import { ACTION_OUTPUTS, OUTPUT_NAMES } from '../../../actions/github/outputs.js';
import { actionInputs, markdownTable } from '../../../shared/core/option-formats.js';
import { repoRoot, schemaPath } from '../../helpers/paths.js';
import { ACTION_YML } from '../../helpers/github-runner.js';

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
const docs = readFileSync(join(repoRoot, 'docs', 'github.md'), 'utf8');

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, trimmed. */
function between(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`markers for ${name} are missing`);
  return text.slice(start + `<!-- ${name}:start -->`.length, end).trim();
}

describe('action.yml', () => {
  it('validates against the action metadata schema (which lists node24)', () => {
    const schema = JSON.parse(readFileSync(schemaPath('github-action.schema.json'), 'utf8')) as { definitions: Record<string, unknown> };
    expect(JSON.stringify(schema.definitions['runs-javascript'])).toContain('"node24"');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(action), JSON.stringify(validate.errors, null, 1)).toBe(true);
    // The check can fail: a runtime GitHub no longer runs, or an input without its description, is refused.
    expect(validate({ ...action, runs: { ...action.runs, using: 'node18' } })).toBe(false);
    expect(validate({ ...action, inputs: { ...action.inputs, bad: { required: false } } })).toBe(false);
  });

  it('runs dist/github/index.js on node24, with a name, a description and branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/github/index.js' });
    expect(existsSync(join(repoRoot, action.runs.main))).toBe(true);
    expect(action.name).toBe('Invicti AppSec');
    // The Marketplace cuts descriptions longer than 125 characters.
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.branding).toEqual({ icon: 'shield', color: 'purple' });
  });

  it('is the generator\'s output, byte for byte', () => {
    expect(readFileSync(ACTION_YML, 'utf8')).toBe(renderActionYml());
  });

  it('declares exactly the inputs the option registry generates', () => {
    expect(action.inputs).toEqual(actionInputs());
    expect(Object.keys(action.inputs)).toEqual(Object.keys(actionInputs()));
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the adapter sets, in the same order', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_NAMES);
    for (const name of OUTPUT_NAMES) expect(action.outputs[name]).toEqual({ description: ACTION_OUTPUTS[name] });
  });
});

describe('docs/github.md', () => {
  it('carries the inputs table generated from the registry', () => {
    expect(between(docs, 'settings:github')).toBe(markdownTable('github'));
  });

  it('lists every output', () => {
    const table = between(docs, 'outputs:github');
    for (const name of OUTPUT_NAMES) expect(table).toContain(`| \`${name}\` |`);
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(OUTPUT_NAMES.length);
  });

  it('pins every action by commit SHA (this one by the placeholder its release fills in)', () => {
    const uses = [...docs.matchAll(/uses:\s*(\S+)/g)].map((m) => m[1] ?? '');
    const own = uses.filter((ref) => ref.startsWith('invicti/invicti-appsec-ci@'));
    const others = uses.filter((ref) => !ref.startsWith('invicti/invicti-appsec-ci@'));
    expect(own.length).toBeGreaterThan(3);
    for (const ref of own) expect(ref).toBe('invicti/invicti-appsec-ci@<full-commit-sha>');
    expect(others.length).toBeGreaterThan(3);
    for (const ref of others) expect(ref).toMatch(/^(actions\/checkout|actions\/download-artifact|github\/codeql-action\/upload-sarif)@[0-9a-f]{40}$/);
  });

  it('grants no more than each example needs', () => {
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    for (const block of blocks.filter((b) => /^on:/m.test(b))) {
      expect(block, block).toMatch(/^permissions:/m);
      expect(block).not.toMatch(/write-all|contents: write/);
      if (/upload-sarif/.test(block)) expect(block).toContain('security-events: write');
      if (!/upload-sarif/.test(block)) expect(block).not.toContain('security-events');
    }
  });
});
