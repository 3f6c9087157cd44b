import { describe, expect, it } from 'vitest';
import { detectContext } from '../../../shared/ci/index.js';
import type { RunContext } from '../../../shared/ci/context.js';
import { configSecrets, parseConfig, type ScanConfig } from '../../../shared/core/config.js';
import { settingLabel } from '../../../shared/core/options.js';
import { ConfigError, EXIT_CODES } from '../../../shared/errors.js';

const TOKEN = 'tok-5ecret-value-123';
const BASE = { host: 'https://aspm.example.com/', token: TOKEN, project: 'web', scanner: 'semgrep' };
const LOCAL: RunContext = { ci: 'local' };
const PR_CONTEXT: RunContext = {
  ci: 'github',
  branch: 'feature/x',
  targetBranch: 'main',
  repositoryUrl: 'https://github.com/acme/web',
  serverUrl: 'https://github.com',
  pullRequest: { number: '42', sourceBranch: 'feature/x', targetBranch: 'main', isFork: false },
};

/** The ConfigError parseConfig throws for these settings (fails the test when it does not throw). */
function errorFor(raw: Record<string, string | undefined>, context: RunContext = LOCAL, describe?: (n: string) => string): ConfigError {
  try {
    parseConfig(raw, context, describe ? { describe } : {});
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig: defaults and types', () => {
  it('applies the registry defaults', () => {
    const config = parseConfig(BASE, LOCAL);
    expect(config).toMatchObject<Partial<ScanConfig>>({
      host: 'https://aspm.example.com',
      token: TOKEN,
      apiMode: 'auto',
      insecure: false,
      requestTimeoutMs: 30_000,
      verbose: false,
      project: 'web',
      scanners: ['semgrep'],
      mode: 'scan',
      eventIds: [],
      async: false,
      thresholds: {},
      newFindingsOnly: false,
      failOnRiskIncrease: false,
      releaseCriteria: { kind: 'scanner' },
      warnOnly: false,
      onTimeout: 'fail',
      onError: 'fail',
      timeoutMs: 1_800_000,
      comment: 'update',
      maxFindings: 20,
      createProject: { enabled: false, labels: [], repoUrl: undefined, almTool: undefined, team: undefined, defaultBranch: undefined },
    });
    expect(config.branch).toBeUndefined();
    expect(config.prNumber).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig({ ...BASE, timeout: '', 'threshold-high': '  ', branch: '', comment: '' }, LOCAL);
    expect(config.timeoutMs).toBe(1_800_000);
    expect(config.thresholds).toEqual({});
    expect(config.branch).toBeUndefined();
    expect(config.comment).toBe('update');
  });

  it.each([
    ['true', true], ['TRUE', true], ['Yes', true], ['1', true],
    ['false', false], ['No', false], ['0', false], [' FALSE ', false],
  ])('reads boolean %j', (text, value) => {
    expect(parseConfig({ ...BASE, 'warn-only': text }, LOCAL).warnOnly).toBe(value);
  });

  it('reads integers, durations, lists and enums', () => {
    const config = parseConfig(
      {
        ...BASE,
        'threshold-critical': '0',
        'threshold-high': ' 5 ',
        'threshold-info': '100',
        timeout: '1h30m',
        'request-timeout': '45',
        scanner: ' codethreat , saltsecurity,,codethreat ',
        'scanner-type': 'SAST',
        'on-timeout': 'Warn',
        environment: 'Staging',
        'api-mode': 'LEGACY',
        'release-criteria': 'SAST, dast',
        labels: 'a,\nb',
        'max-findings': '0',
      },
      LOCAL,
    );
    expect(config.thresholds).toEqual({ critical: 0, high: 5, info: 100 });
    expect(config.timeoutMs).toBe(5_400_000);
    expect(config.requestTimeoutMs).toBe(45_000);
    expect(config.scanners).toEqual(['codethreat', 'saltsecurity']);
    expect(config.scannerTypes).toEqual(["sast"]);
    expect(config.onTimeout).toBe('warn');
    expect(config.environment).toBe('staging');
    expect(config.apiMode).toBe('legacy');
    expect(config.releaseCriteria).toEqual({ kind: 'types', types: ['sast', 'dast'] });
    expect(config.createProject.labels).toEqual(['a', 'b']);
    expect(config.maxFindings).toBe(0);
  });

  it.each(['on', 'off', 'scanner', 'ON'])('reads release-criteria %j', (text) => {
    expect(parseConfig({ ...BASE, 'release-criteria': text }, LOCAL).releaseCriteria).toEqual({ kind: text.toLowerCase() });
  });

  it('keeps code-host credentials and lists every secret for redaction', () => {
    const config = parseConfig({ ...BASE, 'github-token': 'ghs_abc', 'bitbucket-email': 'a@b.c', 'bitbucket-api-token': 'atl-xyz' }, LOCAL);
    expect(config.codeHost).toEqual({ githubToken: 'ghs_abc', bitbucketEmail: 'a@b.c', bitbucketApiToken: 'atl-xyz' });
    expect(configSecrets(config).sort()).toEqual(['atl-xyz', 'ghs_abc', TOKEN].sort());
  });
});

describe('parseConfig: CI context', () => {
  it('takes branch, target branch and PR number from the context', () => {
    const config = parseConfig(BASE, PR_CONTEXT);
    expect(config).toMatchObject({ branch: 'feature/x', targetBranch: 'main', prNumber: 42 });
  });

  it.each([
    ['gitlab', 'CI_MERGE_REQUEST_IID', 'abc'],
    ['gitlab', 'CI_MERGE_REQUEST_IID', '0'],
    ['bitbucket', 'BITBUCKET_PR_ID', '12x'],
    ['github', 'GITHUB_REF', '007'],
  ] as const)('a %s context number %j that is no request number is an error naming %s', (ci, variable, number) => {
    const err = errorFor(BASE, { ci, pullRequest: { number, isFork: false } });
    expect(err.setting).toBe('pr-number');
    expect(err.exitCode).toBe(EXIT_CODES.config);
    expect(err.message).toContain(variable);
    expect(err.message).toContain(JSON.stringify(number));
    expect(err.message).toMatch(/set "pr-number"/);
    // An explicit pr-number wins, so the bad context value is not checked.
    expect(parseConfig({ ...BASE, 'pr-number': '5' }, { ci, pullRequest: { number, isFork: false } }).prNumber).toBe(5);
  });

  // What each CI really sets, through detection: a run with no pull/merge request is no error, whatever its ref.
  it.each([
    ['GitHub push to a branch', { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/x' }, undefined, undefined],
    ['GitHub tag push', { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.0' }, undefined, undefined],
    ['GitHub merge queue', { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'merge_group', GITHUB_REF: 'refs/heads/gh-readonly-queue/main/pr-12-abc' }, undefined, undefined],
    ['GitHub pull_request, ref only', { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/12/merge' }, undefined, 12],
    [
      'GitHub pull_request payload',
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/12/merge' },
      { pull_request: { number: 12, head: { ref: 'f' }, base: { ref: 'main' } } },
      12,
    ],
    ['GitHub workflow_run', { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: 'refs/heads/main' }, { workflow_run: { pull_requests: [{ number: 3 }] } }, undefined],
    ['GitLab branch pipeline', { GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'x', CI_MERGE_REQUEST_IID: '' }, undefined, undefined],
    ['GitLab merge request pipeline', { GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '5' }, undefined, 5],
    ['Bitbucket branch pipeline', { BITBUCKET_BUILD_NUMBER: '3', BITBUCKET_BRANCH: 'x' }, undefined, undefined],
    ['Bitbucket pull request pipeline', { BITBUCKET_BUILD_NUMBER: '3', BITBUCKET_BRANCH: 'x', BITBUCKET_PR_ID: '9' }, undefined, 9],
  ] as const)('%s: no error, and the request number the CI gives', (_, env, event, expected) => {
    expect(parseConfig(BASE, detectContext(env, event)).prNumber).toBe(expected);
  });

  it('lets explicit settings win over the context', () => {
    const config = parseConfig({ ...BASE, branch: 'release', 'target-branch': 'develop', 'pr-number': '7' }, PR_CONTEXT);
    expect(config).toMatchObject({ branch: 'release', targetBranch: 'develop', prNumber: 7 });
  });

  it('uses the plain branch of a branch run', () => {
    expect(parseConfig(BASE, { ci: 'gitlab', branch: 'main' })).toMatchObject({ branch: 'main', targetBranch: undefined, prNumber: undefined });
  });

  it('fills project creation from the context only when create-project is on', () => {
    expect(parseConfig({ ...BASE, 'create-project': 'true' }, PR_CONTEXT).createProject).toMatchObject({
      enabled: true,
      repoUrl: 'https://github.com/acme/web',
      almTool: 'github',
    });
    expect(parseConfig(BASE, PR_CONTEXT).createProject.repoUrl).toBeUndefined();
    const ghes = parseConfig({ ...BASE, 'create-project': 'yes' }, { ci: 'github', serverUrl: 'https://git.corp.example' });
    expect(ghes.createProject.almTool).toBe('githubenterprise');
    const gitlab = parseConfig({ ...BASE, 'create-project': 'yes' }, { ci: 'gitlab', serverUrl: 'https://gitlab.com' });
    expect(gitlab.createProject.almTool).toBe('gitlabcloud');
    const onprem = parseConfig({ ...BASE, 'create-project': 'yes', 'alm-tool': 'git' }, { ci: 'gitlab', serverUrl: 'https://gl.corp' });
    expect(onprem.createProject.almTool).toBe('git');
  });
});

describe('parseConfig: field errors', () => {
  it.each([
    ['threshold-critical', 'abc', /whole number.*no limit/],
    ['threshold-high', '-1', /whole number/],
    ['threshold-low', '1.5', /whole number/],
    ['max-findings', '10000000', /whole number from 0 to 1000000/],
    ['timeout', '30 minutes', /duration such as 90s/],
    ['request-timeout', '1.5s', /duration/],
    ['insecure', 'maybe', /true or false/],
    ['on-error', 'explode', /one of fail, warn, pass/],
    ['comment', 'updat', /Did you mean "update"\?/],
    ['scanner-type', 'dats', /Did you mean "dast"\?/],
    ['host', 'ftp://aspm.example.com', /http\(s\) URL/],
    ['host', 'aspm.example.com', /http\(s\) URL/],
    ['repo-url', 'not a url', /http\(s\) URL/],
    ['release-criteria', 'sast,dats', /"dats" is not one.*Did you mean "dast"\?/],
    ['pr-number', 'abc', /request number/],
    ['pr-number', '0', /request number/],
  ])('%s=%j names the setting and the fix', (setting, value, pattern) => {
    const err = errorFor({ ...BASE, [setting]: value });
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(`"${setting}"`);
    expect(err.message).toMatch(pattern);
  });

  it('quotes non-secret values but never a URL with credentials', () => {
    expect(errorFor({ ...BASE, insecure: 'maybe' }).message).toContain('(got "maybe")');
    const err = errorFor({ ...BASE, host: 'https://admin:hunter22@aspm.example.com' });
    expect(err.message).toMatch(/user name or password/);
    expect(err.message).not.toContain('hunter22');
  });

  it('rejects settings that do not exist, with a suggestion', () => {
    const err = errorFor({ ...BASE, 'threshold-critcal': '0' });
    expect(err.setting).toBe('threshold-critcal');
    expect(err.message).toMatch(/is not a setting\. Did you mean "threshold-critical"\?/);
  });
});

describe('parseConfig: cross-field rules', () => {
  it.each([
    [{ host: undefined }, 'host', /is required/],
    [{ token: '' }, 'token', /is required.*secret/],
    [{ project: '' }, 'project', /required in mode scan/],
    [{ scanner: '' }, 'scanner', /required in mode scan/],
    [{ scanner: 'semgrep gosec' }, 'scanner', /separate several scanners with commas/],
    [{ file: 'r.json', image: 'app:1' }, 'file', /exclude each other/],
    [{ file: 'r.json', scanner: 'a,b' }, 'file', /exactly one scanner/],
    [{ image: 'app:1', scanner: 'a,b' }, 'image', /exactly one scanner/],
    [{ image: 'app:1', scanner: 'codethreat' }, 'image', /needs a container scanner \(type CS\), but "scanner" "codethreat" is a SAST scanner/],
    [{ image: 'app:1', scanner: 'saltsecurity' }, 'image', /"saltsecurity" is a DAST scanner/],
    [{ mode: 'release', file: 'r.json' }, 'file', /only to mode scan/],
    [{ mode: 'wait' }, 'event-id', /required in mode wait/],
    [{ 'event-id': 'e1' }, 'event-id', /only to mode wait/],
    [{ mode: 'release', async: 'true' }, 'async', /only to mode scan/],
    [{ 'bitbucket-email': 'a@b.c' }, 'bitbucket-api-token', /is required with "bitbucket-email"/],
    [{ 'bitbucket-api-token': 'atl-1234' }, 'bitbucket-email', /is required with/],
    [{ 'bitbucket-token': 'bbt-1234', 'bitbucket-email': 'a@b.c', 'bitbucket-api-token': 'atl-1234' }, 'bitbucket-token', /one way/],
    [{ timeout: '0' }, 'timeout', /more than 0/],
    [{ 'request-timeout': '0s' }, 'request-timeout', /more than 0/],
  ])('%j fails on %s', (patch, setting, pattern) => {
    const err = errorFor({ ...BASE, ...patch });
    expect(err.setting).toBe(setting);
    expect(err.message).toMatch(pattern);
  });

  it('accepts what the modes need and no more', () => {
    expect(parseConfig({ ...BASE, scanner: '', mode: 'release' }, LOCAL).mode).toBe('release');
    const [e1, e2] = ['65a1b2c3000000000000001e', '65a1b2c3000000000000001f'];
    const wait = parseConfig({ host: BASE.host, token: TOKEN, mode: 'WAIT', 'event-id': `${e1}, ${e2},${e1}` }, LOCAL);
    expect(wait).toMatchObject({ mode: 'wait', eventIds: [e1, e2], project: undefined, scanners: [] });
    expect(parseConfig({ ...BASE, file: 'results.sarif' }, LOCAL).file).toBe('results.sarif');
    expect(parseConfig({ ...BASE, scanner: 'trivy', image: 'registry.example.com/app:1.2', async: 'true' }, LOCAL)).toMatchObject({ image: 'registry.example.com/app:1.2', async: true });
    // A scanner the product cannot know is checked once the platform tells its type.
    expect(parseConfig({ ...BASE, scanner: 'acme-images', image: 'app:1' }, LOCAL).image).toBe('app:1');
    expect(parseConfig({ ...BASE, 'bitbucket-token': 'bbt-1234' }, LOCAL).codeHost.bitbucketToken).toBe('bbt-1234');
  });
});

describe('parseConfig: reporting', () => {
  it('reports every bad setting in one error', () => {
    const err = errorFor({ token: '', project: 'web', scanner: 'semgrep', 'threshold-high': 'x', timeout: 'soon' });
    expect(err.setting).toBe('threshold-high, timeout, host, token');
    expect(err.message.split('\n')[0]).toBe('4 settings need fixing:');
    for (const name of ['threshold-high', 'timeout', 'host', 'token']) expect(err.message).toContain(`- "${name}"`);
  });

  it('names settings the way the packaging does', () => {
    const github = errorFor({ ...BASE, 'threshold-critical': 'x' }, LOCAL, settingLabel('github'));
    expect(github.message).toMatch(/^input "threshold-critical" must be a whole number/);
    const cli = errorFor({ ...BASE, 'threshold-critical': 'x' }, LOCAL, settingLabel('cli'));
    expect(cli.message).toMatch(/^--threshold-critical \(INVICTI_THRESHOLD_CRITICAL\) must/);
    const gitlab = errorFor({ ...BASE, token: '' }, LOCAL, settingLabel('gitlab'));
    expect(gitlab.message).toMatch(/^variable INVICTI_ASPM_TOKEN is required/);
    const bitbucket = errorFor({ ...BASE, 'bitbucket-email': 'a@b.c' }, LOCAL, settingLabel('bitbucket'));
    expect(bitbucket.message).toContain('variable INVICTI_BITBUCKET_API_TOKEN is required with variable INVICTI_BITBUCKET_EMAIL');
  });

  it('never puts a secret value in a message', () => {
    const secrets = { token: TOKEN, 'github-token': 'ghp_SECRETSECRET', 'gitlab-token': 'glpat-SECRETSECRET', 'bitbucket-token': 'bbt-SECRETSECRET', 'bitbucket-api-token': 'atl-SECRETSECRET' };
    // Every rule that can fire at once, with secrets set everywhere.
    const err = errorFor({ ...secrets, host: 'nope', project: '', scanner: 'a b', timeout: 'x', mode: 'wait', 'no-such': TOKEN });
    expect(err.message.split('\n').length).toBeGreaterThan(4);
    for (const value of Object.values(secrets)) expect(err.message).not.toContain(value);
    expect(err.stack?.split('\n')[0]).not.toContain(TOKEN);
  });
});

describe('parseConfig: values that would end a line or a request early', () => {
  it.each(['65a1b2c3', '65a1b2c300000000000000zz', '../../api/v2/status', '65a1b2c30000\n000000001e'])('rejects the event ID %j, naming event-id', (id) => {
    const err = errorFor({ ...BASE, scanner: undefined, project: undefined, mode: 'wait', 'event-id': id });
    expect(err.message).toContain('event-id');
    expect(err.message).toContain('24 hexadecimal characters');
  });

  it('accepts 24-hex event IDs', () => {
    expect(parseConfig({ ...BASE, scanner: undefined, mode: 'wait', 'event-id': '65a1b2c3000000000000001e,65A1B2C3000000000000001F' }, LOCAL).eventIds).toHaveLength(2);
  });

  it.each([
    ['branch', 'main\nInjected: header'],
    ['meta-data', 'nightly\r\nx'],
    ['target-branch', 'ma\nin'],
  ])('rejects a line break in %s, naming it', (name, value) => {
    const err = errorFor({ ...BASE, [name]: value, ...(name === 'target-branch' ? { 'pr-number': '3' } : {}) });
    expect(err.message).toContain(name);
    expect(err.message).toContain('one line');
  });
});
