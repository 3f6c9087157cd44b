/**
 * GitLab CI/CD context from predefined variables, for merge request, branch and tag pipelines.
 * MR pipelines are recognised by `CI_PIPELINE_SOURCE=merge_request_event` or the presence of `CI_MERGE_REQUEST_IID`.
 */
import { compact, read, trimSlash, type Env, type PullRequestContext, type RunContext } from './context.js';

export function isGitLabCi(env: Env): boolean {
  return read(env, 'GITLAB_CI') === 'true';
}

function mergeRequest(env: Env): PullRequestContext | undefined {
  const iid = read(env, 'CI_MERGE_REQUEST_IID');
  if (iid === undefined) return undefined;
  const sourceProject = read(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID');
  const targetProject = read(env, 'CI_MERGE_REQUEST_PROJECT_ID');
  return compact({
    number: iid,
    sourceBranch: read(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'),
    targetBranch: read(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME'),
    isFork: sourceProject !== undefined && targetProject !== undefined && sourceProject !== targetProject,
    // Filled in merged-results pipelines, where CI_COMMIT_SHA is the temporary merge commit; empty otherwise.
    headSha: read(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA') ?? read(env, 'CI_COMMIT_SHA'),
  });
}

/** `CI_OPEN_MERGE_REQUESTS` (`group/project!12,other/fork!3`): the IIDs that belong to this project. */
function openMergeRequests(env: Env, projectPath: string | undefined): string[] | undefined {
  const raw = read(env, 'CI_OPEN_MERGE_REQUESTS');
  if (raw === undefined || projectPath === undefined) return undefined;
  const iids = raw
    .split(',')
    .map((entry) => entry.trim().split('!'))
    .filter((parts) => parts.length === 2 && parts[0] === projectPath && /^\d+$/.test(parts[1] ?? ''))
    .map((parts) => parts[1] ?? '');
  return iids.length > 0 ? iids : undefined;
}

export function detectGitLab(env: Env): RunContext {
  const pullRequest = mergeRequest(env);
  const repository = read(env, 'CI_PROJECT_PATH');
  const tag = read(env, 'CI_COMMIT_TAG');
  // CI_COMMIT_BRANCH is absent in MR pipelines; CI_COMMIT_REF_NAME is the branch or the tag.
  const branch = pullRequest?.sourceBranch ?? read(env, 'CI_COMMIT_BRANCH') ?? (tag === undefined ? read(env, 'CI_COMMIT_REF_NAME') : undefined);
  return compact({
    ci: 'gitlab',
    repository,
    repositoryUrl: trimSlash(read(env, 'CI_PROJECT_URL')),
    serverUrl: trimSlash(read(env, 'CI_SERVER_URL')),
    apiUrl: trimSlash(read(env, 'CI_API_V4_URL')),
    projectId: read(env, 'CI_PROJECT_ID'),
    sha: read(env, 'CI_COMMIT_SHA'),
    branch,
    tag,
    targetBranch: pullRequest?.targetBranch,
    pullRequest,
    openMergeRequests: pullRequest ? undefined : openMergeRequests(env, repository),
    jobUrl: read(env, 'CI_JOB_URL') ?? read(env, 'CI_PIPELINE_URL'),
    runId: read(env, 'CI_PIPELINE_ID'),
    eventName: read(env, 'CI_PIPELINE_SOURCE'),
  });
}
