/**
 * What makes a start call safe to send twice at most, and never wrongly "found".
 *
 * Before a start call is sent, the guard records which entries `GET /scans/queue` and `GET /scans/completed`
 * hold (the baseline). After an ambiguous failure (reset after sending, timeout, 502/503/504, a 2xx whose body
 * cannot be read) it looks, for a bounded grace period (a late-delivered request may still arrive), for an
 * entry that is NOT in the baseline, of the same project and tool, whose branch, meta-data and environment
 * are stated and equal to this start's. Only such a scan provably began after this start was sent and is
 * this run's; it is adopted. Wall clocks are never compared (the platform's and ours may disagree).
 * - nothing new after the grace period: the caller may start once more (never more than two starts);
 * - a new entry that may be ours but that cannot be told apart (a field missing, no event id, two equal
 *   candidates, no baseline): the call ends (FinalVerdict) saying exactly what is unknown, nothing restarted.
 */
import { CancelledError, DeadlineError, describeError } from '../errors.js';
import type { Clock, Logger } from '../ports.js';
import { FinalVerdict } from './transport.js';
import type { Page, QueuedScan, StartKey, Started } from './types.js';

export type ListQueue = (list: 'queue' | 'completed') => Promise<Page<QueuedScan>>;

/**
 * Entries present before a start was sent, and the completed list as read (handed on with the start: see
 * `Started.completedBefore`); `unreadable` says why there is none.
 */
export type Baseline = { seen: ReadonlySet<string>; completed: QueuedScan[] } | { unreadable: string };

/** The grace period: twice the request timeout, within [10 s, 60 s] of platform time. */
export function startGraceMs(requestTimeoutMs: number): number {
  return Math.min(60_000, Math.max(10_000, 2 * requestTimeoutMs));
}

const LISTS = ['queue', 'completed'] as const;
/** Pause between looks at the lists during the grace period (the first look is immediate). */
const LOOK_INTERVALS_MS = [1_000, 2_000, 4_000, 5_000];

/** One entry, as identified across both lists (a restart may reuse a scan id, never its event and start). */
function identity(e: QueuedScan): string {
  return `${e.id}|${e.eventId ?? ''}|${e.startedAt ?? ''}`;
}

function describeKey(key: StartKey): string {
  const parts = [`project ${key.projectId}`, `tool ${key.tool}`];
  if (key.branch !== undefined) parts.push(`branch "${key.branch}"`);
  parts.push(`meta-data "${key.metaData ?? ''}"`);
  if (key.environment !== undefined) parts.push(`environment "${key.environment}"`);
  return parts.join(', ');
}

export interface StartGuardOptions {
  listQueue: ListQueue;
  logger: Logger;
  clock: Clock;
  graceMs: number;
  signal?: AbortSignal;
}

type Verdict = { found: Started } | { unknown: string } | undefined;

export class StartGuard {
  /** Events this client already handed out: never "found" again for another start. */
  private readonly known = new Set<string>();

  constructor(private readonly options: StartGuardOptions) {}

  remember(started: Started): Started {
    this.known.add(started.eventId);
    return started;
  }

  /** Read both lists before a start; a failure here is not fatal (the start just cannot be looked up later). */
  async baseline(): Promise<Baseline> {
    try {
      const seen = new Set<string>();
      let completed: QueuedScan[] = [];
      for (const list of LISTS) {
        const { items } = await this.options.listQueue(list);
        for (const e of items) seen.add(identity(e));
        if (list === 'completed') completed = items;
      }
      return { seen, completed };
    } catch (err) {
      if (err instanceof CancelledError || err instanceof DeadlineError) throw err;
      this.options.logger.debug(`Could not read the scan lists before starting: ${describeError(err)}`);
      return { unreadable: describeError(err) };
    }
  }

  /**
   * The scan this start created, looked for during the grace period; undefined when none appeared (another
   * start is then safe). Throws FinalVerdict when a new scan may be this one but cannot be proven to be.
   */
  async find(key: StartKey, baseline: Baseline, failure: string): Promise<Started | undefined> {
    const { clock, graceMs, signal } = this.options;
    if ('unreadable' in baseline) {
      throw this.verdict(`${failure}. The scan may have started, but the scan lists could not be read before the start (${baseline.unreadable}), so no scan found now can be proven to be this one; it is not started again. Look at the project's scans on the platform (${describeKey(key)}) before re-running.`);
    }
    const end = clock.now() + graceMs;
    for (let look = 0; ; look++) {
      const verdict = await this.look(key, baseline.seen);
      if (verdict !== undefined && 'found' in verdict) return verdict.found;
      if (verdict !== undefined) throw this.verdict(`${failure}. ${verdict.unknown} It is not started again: follow it on the platform.`);
      const remaining = end - clock.now();
      if (remaining <= 0) return undefined;
      const pause = LOOK_INTERVALS_MS[Math.min(look, LOOK_INTERVALS_MS.length - 1)]!;
      await clock.sleep(Math.min(pause, remaining), signal);
    }
  }

  private async look(key: StartKey, seen: ReadonlySet<string>): Promise<Verdict> {
    const confirmed: { entry: QueuedScan; list: string }[] = [];
    const unsure: string[] = [];
    // A scan that finishes between the two reads shows in both lists: count it once.
    const looked = new Set<string>();
    for (const list of LISTS) {
      for (const e of (await this.options.listQueue(list)).items) {
        if (seen.has(identity(e)) || e.projectId !== key.projectId || e.tool !== key.tool) continue;
        const id = e.eventId ?? identity(e);
        if (looked.has(id)) continue;
        looked.add(id);
        if (e.eventId !== undefined && this.known.has(e.eventId)) continue;
        const missing: string[] = [];
        const differs = (field: string, want: string | undefined, have: string | undefined): boolean => {
          if (want === undefined) return false;
          if (have === undefined) missing.push(field);
          return have !== undefined && have !== want;
        };
        if (differs('branch', key.branch, e.branch) || differs('meta-data', key.metaData ?? '', e.metaData) || differs('environment', key.environment, e.environment)) continue;
        if (e.eventId === undefined) missing.push('event id');
        if (missing.length > 0) unsure.push(`scan ${e.id} in the ${list} list does not state its ${missing.join(', ')}`);
        else confirmed.push({ entry: e, list });
      }
    }
    if (unsure.length > 0) return { unknown: `A new ${key.tool} scan began after the start request, but it cannot be told apart from another job's (${describeKey(key)}): ${unsure.join('; ')}.` };
    if (confirmed.length > 1) {
      return { unknown: `${confirmed.length} new scans with this run's settings (${describeKey(key)}) began after the start request (events ${confirmed.map((c) => c.entry.eventId).join(', ')}); which one is this run's is unknown.` };
    }
    const [match] = confirmed;
    if (match === undefined) return undefined;
    const eventId = match.entry.eventId!;
    this.options.logger.info(`The interrupted start request did reach the platform: following its scan (event ${eventId}), which began after it with this run's settings, instead of starting another.`);
    return { found: { eventId, message: `found in the scan ${match.list} after an interrupted start request` } };
  }

  private verdict(message: string): FinalVerdict {
    return new FinalVerdict('server', 'GET /api/v2/scans/queue', message);
  }
}
