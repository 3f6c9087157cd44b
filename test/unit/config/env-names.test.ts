import { describe, expect, it } from 'vitest';
import { checkSettingNames } from '../../../shared/core/env-names.js';
import { OUTPUT_VARIABLES } from '../../../shared/core/output-variables.js';
import { githubInputEnv } from '../../../shared/core/config.js';
import { gitlabInputVariable } from '../../../shared/core/option-formats.js';
import { OPTIONS } from '../../../shared/core/options.js';
import { ConfigError } from '../../../shared/errors.js';

describe('checkSettingNames', () => {
  it('refuses a misspelled INVICTI_* setting, naming both variables and the fix', () => {
    for (const ci of ['gitlab', 'bitbucket', 'cli'] as const) {
      const { error } = checkSettingNames({ INVICTI_THRESHOLD_CRITICIAL: '0' }, ci);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.setting).toBe('threshold-critical');
      expect(error?.message).toContain('INVICTI_THRESHOLD_CRITICIAL');
      expect(error?.message).toContain('Rename it to INVICTI_THRESHOLD_CRITICAL');
    }
  });

  it('catches swaps, a missing letter, lower case and `-` for `_`', () => {
    for (const name of ['INVICTI_TRESHOLD_HIGH', 'INVICTI_RELAESE_CRITERIA', 'invicti_scanner', 'INVICTI_THRESHOLD-LOW', 'INVICTI_ASPM_TOKN']) {
      expect(checkSettingNames({ [name]: 'x' }, 'gitlab').error, name).toBeInstanceOf(ConfigError);
    }
  });

  it('refuses INPUT_THRESHOLD_CRITICAL in the action (the runner sets INPUT_THRESHOLD-CRITICAL)', () => {
    const { error } = checkSettingNames({ [githubInputEnv('threshold-critical')]: '', INPUT_THRESHOLD_CRITICAL: '0' }, 'github');
    expect(error?.message).toContain('INPUT_THRESHOLD_CRITICAL');
    expect(error?.message).toContain('INPUT_THRESHOLD-CRITICAL');
  });

  it('accepts every name the packagings read or write', () => {
    const env: Record<string, string> = { INVICTI_APPSEC_HOME: '/opt', INVICTI_TEST_NODE24: 'node', INVICTI_EVENT_IDS: 'a', KONDUKTO_TOKEN: 't', PATH: '/bin' };
    for (const option of OPTIONS) {
      env[option.env] = '1';
      env[gitlabInputVariable(option.name)] = '1';
    }
    expect(checkSettingNames(env, 'gitlab', ['INVICTI_EVENT_IDS'])).toEqual({ warnings: [] });
    const inputs = Object.fromEntries(OPTIONS.filter((o) => o.github !== 'none').map((o) => [githubInputEnv(o.name), '1']));
    expect(checkSettingNames({ ...inputs, INVICTI_WHATEVER: 'x' }, 'github')).toEqual({ warnings: [] });
  });

  it('knows the run\'s output variables in every packaging, with no list passed in (later jobs see them)', () => {
    const env = Object.fromEntries(Object.keys(OUTPUT_VARIABLES).map((name) => [name, '1']));
    for (const ci of ['cli', 'gitlab', 'bitbucket'] as const) expect(checkSettingNames(env, ci)).toEqual({ warnings: [] });
  });

  it('warns about other unknown INVICTI_* names', () => {
    const result = checkSettingNames({ INVICTI_SOMETHING_ELSE_ENTIRELY: '1' }, 'bitbucket');
    expect(result.error).toBeUndefined();
    expect(result.warnings).toEqual([expect.stringContaining('INVICTI_SOMETHING_ELSE_ENTIRELY is not an Invicti AppSec setting')]);
  });
});
