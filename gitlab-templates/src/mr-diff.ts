/**
 * The merge request's change from GitLab's API: `GET /projects/:id/merge_requests/:iid/diffs`, 100 files a page
 * (first page for the totals, the rest a few in parallel), each file's `diff` hunks turned into changed lines by
 * the shared parser. Past GITLAB_MAX_DIFF_PAGES the API is no answer and the local checkout is asked next; a file
 * whose diff GitLab collapsed or found too large counts as changed throughout.
 */
import { z } from 'zod';
import { DiffUnavailable, normalisePath, type ChangedFile, type ChangeSet, type DiffSource } from '../../shared/diff/change-set.js';
import { inParallel, unavailableSource, type NamedSource } from '../../shared/diff/chain.js';
import type { ScanConfig } from '../../shared/core/config.js';
import { getOption } from '../../shared/core/options.js';
import { describeError } from '../../shared/errors.js';
import { read, type RunContext } from '../../shared/ci/context.js';
import { proxySettingsFromEnv } from '../../shared/proxy.js';
import type { GitLabClientOptions } from './gitlab-client.js';

interface GitLabDiffOptions extends GitLabClientOptions {
  token: string;
  /** The merge request's project (CI_MERGE_REQUEST_PROJECT_ID in a fork's pipeline). */
  projectId: string;
  mrIid: number;
}

const PER_PAGE = 100;
/** 3,000 files: beyond that the local checkout is cheaper than 30+ API calls. */
const GITLAB_MAX_DIFF_PAGES = 30;
const CONCURRENCY = 4;

/** The diff entries read; built on first use (the job starts without reading any diff). */
const DiffPage = z.lazy(() =>
  z.array(
    z.object({
      new_path: z.string(),
      diff: z.string().nullish(),
      deleted_file: z.boolean().optional(),
      too_large: z.boolean().nullish(),
      collapsed: z.boolean().nullish(),
    }),
  ),
);

function gitlabDiffSource(options: GitLabDiffOptions): DiffSource {
  const endpoint = `GET /projects/${options.projectId}/merge_requests/${options.mrIid}/diffs`;
  return {
    async changes(): Promise<ChangeSet> {
      // gitbeaker and undici are most of the bundle: they load only when a diff is asked for (the parser with them).
      const [{ gitlabClient }, { fileFromHunks }] = await Promise.all([import('./gitlab-client.js'), import('../../shared/diff/unified-diff.js')]);
      try {
        // Inside the try: a CI_API_V4_URL that is no API v4 URL is a reason to read the checkout instead, said as such.
        const api = gitlabClient(options);
        const page = (n: number) => api.MergeRequests.allDiffs(options.projectId, options.mrIid, { perPage: PER_PAGE, page: n, showExpanded: true, maxPages: 1 });
        const first = await page(1);
        const totalPages = first.paginationInfo.totalPages ?? 1;
        if (totalPages > GITLAB_MAX_DIFF_PAGES) {
          throw new DiffUnavailable(`the merge request changes ${first.paginationInfo.total ?? `over ${GITLAB_MAX_DIFF_PAGES * PER_PAGE}`} files, more than the ${GITLAB_MAX_DIFF_PAGES * PER_PAGE} read from the API`);
        }
        const rest = await inParallel(
          Array.from({ length: Math.max(0, totalPages - 1) }, (_, i) => async () => (await page(i + 2)).data),
          CONCURRENCY,
        );
        const files = new Map<string, ChangedFile>();
        for (const entry of DiffPage.parse([first.data, ...rest].flat())) {
          if (entry.deleted_file) continue;
          files.set(normalisePath(entry.new_path), fileFromHunks(entry.diff, entry.too_large === true || entry.collapsed === true));
        }
        return { files, source: `GitLab merge request diffs API (${files.size} files)` };
      } catch (err) {
        if (err instanceof DiffUnavailable) throw err;
        throw new DiffUnavailable(`${endpoint} failed: ${describeError(err)}`);
      }
    },
  };
}

/** The host's part of `changed-only` on a merge request pipeline: the API with a token, else a note why not. */
export function gitlabHostDiff(env: Readonly<Record<string, string | undefined>>) {
  return (config: ScanConfig, context: RunContext): NamedSource[] => {
    const mrIid = config.prNumber;
    if (mrIid === undefined) return [];
    const token = config.codeHost.gitlabToken;
    // The MR belongs to the target project, which is not this one in a fork's pipeline.
    const projectId = read(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? context.projectId;
    if (!token) return [unavailableSource('GitLab API', `no token (${getOption('gitlab-token').env})`)];
    if (!context.apiUrl || !projectId) return [unavailableSource('GitLab API', 'CI_API_V4_URL or CI_PROJECT_ID is missing')];
    const source = gitlabDiffSource({ token, apiUrl: context.apiUrl, projectId, mrIid, proxy: proxySettingsFromEnv(env), timeoutMs: config.requestTimeoutMs });
    return [{ name: 'GitLab API', source }];
  };
}
