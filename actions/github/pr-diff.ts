/**
 * The pull request's change from GitHub's API: `GET /pulls/{n}` for the file count, then `GET /pulls/{n}/files`
 * pages (100 files each, a few in parallel) with each file's `patch` hunks. GitHub lists at most 3,000 files and
 * leaves out the patch of large or binary files: past the cap the API is no answer (the local checkout is asked
 * next), and a file without a patch counts as changed throughout.
 */
import { fileFromHunks } from '../../shared/diff/unified-diff.js';
import { DiffUnavailable, normalisePath, type ChangedFile, type ChangeSet, type DiffSource } from '../../shared/diff/change-set.js';
import { inParallel } from '../../shared/diff/chain.js';
import { describeError } from '../../shared/errors.js';
import { USER_AGENT } from '../../shared/version.js';

export interface GitHubDiffOptions {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  pullNumber: number;
}

/** GitHub's documented cap on `GET /pulls/{n}/files`. */
const GITHUB_MAX_PR_FILES = 3_000;
const PER_PAGE = 100;
const CONCURRENCY = 4;

export function githubDiffSource(options: GitHubDiffOptions): DiffSource {
  return {
    async changes(): Promise<ChangeSet> {
      const { getOctokit } = await import('@actions/github');
      const octokit = getOctokit(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, ''), userAgent: USER_AGENT });
      const where = { owner: options.owner, repo: options.repo, pull_number: options.pullNumber };
      try {
        const pr = await octokit.rest.pulls.get(where);
        const count = pr.data.changed_files;
        if (count > GITHUB_MAX_PR_FILES) throw new DiffUnavailable(`the pull request changes ${count} files and the API lists only ${GITHUB_MAX_PR_FILES}`);
        const pages = Math.max(1, Math.ceil(count / PER_PAGE));
        const lists = await inParallel(
          Array.from({ length: pages }, (_, i) => async () => (await octokit.rest.pulls.listFiles({ ...where, per_page: PER_PAGE, page: i + 1 })).data),
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
        throw new DiffUnavailable(`GET /repos/${options.owner}/${options.repo}/pulls/${options.pullNumber}/files failed: ${describeError(err)}`);
      }
    },
  };
}
