/**
 * CI context detection: which CI runs us, and what it says about the repository, branch and pull request.
 * GitHub is checked first, then GitLab, then Bitbucket: a runner nested in another CI keeps the outer one's
 * variables only rarely, and the order makes the answer deterministic when it does.
 */
import { detectBitbucket, isBitbucketPipelines } from './bitbucket-pipelines.js';
import type { Env, RunContext } from './context.js';
import { detectGitHub, isGitHubActions } from './github-actions.js';
import { detectGitLab, isGitLabCi } from './gitlab-ci.js';
import { detectLocal, type LocalGitInfo } from './local.js';

export type { CiName, Env, PullRequestContext, RunContext } from './context.js';
export type { LocalGitInfo } from './local.js';
export { detectGitHub } from './github-actions.js';
export { detectGitLab } from './gitlab-ci.js';
export { detectBitbucket } from './bitbucket-pipelines.js';
export { detectLocal } from './local.js';

/**
 * The run context for an env object. `githubEvent` is the parsed `GITHUB_EVENT_PATH` payload (GitHub only);
 * `git` is what the CLI read from the working copy (used only outside a known CI).
 */
export function detectContext(env: Env, githubEvent?: unknown, git?: LocalGitInfo): RunContext {
  if (isGitHubActions(env)) return detectGitHub(env, githubEvent);
  if (isGitLabCi(env)) return detectGitLab(env);
  if (isBitbucketPipelines(env)) return detectBitbucket(env);
  return detectLocal(git);
}
