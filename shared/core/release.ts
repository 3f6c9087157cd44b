/**
 * Release criteria ("security criteria") of a project and branch, waiting while the platform is still
 * computing them (`progress_status: in_progress`), bounded by the run's deadline.
 */
import type { PlatformApi, ReleaseStatus } from '../api/types.js';
import { abortedError, DeadlineError } from '../errors.js';
import { countedReleaseFailures } from './gate.js';
import type { Clock } from '../ports.js';
import type { ReleaseSummary } from './result.js';

export type ReleaseScope = { kind: 'on' } | { kind: 'scanner'; types: readonly string[] } | { kind: 'types'; types: readonly string[] };

export interface ReleasePolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RELEASE_POLICY: ReleasePolicy = { firstDelayMs: 500, maxDelayMs: 5_000 };

export async function readReleaseStatus(
  api: PlatformApi,
  project: string,
  branch: string,
  options: { clock: Clock; deadline: number; signal?: AbortSignal; policy?: ReleasePolicy },
): Promise<ReleaseStatus> {
  const policy = options.policy ?? DEFAULT_RELEASE_POLICY;
  let delay = policy.firstDelayMs;
  for (;;) {
    const status = await api.releaseStatus(project, branch);
    if (status.progressStatus !== 'in_progress') return status;
    const remaining = options.deadline - options.clock.now();
    if (remaining <= 0) throw new DeadlineError('release criteria were still being computed when the timeout was reached');
    if (options.signal?.aborted) throw abortedError(options.signal);
    await options.clock.sleep(Math.min(delay, remaining), options.signal).catch((err: unknown) => {
      if (options.signal?.aborted) throw abortedError(options.signal);
      throw err;
    });
    delay = Math.min(policy.maxDelayMs, delay * 2);
  }
}

export function summarizeRelease(status: ReleaseStatus, scope: ReleaseScope): ReleaseSummary {
  const types: Record<string, string> = {};
  for (const [type, value] of Object.entries(status.types)) types[type] = value.status;
  return { status: status.status, types, failingTypes: countedReleaseFailures(scope, status.status, types) };
}
