import { describe, expect, it } from 'vitest';
import { actionInputs, cliFlags, gitlabSpecInputs, markdownTable, pipeVariables } from '../../../shared/core/option-formats.js';
import { OPTIONS, OPTION_GROUPS, findOption, getOption, optionsInGroup, settingLabel, upperSnake } from '../../../shared/core/options.js';

const ISSUE_FLAGS = [
  'project', 'scanner', 'scanner-type', 'branch', 'file', 'image', 'threshold-critical', 'threshold-high', 'threshold-medium',
  'threshold-low', 'threshold-info', 'new-findings-only', 'release-criteria', 'timeout', 'on-timeout', 'on-error', 'async',
  'output-json', 'sarif', 'summary-markdown',
];

describe('option registry', () => {
  it('has unique kebab-case names, env vars and short aliases', () => {
    const names = OPTIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const envs = OPTIONS.map((o) => o.env);
    expect(new Set(envs).size).toBe(envs.length);
    const shorts = OPTIONS.flatMap((o) => (o.short ? [o.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('names env vars INVICTI_ + UPPER_SNAKE, except the connection pair', () => {
    for (const option of OPTIONS) {
      if (option.name === 'host' || option.name === 'token') continue;
      expect(option.env).toBe(`INVICTI_${upperSnake(option.name)}`);
    }
    expect(getOption('host')).toMatchObject({ env: 'INVICTI_ASPM_HOST', deprecatedEnv: 'KONDUKTO_HOST', required: true });
    expect(getOption('token')).toMatchObject({ env: 'INVICTI_ASPM_TOKEN', deprecatedEnv: 'KONDUKTO_TOKEN', required: true, secret: true });
    expect(getOption('gitlab-token').env).toBe('INVICTI_GITLAB_TOKEN');
  });

  it('never makes a secret a GitLab input or a value shown in defaults', () => {
    const secrets = OPTIONS.filter((o) => o.secret);
    expect(secrets.map((o) => o.name).sort()).toEqual(['bitbucket-api-token', 'bitbucket-token', 'github-token', 'gitlab-token', 'token']);
    for (const option of secrets) {
      expect(option.gitlab).not.toBe('input');
      expect(option.default).toBeUndefined();
    }
  });

  it('gives every enum its values, a default among them, and a one-sentence description', () => {
    for (const option of OPTIONS) {
      expect(option.description).toMatch(/^[A-Z].*\.$/);
      expect(option.group).toBeOneOf([...OPTION_GROUPS]);
      if (option.type === 'enum') {
        expect(option.values?.length).toBeGreaterThan(1);
        if (option.default !== undefined) expect(option.values).toContain(option.default);
      } else expect(option.values).toBeUndefined();
    }
  });

  it('exposes the flags named in the issue', () => {
    const flags = cliFlags().map((f) => f.name);
    for (const name of ISSUE_FLAGS) expect(flags).toContain(name);
  });

  it('looks options up', () => {
    expect(findOption('timeout')?.default).toBe('30m');
    expect(findOption('nope')).toBeUndefined();
    expect(() => getOption('nope')).toThrow();
    expect(optionsInGroup('gate').map((o) => o.name)).toContain('threshold-info');
  });

  it('labels a setting the way each packaging names it', () => {
    expect(settingLabel('github')('threshold-critical')).toBe('input "threshold-critical"');
    expect(settingLabel('gitlab')('threshold-critical')).toBe('input "threshold-critical"');
    expect(settingLabel('gitlab')('token')).toBe('variable INVICTI_ASPM_TOKEN');
    expect(settingLabel('bitbucket')('project')).toBe('variable INVICTI_PROJECT');
    expect(settingLabel('cli')('timeout')).toBe('--timeout (INVICTI_TIMEOUT)');
    expect(settingLabel('cli')('gitlab-token')).toBe('INVICTI_GITLAB_TOKEN');
  });
});

describe('generators', () => {
  it('actionInputs: every GitHub input, string defaults, required only for host and token', () => {
    const inputs = actionInputs();
    expect(Object.keys(inputs)).toEqual(OPTIONS.filter((o) => o.github === 'input').map((o) => o.name));
    expect(inputs['github-token']).toEqual({ description: expect.any(String), required: false, default: '${{ github.token }}' });
    expect(inputs['gitlab-token']).toBeUndefined();
    expect(inputs.timeout?.default).toBe('30m');
    expect(inputs['threshold-high']).not.toHaveProperty('default');
    expect(Object.entries(inputs).filter(([, i]) => i.required).map(([n]) => n)).toEqual(['host', 'token']);
    for (const input of Object.values(inputs)) if (input.default !== undefined) expect(typeof input.default).toBe('string');
    expect(inputs.comment?.description).toContain('One of: update, new, off.');
  });

  it('gitlabSpecInputs: typed inputs, all with defaults, no secrets', () => {
    const inputs = gitlabSpecInputs();
    expect(Object.keys(inputs)).toEqual(OPTIONS.filter((o) => o.gitlab === 'input').map((o) => o.name));
    expect(inputs.token).toBeUndefined();
    expect(inputs['gitlab-token']).toBeUndefined();
    for (const input of Object.values(inputs)) {
      expect(input.default).toBeDefined();
      expect(['string', 'number', 'boolean', 'array']).toContain(input.type);
      if (input.options) expect(input.options).toContain(input.default);
    }
    expect(inputs['max-findings']).toMatchObject({ type: 'number', default: 20 });
    expect(inputs['threshold-critical']).toMatchObject({ type: 'string', default: '' });
    expect(inputs.async).toMatchObject({ type: 'boolean', default: false });
    expect(inputs['on-timeout']).toMatchObject({ type: 'string', default: 'fail', options: ['fail', 'warn', 'pass'] });
    expect(inputs.environment).toMatchObject({ default: '', options: ['', 'production', 'staging', 'develop', 'feature'] });
    expect(inputs.scanner).toMatchObject({ type: 'string', default: '' });
  });

  it('pipeVariables: env-var names, secrets flagged, enums with allowed values', () => {
    const variables = pipeVariables();
    expect(variables.map((v) => v.name)).toEqual(OPTIONS.filter((o) => o.bitbucket === 'variable').map((o) => o.env));
    expect(variables.find((v) => v.name === 'INVICTI_ASPM_TOKEN')).toMatchObject({ secret: true, required: true });
    expect(variables.find((v) => v.name === 'INVICTI_BITBUCKET_TOKEN')).toMatchObject({ secret: true, required: false });
    expect(variables.find((v) => v.name === 'INVICTI_TIMEOUT')).toMatchObject({ default: '30m' });
    expect(variables.find((v) => v.name === 'INVICTI_COMMENT')?.allowed_values).toEqual(['update', 'new', 'off']);
    expect(variables.some((v) => v.name === 'INVICTI_GITHUB_TOKEN')).toBe(false);
    for (const variable of variables) if (!OPTIONS.find((o) => o.env === variable.name)?.secret) expect(variable).not.toHaveProperty('secret');
  });

  it('cliFlags: only flag options, switches take no value', () => {
    const flags = cliFlags();
    expect(flags.map((f) => f.name)).toEqual(OPTIONS.filter((o) => o.cli === 'flag').map((o) => o.name));
    expect(flags.find((f) => f.name === 'async')).toMatchObject({ flag: '--async', takesValue: false, default: 'false' });
    expect(flags.find((f) => f.name === 'project')).toMatchObject({ short: '-p', takesValue: true, env: 'INVICTI_PROJECT' });
    expect(flags.some((f) => f.name === 'mode' || f.name === 'github-token')).toBe(false);
  });

  it.each(['github', 'gitlab', 'bitbucket', 'cli'] as const)('markdownTable(%s) has one row per exposed setting', (ci) => {
    const table = markdownTable(ci);
    const rows = table.split('\n').slice(2);
    const exposed = OPTIONS.filter((o) => o[ci] !== 'none');
    expect(rows).toHaveLength(exposed.length);
    const columns = ci === 'cli' ? 4 : 3;
    for (const [i, row] of rows.entries()) {
      const option = exposed[i]!;
      // Unescaped pipes delimit cells: a description with a `|` must not add a column.
      expect(row.split(/(?<!\\)\|/).length - 2).toBe(columns);
      const envNamed = ci === 'bitbucket' || (ci === 'gitlab' && option.gitlab === 'variable') || (ci === 'cli' && option.cli === 'env');
      expect(row).toContain(envNamed ? `\`${option.env}\`` : `${ci === 'cli' ? '--' : ''}${option.name}\``);
    }
  });

  it('markdownTable shows defaults, requirements, context defaults and secrets', () => {
    const github = markdownTable('github');
    expect(github).toContain('| `host` | **required** |');
    expect(github).toContain('| `github-token` | `${{ github.token }}` |');
    expect(github).toMatch(/\| `branch` \| from the CI: the CI branch/);
    expect(github).toMatch(/\| `threshold-high` \| unset \|/);
    expect(markdownTable('gitlab')).toContain('`INVICTI_GITLAB_TOKEN` (masked variable)');
    expect(markdownTable('gitlab', 'gate').split('\n')).toHaveLength(2 + OPTIONS.filter((o) => o.group === 'gate').length);
    expect(markdownTable('cli')).toContain('| `--timeout` | `INVICTI_TIMEOUT` | `30m` |');
    expect(markdownTable('bitbucket')).toMatch(/INVICTI_BITBUCKET_TOKEN.*Secret\./);
  });
});
