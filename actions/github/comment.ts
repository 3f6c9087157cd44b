/**
 * `CommentStore` for GitHub pull requests, over `@actions/github`'s Octokit (REST).
 *
 * A pull request's conversation comment is an issue comment. Identity: `GET /user` works for PATs and user
 * tokens, but the workflow's GITHUB_TOKEN (an installation token) is refused there (403 "Resource not
 * accessible by integration"). Comments made with GITHUB_TOKEN are authored by `github-actions[bot]`, so on a
 * 401/403 from `/user` we look that bot up with `GET /users/github-actions[bot]` and match on its numeric id.
 * Another GitHub App's installation token comments as `<app-slug>[bot]`: pass it as `botLogin`.
 * A genuinely bad token fails the fallback too; then the original `/user` error is thrown.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { z } from 'zod';
import type { CommentRef, CommentStore, ExistingComment } from '../../shared/platforms/comment.js';
import { CodeHostError, codeHostError } from '../../shared/platforms/errors.js';
import { USER_AGENT } from '../../shared/version.js';

export interface GitHubCommentStoreOptions {
  token: string;
  /** GITHUB_API_URL, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  owner: string;
  repo: string;
  /** The pull request (issue) number. */
  issueNumber: number;
  /** Who authors comments when `GET /user` is refused; `github-actions[bot]` for GITHUB_TOKEN. */
  botLogin?: string;
  /** Where a wait for a rate limit is announced. */
  log?: (message: string) => void;
}

/** Server errors (5xx) are retried this often, after 1 s, then 4 s (plugin-retry's quadratic backoff). */
const COMMENT_RETRIES = 2;
/** A rate limit is waited out at most this often, and only when GitHub asks for at most this many seconds. */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_S = 60;

/** GitHub's limit on a comment body (the renderer keeps to it too). */
export { GITHUB_COMMENT_LIMIT as GITHUB_COMMENT_MAX_CHARS } from '../../shared/render/markdown.js';

const WRITE_HINT =
  'Give the workflow `permissions: pull-requests: write`; on pull requests from forks GITHUB_TOKEN is read-only ' +
  '(post the comment from a `workflow_run` workflow instead).';

const OctokitFailure = z.object({
  status: z.number(),
  response: z.object({ data: z.unknown() }).optional(),
});
const MessageBody = z.object({ message: z.string() });

export function githubCommentStore(options: GitHubCommentStoreOptions): CommentStore {
  // A rate limit (primary or secondary) is waited out when short; longer ones fail the comment, not the job.
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_S;
      options.log?.(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return wait;
    };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: USER_AGENT,
      retry: { retries: COMMENT_RETRIES },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    retry,
    throttling,
  );
  const { owner, repo, issueNumber: issue_number } = options;
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const secrets = [options.token];

  /** Run one call; turn Octokit's RequestError into a CodeHostError that names the endpoint, not the token. */
  async function call<T>(endpoint: string, fn: () => Promise<T>, hint?: string): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const failure = OctokitFailure.safeParse(err);
      const status = failure.success ? failure.data.status : undefined;
      const data = failure.success ? failure.data.response?.data : undefined;
      const parsed = MessageBody.safeParse(data);
      const hostMessage = parsed.success ? parsed.data.message : err instanceof Error ? err.message : String(err);
      const withHint = status === 403 || status === 404 ? hint : undefined;
      throw codeHostError({ host: 'github', endpoint, status, hostMessage, secrets, ...(withHint ? { hint: withHint } : {}) });
    }
  }

  return {
    async whoAmI() {
      try {
        const { data } = await call('GET /user', () => octokit.rest.users.getAuthenticated());
        return { id: String(data.id), login: data.login };
      } catch (err) {
        if (!(err instanceof CodeHostError) || (err.status !== 401 && err.status !== 403)) throw err;
        try {
          const { data } = await call(`GET /users/${botLogin}`, () =>
            octokit.rest.users.getByUsername({ username: botLogin }),
          );
          return { id: String(data.id), login: data.login };
        } catch {
          throw err;
        }
      }
    },

    async *list(): AsyncIterable<ExistingComment> {
      const endpoint = `GET /repos/${owner}/${repo}/issues/${issue_number}/comments`;
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number,
        per_page: 100,
      });
      const iterator = pages[Symbol.asyncIterator]();
      for (;;) {
        const page = await call(endpoint, () => iterator.next(), WRITE_HINT);
        if (page.done === true) return;
        for (const c of page.value.data) {
          yield { id: String(c.id), body: c.body ?? '', authorId: c.user ? String(c.user.id) : '', url: c.html_url };
        }
      }
    },

    async create(body: string): Promise<CommentRef> {
      const endpoint = `POST /repos/${owner}/${repo}/issues/${issue_number}/comments`;
      const { data } = await call(
        endpoint,
        () => octokit.rest.issues.createComment({ owner, repo, issue_number, body }),
        WRITE_HINT,
      );
      return { id: String(data.id), url: data.html_url };
    },

    async update(id: string, body: string): Promise<CommentRef> {
      const endpoint = `PATCH /repos/${owner}/${repo}/issues/comments/${id}`;
      const { data } = await call(
        endpoint,
        () => octokit.rest.issues.updateComment({ owner, repo, comment_id: Number(id), body }),
        WRITE_HINT,
      );
      return { id: String(data.id), url: data.html_url };
    },
  };
}
