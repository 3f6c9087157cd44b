/**
 * How long scans of a scanner usually take, from the platform's list of completed scans: the median of this
 * project's scans of the scanner on the same branch, else on any branch, else of the same scanner on other
 * projects (a project's first scan). Durations come from `started_at`/`finished_at` only. Only a hint for the
 * waiter's schedule: when the platform cannot tell, the waiter falls back to backoff.
 */
import type { PlatformApi, QueuedScan } from '../api/types.js';
import type { Logger } from '../ports.js';

/** Completed scans looked at; enough for a median without paging through history. */
const HISTORY_WINDOW = 50;

/** The likely length of a scan: the median of the durations seen, and the durations themselves. */
export interface DurationEstimate {
  expectedMs: number;
  /** The durations, sorted (ms): with three or more the waiter places its polls by their quantiles. */
  samplesMs: number[];
}

export interface DurationHistory {
  estimate(projectId: string, tool: string, branch?: string): Promise<DurationEstimate | undefined>;
  /**
   * The completed list this run has already read (a start's guard, just before it: `Triggered.completedBefore`),
   * used instead of reading it again; its first entries, as many as the history's own read would ask for. No
   * effect once the history has its list.
   */
  known(completed: readonly QueuedScan[]): void;
  expectedMs(projectId: string, tool: string, branch?: string): Promise<number | undefined>;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;

function estimateOf(scans: readonly QueuedScan[]): DurationEstimate | undefined {
  const durations = scans
    .map((s) => s.durationMs)
    .filter((d): d is number => d !== undefined && d > 0)
    .sort((a, b) => a - b);
  if (durations.length === 0) return undefined;
  return { expectedMs: quantile(durations, 0.5), samplesMs: durations };
}

/** One read of the platform's history per run, shared by all its scanners. */
export function durationHistory(api: PlatformApi, logger: Logger): DurationHistory {
  let completed: Promise<QueuedScan[]> | undefined;
  const history: DurationHistory = {
    async estimate(projectId, tool, branch) {
      completed ??= api.listCompletedScans({ start: 0, limit: HISTORY_WINDOW }).then(
        (page) => page.items,
        (err: unknown) => {
          // A hint that cannot be had changes nothing but the polling pace.
          logger.debug(`no scan history: ${err instanceof Error ? err.message : String(err)}`);
          return [];
        },
      );
      const ofTool = (await completed).filter((s) => s.tool === tool);
      const ofProject = ofTool.filter((s) => s.projectId === projectId);
      return (branch === undefined ? undefined : estimateOf(ofProject.filter((s) => s.branch === branch))) ?? estimateOf(ofProject) ?? estimateOf(ofTool);
    },
    known(scans) {
      completed ??= Promise.resolve(scans.slice(0, HISTORY_WINDOW));
    },
    async expectedMs(projectId, tool, branch) {
      return (await history.estimate(projectId, tool, branch))?.expectedMs;
    },
  };
  return history;
}

export function expectedDurationMs(api: PlatformApi, projectId: string, tool: string, logger: Logger): Promise<number | undefined> {
  return durationHistory(api, logger).expectedMs(projectId, tool);
}
