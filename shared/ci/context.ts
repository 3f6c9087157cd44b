/**
 * The CI run context: where the run happens, normalised across CI systems (the shape of semantic-release's
 * env-ci). Detectors are pure functions of an env object; explicit settings win over it in parseConfig.
 */

export type CiName = 'github' | 'gitlab' | 'bitbucket' | 'local';

/** Where each CI puts the pull/merge request number, for a message about a bad one. */
export const PR_NUMBER_VARIABLES: Readonly<Record<CiName, string | undefined>> = {
  github: 'GITHUB_REF',
  gitlab: 'CI_MERGE_REQUEST_IID',
  bitbucket: 'BITBUCKET_PR_ID',
  local: undefined,
};

export interface PullRequestContext {
  /** PR number (GitHub), MR IID (GitLab) or PR id (Bitbucket), as the CI wrote it: parseConfig checks it once. */
  number: string;
  sourceBranch?: string;
  targetBranch?: string;
  /** The change comes from another repository: the code-host token is then usually read-only. */
  isFork: boolean;
  /** Head commit of the source branch (not the temporary merge commit). */
  headSha?: string;
}

export interface RunContext {
  ci: CiName;
  /** `owner/repo` (GitHub), `group/project` (GitLab), `workspace/repo` (Bitbucket). */
  repository?: string;
  /** Web URL of the repository. */
  repositoryUrl?: string;
  /** Web root of the code host (`https://github.com`, `https://gitlab.example.com`). */
  serverUrl?: string;
  /** REST API root of the code host (`GITHUB_API_URL`, `CI_API_V4_URL`). */
  apiUrl?: string;
  /** GitLab numeric project id (`CI_PROJECT_ID`), which its API prefers to the path. */
  projectId?: string;
  /** Commit the job checked out (in a GitHub PR run or a GitLab merged-results pipeline, a merge commit). */
  sha?: string;
  /** Branch of the run: the source branch of a pull/merge request; unset for tag runs. */
  branch?: string;
  /** Set for tag runs. */
  tag?: string;
  /** Merge target when the run is for a pull/merge request. */
  targetBranch?: string;
  pullRequest?: PullRequestContext;
  /** GitLab branch pipelines: IIDs of open MRs of this project for the branch (`CI_OPEN_MERGE_REQUESTS`). */
  openMergeRequests?: string[];
  /** Link to this job or pipeline run, for comments and summaries. */
  jobUrl?: string;
  runId?: string;
  /** `pull_request`, `push`, `merge_request_event`, `branch`, `pull-request`, ... as the CI names it. */
  eventName?: string;
}

/** An env object as adapters pass it (`process.env` or a literal in tests). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The trimmed value of `key`, or undefined when unset or blank. */
export function read(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Drop undefined fields so contexts compare and print cleanly. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `https://host/` → `https://host` (URLs are joined with `/` later). */
export function trimSlash(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}
