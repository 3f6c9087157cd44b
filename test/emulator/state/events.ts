/**
 * Scan events: created by start calls with `active=1,status=0`, they move through 1..5 over the scanner's
 * duration and end with `active=0,status=6` (or `active=-1,status=-1`). Progress is computed from the clock at
 * each request (`settle`), never by timers, so an injected clock fully controls it.
 */
import type { EmuClock } from '../core/clock.js';
import { globMatch } from '../core/glob.js';
import { summarize } from './finding-index.js';
import { riskScore, scenarioFindings } from './findings.js';
import type { Store } from './store.js';
import type { EventKind, EventRec, FindingRec, ScanConfig, ScannerRec } from './types.js';

const STATUS_TEXT = ['Waiting', 'Starting', 'Running', 'Retrieving results', 'Analyzing', 'Notifying', 'Finished'];

export interface EventProgress {
  status: number;
  active: number;
  statusText: string;
}

export function progressOf(ev: EventRec, now: number): EventProgress {
  if (ev.state === 'finished') return { status: 6, active: 0, statusText: 'Finished' };
  if (ev.state === 'failed') return { status: -1, active: -1, statusText: 'Failed' };
  const span = ev.endsAt - ev.createdAt;
  const phase = span <= 0 ? 5 : phaseAt((now - ev.createdAt) / span, ev.phaseWeights);
  return { status: phase, active: 1, statusText: STATUS_TEXT[phase] ?? 'Running' };
}

/** The phase (0..5) at `fraction` of the scan's span: equal sixths, or the scanner's weights. */
function phaseAt(fraction: number, weights: readonly number[] | undefined): number {
  if (weights === undefined) return Math.min(5, Math.max(0, Math.floor(fraction * 6)));
  const total = weights.reduce((a, b) => a + b, 0);
  let reached = 0;
  for (let k = 0; k < 5; k++) {
    reached += weights[k]! / total;
    if (fraction < reached) return k;
  }
  return 5;
}

/** How long the next scan of `scanner` takes (unscaled): the next of its `durationsMs`, else `durationMs`. */
export function nextDurationMs(scanner: ScannerRec): number {
  const list = scanner.durationsMs;
  const ms = list === undefined || list.length === 0 ? scanner.durationMs : list[scanner.scansStarted % list.length]!;
  scanner.scansStarted += 1;
  return ms;
}

export function startEvent(
  store: Store,
  clock: EmuClock,
  kind: EventKind,
  config: ScanConfig,
  extra: { findings?: FindingRec[]; durationMs?: number; sourceScanId?: string } = {},
): EventRec {
  const scanner = store.scanner(config.toolId);
  if (scanner === undefined) throw new Error(`unknown scanner ${config.toolId}`);
  const now = clock.now();
  const failure = scanner.failure;
  const ev: EventRec = {
    id: store.ids.next(),
    kind,
    scanId: store.ids.next(),
    config,
    createdAt: now,
    endsAt: now + clock.scaled(extra.durationMs ?? nextDurationMs(scanner)),
    state: 'running',
    message: '',
    ...(failure && failure.branches.some((b) => globMatch(b, config.branch)) ? { failWith: failure.message } : {}),
    ...(extra.findings ? { findings: extra.findings } : {}),
    ...(extra.sourceScanId ? { sourceScanId: extra.sourceScanId } : {}),
    ...(scanner.phaseWeights ? { phaseWeights: scanner.phaseWeights } : {}),
  };
  store.events.set(ev.id, ev);
  return ev;
}

function finish(store: Store, ev: EventRec, at: number): void {
  ev.finishedAt = at;
  if (ev.failWith !== undefined) {
    ev.state = 'failed';
    ev.message = ev.failWith;
    return;
  }
  const project = store.project(ev.config.projectId);
  const scanner = store.scanner(ev.config.toolId);
  const findings = ev.findings ?? (scanner && project ? scenarioFindings(scanner, project.name, ev.config.branch) : []);
  // Constant time for a scenario list (resolved, grouped and so counted once, at its first scan): a rescan of
  // 100,000 findings finishes as fast as one of 10.
  const summary = summarize(findings);
  store.scans.push({
    id: ev.scanId,
    eventId: ev.id,
    config: ev.config,
    startedAt: ev.createdAt,
    date: at,
    findings,
    summary,
    score: riskScore(summary),
    seq: store.nextScanSeq(),
  });
  ev.state = 'finished';
  ev.message = '';
  // The platform recomputes release criteria after each scan: re-arm the scenario's in-progress answers.
  if (project) project.pendingPolls = project.inProgressPolls;
}

/** Finishes every running event whose time has come, oldest end first (so scan order is stable). */
export function settle(store: Store, now: number): void {
  const due = [...store.events.values()].filter((e) => e.state === 'running' && e.endsAt <= now);
  due.sort((a, b) => a.endsAt - b.endsAt);
  for (const ev of due) finish(store, ev, ev.endsAt);
}

/** Control API: finish now (no-op for an event that already ended). */
export function forceComplete(store: Store, id: string, now: number): EventRec | undefined {
  settle(store, now);
  const ev = store.events.get(id);
  if (ev?.state === 'running') {
    delete ev.failWith;
    finish(store, ev, now);
  }
  return ev;
}

/** Control API: fail now with a message (no-op for an event that already ended). */
export function forceFail(store: Store, id: string, message: string, now: number): EventRec | undefined {
  settle(store, now);
  const ev = store.events.get(id);
  if (ev?.state === 'running') {
    ev.failWith = message;
    finish(store, ev, now);
  }
  return ev;
}

/** The scenario's finished baseline scans, dated `ageMinutes` before the emulator started. */
export function seedBaselines(store: Store, clock: EmuClock): void {
  const now = clock.now();
  const ordered = [...store.scenario.baselineScans].sort((a, b) => b.ageMinutes - a.ageMinutes);
  for (const b of ordered) {
    const project = store.project(b.project)!;
    const tool = store.scanner(b.tool)!;
    const sp = store.findOrCreateScanparams({
      projectId: project.id,
      toolId: tool.id,
      branch: b.branch,
      metaData: b.metaData,
      environment: b.environment,
      agentId: '',
      pr: { ok: false, target: '', prNumber: '', noDecoration: false, decorationScannerTypes: '' },
      forkScan: false,
      forkSourceBranch: '',
      manual: false,
      scanType: 'kdt',
      scanTag: '',
      custom: { type: tool.customType, params: null },
    });
    const endsAt = now - b.ageMinutes * 60_000;
    const ev: EventRec = {
      id: store.ids.next(),
      kind: 'baseline',
      scanId: store.ids.next(),
      config: store.configFromScanparams(sp),
      createdAt: endsAt - clock.scaled(nextDurationMs(tool)),
      endsAt,
      state: 'running',
      message: '',
    };
    store.events.set(ev.id, ev);
    finish(store, ev, endsAt);
  }
}
