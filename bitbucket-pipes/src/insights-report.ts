/**
 * Code Insights content for one scanner: the report (verdict, counts, risk, link) and one annotation per
 * finding. Pure functions of the run result; `publish-insights.ts` sends them.
 *
 * The report id is stable for a project and scanner, so a re-run of the same commit replaces the report instead
 * of adding one, and two pipe steps scanning different projects of a monorepo do not overwrite each other.
 */
import { SEVERITIES, type Severity } from '../../shared/api/types.js';
import { countTotal, type Finding, type RunResult, type ScannerResult } from '../../shared/core/result.js';
import { cleanText, safeHttpUrl } from '../../shared/render/escape.js';
import { PRODUCT_ID, PRODUCT_NAME, repoPath, sha256Hex, slug, validLine } from '../../shared/render/format.js';
import { annotationExternalId, type InsightAnnotation, type InsightData, type InsightReport, type InsightResult, type InsightSeverity } from './bitbucket-api.js';

/** Bitbucket documents no limit for report ids; stay short enough for URLs and logs. */
const MAX_REPORT_ID = 100;

/** `invicti-appsec-<scanner>-<project>`, lower-case; a digest keeps long or clashing names apart. */
export function insightReportId(scanner: string, project: string | undefined): string {
  const parts = [PRODUCT_ID, slug(scanner), ...(project ? [slug(project)] : [])];
  const id = parts.join('-');
  // Slugging folds case and punctuation: add a digest when it lost anything, or when the id is too long.
  const exact = slug(scanner) === scanner && (project === undefined || slug(project) === project);
  if (exact && id.length <= MAX_REPORT_ID) return id;
  const digest = sha256Hex(`${scanner}\u0000${project ?? ''}`).slice(0, 8);
  return `${id.slice(0, MAX_REPORT_ID - 9)}-${digest}`;
}

const INSIGHT_SEVERITY: Record<Severity, InsightSeverity> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  // Code Insights has no informational level.
  info: 'LOW',
};

/**
 * The report verdict follows the gate: FAILED when a rule failed for this scanner (thresholds, release criteria,
 * or an error or timeout under a `fail` policy); PENDING for a scan started without waiting; PASSED otherwise.
 */
export function insightResult(scanner: ScannerResult): InsightResult {
  if (scanner.status === 'failed' || scanner.reasons.some((r) => r.outcome === 'fail')) return 'FAILED';
  if (scanner.status === 'skipped') return 'PENDING';
  return 'PASSED';
}

const VERDICT: Record<ScannerResult['status'], string> = {
  passed: 'Passed',
  failed: 'Gate failed',
  warned: 'Passed with warnings',
  error: 'Error',
  timeout: 'Timed out',
  skipped: 'Started without waiting',
};

function details(result: RunResult, scanner: ScannerResult): string {
  const lines = [`${VERDICT[scanner.status]}.`];
  const failing = [...scanner.reasons].sort((a, b) => Number(b.outcome === 'fail') - Number(a.outcome === 'fail'));
  for (const reason of failing) lines.push(`${reason.outcome === 'pass' ? '' : `${reason.outcome}: `}${reason.message}`);
  if (scanner.error && !scanner.reasons.some((r) => r.message === scanner.error)) lines.push(scanner.error);
  const where = scanner.targetBranch ? `${scanner.branch} -> ${scanner.targetBranch}` : scanner.branch;
  lines.push(`Project ${result.project.name || '(unknown)'}, branch ${where || '(unknown)'}.`);
  if (result.newFindingsOnly) lines.push('Thresholds count new findings only.');
  return cleanText(lines.join('\n'), true);
}

function data(scanner: ScannerResult): InsightData[] {
  const out: InsightData[] = [{ title: 'Status', type: 'TEXT', value: scanner.status }];
  const counts = scanner.counts;
  // No finished scan, nothing counted: one line that says so, not four zeros that read as a clean scan.
  if (counts === undefined) {
    out.push({ title: 'Findings', type: 'TEXT', value: 'not known (no finished scan)' });
  } else {
    for (const severity of SEVERITIES.slice(0, 4)) {
      out.push({ title: severity.charAt(0).toUpperCase() + severity.slice(1), type: 'NUMBER', value: counts[severity] });
    }
  }
  if (scanner.newCounts) out.push({ title: 'New findings', type: 'NUMBER', value: countTotal(scanner.newCounts) });
  if (scanner.riskScore !== undefined) out.push({ title: 'Risk score', type: 'NUMBER', value: scanner.riskScore });
  const scan = safeHttpUrl(scanner.links.scan ?? scanner.links.event);
  if (scan) out.push({ title: 'Scan', type: 'LINK', value: { text: 'Open in Invicti AppSec', href: scan } });
  return out;
}

/** The report of one scanner. `link` prefers the platform scan, then the project, then the pipeline run. */
export function scannerReport(result: RunResult, scanner: ScannerResult, jobUrl?: string): InsightReport {
  const link = [scanner.links.scan, scanner.links.event, scanner.links.project, result.project.link, jobUrl]
    .map(safeHttpUrl)
    .find((u) => u !== undefined);
  return {
    title: cleanText(`${PRODUCT_NAME}: ${scanner.scanner}`),
    details: details(result, scanner),
    result: insightResult(scanner),
    reporter: PRODUCT_NAME,
    ...(link ? { link } : {}),
    data: data(scanner),
  };
}

/**
 * The report of a run that broke before any scanner reported (platform unreachable, token refused): one per
 * scanner asked for, so that a stale PASSED from an earlier run of the same commit does not stay.
 */
export function errorReport(result: RunResult, scanner: string, jobUrl?: string): InsightReport {
  const link = safeHttpUrl(jobUrl ?? result.reportUrl);
  return {
    title: cleanText(`${PRODUCT_NAME}: ${scanner}`),
    details: cleanText(result.summary, true),
    result: result.exitCode === 0 ? 'PASSED' : 'FAILED',
    reporter: PRODUCT_NAME,
    ...(link ? { link } : {}),
    data: [{ title: 'Status', type: 'TEXT', value: result.status }],
  };
}

/** A file path Bitbucket can place in the diff: relative, no scheme, no spaces (container layers have both). */
function annotationPath(finding: Finding): string | undefined {
  if (finding.url !== undefined || finding.path === undefined) return undefined;
  const path = repoPath(finding.path);
  return path !== '' && !/[\s:]/.test(path) && !path.split('/').includes('..') ? path : undefined;
}

function annotationDetails(finding: Finding): string {
  const lines = [`Severity: ${finding.severity}${finding.isNew ? ' (new in this branch)' : ''}.`];
  if (finding.cweId !== undefined) lines.push(`CWE-${finding.cweId}${finding.cweName ? `: ${finding.cweName}` : ''}.`);
  if (finding.cvss !== undefined) lines.push(`CVSS ${finding.cvss}.`);
  if (finding.url !== undefined) {
    const target = [finding.method, finding.url].filter((p) => p !== undefined && p !== '').join(' ');
    lines.push(`Target: ${target}${finding.parameter ? `, parameter ${finding.parameter}` : ''}.`);
  } else if (finding.path !== undefined && annotationPath(finding) === undefined) {
    lines.push(`Location: ${finding.path}${validLine(finding.line) ? `:${finding.line}` : ''}.`);
  }
  return cleanText(lines.join('\n'), true);
}

/** One annotation per finding, keyed by the finding's stable id so re-posting replaces rather than adds. */
export function scannerAnnotations(scanner: ScannerResult): InsightAnnotation[] {
  return scanner.findings.map((finding) => {
    const path = annotationPath(finding);
    const line = validLine(finding.line);
    const link = safeHttpUrl(finding.link);
    const cwe = finding.cweId !== undefined ? ` (CWE-${finding.cweId})` : '';
    return {
      externalId: annotationExternalId(scanner.scanner, finding.id),
      summary: cleanText(`${finding.isNew ? 'New: ' : ''}${finding.name}${cwe}`),
      details: annotationDetails(finding),
      severity: INSIGHT_SEVERITY[finding.severity] ?? 'LOW',
      ...(path ? { path } : {}),
      ...(path && line ? { line } : {}),
      ...(link ? { link } : {}),
      ...(finding.inChange ? { inChange: true } : {}),
    };
  });
}
