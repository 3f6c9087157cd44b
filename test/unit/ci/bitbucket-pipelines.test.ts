import { describe, expect, it } from 'vitest';
import { detectBitbucket, detectContext } from '../../../shared/ci/index.js';

const BASE_ENV = {
  CI: 'true',
  BITBUCKET_BUILD_NUMBER: '314',
  BITBUCKET_CLONE_DIR: '/opt/atlassian/pipelines/agent/build',
  BITBUCKET_COMMIT: 'feed000000000000000000000000000000000000',
  BITBUCKET_WORKSPACE: 'acme',
  BITBUCKET_REPO_SLUG: 'web',
  BITBUCKET_REPO_FULL_NAME: 'acme/web',
  BITBUCKET_GIT_HTTP_ORIGIN: 'http://bitbucket.org/acme/web',
};

describe('Bitbucket Pipelines context', () => {
  it('reads a pull-request pipeline', () => {
    const env = { ...BASE_ENV, BITBUCKET_BRANCH: 'feature/login', BITBUCKET_PR_ID: '7', BITBUCKET_PR_DESTINATION_BRANCH: 'main' };
    expect(detectContext(env)).toEqual({
      ci: 'bitbucket',
      repository: 'acme/web',
      repositoryUrl: 'https://bitbucket.org/acme/web',
      serverUrl: 'https://bitbucket.org',
      apiUrl: 'https://api.bitbucket.org/2.0',
      sha: 'feed000000000000000000000000000000000000',
      branch: 'feature/login',
      targetBranch: 'main',
      pullRequest: { number: '7', sourceBranch: 'feature/login', targetBranch: 'main', isFork: false, headSha: 'feed000000000000000000000000000000000000' },
      jobUrl: 'https://bitbucket.org/acme/web/pipelines/results/314',
      runId: '314',
      eventName: 'pull-request',
    });
  });

  it('reads a branch pipeline without a PR', () => {
    const ctx = detectBitbucket({ ...BASE_ENV, BITBUCKET_BRANCH: 'main' });
    expect(ctx).toMatchObject({ branch: 'main', eventName: 'branch' });
    expect(ctx.pullRequest).toBeUndefined();
  });

  it('reads a tag pipeline', () => {
    const ctx = detectBitbucket({ ...BASE_ENV, BITBUCKET_TAG: 'v1.0' });
    expect(ctx).toMatchObject({ tag: 'v1.0', eventName: 'tag' });
    expect(ctx.branch).toBeUndefined();
  });

  it('builds the repository from workspace and slug when the full name and origin are missing', () => {
    const ctx = detectBitbucket({ BITBUCKET_BUILD_NUMBER: '2', BITBUCKET_REPO_OWNER: 'old-owner', BITBUCKET_REPO_SLUG: 'api' });
    expect(ctx).toMatchObject({ repository: 'old-owner/api', repositoryUrl: 'https://bitbucket.org/old-owner/api', eventName: 'custom' });
    expect(detectContext({ BITBUCKET_BUILD_NUMBER: '1' })).toEqual({
      ci: 'bitbucket',
      serverUrl: 'https://bitbucket.org',
      apiUrl: 'https://api.bitbucket.org/2.0',
      runId: '1',
      eventName: 'custom',
    });
  });
});
