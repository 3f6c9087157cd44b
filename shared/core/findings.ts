/**
 * Findings of a finished scan: fetched page by page (bounded), turned into renderer-ready `Finding`s, and
 * marked new or existing against a baseline (the merge target's findings for a PR/MR, else the platform's own
 * new/recurrent status, which compares with the previous scan of the same branch).
 */
import { createHash } from 'node:crypto';
import { SEVERITIES, type PlatformApi, type SeverityCounts, type Vulnerability } from '../api/types.js';
import { zeroCounts, type Finding } from './result.js';

export const FINDINGS_PAGE_SIZE = 100;
/** More than this per scanner is not fetched; counts still come from the scan summary. */
export const MAX_FINDINGS_PER_SCANNER = 10_000;

export interface FetchedFindings {
  items: Vulnerability[];
  total: number;
  truncated: boolean;
}

export async function fetchFindings(
  api: PlatformApi,
  projectId: string,
  query: { branch: string; tool: string },
  cap = MAX_FINDINGS_PER_SCANNER,
): Promise<FetchedFindings> {
  const items: Vulnerability[] = [];
  let total = 0;
  for (let start = 0; items.length < cap; start += FINDINGS_PAGE_SIZE) {
    const page = await api.listVulnerabilities(projectId, { branch: query.branch, toolName: query.tool, start, limit: FINDINGS_PAGE_SIZE });
    total = page.total;
    items.push(...page.items.slice(0, cap - items.length));
    if (page.items.length === 0 || start + page.items.length >= page.total) break;
  }
  return { items, total: Math.max(total, items.length), truncated: items.length < total };
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
