/**
 * The `changed-only` gate scope: which findings a pull/merge request touched. The diff is read once per run
 * (from the code host's API or the local checkout, through the adapter's `DiffSource`); each scanner then marks
 * its findings and counts only those in the change, plus, as before, those without a file location (DAST, API),
 * which no diff can place.
 */
import type { SeverityCounts } from '../api/types.js';
import { DiffUnavailable, touches, type ChangeSet, type DiffSource } from '../diff/change-set.js';
import { ConfigError, describeError } from '../errors.js';
import type { Logger } from '../ports.js';
import type { ChangedOnly, ChangedOnlyFallback } from './config.js';
import { zeroCounts, type Finding, type ScopeSummary } from './result.js';

export interface ScopeRequest {
  mode: ChangedOnly;
  fallback: ChangedOnlyFallback;
  isPullRequest: boolean;
  targetBranch?: string;
  sourceBranch: string;
  prNumber?: string;
  signal?: AbortSignal;
}

/** What the run knows of the change: the change set, or why the gate is not scoped. */
export type RunScope =
  | { kind: 'off' }
  | { kind: 'unscoped'; mode: 'files' | 'lines'; why: string }
  | { kind: 'scoped'; mode: 'files' | 'lines'; changes: ChangeSet };

/** Read the change once for the run; under fallback `fail`, a diff that cannot be had stops the run (exit 2). */
export async function readScope(request: ScopeRequest, diff: DiffSource | undefined, logger: Logger): Promise<RunScope> {
  const mode = request.mode;
  if (mode === 'off') return { kind: 'off' };
  const unscoped = (why: string): RunScope => {
    if (request.fallback === 'fail') {
      throw new ConfigError(
        'changed-only',
        `cannot limit the gate to the change: ${why}. Give the code-host token, fetch the target branch in the checkout, or set changed-only-fallback to unscoped.`,
      );
    }
    logger.warn(`changed-only ${mode}: ${why}; the gate counts all findings (changed-only-fallback is unscoped)`);
    return { kind: 'unscoped', mode, why };
  };
  if (!request.isPullRequest || !request.targetBranch) {
    logger.info(`changed-only ${mode} applies to pull/merge request runs; this run counts all findings`);
    return { kind: 'unscoped', mode, why: 'not a pull/merge request run' };
  }
  if (!diff) return unscoped('no way to read the diff here (no code-host token and no git checkout)');
  try {
    const changes = await diff.changes({
      targetBranch: request.targetBranch,
      sourceBranch: request.sourceBranch,
      ...(request.prNumber ? { number: request.prNumber } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    logger.info(`changed-only ${mode}: ${changes.files.size} changed files, from the ${changes.source}`);
    return { kind: 'scoped', mode, changes };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const why = err instanceof DiffUnavailable ? err.message : `the diff could not be read (${describeError(err)})`;
    return unscoped(why);
  }
}

export interface ScopedCounts {
  counts: SeverityCounts;
  newCounts: SeverityCounts;
  summary: ScopeSummary;
}

/**
 * Mark each finding in or out of the change and count what the gate sees: findings in the change, and findings
 * without a file location. `truncated` says the platform had more findings than were fetched.
 */
export function scopeFindings(findings: Finding[], scope: Extract<RunScope, { kind: 'scoped' }>, truncated: boolean): ScopedCounts {
  const counts = zeroCounts();
  const newCounts = zeroCounts();
  const summary: ScopeSummary = { mode: scope.mode, source: scope.changes.source, inChange: 0, outside: 0, unlocated: 0, ...(truncated ? { partial: true } : {}) };
  for (const f of findings) {
    const located = f.path !== undefined && f.path !== '';
    if (located) {
      f.inChange = touches(scope.changes, scope.mode, f.path ?? '', f.line);
      if (!f.inChange) {
        summary.outside += 1;
        continue;
      }
      summary.inChange += 1;
    } else summary.unlocated += 1;
    counts[f.severity] += 1;
    if (f.isNew) newCounts[f.severity] += 1;
  }
  return { counts, newCounts, summary };
}

/** One sentence on the scope of a scanner's gate, for logs and reports. */
export function scopeSentence(s: ScopeSummary): string {
  const where = s.mode === 'lines' ? 'on the changed lines' : 'in the changed files';
  const parts = [`${s.inChange} ${where}`, `${s.outside} outside the change (not counted)`];
  if (s.unlocated > 0) parts.push(`${s.unlocated} without a file location (counted as usual)`);
  return `changed-only ${s.mode}: ${parts.join(', ')}${s.partial ? '; only the findings fetched were placed' : ''}`;
}
