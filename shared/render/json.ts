/**
 * The `--output-json` document: the run result as data, with a `schemaVersion` so consumers can tell
 * layouts apart. Fields are copied explicitly, in a fixed order, so the document neither changes shape with
 * how the core happened to build its objects nor carries anything the core attached beyond `RunResult`.
 * Bump `JSON_SCHEMA_VERSION` on any incompatible change (a removed or retyped field).
 */
import type { SeverityCounts } from '../api/types.js';
import type { Finding, GateReason, RunResult, ScannerResult } from '../core/result.js';
import { gatedReleaseStatus } from '../core/release.js';

/** 2: a scanner's `counts` is left out when it has no finished scan (unknown), as `newCounts` is when not read. */
export const JSON_SCHEMA_VERSION = 2;

/** Drops keys whose value is undefined, so optional fields are absent rather than `null`-ish. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const counts = (c: SeverityCounts): SeverityCounts => ({
  critical: c.critical,
  high: c.high,
  medium: c.medium,
  low: c.low,
  info: c.info,
});

const reason = (r: GateReason): GateReason =>
  compact({ rule: r.rule, outcome: r.outcome, message: r.message, actual: r.actual, limit: r.limit });

const finding = (f: Finding): Finding =>
  compact({
    id: f.id,
    ruleId: f.ruleId,
    name: f.name,
    severity: f.severity,
    scanner: f.scanner,
    scannerType: f.scannerType,
    isNew: f.isNew,
    cweId: f.cweId,
    cweName: f.cweName,
    cvss: f.cvss,
    path: f.path,
    line: f.line,
    url: f.url,
    method: f.method,
    parameter: f.parameter,
    link: f.link,
    inChange: f.inChange,
  });

/**
 * A scanner in the report. `releaseStatus` is the release status as this scanner's gate line reads it (as in
 * the CI outputs); `release.status` stays the project's overall status, which may fail on other types.
 */
type JsonScanner = ScannerResult & { releaseStatus?: string };

const scanner = (s: ScannerResult): JsonScanner =>
  compact({
    scanner: s.scanner,
    scannerType: s.scannerType,
    status: s.status,
    mode: s.mode,
    branch: s.branch,
    targetBranch: s.targetBranch,
    eventId: s.eventId,
    scanId: s.scanId,
    counts: s.counts === undefined ? undefined : counts(s.counts),
    newCounts: s.newCounts === undefined ? undefined : counts(s.newCounts),
    fixedCounts: s.fixedCounts === undefined ? undefined : counts(s.fixedCounts),
    fixedFindings: s.fixedFindings?.map(finding),
    scope: s.scope === undefined ? undefined : { ...s.scope },
    chosenBecause: s.chosenBecause,
    riskScore: s.riskScore,
    previousRiskScore: s.previousRiskScore,
    releaseStatus: s.release === undefined ? undefined : gatedReleaseStatus(s.release),
    release:
      s.release === undefined
        ? undefined
        : { status: s.release.status, types: { ...s.release.types }, failingTypes: [...s.release.failingTypes] },
    reasons: s.reasons.map(reason),
    findings: s.findings.map(finding),
    findingsTruncated: s.findingsTruncated,
    links: compact({ scan: s.links.scan, event: s.links.event, project: s.links.project }),
    timings: { startedAt: s.timings.startedAt, finishedAt: s.timings.finishedAt, durationMs: s.timings.durationMs },
    error: s.error,
    note: s.note,
  });

export type JsonReport = { schemaVersion: number } & RunResult;

/** The report as an object (for callers that embed it). */
export function toJsonReport(result: RunResult): JsonReport {
  return compact({
    schemaVersion: JSON_SCHEMA_VERSION,
    status: result.status,
    exitCode: result.exitCode,
    project: compact({ id: result.project.id, name: result.project.name, link: result.project.link }),
    branch: result.branch,
    targetBranch: result.targetBranch,
    pullRequest: result.pullRequest,
    scanners: result.scanners.map(scanner),
    summary: result.summary,
    warnOnly: result.warnOnly,
    newFindingsOnly: result.newFindingsOnly,
    changedOnly: result.changedOnly === undefined ? undefined : { ...result.changedOnly },
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    reportUrl: result.reportUrl,
    toolVersion: result.toolVersion,
  });
}

/** Pretty JSON with a trailing newline. */
export function renderJson(result: RunResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

/**
 * The text of a machine-read report file (SARIF, GitLab security reports): compact JSON and a final newline.
 * Indentation would double a 100,000-finding SARIF file (95 MB to about 60) for no reader that needs it.
 */
export function reportFileText(report: unknown): string {
  return `${JSON.stringify(report)}\n`;
}
