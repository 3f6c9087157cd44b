/** Per-project status reads: release criteria and the vulnerabilities list (docs addendum shape). */
import { isoDate } from '../core/clock.js';
import { badRequest, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { SEVERITY_NUMBER } from '../state/findings.js';
import { releaseStatus } from '../state/release.js';
import type { Store } from '../state/store.js';
import type { FindingRec, ScanRec } from '../state/types.js';
import { scanparamsView } from '../state/views.js';
import { derivedId } from '../core/ids.js';
import { firstSeen, isNewIn, byStatus, severityGroups } from '../state/finding-index.js';
import { pageQuery } from './common.js';

const DAY_MS = 86_400_000;
/** Severity numbers, most severe first: the list's order. */
const SEVERITY_ORDER = [4, 3, 2, 1, 0] as const;

function release(ctx: RouteContext) {
  const { store } = ctx.env;
  const project = store.project(ctx.params.project!);
  if (project === undefined) throw badRequest('failed to get projects');
  const branch = (ctx.query.get('branch') ?? '').trim() || project.defaultBranch;
  return ok(releaseStatus(store, project, branch));
}

interface Row {
  scan: ScanRec;
  finding: FindingRec;
  isNew: boolean;
  firstSeen: number;
}

function vulnerabilityView(store: Store, row: Row, scanparams: Record<string, unknown>, now: number) {
  const { scan, finding: f, isNew, firstSeen } = row;
  const tool = store.scanner(scan.config.toolId);
  const base = scanparams as { project?: unknown; pr?: unknown };
  return {
    id: derivedId(`${scan.config.projectId}|${scan.config.toolId}|${f.fingerprint}`),
    name: f.name,
    severity: SEVERITY_NUMBER[f.severity],
    cvss_v3: f.cvss ?? 0,
    path: f.path ?? '-',
    cwe: { cwe_id: f.cwe ?? 0, name: f.cweName ?? '', classification: {} },
    cwe_id: f.cwe ?? 0,
    cwe_name: f.cweName ?? '',
    status: isNew ? 'new' : 'recurrent',
    first_seen: isoDate(firstSeen),
    last_seen: isoDate(scan.date),
    woe: Math.max(0, Math.floor((now - firstSeen) / DAY_MS)),
    is_fp: false,
    is_wf: false,
    is_mitigated: false,
    language: f.language ?? '',
    committer_name: '',
    issue_status: 'undefined',
    issue_assigned: false,
    scanparams: {
      id: scan.config.scanparamsId,
      tool: { id: scan.config.toolId, name: tool?.slug ?? '', type: tool?.type ?? '' },
      project: base.project ?? { id: scan.config.projectId },
      branch: scan.config.branch,
      meta_data: scan.config.metaData,
      scan_type: scan.config.scanType,
      pr: base.pr ?? {},
      manual: scan.config.manual,
      custom: { type: scan.config.custom.type, params: scan.config.custom.params },
    },
    // Optional extras, not in the docs example: consumers must work without them.
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.method !== undefined ? { method: f.method } : {}),
    ...(f.parameter !== undefined ? { parameter: f.parameter } : {}),
    scan_id: scan.id,
    tool: tool?.slug ?? '',
  };
}

/** One run of rows: the findings of one severity in one tool's latest scan (new, recurrent or both), in list order. */
interface Segment {
  history: readonly ScanRec[];
  findings: readonly FindingRec[];
  /** Every row of the segment is new / recurrent; undefined: ask per row. */
  isNew: boolean | undefined;
}

/**
 * Findings of the latest finished scan of each tool on the branch (default branch when absent), most severe first,
 * then by tool slug, then in the scan's order. `status` is `new` when the fingerprint was not in the previous scan
 * of the same tool and branch, else `recurrent`; `first_seen` is the oldest scan of that history holding it.
 * Costs the page, not the project: filters and counts come from per-list severity groups and a per-scan new/recurrent
 * split (`finding-index.ts`), and rows are looked at only for the page.
 */
function vulnerabilities(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const project = store.project(ctx.params.project!);
  if (project === undefined) throw badRequest('failed to get projects');
  const q = ctx.query;
  const branch = (q.get('branch') ?? '').trim() || project.defaultBranch;
  const filters = { toolName: q.get('tool_name') ?? '', type: q.get('type') ?? '', severity: q.get('severity') ?? '', status: q.get('status') ?? '' };
  const byTool = new Map<string, ScanRec[]>();
  for (const s of store.projectScans(project.id)) {
    if (s.config.branch !== branch) continue;
    const list = byTool.get(s.config.toolId);
    if (list === undefined) byTool.set(s.config.toolId, [s]);
    else list.push(s);
  }
  const tools = [...byTool.values()]
    .map((history) => ({ history, tool: store.scanner(history[0]!.config.toolId) }))
    .filter(({ tool }) => (filters.toolName === '' || tool?.slug === filters.toolName) && (filters.type === '' || tool?.type === filters.type))
    .sort((a, b) => (a.tool?.slug ?? '').localeCompare(b.tool?.slug ?? ''));
  const segments: Segment[] = [];
  for (const severity of SEVERITY_ORDER) {
    if (filters.severity !== '' && String(severity) !== filters.severity) continue;
    for (const { history } of tools) {
      const [scan, previous] = history;
      if (filters.status === '') {
        const findings = severityGroups(scan!.findings).get(severity);
        if (findings) segments.push({ history, findings, isNew: undefined });
        continue;
      }
      if (filters.status !== 'new' && filters.status !== 'recurrent') continue;
      const findings = byStatus(scan!, previous, filters.status).get(severity);
      if (findings) segments.push({ history, findings, isNew: filters.status === 'new' });
    }
  }
  const total = segments.reduce((n, s) => n + s.findings.length, 0);
  const { start, limit } = pageQuery(ctx, 30);
  const end = limit === 0 ? total : Math.min(total, start + limit);
  const rows: Row[] = [];
  let offset = 0;
  for (const seg of segments) {
    if (offset >= end) break;
    const from = Math.max(0, start - offset);
    const to = Math.min(seg.findings.length, end - offset);
    const [scan, previous] = seg.history;
    for (let i = from; i < to; i++) {
      const finding = seg.findings[i]!;
      rows.push({ scan: scan!, finding, isNew: seg.isNew ?? isNewIn(scan!, previous, finding), firstSeen: firstSeen(seg.history, scan!, finding) });
    }
    offset += seg.findings.length;
  }
  const now = clock.now();
  const params = new Map<string, Record<string, unknown>>();
  const paramsOf = (scan: ScanRec): Record<string, unknown> => {
    let view = params.get(scan.config.scanparamsId);
    if (view === undefined) {
      const sp = store.scanparams.find((x) => x.id === scan.config.scanparamsId);
      params.set(scan.config.scanparamsId, (view = sp ? scanparamsView(store, sp) : {}));
    }
    return view;
  };
  return ok({ limit, start, total, vulnerabilities: rows.map((row) => vulnerabilityView(store, row, paramsOf(row.scan), now)) });
}

export function projectStatusRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects/:project/release', release);
  r.add('GET', '/api/v2/projects/:project/vulnerabilities', vulnerabilities);
}
