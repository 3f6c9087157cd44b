/**
 * The structured result of a run: what the core returns and every renderer and adapter consumes.
 * Plain data (JSON-serialisable), so it is also the `--output-json` format.
 */
import { SEVERITIES, type Severity, type SeverityCounts } from '../api/types.js';

/** Overall or per-scanner outcome. */
export type RunStatus = 'passed' | 'failed' | 'warned' | 'error' | 'timeout' | 'skipped';

/** What one gate rule concluded. `fail` under warn-only mode is reported as `warn`. */
export type RuleOutcome = 'pass' | 'fail' | 'warn';

export type GateRule =
  | 'threshold-critical'
  | 'threshold-high'
  | 'threshold-medium'
  | 'threshold-low'
  | 'threshold-info'
  | 'risk-score'
  | 'release-criteria'
  | 'timeout'
  | 'error';

export interface GateReason {
  rule: GateRule;
  outcome: RuleOutcome;
  /** One sentence, e.g. "3 new critical findings, more than the allowed 0". */
  message: string;
  actual?: number;
  limit?: number;
}

/** A finding as renderers see it. Every string here came from a scanner: untrusted, escape on output. */
export interface Finding {
  /** Stable across runs: the platform's id, or a fingerprint of tool, rule, location. */
  id: string;
  /** Stable rule id for SARIF (`<tool>/<cwe or name slug>`). */
  ruleId: string;
  name: string;
  severity: Severity;
  scanner: string;
  scannerType: string;
  isNew: boolean;
  cweId?: number;
  cweName?: string;
  cvss?: number;
  /** SAST/SCA: file path relative to the repository root. */
  path?: string;
  line?: number;
  /** DAST: target URL, HTTP method and parameter. */
  url?: string;
  method?: string;
  parameter?: string;
  link?: string;
  /** With `changed-only`: the finding is on the lines (or in the files) the change touched. */
  inChange?: boolean;
}

/** How `changed-only` scoped one scanner's gate. */
export interface ScopeSummary {
  mode: 'files' | 'lines';
  /** Where the diff came from. */
  source: string;
  /** Located findings in the change (counted). */
  inChange: number;
  /** Located findings outside the change (not counted). */
  outside: number;
  /** Findings without a file location (DAST, API): counted as without the scope. */
  unlocated: number;
  /** The platform had more findings than were fetched; only the fetched ones were placed. */
  partial?: true;
}

/** The run's `changed-only` setting and what came of it. */
export interface ChangeScope {
  mode: 'files' | 'lines';
  applied: boolean;
  /** Where the diff came from, or why the gate was not scoped. */
  detail: string;
  /** Files the change touched, when applied. */
  files?: number;
}

export interface ReleaseSummary {
  status: string;
  /** Per release type (`sast`, `dast`, ...): `success`, `fail`, `undefined` or ``. */
  types: Record<string, string>;
  /** Types whose failure counted for this gate (after the release-criteria scope). */
  failingTypes: string[];
  /** Which types the gate looked at: all (`on`), the run's scanner types, or a listed set. */
  scope?: 'on' | 'scanner' | 'types';
}

export interface ScannerResult {
  scanner: string;
  scannerType: string;
  status: RunStatus;
  /** How the scan came about. */
  mode: 'rescan' | 'create' | 'pr' | 'compare' | 'import' | 'image' | 'release' | 'wait';
  branch: string;
  targetBranch?: string;
  /** Set when scanner-type chose this scanner: why (`last scanned on main 2 days ago`). */
  chosenBecause?: string;
  eventId?: string;
  scanId?: string;
  /**
   * Findings per severity, from the finished scan's summary. Undefined when the scanner produced no finished scan
   * (an error or a timeout before it was read, a scan started without waiting, the release-only mode): nothing
   * was counted, and unknown is not zero. Every renderer shows it as unknown, and the run's totals are unknown too.
   */
  counts?: SeverityCounts;
  /**
   * Findings new in this scan (not on the target, for a PR/MR). Undefined when not read: nothing the run shows
   * or gates on needed the split (`FindingsNeed.newCounts`), and unknown is not zero.
   */
  newCounts?: SeverityCounts;
  /** PR/MR runs: findings on the target branch and gone from the source branch ("fixed by this change"). */
  fixedCounts?: SeverityCounts;
  /** The fixed findings themselves, most severe first (bounded). */
  fixedFindings?: Finding[];
  /** Set when `changed-only` scoped this scanner's gate. */
  scope?: ScopeSummary;
  riskScore?: number;
  previousRiskScore?: number;
  release?: ReleaseSummary;
  reasons: GateReason[];
  /** Findings, most severe first; may be fewer than the counts (bounded fetch). */
  findings: Finding[];
  findingsTruncated: boolean;
  links: { scan?: string; event?: string; project?: string };
  timings: { startedAt: string; finishedAt: string; durationMs: number };
  /** Set when status is `error` or `timeout`: a secret-free message. */
  error?: string;
  /** How the scan was chosen when it differs from what the settings named (a comparison with the default branch). */
  note?: string;
}

export interface RunResult {
  status: RunStatus;
  /** The exit code the adapters use (see `EXIT_CODES`). */
  exitCode: number;
  project: { id: string; name: string; link?: string };
  branch: string;
  targetBranch?: string;
  pullRequest?: string;
  scanners: ScannerResult[];
  /** Reasons across scanners for the combined decision, failing first. */
  summary: string;
  warnOnly: boolean;
  newFindingsOnly: boolean;
  /** Set when `changed-only` is on. */
  changedOnly?: ChangeScope;
  startedAt: string;
  finishedAt: string;
  /** Where to read the full report (platform project page or CI job page). */
  reportUrl?: string;
  /** Version of this tool, for reports. */
  toolVersion: string;
}

export const zeroCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

/** All severities together (a severity left out counts 0). */
export const countTotal = (counts: Partial<SeverityCounts>): number => SEVERITIES.reduce((sum, sev) => sum + (counts[sev] ?? 0), 0);
