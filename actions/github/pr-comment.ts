/**
 * The pull request comment: when to write one, and writing it as the one sticky comment of this project and
 * scanner set (`upsertComment` over `githubCommentStore`).
 *
 * Commenting is a courtesy, never a reason to fail: a fork pull request (read-only GITHUB_TOKEN), a token
 * without `pull-requests: write`, or an unreachable API end in a notice or a warning, and the job summary
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
  | { post: true; owner: string; repo: string; issueNumber: number; token: string; apiUrl: string }
  | { post: false; reason: string; notice: boolean };

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEFAULT_API_URL = 'https://api.github.com';

export function planComment(config: ScanConfig, context: RunContext): CommentPlan {
  if (config.comment === 'off') return { post: false, reason: 'comment is off', notice: false };
  if (config.async) return { post: false, reason: 'async run: the step that waits for the scans writes the comment', notice: false };
  const pr = context.pullRequest;
  if (!PULL_REQUEST_EVENTS.has(context.eventName ?? '') || pr === undefined) {
    return { post: false, reason: `no pull request to comment on (event ${context.eventName ?? 'unknown'})`, notice: false };
  }
  // pull_request_target runs with the base repository's token even for forks; pull_request from a fork does not.
  if (pr.isFork && context.eventName === 'pull_request') {
    return {
      post: false,
      notice: true,
      reason:
        'Not commenting: this pull request comes from a fork, where GITHUB_TOKEN is read-only. The job summary has the ' +
        'report; to comment on fork pull requests, post it from a workflow_run workflow.',
    };
  }
  const token = config.codeHost.githubToken;
  if (token === undefined || token === '') {
    return { post: false, notice: true, reason: 'Not commenting: input "github-token" is empty. The job summary has the report.' };
  }
  const [owner, repo, ...rest] = (context.repository ?? '').split('/');
  const issueNumber = Number(pr.number);
  if (!owner || !repo || rest.length > 0 || !Number.isSafeInteger(issueNumber) || issueNumber < 1) {
    return { post: false, notice: true, reason: 'Not commenting: GITHUB_REPOSITORY or the pull request number is missing.' };
  }
  return { post: true, owner, repo, issueNumber, token, apiUrl: context.apiUrl ?? DEFAULT_API_URL };
}

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
    const store = await deps.createStore({ token: plan.token, apiUrl: plan.apiUrl, owner: plan.owner, repo: plan.repo, issueNumber: plan.issueNumber });
    const mode = config.comment === 'new' ? 'new' : 'update';
    return await upsertComment(store, { markerId, body, mode, maxChars: GITHUB_COMMENT_LIMIT, truncatedNote, notice: (m) => deps.notice(m) });
  } catch (err) {
    deps.warning(`Could not write the pull request comment: ${describeError(err)}. The job summary has the report.`);
    return undefined;
  }
}
