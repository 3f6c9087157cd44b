import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/core/config.js';
import { detectContext } from '../../../shared/ci/index.js';

describe('detectContext', () => {
  it('is local outside a known CI, with the git info the CLI passes', () => {
    expect(detectContext({})).toEqual({ ci: 'local' });
    expect(detectContext({ CI: 'true', JENKINS_URL: 'https://ci' }, undefined, { branch: ' main ', sha: 'abc', repositoryUrl: 'https://git.example.com/r/' })).toEqual({
      ci: 'local',
      branch: 'main',
      sha: 'abc',
      repositoryUrl: 'https://git.example.com/r',
    });
    expect(detectContext({}, undefined, { branch: 'HEAD' })).toEqual({ ci: 'local' });
  });

  it('does not take GITHUB_ACTIONS other than "true" for GitHub', () => {
    expect(detectContext({ GITHUB_ACTIONS: 'false', GITHUB_REPOSITORY: 'a/b' }).ci).toBe('local');
    expect(detectContext({ GITLAB_CI: '', BITBUCKET_BUILD_NUMBER: '' }).ci).toBe('local');
  });

  it('picks one CI deterministically when variables of several are present', () => {
    expect(detectContext({ GITHUB_ACTIONS: 'true', GITLAB_CI: 'true', BITBUCKET_BUILD_NUMBER: '1' }).ci).toBe('github');
    expect(detectContext({ GITLAB_CI: 'true', BITBUCKET_BUILD_NUMBER: '1' }).ci).toBe('gitlab');
  });

  it('ignores git info inside a CI', () => {
    expect(detectContext({ GITLAB_CI: 'true', CI_COMMIT_BRANCH: 'dev' }, undefined, { branch: 'other' }).branch).toBe('dev');
  });

  it('gives parseConfig the MR branch, target and number', () => {
    const ctx = detectContext({
      GITLAB_CI: 'true',
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '3',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'fix',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    });
    const config = parseConfig({ host: 'https://a.example.com', token: 'tok-12345', project: 'p', scanner: 's' }, ctx);
    expect(config).toMatchObject({ branch: 'fix', targetBranch: 'main', prNumber: 3 });
  });
});
