/**
 * Context of a run outside the three supported CI systems (a laptop, Jenkins, ...). The CLI may read git
 * itself and pass what it found; this module does no I/O.
 */
import { compact, trimSlash, type RunContext } from './context.js';

/** What the CLI learnt from the working copy, when it looked. */
export interface LocalGitInfo {
  branch?: string;
  sha?: string;
  repositoryUrl?: string;
}

export function detectLocal(git: LocalGitInfo = {}): RunContext {
  const branch = git.branch?.trim();
  return compact({
    ci: 'local',
    // `git rev-parse --abbrev-ref HEAD` prints HEAD on a detached checkout: that is no branch.
    branch: branch && branch !== 'HEAD' ? branch : undefined,
    sha: git.sha?.trim() || undefined,
    repositoryUrl: trimSlash(git.repositoryUrl?.trim() || undefined),
  });
}
