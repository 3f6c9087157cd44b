/**
 * Bitbucket Pipelines context from default variables. Pipelines runs on Bitbucket Cloud only, so the web and
 * API roots are fixed. `BITBUCKET_PR_*` exist only in `pull-requests:` pipelines; a branch pipeline for a
 * branch with an open PR has to find it through the API (the platform adapter's job).
 */
import { compact, read, trimSlash, type Env, type PullRequestContext, type RunContext } from './context.js';

const SERVER_URL = 'https://bitbucket.org';
const API_URL = 'https://api.bitbucket.org/2.0';

export function isBitbucketPipelines(env: Env): boolean {
  return read(env, 'BITBUCKET_BUILD_NUMBER') !== undefined;
}

/** `BITBUCKET_GIT_HTTP_ORIGIN` is `http://bitbucket.org/ws/repo`; the web URL is the https form. */
function webUrl(origin: string | undefined): string | undefined {
  return trimSlash(origin?.replace(/^http:\/\/bitbucket\.org\//, `${SERVER_URL}/`))?.replace(/\.git$/, '');
}

export function detectBitbucket(env: Env): RunContext {
  const workspace = read(env, 'BITBUCKET_WORKSPACE') ?? read(env, 'BITBUCKET_REPO_OWNER');
  const slug = read(env, 'BITBUCKET_REPO_SLUG');
  const repository = read(env, 'BITBUCKET_REPO_FULL_NAME') ?? (workspace && slug ? `${workspace}/${slug}` : undefined);
  const branch = read(env, 'BITBUCKET_BRANCH');
  const tag = read(env, 'BITBUCKET_TAG');
  const sha = read(env, 'BITBUCKET_COMMIT');
  const prId = read(env, 'BITBUCKET_PR_ID');
  const buildNumber = read(env, 'BITBUCKET_BUILD_NUMBER');
  // No variable tells a fork PR apart; PR pipelines of forks do not run with the parent's secrets anyway.
  const pullRequest: PullRequestContext | undefined =
    prId === undefined ? undefined : compact({ number: prId, sourceBranch: branch, targetBranch: read(env, 'BITBUCKET_PR_DESTINATION_BRANCH'), isFork: false, headSha: sha });
  const repositoryUrl = webUrl(read(env, 'BITBUCKET_GIT_HTTP_ORIGIN')) ?? (repository ? `${SERVER_URL}/${repository}` : undefined);
  return compact({
    ci: 'bitbucket',
    repository,
    repositoryUrl,
    serverUrl: SERVER_URL,
    apiUrl: API_URL,
    sha,
    branch,
    tag,
    targetBranch: pullRequest?.targetBranch,
    pullRequest,
    jobUrl: repository && buildNumber ? `${SERVER_URL}/${repository}/pipelines/results/${buildNumber}` : undefined,
    runId: buildNumber,
    eventName: prId !== undefined ? 'pull-request' : tag !== undefined ? 'tag' : branch !== undefined ? 'branch' : 'custom',
  });
}
