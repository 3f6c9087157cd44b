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

/** One scanner's part in the run's shared release read. */
export interface ReleaseTicket {
  /** Read (once per key for the whole run) after every scanner of the run has finished its scan. */
  read(key: string, read: () => Promise<ReleaseStatus>): Promise<ReleaseStatus>;
  /** This scanner reads no release status (done, failed, async): the others stop waiting for it. Idempotent. */
  leave(): void;
}

/**
 * The release status of a project and branch, read once for all the scanners of a run, after the last of them
 * has finished: release criteria reflect every scan of the run, and N scanners cost one read instead of N.
 */
export function sharedReleaseReads(scanners: number): () => ReleaseTicket {
  let waiting = scanners;
  let open!: () => void;
  const everyone = new Promise<void>((resolve) => (open = resolve));
  if (waiting <= 0) open();
  const reads = new Map<string, Promise<ReleaseStatus>>();
  return () => {
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      waiting -= 1;
      if (waiting === 0) open();
    };
    return {
      leave,
      async read(key, read) {
        leave();
        await everyone;
        let status = reads.get(key);
        if (status === undefined) reads.set(key, (status = read()));
        return status;
      },
    };
  };
}

export function summarizeRelease(status: ReleaseStatus, scope: ReleaseScope): ReleaseSummary {
  const types: Record<string, string> = {};
  // The platform says `undefined` for "no criteria set": that word must not reach a report as if it were a value.
  const word = (value: string): string => (value === 'undefined' ? '' : value);
  for (const [type, value] of Object.entries(status.types)) types[type] = word(value.status);
  return { status: word(status.status), types, failingTypes: countedReleaseFailures(scope, status.status, types), scope: scope.kind };
}

/**
 * One scanner's release status as its gate line reads it, in the platform's words (`success`, `fail`): `fail`
 * only when a failure counted for it; a project that fails only outside the scanner's scope is `success` for
 * it; `` when no criteria are set.
 */
export function gatedReleaseStatus(release: ReleaseSummary | undefined): string {
  if (release === undefined) return '';
  if (release.failingTypes.length > 0) return 'fail';
  return release.status === 'fail' ? 'success' : release.status;
}
