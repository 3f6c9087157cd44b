/**
 * How long scans of a scanner usually take on this project, from the platform's list of completed scans.
 * Only a hint for the waiter's schedule: when the platform cannot tell, the waiter falls back to backoff.
 */
import type { PlatformApi } from '../api/types.js';
import type { Logger } from './ports.js';

/** Completed scans looked at; enough for a median without paging through history. */
const HISTORY_WINDOW = 50;

export async function expectedDurationMs(api: PlatformApi, projectId: string, tool: string, logger: Logger): Promise<number | undefined> {
  try {
    const page = await api.listCompletedScans({ start: 0, limit: HISTORY_WINDOW });
    const durations = page.items
      .filter((s) => s.projectId === projectId && s.tool === tool && s.durationSeconds !== undefined && s.durationSeconds > 0)
      .map((s) => s.durationSeconds!)
      .sort((a, b) => a - b);
    if (durations.length === 0) return undefined;
    const median = durations[Math.floor(durations.length / 2)]!;
    return median * 1000;
  } catch (err) {
    // A hint that cannot be had changes nothing but the polling pace.
    logger.debug(`no scan history for ${tool}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
