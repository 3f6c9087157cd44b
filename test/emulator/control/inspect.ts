/** Read-only summaries of the state for tests and benchmarks (control API and in-process methods). */
import { progressOf } from '../state/events.js';
import type { Store } from '../state/store.js';
import type { EventKind, EventRec } from '../state/types.js';

export class UnknownEventError extends Error {
  override readonly name = 'UnknownEventError';
}

export interface EventInfo {
  id: string;
  kind: EventKind;
  state: 'running' | 'finished' | 'failed';
  status: number;
  active: number;
  statusText: string;
  message: string;
  projectId: string;
  project: string;
  tool: string;
  branch: string;
  metaData: string;
  /** The scan this event creates (it exists once `state` is `finished`). */
  scanId: string;
  scanparamsId: string;
  sourceScanId?: string;
  createdAt: number;
  /** When it finishes by itself (ms). */
  endsAt: number;
  /** When it finished or failed (ms), null while running. Benchmarks measure client latency from it. */
  finishedAt: number | null;
}

export interface StateSummary {
  mode: string;
  counts: {
    projects: number;
    scanners: number;
    scanparams: number;
    scans: number;
    events: number;
    runningEvents: number;
    finishedEvents: number;
    failedEvents: number;
    uploads: number;
  };
  /** Events created by start calls (create, restart, restart_with_option, image, import), oldest first. */
  startedEvents: EventInfo[];
}

export function eventInfo(store: Store, ev: EventRec, now: number): EventInfo {
  const p = progressOf(ev, now);
  return {
    id: ev.id,
    kind: ev.kind,
    state: ev.state,
    status: p.status,
    active: p.active,
    statusText: p.statusText,
    message: ev.message,
    projectId: ev.config.projectId,
    project: store.project(ev.config.projectId)?.name ?? '',
    tool: store.scanner(ev.config.toolId)?.slug ?? '',
    branch: ev.config.branch,
    metaData: ev.config.metaData,
    scanId: ev.scanId,
    scanparamsId: ev.config.scanparamsId,
    ...(ev.sourceScanId ? { sourceScanId: ev.sourceScanId } : {}),
    createdAt: ev.createdAt,
    endsAt: ev.endsAt,
    finishedAt: ev.finishedAt ?? null,
  };
}

export function stateSummary(store: Store, now: number, mode: string): StateSummary {
  const events = [...store.events.values()];
  const count = (state: EventRec['state']) => events.filter((e) => e.state === state).length;
  return {
    mode,
    counts: {
      projects: store.projects.length,
      scanners: store.scanners.length,
      scanparams: store.scanparams.length,
      scans: store.scans.length,
      events: events.length,
      runningEvents: count('running'),
      finishedEvents: count('finished'),
      failedEvents: count('failed'),
      uploads: store.uploads.length,
    },
    startedEvents: events.filter((e) => e.kind !== 'baseline').map((e) => eventInfo(store, e, now)),
  };
}
