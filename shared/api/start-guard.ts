/**
 * After a call that starts work failed ambiguously (reset after sending, timeout, 502/503/504), find out
 * whether the platform started the scan anyway, so that it is followed instead of started twice.
 * It looks in `GET /scans/queue`, then `GET /scans/completed`, for an entry of the same project and tool
 * (and branch, when both sides know it) that began at or after the request (minus a clock-skew allowance),
 * and that no earlier start of this client already returned.
 */
import type { Logger } from '../ports.js';
import { FinalVerdict } from './transport.js';
import type { Page, QueuedScan, StartKey, Started } from './types.js';

export type ListQueue = (list: 'queue' | 'completed') => Promise<Page<QueuedScan>>;

export class StartGuard {
  /** Events this client already handed out: never "found" again for another start. */
  private readonly known = new Set<string>();

  constructor(
    private readonly listQueue: ListQueue,
    private readonly logger: Logger,
  ) {}

  remember(started: Started): Started {
    this.known.add(started.eventId);
    return started;
  }

  /** The event the interrupted start created, or undefined when there is none (a retry is then safe). */
  async find(key: StartKey, branch: string | undefined, sinceMs: number): Promise<Started | undefined> {
    const wantBranch = key.branch ?? branch;
    for (const list of ['queue', 'completed'] as const) {
      const page = await this.listQueue(list);
      const entry = page.items.find((e) => {
        if (e.projectId !== key.projectId || e.tool !== key.tool) return false;
        if (wantBranch !== undefined && e.branch !== undefined && e.branch !== wantBranch) return false;
        if (e.eventId !== undefined && this.known.has(e.eventId)) return false;
        const startedAt = e.startedAt === undefined ? Number.NaN : Date.parse(e.startedAt);
        return startedAt >= sinceMs;
      });
      if (entry === undefined) continue;
      if (entry.eventId === undefined) {
        throw new FinalVerdict(
          'server',
          `GET /api/v2/scans/${list}`,
          `A ${key.tool} scan of project ${key.projectId} (scan ${entry.id}) began after the start request was interrupted, but the platform does not name its event; it is not started again. Follow it on the platform.`,
        );
      }
      this.logger.info(`The interrupted start request did reach the platform: following its scan (event ${entry.eventId}) instead of starting another.`);
      return { eventId: entry.eventId, message: `found in the scan ${list} after an interrupted start request` };
    }
    return undefined;
  }
}
