import { describe, expect, it } from 'vitest';
import { detectContext, detectGitHub } from '../../../shared/ci/index.js';

const BASE_ENV = {
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '9001',
};

const PR_ENV = {
  ...BASE_ENV,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REF: 'refs/pull/42/merge',
  GITHUB_REF_NAME: '42/merge',
  GITHUB_SHA: 'merge0000000000000000000000000000000000000',
  GITHUB_HEAD_REF: 'feature/login',
  GITHUB_BASE_REF: 'main',
};

function prPayload(headRepo: { full_name: string; fork: boolean } | null) {
  return {
    action: 'synchronize',
    number: 42,
    pull_request: {
      number: 42,
      head: { ref: 'feature/login', sha: 'head1111111111111111111111111111111111111', repo: headRepo },
      base: { ref: 'main', sha: 'base2222', repo: { full_name: 'acme/web' } },
    },
    repository: { full_name: 'acme/web' },
  };
}

describe('GitHub Actions context', () => {
  it('reads a pull_request run with its payload', () => {
    expect(detectContext(PR_ENV, prPayload({ full_name: 'acme/web', fork: false }))).toEqual({
      ci: 'github',
      repository: 'acme/web',
      repositoryUrl: 'https://github.com/acme/web',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      sha: 'merge0000000000000000000000000000000000000',
      branch: 'feature/login',
      targetBranch: 'main',
      pullRequest: { number: '42', sourceBranch: 'feature/login', targetBranch: 'main', isFork: false, headSha: 'head1111111111111111111111111111111111111' },
      jobUrl: 'https://github.com/acme/web/actions/runs/9001',
      runId: '9001',
      eventName: 'pull_request',
    });
  });

  it('flags a fork PR by its head repository differing from the base one, or gone (a deleted fork)', () => {
    expect(detectGitHub(PR_ENV, prPayload({ full_name: 'mallory/web', fork: true })).pullRequest?.isFork).toBe(true);
    expect(detectGitHub(PR_ENV, prPayload(null)).pullRequest?.isFork).toBe(true);
  });

  it('does not flag a branch of a repository that is itself a fork (head.repo.fork is true for every such PR)', () => {
    expect(detectGitHub(PR_ENV, prPayload({ full_name: 'acme/web', fork: true })).pullRequest?.isFork).toBe(false);
    expect(detectGitHub(PR_ENV, prPayload({ full_name: 'ACME/Web', fork: true })).pullRequest?.isFork).toBe(false);
  });

  it('reads pull_request_target the same way', () => {
    const env = { ...PR_ENV, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' };
    const ctx = detectGitHub(env, prPayload({ full_name: 'mallory/web', fork: true }));
    expect(ctx).toMatchObject({ branch: 'feature/login', targetBranch: 'main', eventName: 'pull_request_target' });
    expect(ctx.pullRequest).toMatchObject({ number: '42', isFork: true });
  });

  it('falls back to the merge ref when no payload was given', () => {
    const ctx = detectGitHub(PR_ENV);
    expect(ctx.pullRequest).toEqual({ number: '42', sourceBranch: 'feature/login', targetBranch: 'main', isFork: false });
    expect(ctx.branch).toBe('feature/login');
  });

  it('ignores a payload that is not a pull request', () => {
    const ctx = detectGitHub({ ...BASE_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' }, { ref: 'refs/heads/main', pull_request: 'junk' });
    expect(ctx.pullRequest).toBeUndefined();
    expect(ctx.branch).toBe('main');
  });

  it('reads a push to a branch, with slashes in its name', () => {
    const ctx = detectGitHub({ ...BASE_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/release/1.2', GITHUB_REF_NAME: 'release/1.2', GITHUB_SHA: 'abc123' }, { ref: 'refs/heads/release/1.2' });
    expect(ctx).toMatchObject({ branch: 'release/1.2', sha: 'abc123', eventName: 'push' });
    expect(ctx.tag).toBeUndefined();
    expect(ctx.targetBranch).toBeUndefined();
  });

  it('reads a tag push as a tag, not a branch', () => {
    const ctx = detectGitHub({ ...BASE_ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_REF_NAME: 'v1.0.0', GITHUB_REF_TYPE: 'tag' });
    expect(ctx.tag).toBe('v1.0.0');
    expect(ctx.branch).toBeUndefined();
  });

  it('uses GITHUB_REF_TYPE when GITHUB_REF is missing', () => {
    expect(detectGitHub({ GITHUB_ACTIONS: 'true', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'dev' }).branch).toBe('dev');
  });

  it('builds GHES URLs from the server URL and never invents missing values', () => {
    const ghes = detectGitHub({ ...BASE_ENV, GITHUB_SERVER_URL: 'https://git.corp.example/', GITHUB_API_URL: 'https://git.corp.example/api/v3' });
    expect(ghes).toMatchObject({ repositoryUrl: 'https://git.corp.example/acme/web', apiUrl: 'https://git.corp.example/api/v3', jobUrl: 'https://git.corp.example/acme/web/actions/runs/9001' });
    expect(detectContext({ GITHUB_ACTIONS: 'true' })).toEqual({ ci: 'github' });
  });
});
