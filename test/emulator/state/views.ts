/** Platform JSON shapes (snake_case, as kdt and the docs read them) built from state records. */
import { isoDate } from '../core/clock.js';
import { progressOf } from './events.js';
import type { Store } from './store.js';
import type { AgentRec, EventRec, PrInfo, ProjectRec, ScannerRec, ScanparamsRec, ScanRec } from './types.js';

export const prView = (pr: PrInfo): Record<string, unknown> => ({
  ok: pr.ok,
  target: pr.target,
  pr_number: pr.prNumber,
  no_decoration: pr.noDecoration,
});

export function projectView(p: ProjectRec, baseUrl: string): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    default_branch: p.defaultBranch,
    labels: p.labels.map((l) => ({ id: l.id, name: l.name })),
    team: { id: p.team.id, name: p.team.name },
    links: { html: `${baseUrl}/projects/${p.id}` },
    created_at: isoDate(p.createdAt),
    criticality_level: p.criticalityLevel,
    source: { tool: p.almTool, id: p.repoId, url: p.repoUrl },
  };
}

export function scannerView(s: ScannerRec): Record<string, unknown> {
  return {
    id: s.id,
    type: s.type,
    slug: s.slug,
    display_name: s.displayName,
    labels: [...s.labels],
    custom_type: s.customType,
    disabled: s.disabled,
    params: s.params,
  };
}

export const agentView = (a: AgentRec): Record<string, unknown> => ({
  id: a.id,
  label: a.label,
  url: a.url,
  agent_id: a.label,
  password: '',
  insecure: false,
  isActive: 1,
});

export function scanView(store: Store, scan: ScanRec, baseUrl: string): Record<string, unknown> {
  const project = store.project(scan.config.projectId);
  const tool = store.scanner(scan.config.toolId);
  const c = scan.config;
  return {
    id: scan.id,
    name: `${tool?.slug ?? ''}-${c.branch}`,
    branch: c.branch,
    scan_type: c.scanType,
    meta_data: c.metaData,
    tool: tool?.slug ?? '',
    scanner_type: tool?.type ?? '',
    date: isoDate(scan.date),
    project: project?.name ?? '',
    project_id: c.projectId,
    score: scan.score,
    summary: { ...scan.summary },
    infra_source_project_id: '',
    links: { html: `${baseUrl}/projects/${c.projectId}/scans/${scan.id}` },
    event_id: scan.eventId,
    environment: c.environment,
    scan_tag: c.scanTag,
    pr: prView(c.pr),
    fork_scan: c.forkScan,
    scanparams: { id: c.scanparamsId },
  };
}

export function eventView(ev: EventRec, now: number, baseUrl: string): Record<string, unknown> {
  const p = progressOf(ev, now);
  const done = ev.state === 'finished';
  return {
    id: ev.id,
    status: p.status,
    active: p.active,
    scan_id: done ? ev.scanId : '',
    status_text: p.statusText,
    message: ev.message,
    links: { html: done ? `${baseUrl}/projects/${ev.config.projectId}/scans/${ev.scanId}` : `${baseUrl}/events/${ev.id}` },
  };
}

export function scanparamsView(store: Store, sp: ScanparamsRec): Record<string, unknown> {
  const tool = store.scanner(sp.toolId);
  const project = store.project(sp.projectId);
  return {
    id: sp.id,
    branch: sp.branch,
    bind_name: sp.bindName,
    custom: { type: sp.custom.type, params: sp.custom.params },
    tool: { id: sp.toolId, name: tool?.slug ?? '', type: tool?.type ?? '' },
    project: { id: sp.projectId, name: project?.name ?? '', labels: project?.labels.map((l) => ({ ...l })) ?? [] },
    agent: { id: sp.agentId },
    scan_type: sp.scanType,
    meta_data: sp.metaData,
    environment: sp.environment,
    pr: prView(sp.pr),
    manual: sp.manual,
    fork_scan: sp.forkScan,
    fork_source_branch: sp.forkSourceBranch,
  };
}

/** Entry of `scans/queue|completed|failed`: the docs' shape plus `event_id`, `branch`, `meta_data` and `environment`. */
export function queueEntryView(store: Store, ev: EventRec, now: number): Record<string, unknown> {
  const tool = store.scanner(ev.config.toolId);
  const project = store.project(ev.config.projectId);
  const p = progressOf(ev, now);
  const end = ev.finishedAt ?? now;
  return {
    id: ev.scanId,
    event_id: ev.id,
    tool: tool?.slug ?? '',
    scan_type: ev.config.scanType,
    project: { id: ev.config.projectId, name: project?.name ?? '' },
    branch: ev.config.branch,
    meta_data: ev.config.metaData,
    environment: ev.config.environment,
    started_at: isoDate(ev.createdAt),
    finished_at: ev.finishedAt === undefined ? null : isoDate(ev.finishedAt),
    scanparams: { id: ev.config.scanparamsId },
    // Seconds, to the millisecond: short (and time-scaled) scans would otherwise all read 0.
    duration: Math.max(0, Math.round(end - ev.createdAt) / 1000),
    status: p.status,
    stage: p.statusText,
    ...(ev.state === 'failed' ? { message: ev.message } : {}),
  };
}
