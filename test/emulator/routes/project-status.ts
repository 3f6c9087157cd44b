/** Per-project status reads: release criteria and the vulnerabilities list (docs addendum shape). */
import { isoDate } from '../core/clock.js';
import { badRequest, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { SEVERITY_NUMBER } from '../state/findings.js';
import { releaseStatus } from '../state/release.js';
import type { Store } from '../state/store.js';
import type { FindingRec, ScanRec } from '../state/types.js';
import { scanparamsView } from '../state/views.js';
import { intQuery, paginate } from './common.js';

const DAY_MS = 86_400_000;

function release(ctx: RouteContext) {
  const { store } = ctx.env;
  const project = store.project(ctx.params.project!);
  if (project === undefined) throw badRequest('failed to get projects');
  const branch = (ctx.query.get('branch') ?? '').trim() || project.defaultBranch;
  return ok(releaseStatus(store, project, branch));
}

function vulnerabilityView(store: Store, scan: ScanRec, f: FindingRec, isNew: boolean, firstSeen: number, now: number) {
  const tool = store.scanner(scan.config.toolId);
  const sp = store.scanparams.find((s) => s.id === scan.config.scanparamsId);
  const base = sp ? scanparamsView(store, sp) : {};
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

/**
 * Findings of the latest finished scan of each tool on the branch (default branch when absent). `status` is
 * `new` when the fingerprint was not in the previous scan of the same tool and branch, else `recurrent`.
 */
function vulnerabilities(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const project = store.project(ctx.params.project!);
  if (project === undefined) throw badRequest('failed to get projects');
  const q = ctx.query;
  const branch = (q.get('branch') ?? '').trim() || project.defaultBranch;
  const toolName = q.get('tool_name') ?? '';
  const type = q.get('type') ?? '';
  const severity = q.get('severity') ?? '';
  const status = q.get('status') ?? '';
  const history = store.projectScans(project.id).filter((s) => s.config.branch === branch);
  const latest = new Map<string, ScanRec>();
  for (const s of history) if (!latest.has(s.config.toolId)) latest.set(s.config.toolId, s);
  const now = clock.now();
  const rows: ReturnType<typeof vulnerabilityView>[] = [];
  for (const scan of latest.values()) {
    const tool = store.scanner(scan.config.toolId);
    if (toolName !== '' && tool?.slug !== toolName) continue;
    if (type !== '' && tool?.type !== type) continue;
    const sameTool = history.filter((s) => s.config.toolId === scan.config.toolId);
    const previous = sameTool[1];
    const prevPrints = new Set(previous?.findings.map((f) => f.fingerprint) ?? []);
    for (const f of scan.findings) {
      if (severity !== '' && String(SEVERITY_NUMBER[f.severity]) !== severity) continue;
      const first = sameTool.filter((s) => s.findings.some((g) => g.fingerprint === f.fingerprint)).pop() ?? scan;
      const row = vulnerabilityView(store, scan, f, !prevPrints.has(f.fingerprint), first.date, now);
      if (status !== '' && row.status !== status) continue;
      rows.push(row);
    }
  }
  rows.sort((a, b) => b.severity - a.severity || a.tool.localeCompare(b.tool));
  const start = intQuery(q, 'start', 0);
  const limit = intQuery(q, 'limit', 30, 100) || 30;
  return ok({ limit, start, total: rows.length, vulnerabilities: paginate(rows, start, limit) });
}

export function projectStatusRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects/:project/release', release);
  r.add('GET', '/api/v2/projects/:project/vulnerabilities', vulnerabilities);
}
