/**
 * `CommentStore` for Bitbucket Cloud pull requests (REST 2.0). The Pipelines auth proxy does not cover
 * comments, so this always uses the REST API with an access token (Bearer) or email + API token (Basic).
 *
 * Identity: `GET /2.0/user` gives the token's account `uuid`, which is what comments carry as `user.uuid`.
 * Repository/project/workspace access tokens are not user accounts and may be refused there (403); pass the
 * token's bot `authorUuid` then (shown as the comment author's uuid in the API), or the comment is skipped.
 */
import { z } from 'zod';
import type { CommentRef, CommentStore, ExistingComment } from '../../shared/platforms/comment.js';
import { CodeHostError } from '../../shared/platforms/errors.js';
import type { ProxySettings } from '../../shared/proxy.js';
import { bitbucketHttp, type BitbucketAuth } from './bitbucket-http.js';

export interface BitbucketCommentStoreOptions {
  auth: BitbucketAuth;
  /** Default `https://api.bitbucket.org/2.0`. */
  apiUrl?: string;
  proxy?: ProxySettings;
  workspace: string;
  repoSlug: string;
  /** BITBUCKET_PR_ID. */
  prId: number;
  /** The token's own account uuid (`{...}`), when `GET /2.0/user` is not open to it. */
  authorUuid?: string;
  timeoutMs?: number;
  /** Stop after this many pages of 100 comments; default 100. */
  maxPages?: number;
}

/** Bitbucket documents no limit for comment bodies; stay well inside what the UI handles. */
export const BITBUCKET_COMMENT_MAX_CHARS = 32_000;

const WRITE_HINT =
  'The token needs pull request write access: a repository access token with the `pullrequest:write` scope, ' +
  'or an API token with `write:pullrequest:bitbucket` used with the account email.';

const User = z.object({ uuid: z.string(), account_id: z.string().optional(), nickname: z.string().optional() });
const Comment = z.object({
  id: z.number(),
  content: z.object({ raw: z.string().nullish() }).nullish(),
  user: z.object({ uuid: z.string().optional() }).nullish(),
  deleted: z.boolean().optional(),
  links: z.object({ html: z.object({ href: z.string() }).optional() }).optional(),
});
const CommentPage = z.object({ values: z.array(Comment), next: z.string().optional() });

export function bitbucketCommentStore(options: BitbucketCommentStoreOptions): CommentStore {
  const http = bitbucketHttp({
    mode: 'rest',
    auth: options.auth,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.proxy ? { proxy: options.proxy } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const base =
    `/repositories/${encodeURIComponent(options.workspace)}/${encodeURIComponent(options.repoSlug)}` +
    `/pullrequests/${options.prId}/comments`;
  const ref = (c: z.output<typeof Comment>): CommentRef => ({
    id: String(c.id),
    ...(c.links?.html ? { url: c.links.html.href } : {}),
  });

  return {
    async whoAmI() {
      if (options.authorUuid) return { id: normaliseUuid(options.authorUuid) };
      try {
        const user = await http.request('GET', '/user', User);
        return { id: normaliseUuid(user.uuid), ...(user.nickname ? { login: user.nickname } : {}) };
      } catch (err) {
        if (err instanceof CodeHostError && err.status === 403) {
          const hint =
            'Access tokens may not read /2.0/user: set the token\'s author uuid (the `user.uuid` on a comment it ' +
            'wrote) so its own comment can be found and updated.';
          throw new CodeHostError('bitbucket', err.endpoint, err.message, 403, hint);
        }
        throw err;
      }
    },

    async *list(): AsyncIterable<ExistingComment> {
      let next: string | undefined = `${base}?pagelen=100`;
      for (let page = 0; next !== undefined && page < (options.maxPages ?? 100); page += 1) {
        const data: z.output<typeof CommentPage> = await http.request('GET', next, CommentPage, undefined, WRITE_HINT);
        for (const c of data.values) {
          yield {
            ...ref(c),
            body: c.content?.raw ?? '',
            authorId: c.user?.uuid ? normaliseUuid(c.user.uuid) : '',
            system: c.deleted === true,
          };
        }
        next = data.next;
      }
    },

    async create(body: string) {
      return ref(await http.request('POST', base, Comment, { content: { raw: body } }, WRITE_HINT));
    },

    async update(id: string, body: string) {
      const path = `${base}/${encodeURIComponent(id)}`;
      return ref(await http.request('PUT', path, Comment, { content: { raw: body } }, WRITE_HINT));
    },
  };
}

/** Bitbucket writes uuids as `{...}`; people paste them with or without braces, in any case. */
function normaliseUuid(uuid: string): string {
  const bare = uuid.trim().replace(/^\{|\}$/g, '').toLowerCase();
  return `{${bare}}`;
}
