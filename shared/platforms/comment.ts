/**
 * The sticky comment: one comment per project and scanner set on a pull/merge request, updated in place.
 *
 * Host-independent; each host implements the small `CommentStore` port over its real client. The rule
 * (after sticky-pull-request-comment, danger and renovate): a comment is ours when it carries our marker on
 * a line of its own AND was written by the token's own identity; every page is read; nothing is written when
 * the body is unchanged; permission problems are skipped with a reason, never failed.
 */
import { describeError } from '../errors.js';
import { isPermissionProblem } from './errors.js';
import { hasMarker } from './marker.js';
import { truncateBody } from './truncate.js';

export { commentKey, hasMarker, markerLine, type MarkerStyle } from './marker.js';
export { truncateBody } from './truncate.js';

export interface ExistingComment {
  id: string;
  body: string;
  /** The author's stable id on the host (numeric id, account uuid), compared with `whoAmI().id`. */
  authorId: string;
  /** System notes (GitLab) and deleted comments (Bitbucket) are never ours. */
  system?: boolean;
  url?: string;
}

export interface CommentRef {
  id: string;
  url?: string;
}

/** What a host must offer for the sticky comment. Stores throw `CodeHostError` (with `status`) on failure. */
export interface CommentStore {
  whoAmI(): Promise<{ id: string; login?: string }>;
  /** Every comment of the pull/merge request, oldest first, across all pages. */
  list(): AsyncIterable<ExistingComment>;
  create(body: string): Promise<CommentRef>;
  update(id: string, body: string): Promise<CommentRef>;
}

export type CommentMode = 'update' | 'new';

export interface UpsertOptions {
  /** From `commentKey(project, scanners)`; `body` must already contain `markerLine(markerId, style)`. */
  markerId: string;
  body: string;
  /** `update`: edit our comment in place (or create it); `new`: always add a comment (an audit trail). */
  mode: CommentMode;
  /** The host's body limit; longer bodies are cut with `truncatedNote`. */
  maxChars: number;
  truncatedNote?: string;
  /** Where a skip is announced (the GitHub adapter passes `core.notice`). */
  notice?: (message: string) => void;
}

export interface CommentWritten {
  action: 'created' | 'updated' | 'unchanged';
  id: string;
  url?: string;
}

/** The token may not read or write comments here (fork PR, read-only token, missing scope). Not a failure. */
export interface CommentSkipped {
  action: 'skipped';
  reason: string;
  status?: number;
}

export type UpsertResult = CommentWritten | CommentSkipped;

export const DEFAULT_TRUNCATED_NOTE =
  '_This comment was shortened to fit the size limit. The full report is in the pipeline summary and artifacts._';

export async function upsertComment(store: CommentStore, options: UpsertOptions): Promise<UpsertResult> {
  if (!hasMarker(options.body, options.markerId)) {
    // A programming error in the caller: without the marker the comment could never be found again.
    throw new Error('comment body does not carry its marker line; render markerLine(markerId, style) into it');
  }
  const body = truncateBody(options.body, options.maxChars, options.truncatedNote ?? DEFAULT_TRUNCATED_NOTE);
  try {
    if (options.mode === 'new') return { action: 'created', ...(await store.create(body)) };
    const existing = await findOwnComment(store, options.markerId);
    if (!existing) return { action: 'created', ...(await store.create(body)) };
    if (sameBody(existing.body, body)) {
      return { action: 'unchanged', id: existing.id, ...(existing.url ? { url: existing.url } : {}) };
    }
    return { action: 'updated', ...(await store.update(existing.id, body)) };
  } catch (err) {
    if (!isPermissionProblem(err)) throw err;
    const reason = `Not commenting: ${describeError(err)}.${err.hint ? ` ${err.hint}` : ''}`;
    options.notice?.(reason);
    return { action: 'skipped', reason, ...(err.status === undefined ? {} : { status: err.status }) };
  }
}

/** The most recent comment carrying the marker and written by the token's own identity, if any. */
export async function findOwnComment(store: CommentStore, markerId: string): Promise<ExistingComment | undefined> {
  const me = await store.whoAmI();
  let found: ExistingComment | undefined;
  for await (const comment of store.list()) {
    if (comment.system === true || comment.authorId === '' || comment.authorId !== me.id) continue;
    if (hasMarker(comment.body, markerId)) found = comment;
  }
  return found;
}

/** Hosts may hand back `\r\n` or drop trailing whitespace; neither is a change worth a write. */
function sameBody(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').trimEnd();
  return norm(a) === norm(b);
}
