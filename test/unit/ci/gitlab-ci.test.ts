import { describe, expect, it } from 'vitest';
import { detectContext, detectGitLab } from '../../../shared/ci/index.js';

const BASE_ENV = {
  CI: 'true',
  GITLAB_CI: 'true',
  CI_PROJECT_PATH: 'acme/platform/web',
  CI_PROJECT_ID: '77',
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/platform/web',
  CI_SERVER_URL: 'https://gitlab.example.com',
  CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
  CI_JOB_URL: 'https://gitlab.example.com/acme/platform/web/-/jobs/555',
  CI_PIPELINE_URL: 'https://gitlab.example.com/acme/platform/web/-/pipelines/88',
  CI_PIPELINE_ID: '88',
  CI_COMMIT_SHA: 'c0ffee0000000000000000000000000000000000',
};

const MR_ENV = {
  ...BASE_ENV,
  CI_PIPELINE_SOURCE: 'merge_request_event',
  CI_COMMIT_REF_NAME: 'feature/login',
  CI_MERGE_REQUEST_IID: '12',
  CI_MERGE_REQUEST_ID: '99812',
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  CI_MERGE_REQUEST_PROJECT_ID: '77',
  CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '77',
  CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: '',
  CI_MERGE_REQUEST_EVENT_TYPE: 'detached',
};

describe('GitLab CI context', () => {
  it('reads a merge request pipeline', () => {
    expect(detectContext(MR_ENV)).toEqual({
      ci: 'gitlab',
      repository: 'acme/platform/web',
      repositoryUrl: 'https://gitlab.example.com/acme/platform/web',
      serverUrl: 'https://gitlab.example.com',
      apiUrl: 'https://gitlab.example.com/api/v4',
      projectId: '77',
      sha: 'c0ffee0000000000000000000000000000000000',
      branch: 'feature/login',
      targetBranch: 'main',
      pullRequest: { number: '12', sourceBranch: 'feature/login', targetBranch: 'main', isFork: false, headSha: 'c0ffee0000000000000000000000000000000000' },
      jobUrl: 'https://gitlab.example.com/acme/platform/web/-/jobs/555',
      runId: '88',
      eventName: 'merge_request_event',
    });
  });

  it('flags a fork MR by its source project', () => {
    expect(detectGitLab({ ...MR_ENV, CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '1234' }).pullRequest?.isFork).toBe(true);
  });

  it('takes the head commit from the source branch SHA in a merged-results pipeline', () => {
    const ctx = detectGitLab({ ...MR_ENV, CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result', CI_COMMIT_SHA: 'merge999', CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: 'head111' });
    expect(ctx.sha).toBe('merge999');
    expect(ctx.pullRequest?.headSha).toBe('head111');
  });

  it('reads a branch pipeline and its open merge requests of this project', () => {
    const ctx = detectGitLab({
      ...BASE_ENV,
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'develop',
      CI_COMMIT_REF_NAME: 'develop',
      CI_OPEN_MERGE_REQUESTS: 'acme/platform/web!5, someone/fork!9,acme/platform/web!bad',
    });
    expect(ctx).toMatchObject({ branch: 'develop', eventName: 'push', openMergeRequests: ['5'] });
    expect(ctx.pullRequest).toBeUndefined();
    expect(ctx.targetBranch).toBeUndefined();
  });

  it('reads a tag pipeline as a tag', () => {
    const ctx = detectGitLab({ ...BASE_ENV, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v2.0.0', CI_COMMIT_REF_NAME: 'v2.0.0' });
    expect(ctx.tag).toBe('v2.0.0');
    expect(ctx.branch).toBeUndefined();
  });

  it('falls back to CI_COMMIT_REF_NAME and the pipeline URL when variables are missing', () => {
    const ctx = detectGitLab({ GITLAB_CI: 'true', CI_COMMIT_REF_NAME: 'main', CI_PIPELINE_URL: 'https://gl/p/1', CI_API_V4_URL: 'https://gl/api/v4/' });
    expect(ctx).toEqual({ ci: 'gitlab', branch: 'main', jobUrl: 'https://gl/p/1', apiUrl: 'https://gl/api/v4' });
    expect(detectContext({ GITLAB_CI: 'true' })).toEqual({ ci: 'gitlab' });
  });
});
