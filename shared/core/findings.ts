/**
 * Findings of a finished scan, read only as far as the run needs them: the counts and the risk score come
 * from the scan summary, so the gate needs no finding unless it counts new ones. Pages are read with bounded
 * parallelism, advancing by the items received (`readPages`). Findings become renderer-ready `Finding`s, marked
 * new or existing against a baseline (the merge target's findings for a PR/MR, else the platform's own
 * new/recurrent status, which compares with the previous scan of the same branch).
 */
import { createHash } from 'node:crypto';
import { readPages } from '../api/paging.js';
import { SEVERITIES, type PlatformApi, type Severity, type SeverityCounts, type Vulnerability } from '../api/types.js';
import { countTotal, zeroCounts, type Finding } from './result.js';

export const FINDINGS_PAGE_SIZE = 100;
/** More than this per scanner is not fetched; counts still come from the scan summary. */
export const MAX_FINDINGS_PER_SCANNER = 10_000;
/** The platform's severity numbers (`severity` filter); info as 0 is an inference (the docs list 1 to 4). */
const SEVERITY_NUMBER: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * What the run's outputs read of the findings: every one (reports), the most severe `top` (comments), and
 * whether anything shows or gates on the new/existing split (`newCounts`; free when every finding is read).
 */
export interface FindingsNeed {
  all: boolean;
  top: number;
  newCounts: boolean;
}

/** What a packaging's own outputs read of the findings, besides the files the settings ask for. */
export interface PackagingReads {
  /** Reports of every finding whatever the settings (GitLab's security reports). */
  allFindings?: boolean;
  /** Whether it posts a comment or summary showing the top `max-findings` and the new counts (not the plain CLI). */
  comment?: boolean;
  /** The most severe findings it annotates (GitHub check annotations, Bitbucket Code Insights). */
  annotated?: number;
  /** Outputs that show the new counts whatever the settings (GitHub's `new-*` outputs, Code Insights' "New findings"). */
  newCounts?: boolean;
}

/**
 * What a run's outputs need: every finding for SARIF, the JSON result and reports of every finding; else the
 * most severe ones the comment, summary or annotations show (none without a comment and summary-markdown). The
 * new/existing split when the gate counts new findings or an output shows it (a comment or summary, the
 * packaging's own outputs); a report of every finding classifies them all anyway.
 */
export function findingsNeed(
  config: { sarif?: string | undefined; outputJson?: string | undefined; summaryMarkdown?: string | undefined; maxFindings: number; newFindingsOnly: boolean },
  reads: PackagingReads,
): FindingsNeed {
  const all = Boolean(config.sarif) || Boolean(config.outputJson) || reads.allFindings === true;
  const shows = reads.comment !== false || Boolean(config.summaryMarkdown);
  return {
    all,
    top: Math.max(shows ? config.maxFindings : 0, reads.annotated ?? 0),
    newCounts: all || shows || config.newFindingsOnly || reads.newCounts === true,
  };
}

export interface FetchedFindings {
  items: Vulnerability[];
  total: number;
  truncated: boolean;
}

export async function fetchFindings(
  api: PlatformApi,
  projectId: string,
  query: { branch: string; tool: string; severity?: number; status?: string },
  cap = MAX_FINDINGS_PER_SCANNER,
): Promise<FetchedFindings> {
  const { items, total } = await readPages(
    (start, limit) =>
      api.listVulnerabilities(projectId, {
        branch: query.branch,
        toolName: query.tool,
        ...(query.severity !== undefined ? { severity: query.severity } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        start,
        limit,
      }),
    { pageSize: FINDINGS_PAGE_SIZE, cap },
  );
  return { items, total, truncated: items.length < total };
}

export interface GatheredFindings {
  findings: Finding[];
  truncated: boolean;
  /** Undefined when nothing asked for the new/existing split (`FindingsNeed.newCounts`): not read, not zero. */
  newCounts?: SeverityCounts;
  /** PR/MR: the target's findings gone from this branch; set only when both lists were read whole. */
  fixed?: Finding[];
}

export interface GatherRequest {
  projectId: string;
  scanner: { slug: string; type: string };
  branch: string;
  /** The scan summary's counts: which severities are worth asking for. */
  counts: SeverityCounts;
  /** The merge target, for a PR/MR: new means "not on the target". */
  baselineBranch?: string;
  need: FindingsNeed;
}

/**
 * The findings a run needs and the new-findings counts:
 * - every finding (and the target's, for a PR/MR) when a report wants them all, or when a PR/MR counts new ones
 *   (new means "not on the target", which only the target's list can tell);
 * - otherwise the most severe `need.top`, asked for by severity (the list's order is not documented), and, when
 *   `need.newCounts`, the new counts from the platform's `status=new` list: one page when few are new, else one
 *   total per severity.
 */
export async function gatherFindings(api: PlatformApi, req: GatherRequest): Promise<GatheredFindings> {
  const { projectId, scanner, branch, counts, need } = req;
  const query = { branch, tool: scanner.slug };
  if (need.all || req.baselineBranch) {
    const [current, baseline] = await Promise.all([
      fetchFindings(api, projectId, query),
      req.baselineBranch ? fetchFindings(api, projectId, { branch: req.baselineBranch, tool: scanner.slug }) : undefined,
    ]);
    const findings = classifyFindings(scanner.slug, scanner.type, current.items, baseline?.items);
    const whole = baseline !== undefined && !baseline.truncated && !current.truncated;
    return {
      findings,
      truncated: current.truncated,
      newCounts: countBySeverity(findings, (f) => f.isNew),
      ...(whole ? { fixed: fixedFindings(scanner.slug, scanner.type, current.items, baseline.items) } : {}),
    };
  }
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  const [top, newCounts] = await Promise.all([
    topFindings(api, projectId, query, counts, need.top),
    need.newCounts ? newFindingCounts(api, projectId, query, present) : undefined,
  ]);
  const findings = classifyFindings(scanner.slug, scanner.type, top, undefined);
  const total = countTotal(counts);
  return { findings, truncated: findings.length < total, ...(newCounts ? { newCounts } : {}) };
}

/** The `top` most severe findings: severity by severity, only where the summary counts some. */
async function topFindings(api: PlatformApi, projectId: string, query: { branch: string; tool: string }, counts: SeverityCounts, top: number): Promise<Vulnerability[]> {
  const out: Vulnerability[] = [];
  for (const severity of SEVERITIES) {
    if (out.length >= top) break;
    if (counts[severity] === 0) continue;
    const page = await fetchFindings(api, projectId, { ...query, severity: SEVERITY_NUMBER[severity] }, top - out.length);
    out.push(...page.items);
  }
  return out;
}

async function newFindingCounts(api: PlatformApi, projectId: string, query: { branch: string; tool: string }, present: readonly Severity[]): Promise<SeverityCounts> {
  const counts = zeroCounts();
  if (present.length === 0) return counts;
  const page = await api.listVulnerabilities(projectId, { branch: query.branch, toolName: query.tool, status: 'new', start: 0, limit: FINDINGS_PAGE_SIZE });
  if (page.items.length >= page.total) {
    for (const v of page.items) counts[v.severity] += 1;
    return counts;
  }
  await Promise.all(
    present.map(async (severity) => {
      const one = await api.listVulnerabilities(projectId, { branch: query.branch, toolName: query.tool, status: 'new', severity: SEVERITY_NUMBER[severity], start: 0, limit: 1 });
      counts[severity] = one.total;
    }),
  );
  return counts;
}

/**
 * What makes two findings "the same" across branches and scans: tool, rule and place, not the line number,
 * which moves with unrelated edits.
 */
export function fingerprint(tool: string, v: Pick<Vulnerability, 'name' | 'cweId' | 'path' | 'method' | 'parameter'>): string {
  const parts = [tool, v.name.trim().toLowerCase(), String(v.cweId ?? ''), v.path ?? '', v.method ?? '', v.parameter ?? ''];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'finding';

const isHttpUrl = (text: string | undefined): boolean => text !== undefined && /^https?:\/\//i.test(text);

export function toFinding(v: Vulnerability, scanner: string, scannerType: string, isNew: boolean): Finding {
  const dast = scannerType === 'dast' || isHttpUrl(v.path);
  const finding: Finding = {
    id: fingerprint(scanner, v),
    ruleId: `${scanner}/${v.cweId !== undefined ? `cwe-${v.cweId}` : slug(v.name)}`,
    name: v.name,
    severity: v.severity,
    scanner,
    scannerType,
    isNew,
  };
  if (v.cweId !== undefined) finding.cweId = v.cweId;
  if (v.cweName !== undefined) finding.cweName = v.cweName;
  if (v.cvss !== undefined) finding.cvss = v.cvss;
  if (dast) {
    if (v.path !== undefined) finding.url = v.path;
    if (v.method !== undefined) finding.method = v.method;
    if (v.parameter !== undefined) finding.parameter = v.parameter;
  } else {
    if (v.path !== undefined) finding.path = v.path;
    if (v.line !== undefined) finding.line = v.line;
  }
  return finding;
}

/**
 * Mark findings new or existing. With a baseline (the merge target's findings), new means "not on the
 * target"; without one, the platform's status decides (anything but `new` is existing).
 */
export function classifyFindings(
  scanner: string,
  scannerType: string,
  current: readonly Vulnerability[],
  baseline: readonly Vulnerability[] | undefined,
): Finding[] {
  const known = baseline ? new Set(baseline.map((v) => fingerprint(scanner, v))) : undefined;
  const findings = current.map((v) =>
    toFinding(v, scanner, scannerType, known ? !known.has(fingerprint(scanner, v)) : v.status.toLowerCase() === 'new'),
  );
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  return findings.sort((a, b) => rank(a) - rank(b) || Number(b.isNew) - Number(a.isNew) || a.name.localeCompare(b.name));
}

export function countBySeverity(findings: readonly Finding[], filter: (f: Finding) => boolean = () => true): SeverityCounts {
  const counts = zeroCounts();
  for (const f of findings) if (filter(f)) counts[f.severity] += 1;
  return counts;
}

/** Most fixed findings kept in a result (they are listed, not gated on). */
export const MAX_FIXED_LISTED = 100;

/** Findings of the baseline (the merge target) that the current scan no longer has: fixed by the change. */
export function fixedFindings(
  scanner: string,
  scannerType: string,
  current: readonly Vulnerability[],
  baseline: readonly Vulnerability[],
): Finding[] {
  const present = new Set(current.map((v) => fingerprint(scanner, v)));
  const seen = new Set<string>();
  const fixed: Finding[] = [];
  for (const v of baseline) {
    const id = fingerprint(scanner, v);
    if (present.has(id) || seen.has(id)) continue;
    seen.add(id);
    fixed.push(toFinding(v, scanner, scannerType, false));
  }
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  return fixed.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
