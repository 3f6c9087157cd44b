/**
 * The pull request's change from GitHub's API: `GET /pulls/{n}` for the file count, then `GET /pulls/{n}/files`
 * pages (100 files each, a few in parallel) with each file's `patch` hunks. GitHub lists at most 3,000 files and
 * leaves out the patch of large or binary files: past the cap the API is no answer (the local checkout is asked
 * next), and a file without a patch counts as changed throughout. Calls go through the adapter's one client
 * (octokit.ts: 5xx retried, rate limits waited out when short), loaded only when a diff is asked for.
 */
import { fileFromHunks } from '../../shared/diff/unified-diff.js';
import { DiffUnavailable, normalisePath, type ChangedFile, type ChangeSet, type DiffSource } from '../../shared/diff/change-set.js';
import { inParallel } from '../../shared/diff/chain.js';
import { describeError } from '../../shared/errors.js';
import { isPermissionProblem } from '../../shared/platforms/errors.js';
import type { GitHubClientOptions } from './octokit.js';

export interface GitHubDiffOptions extends GitHubClientOptions {
  owner: string;
  repo: string;
  pullNumber: number;
}

/** GitHub's documented cap on `GET /pulls/{n}/files`. */
const GITHUB_MAX_PR_FILES = 3_000;
const PER_PAGE = 100;
const CONCURRENCY = 4;

const READ_HINT = 'give the workflow `permissions: pull-requests: read` (and `contents: read` in a private repository)';

export function githubDiffSource(options: GitHubDiffOptions): DiffSource {
  return {
    async changes(): Promise<ChangeSet> {
      const { githubCall, githubClient } = await import('./octokit.js');
      const octokit = githubClient(options);
      const where = { owner: options.owner, repo: options.repo, pull_number: options.pullNumber };
      const path = `/repos/${options.owner}/${options.repo}/pulls/${options.pullNumber}`;
      const call = <T>(endpoint: string, fn: () => Promise<T>): Promise<T> => githubCall(endpoint, fn, { secrets: [options.token], hint: READ_HINT });
      try {
        const pr = await call(`GET ${path}`, () => octokit.rest.pulls.get(where));
        const count = pr.data.changed_files;
        if (count > GITHUB_MAX_PR_FILES) throw new DiffUnavailable(`the pull request changes ${count} files and the API lists only ${GITHUB_MAX_PR_FILES}`);
        const pages = Math.max(1, Math.ceil(count / PER_PAGE));
        const lists = await inParallel(
          Array.from({ length: pages }, (_, i) => async () => (await call(`GET ${path}/files`, () => octokit.rest.pulls.listFiles({ ...where, per_page: PER_PAGE, page: i + 1 }))).data),
          CONCURRENCY,
        );
        const files = new Map<string, ChangedFile>();
        for (const f of lists.flat()) {
          if (f.status === 'removed') continue;
          files.set(normalisePath(f.filename), fileFromHunks(f.patch));
        }
        return { files, source: `GitHub pull request files API (${files.size} files)` };
      } catch (err) {
        if (err instanceof DiffUnavailable) throw err;
        // The token may not read the pull request: say so and how to allow it (the token itself is never named).
        if (isPermissionProblem(err)) throw new DiffUnavailable(
          `${err.status === 404 ? `pull request #${options.pullNumber} was not found, or the token may not read it` : 'no permission to read the pull request'} (${err.message}): ${err.hint ?? READ_HINT}${err.status === 404 ? '; check pr-number if it is set' : ''}`,
        );
        throw new DiffUnavailable(describeError(err));
      }
    },
  };
}
