/** Per-project status reads: release criteria and the vulnerabilities list (docs addendum shape). */
import { isoDate } from '../core/clock.js';
import { badRequest, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { SEVERITY_NUMBER } from '../state/findings.js';
import { releaseStatus } from '../state/release.js';
import type { Store } from '../state/store.js';
import type { FindingRec, ScanRec } from '../state/types.js';
import { scanparamsView } from '../state/views.js';
import { pageQuery, paginate } from './common.js';

const DAY_MS = 86_400_000;

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
  severity: number;
  tool: string;
}

function vulnerabilityView(store: Store, row: Row, scanparams: Record<string, unknown>, now: number) {
  const { scan, finding: f, isNew, firstSeen } = row;
  const tool = store.scanner(scan.config.toolId);
  const base = scanparams as { project?: unknown; pr?: unknown };
  return {
    id: store.vulnIds.get(`${scan.config.projectId}|${scan.config.toolId}|${f.fingerprint}`) ?? '',
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

/** The filtered, sorted rows of one query, kept while the scans they come from stay the latest (paging reads them many times). */
const rowCache = new WeakMap<Store, Map<string, Row[]>>();
const ROW_CACHE_ENTRIES = 8;

/**
 * Findings of the latest finished scan of each tool on the branch (default branch when absent). `status` is
 * `new` when the fingerprint was not in the previous scan of the same tool and branch, else `recurrent`.
 * Linear in the findings of the branch's scans (100,000 findings page quickly): each tool's history is walked
 * once, oldest first, to date every fingerprint's first sighting; views are built for the page only.
 */
function vulnerabilities(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const project = store.project(ctx.params.project!);
  if (project === undefined) throw badRequest('failed to get projects');
  const q = ctx.query;
  const branch = (q.get('branch') ?? '').trim() || project.defaultBranch;
  const filters = { toolName: q.get('tool_name') ?? '', type: q.get('type') ?? '', severity: q.get('severity') ?? '', status: q.get('status') ?? '' };
  const history = store.projectScans(project.id).filter((s) => s.config.branch === branch);
  const byTool = new Map<string, ScanRec[]>();
  for (const s of history) {
    const list = byTool.get(s.config.toolId);
    if (list === undefined) byTool.set(s.config.toolId, [s]);
    else list.push(s);
  }
  const latestIds = [...byTool.values()].map((scans) => scans[0]!.id).join(',');
  const key = JSON.stringify([project.id, branch, filters, latestIds]);
  let cache = rowCache.get(store);
  if (cache === undefined) rowCache.set(store, (cache = new Map<string, Row[]>()));
  let rows = cache.get(key);
  if (rows === undefined) {
    rows = [];
    for (const sameTool of byTool.values()) {
      const scan = sameTool[0]!;
      const tool = store.scanner(scan.config.toolId);
      if (filters.toolName !== '' && tool?.slug !== filters.toolName) continue;
      if (filters.type !== '' && tool?.type !== filters.type) continue;
      const prevPrints = new Set(sameTool[1]?.findings.map((f) => f.fingerprint) ?? []);
      const firstSeen = new Map<string, number>();
      for (let i = sameTool.length - 1; i >= 0; i--) {
        const s = sameTool[i]!;
        for (const f of s.findings) if (!firstSeen.has(f.fingerprint)) firstSeen.set(f.fingerprint, s.date);
      }
      for (const f of scan.findings) {
        const severity = SEVERITY_NUMBER[f.severity];
        if (filters.severity !== '' && String(severity) !== filters.severity) continue;
        const isNew = !prevPrints.has(f.fingerprint);
        if (filters.status !== '' && (isNew ? 'new' : 'recurrent') !== filters.status) continue;
        rows.push({ scan, finding: f, isNew, firstSeen: firstSeen.get(f.fingerprint) ?? scan.date, severity, tool: tool?.slug ?? '' });
      }
    }
    rows.sort((a, b) => b.severity - a.severity || a.tool.localeCompare(b.tool));
    if (cache.size >= ROW_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, rows);
  }
  const { start, limit } = pageQuery(ctx, 30);
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
  const page = paginate(rows, start, limit).map((row) => vulnerabilityView(store, row, paramsOf(row.scan), now));
  return ok({ limit, start, total: rows.length, vulnerabilities: page });
}

export function projectStatusRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects/:project/release', release);
  r.add('GET', '/api/v2/projects/:project/vulnerabilities', vulnerabilities);
}
