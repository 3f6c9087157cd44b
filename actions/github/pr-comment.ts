/**
 * The pull request comment: when to write one, and writing it as the one sticky comment of this project and
 * scanner set (`upsertComment` over `githubCommentStore`).
 *
 * Commenting is a courtesy, never a reason to fail: a refusal (a fork pull request's read-only GITHUB_TOKEN, a
 * token without `pull-requests: write`) ends in a notice, an unreachable API in a warning, and the job summary
 * still carries the report.
 */
import type { RunContext } from '../../shared/ci/index.js';
import type { ScanConfig } from '../../shared/core/config.js';
import type { RunResult } from '../../shared/core/result.js';
import { commentKey, upsertComment, type CommentStore, type UpsertResult } from '../../shared/platforms/comment.js';
import { describeError } from '../../shared/errors.js';
import { markdownLink, renderMarkdown } from '../../shared/render/index.js';
import type { GitHubCommentStoreOptions } from './comment.js';
import { GITHUB_COMMENT_LIMIT } from '../../shared/render/markdown.js';

/** Builds the comment store; may load it lazily (Octokit is only needed when there is a comment to write). */
export type CommentStoreFactory = (options: GitHubCommentStoreOptions) => CommentStore | Promise<CommentStore>;

/** Where the comment goes, or why there is none (`notice` when the user should hear about it). */
export type CommentPlan =
  | { post: true; owner: string; repo: string; issueNumber: number; token: string; apiUrl: string; fork: boolean }
  | { post: false; reason: string; notice: boolean };

const DEFAULT_API_URL = 'https://api.github.com';

/**
 * A comment is due when the run knows its pull request: from a `pull_request`/`pull_request_target` payload, or
 * from `pr-number` (how a `workflow_run` workflow, which has the base repository's token, comments on a fork's
 * pull request). A fork pull request is still tried: a private repository may give fork PRs a write token, and
 * a refusal (403) only becomes a notice.
 */
export function planComment(config: ScanConfig, context: RunContext): CommentPlan {
  if (config.comment === 'off') return { post: false, reason: 'comment is off', notice: false };
  if (config.async) return { post: false, reason: 'async run: the step that waits for the scans writes the comment', notice: false };
  // config.prNumber is the pr-number input, else the event's pull request.
  if (config.prNumber === undefined) {
    return { post: false, reason: `no pull request to comment on (event ${context.eventName ?? 'unknown'}; set pr-number to name one)`, notice: false };
  }
  const token = config.codeHost.githubToken;
  if (token === undefined || token === '') {
    return { post: false, notice: true, reason: 'Not commenting: input "github-token" is empty. The job summary has the report.' };
  }
  const [owner, repo, ...rest] = (context.repository ?? '').split('/');
  if (!owner || !repo || rest.length > 0) {
    return { post: false, notice: true, reason: 'Not commenting: GITHUB_REPOSITORY does not name a repository (owner/repo).' };
  }
  // The event's own pull request from a fork: its pull_request token is read-only unless the repository allows more.
  const fork = context.pullRequest?.isFork === true && context.pullRequest.number === String(config.prNumber) && context.eventName === 'pull_request';
  return { post: true, owner, repo, issueNumber: config.prNumber, token, apiUrl: context.apiUrl ?? DEFAULT_API_URL, fork };
}

const FORK_HINT =
  'This pull request comes from a fork, and its GITHUB_TOKEN may not write comments: the job summary has the ' +
  'report. To comment on fork pull requests, run the action from a workflow_run workflow with pr-number set (docs/github.md).';

export interface CommentDeps {
  createStore: CommentStoreFactory;
  /** Scrubs secrets from the body (a last line of defence: reports are built without them). */
  redact?: (text: string) => string;
  notice(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

/** The comment's identity: project as the user named it (or as resolved) and the scanners of the run. */
export function commentMarker(config: ScanConfig, result: RunResult): string {
  const project = config.project ?? result.project.name;
  const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
  return commentKey(project, scanners);
}

/** Write (or update, or leave alone) the comment; returns what happened, or undefined when none was due. */
export async function publishComment(
  result: RunResult,
  config: ScanConfig,
  context: RunContext,
  deps: CommentDeps,
): Promise<UpsertResult | undefined> {
  const plan = planComment(config, context);
  if (!plan.post) {
    if (plan.notice) deps.notice(plan.reason);
    else deps.debug(`no pull request comment: ${plan.reason}`);
    return undefined;
  }
  const markerId = commentMarker(config, result);
  const jobUrl = context.jobUrl;
  const rendered = renderMarkdown(result, {
    flavour: 'github',
    marker: markerId,
    maxFindings: config.maxFindings,
    ...(jobUrl ? { jobUrl } : {}),
  });
  const body = deps.redact ? deps.redact(rendered) : rendered;
  const summaryLink = markdownLink('job summary', jobUrl);
  const truncatedNote = `_This comment was shortened to fit GitHub's size limit. The full report is in the ${summaryLink}._`;
  try {
    const { token, apiUrl, owner, repo, issueNumber } = plan;
    const store = await deps.createStore({ token, apiUrl, owner, repo, issueNumber, log: (m) => deps.debug(m) });
    const mode = config.comment === 'new' ? 'new' : 'update';
    const notice = (m: string): void => deps.notice(plan.fork ? `${m} ${FORK_HINT}` : m);
    return await upsertComment(store, { markerId, body, mode, maxChars: GITHUB_COMMENT_LIMIT, truncatedNote, notice });
  } catch (err) {
    deps.warning(`Could not write the pull request comment: ${describeError(err)}. The job summary has the report.`);
    return undefined;
  }
}
