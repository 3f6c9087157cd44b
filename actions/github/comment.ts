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
import type { CommentRef, CommentStore, ExistingComment } from '../../shared/platforms/comment.js';
import { CodeHostError } from '../../shared/platforms/errors.js';
import { githubCall, githubClient, type GitHubClientOptions } from './octokit.js';

/** The client's settings (retries and rate limits are its policy), and the pull request. */
export interface GitHubCommentStoreOptions extends GitHubClientOptions {
  owner: string;
  repo: string;
  /** The pull request (issue) number. */
  issueNumber: number;
  /** Who authors comments when `GET /user` is refused; `github-actions[bot]` for GITHUB_TOKEN. */
  botLogin?: string;
}

/** GitHub's limit on a comment body (the renderer keeps to it too). */
export { GITHUB_COMMENT_LIMIT as GITHUB_COMMENT_MAX_CHARS } from '../../shared/render/markdown.js';

const WRITE_HINT =
  'Give the workflow `permissions: pull-requests: write`; on pull requests from forks GITHUB_TOKEN is read-only ' +
  '(post the comment from a `workflow_run` workflow instead).';

export function githubCommentStore(options: GitHubCommentStoreOptions): CommentStore {
  // 5xx retries and rate-limit waits are the client's (octokit.ts); a call that still fails fails the comment, not the job.
  const octokit = githubClient(options);
  const { owner, repo, issueNumber: issue_number } = options;
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const secrets = [options.token];

  const call = <T>(endpoint: string, fn: () => Promise<T>, hint?: string): Promise<T> => githubCall(endpoint, fn, { secrets, ...(hint ? { hint } : {}) });

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
