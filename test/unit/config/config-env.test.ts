import { describe, expect, it } from 'vitest';
import { githubInputEnv, mergeRaw, parseConfig, readRawFromEnv } from '../../../shared/core/config.js';

describe('readRawFromEnv', () => {
  it('reads INVICTI_* variables by option name, skipping blanks', () => {
    const { raw, warnings } = readRawFromEnv(
      { INVICTI_ASPM_HOST: 'https://aspm.example.com', INVICTI_ASPM_TOKEN: 't0ken-abc', INVICTI_PROJECT: ' web ', INVICTI_THRESHOLD_HIGH: '', INVICTI_SCANNER: 'semgrep', UNRELATED: 'x' },
      'gitlab',
    );
    expect(raw).toEqual({ host: 'https://aspm.example.com', token: 't0ken-abc', project: 'web', scanner: 'semgrep' });
    expect(warnings).toEqual([]);
  });

  it('reads only what the packaging exposes', () => {
    const env = { INVICTI_GITHUB_TOKEN: 'ghp_x', INVICTI_GITLAB_TOKEN: 'glpat_x', INVICTI_BITBUCKET_TOKEN: 'bb_x', INVICTI_MODE: 'release' };
    expect(readRawFromEnv(env, 'gitlab').raw).toEqual({ 'gitlab-token': 'glpat_x', mode: 'release' });
    expect(readRawFromEnv(env, 'bitbucket').raw).toEqual({ 'bitbucket-token': 'bb_x', mode: 'release' });
    // The CLI reads code-host tokens from the environment, and its command sets the mode.
    expect(readRawFromEnv(env, 'cli').raw).toEqual({ 'github-token': 'ghp_x', 'gitlab-token': 'glpat_x', 'bitbucket-token': 'bb_x' });
  });

  it('falls back to KONDUKTO_* with a deprecation warning that holds no value', () => {
    const { raw, warnings } = readRawFromEnv({ KONDUKTO_HOST: 'https://old.example.com', KONDUKTO_TOKEN: 'legacy-secret-1' }, 'bitbucket');
    expect(raw).toEqual({ host: 'https://old.example.com', token: 'legacy-secret-1' });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/KONDUKTO_TOKEN is deprecated.*rename it to INVICTI_ASPM_TOKEN/);
    expect(warnings.join(' ')).not.toContain('legacy-secret-1');
  });

  it('prefers INVICTI_ASPM_* over KONDUKTO_* without a warning', () => {
    const { raw, warnings } = readRawFromEnv({ INVICTI_ASPM_TOKEN: 'new-token', KONDUKTO_TOKEN: 'old-token' }, 'cli');
    expect(raw.token).toBe('new-token');
    expect(warnings).toEqual([]);
  });

  it('reads GitHub INPUT_* variables the way the runner names them', () => {
    expect(githubInputEnv('threshold-critical')).toBe('INPUT_THRESHOLD-CRITICAL');
    const { raw } = readRawFromEnv(
      { 'INPUT_THRESHOLD-CRITICAL': '0', INPUT_HOST: 'https://a.example.com', 'INPUT_GITHUB-TOKEN': 'ghs_x', INPUT_MODE: 'scan', KONDUKTO_TOKEN: 'ignored' },
      'github',
    );
    expect(raw).toEqual({ 'threshold-critical': '0', host: 'https://a.example.com', 'github-token': 'ghs_x', mode: 'scan' });
  });

  it('feeds parseConfig end to end', () => {
    const { raw } = readRawFromEnv(
      { INVICTI_ASPM_HOST: 'https://a.example.com', INVICTI_ASPM_TOKEN: 'tok-12345', INVICTI_PROJECT: 'web', INVICTI_SCANNER: 'semgrep', INVICTI_THRESHOLD_CRITICAL: '0', INVICTI_TIMEOUT: '10m' },
      'bitbucket',
    );
    expect(parseConfig(raw, { ci: 'bitbucket' })).toMatchObject({ thresholds: { critical: 0 }, timeoutMs: 600_000 });
  });
});

describe('mergeRaw', () => {
  it('lets later layers win where they have a value', () => {
    expect(mergeRaw({ project: 'a', branch: 'main', timeout: '5m' }, { project: 'b', branch: '', async: undefined }, { timeout: '10m' })).toEqual({
      project: 'b',
      branch: 'main',
      timeout: '10m',
    });
  });
});
