/**
 * GitHub Actions context from the default environment variables and the webhook payload
 * (the adapter reads and JSON-parses `GITHUB_EVENT_PATH`; this module does no I/O).
 */
import { z } from 'zod';
import { compact, read, trimSlash, type Env, type PullRequestContext, type RunContext } from './context.js';

/**
 * Only the fields we use; everything else in the payload is ignored, and a malformed payload is treated as absent.
 * Built on first use: every bundle imports this module, and only GitHub runs read a payload.
 */
const PullRequestPayload = z.lazy(() =>
  z.object({
    pull_request: z.object({
      number: z.number().int().positive(),
      head: z.object({
        ref: z.string().optional(),
        sha: z.string().optional(),
        // null when the fork was deleted
        repo: z.object({ full_name: z.string().optional() }).nullish(),
      }),
      base: z.object({
        ref: z.string().optional(),
        repo: z.object({ full_name: z.string().optional() }).nullish(),
      }),
    }),
  }),
);

export function isGitHubActions(env: Env): boolean {
  return read(env, 'GITHUB_ACTIONS') === 'true';
}

function pullRequestFromPayload(event: unknown): PullRequestContext | undefined {
  // A push or schedule payload has no pull_request: nothing to parse (nor a schema to build before the first request).
  if (typeof event !== 'object' || event === null || !('pull_request' in event)) return undefined;
  const parsed = PullRequestPayload.safeParse(event);
  if (!parsed.success) return undefined;
  const { number, head, base } = parsed.data.pull_request;
  const headRepo = head.repo?.full_name;
  const baseRepo = base.repo?.full_name;
  // From a fork: the head repository differs from the base one, or is gone (a deleted fork). Not `head.repo.fork`:
  // that is true for every pull request inside a repository that is itself a fork, branches of its own included.
  const isFork = head.repo === null || (headRepo !== undefined && baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase());
  return compact({ number: String(number), sourceBranch: head.ref || undefined, targetBranch: base.ref || undefined, isFork, headSha: head.sha || undefined });
}

/** `refs/pull/42/merge` → `42`: the PR number when no payload was given. */
function pullNumberFromRef(ref: string | undefined): string | undefined {
  return /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref ?? '')?.[1];
}

export function detectGitHub(env: Env, event?: unknown): RunContext {
  const eventName = read(env, 'GITHUB_EVENT_NAME');
  const ref = read(env, 'GITHUB_REF');
  const repository = read(env, 'GITHUB_REPOSITORY');
  const serverUrl = trimSlash(read(env, 'GITHUB_SERVER_URL'));
  const runId = read(env, 'GITHUB_RUN_ID');

  let pullRequest = event === undefined ? undefined : pullRequestFromPayload(event);
  const headRef = read(env, 'GITHUB_HEAD_REF');
  const baseRef = read(env, 'GITHUB_BASE_REF');
  if (!pullRequest) {
    const number = pullNumberFromRef(ref);
    // Without a payload the fork state is unknown; the comment step still copes with a 403.
    if (number !== undefined) pullRequest = compact({ number, sourceBranch: headRef, targetBranch: baseRef, isFork: false });
  } else {
    // The env vars are what the runner resolved; prefer them when both exist.
    pullRequest = compact({ ...pullRequest, sourceBranch: headRef ?? pullRequest.sourceBranch, targetBranch: baseRef ?? pullRequest.targetBranch });
  }

  let branch: string | undefined;
  let tag: string | undefined;
  const refName = read(env, 'GITHUB_REF_NAME');
  if (pullRequest) branch = pullRequest.sourceBranch;
  else if (ref?.startsWith('refs/heads/')) branch = ref.slice('refs/heads/'.length);
  else if (ref?.startsWith('refs/tags/')) tag = ref.slice('refs/tags/'.length);
  else if (read(env, 'GITHUB_REF_TYPE') === 'branch') branch = refName;
  else if (read(env, 'GITHUB_REF_TYPE') === 'tag') tag = refName;

  return compact({
    ci: 'github',
    repository,
    repositoryUrl: serverUrl && repository ? `${serverUrl}/${repository}` : undefined,
    serverUrl,
    apiUrl: trimSlash(read(env, 'GITHUB_API_URL')),
    sha: read(env, 'GITHUB_SHA'),
    branch,
    tag,
    targetBranch: pullRequest?.targetBranch,
    pullRequest,
    jobUrl: serverUrl && repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    runId,
    eventName,
  });
}
