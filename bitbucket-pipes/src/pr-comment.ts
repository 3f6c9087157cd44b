/**
 * The sticky pull request comment. The Pipelines auth proxy does not cover comments, so this always uses the
 * REST API with an access token (Bearer) or an Atlassian email + API token (Basic).
 *
 * A comment is updated only when it carries our marker AND was written by the token's own account. Basic
 * credentials can read `GET /2.0/user`; an access token is a bot account that may be refused there. Then the
 * bot's uuid comes from `INVICTI_BITBUCKET_AUTHOR_UUID`, and without it the pipe writes at most one comment
 * (when none carries the marker yet) and prints the uuid to set, rather than adding one comment per run.
 */
import type { ScanConfig } from '../../shared/core/config.js';
import type { Logger } from '../../shared/ports.js';
import type { RunResult } from '../../shared/core/result.js';
import { commentKey, hasMarker, truncateBody, upsertComment, DEFAULT_TRUNCATED_NOTE, type CommentStore, type UpsertResult } from '../../shared/platforms/comment.js';
import { CodeHostError } from '../../shared/platforms/errors.js';
import type { ProxySettings } from '../../shared/proxy.js';
import { renderMarkdown } from '../../shared/render/index.js';
import { bitbucketCommentStore, BITBUCKET_COMMENT_MAX_CHARS, type BitbucketAuth, type RepoRef } from './bitbucket-api.js';
import { AUTHOR_UUID_ENV } from './pipe-settings.js';

export interface PrCommentInput {
  result: RunResult;
  config: Pick<ScanConfig, 'project' | 'scanners' | 'comment' | 'maxFindings' | 'requestTimeoutMs'>;
  repo: RepoRef;
  prId: number;
  auth: BitbucketAuth;
  jobUrl?: string;
  apiUrl?: string;
  authorUuid?: string;
  proxy?: ProxySettings;
}

/** The marker key and body: one comment per project and scanner set. */
export function commentBody(input: Pick<PrCommentInput, 'result' | 'config' | 'jobUrl'>): { markerId: string; body: string } {
  const { result, config } = input;
  const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
  const markerId = commentKey(config.project ?? result.project.name, scanners);
  const body = renderMarkdown(result, {
    flavour: 'bitbucket',
    marker: markerId,
    maxFindings: config.maxFindings,
    maxChars: BITBUCKET_COMMENT_MAX_CHARS,
    ...(input.jobUrl ? { jobUrl: input.jobUrl } : {}),
  });
  return { markerId, body };
}

export async function publishPrComment(input: PrCommentInput, logger: Logger): Promise<UpsertResult> {
  const { markerId, body } = commentBody(input);
  const store = bitbucketCommentStore({
    auth: input.auth,
    workspace: input.repo.workspace,
    repoSlug: input.repo.repoSlug,
    prId: input.prId,
    timeoutMs: input.config.requestTimeoutMs,
    ...(input.apiUrl ? { apiUrl: input.apiUrl } : {}),
    ...(input.proxy ? { proxy: input.proxy } : {}),
    ...(input.authorUuid ? { authorUuid: input.authorUuid } : {}),
  });
  const mode = input.config.comment === 'new' ? 'new' : 'update';
  let known: CommentStore = store;
  if (mode === 'update' && !input.authorUuid) {
    let me: { id: string; login?: string };
    try {
      me = await store.whoAmI();
    } catch (err) {
      if (!(err instanceof CodeHostError && err.status === 403)) throw err;
      return withoutIdentity(store, markerId, body, logger);
    }
    // Asked once; the upsert asks again otherwise.
    known = { ...store, whoAmI: () => Promise.resolve(me) };
  }
  const outcome = await upsertComment(known, { markerId, body, mode, maxChars: BITBUCKET_COMMENT_MAX_CHARS });
  report(outcome, logger);
  return outcome;
}

function report(outcome: UpsertResult, logger: Logger): void {
  if (outcome.action === 'skipped') logger.warn(`PR comment: ${outcome.reason}`);
  else logger.info(`PR comment: ${outcome.action} ${outcome.url ?? `#${outcome.id}`}.`);
}

/**
 * The token may not say who it is. Updating a comment we cannot prove is ours would let anyone who copies the
 * marker steer our writes, and adding one per run is the noise users complain about most. So: create the first
 * comment only, then tell the user which uuid to set so the following runs update it.
 */
async function withoutIdentity(store: CommentStore, markerId: string, body: string, logger: Logger): Promise<UpsertResult> {
  let existing: { id: string; authorId: string } | undefined;
  for await (const comment of store.list()) {
    if (comment.system !== true && hasMarker(comment.body, markerId)) existing = comment;
  }
  if (existing) {
    const reason =
      `not updated: the token may not read /2.0/user, so comment #${existing.id} cannot be confirmed as its own. ` +
      `If the token wrote it, set ${AUTHOR_UUID_ENV} to ${existing.authorId || "the token's account uuid"}.`;
    logger.warn(`PR comment: ${reason}`);
    return { action: 'skipped', reason, status: 403 };
  }
  const created = await store.create(truncateBody(body, BITBUCKET_COMMENT_MAX_CHARS, DEFAULT_TRUNCATED_NOTE));
  let author = '';
  for await (const comment of store.list()) if (comment.id === created.id) author = comment.authorId;
  logger.info(`PR comment: created ${created.url ?? `#${created.id}`}.`);
  logger.warn(
    `PR comment: the token may not read /2.0/user; set ${AUTHOR_UUID_ENV} to ${author || "the token's account uuid"} ` +
      '(a repository variable, not secret) so that the next runs update this comment instead of leaving it as it is.',
  );
  return { action: 'created', ...created };
}
