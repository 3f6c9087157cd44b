/**
 * The pull request's change from Bitbucket's API: `GET /repositories/{workspace}/{repo}/pullrequests/{id}/diff`,
 * one unified diff (Bitbucket redirects it to the commit-range diff), read by the shared parser. A diff larger than
 * BITBUCKET_MAX_DIFF_CHARS is no answer: the step's clone is asked next.
 */
import { unavailableSource, type NamedSource } from '../../shared/diff/chain.js';
import { DiffUnavailable, type ChangeSet, type DiffSource } from '../../shared/diff/change-set.js';
import type { ScanConfig } from '../../shared/core/config.js';
import { getOption } from '../../shared/core/options.js';
import { describeError } from '../../shared/errors.js';
import type { BitbucketAuth, RepoRef } from './bitbucket-api.js';
import { bitbucketAuth } from './bitbucket-auth.js';
import type { PipeSettings } from './pipe-settings.js';

/** 50 MB of diff text: far past thousands of files, short of exhausting the step's memory. */
const BITBUCKET_MAX_DIFF_CHARS = 50_000_000;

interface BitbucketDiffOptions {
  auth: BitbucketAuth;
  repo: RepoRef;
  prId: number;
  settings: PipeSettings;
  timeoutMs: number;
}

function bitbucketDiffSource(options: BitbucketDiffOptions): DiffSource {
  const { workspace, repoSlug } = options.repo;
  const path = `/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repoSlug)}/pullrequests/${options.prId}/diff`;
  return {
    async changes(): Promise<ChangeSet> {
      // The HTTP client (undici) loads only when the diff is read, the parser with it: most of the pipe's start-up cost.
      const [{ bitbucketHttp }, { parseUnifiedDiff }] = await Promise.all([import('./lazy.js'), import('../../shared/diff/unified-diff.js')]);
      const http = bitbucketHttp({
        mode: 'rest',
        auth: options.auth,
        proxy: options.settings.proxy,
        timeoutMs: options.timeoutMs,
        ...(options.settings.apiUrl ? { apiUrl: options.settings.apiUrl } : {}),
      });
      const max = BITBUCKET_MAX_DIFF_CHARS;
      let text;
      try {
        text = await http.getText(path, max);
      } catch (err) {
        throw new DiffUnavailable(`GET ${path} failed: ${describeError(err)}`);
      }
      if (text === undefined) throw new DiffUnavailable(`the pull request diff is larger than ${max} characters`);
      const changes = parseUnifiedDiff(text, '');
      return { files: changes.files, source: `Bitbucket pull request diff API (${changes.files.size} files)` };
    },
  };
}

/** The host's part of `changed-only` on a pull request build: the API with credentials, else a note why not. */
export function bitbucketHostDiff(settings: PipeSettings) {
  return (config: ScanConfig): NamedSource[] => {
    const prId = config.prNumber;
    if (prId === undefined) return [];
    const auth = bitbucketAuth(config.codeHost);
    const repo = settings.repo;
    if (!auth || !repo) {
      const why = !auth ? `no credentials (${getOption('bitbucket-token').env})` : 'BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG are not set';
      return [unavailableSource('Bitbucket API', why)];
    }
    return [{ name: 'Bitbucket API', source: bitbucketDiffSource({ auth, repo, prId, settings, timeoutMs: config.requestTimeoutMs }) }];
  };
}
