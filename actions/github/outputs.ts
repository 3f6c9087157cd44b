/**
 * Step outputs: declared once here (action.yml and the docs are checked against this list) and computed from
 * the run's result. Every output is always set, empty when it does not apply, so that workflow expressions
 * never have to tell "unset" from "empty".
 */
import { gatedReleaseStatus } from '../../shared/core/release.js';
import { SEVERITIES, type Severity } from '../../shared/api/types.js';
import { outputNumber, runTotals } from '../../shared/core/run-totals.js';
import type { RunResult, RunStatus } from '../../shared/core/result.js';
import type { ActionsToolkit } from './toolkit.js';

/** Output id → description, in the order action.yml lists them. */
export const ACTION_OUTPUTS = {
  status: 'Outcome of the run: passed, failed, warned, error, timeout or skipped (async runs).',
  'exit-code': 'Exit code of the step: 0 passed or warned, 1 gate failed, 2 configuration error, 3 platform error or timeout.',
  summary: 'One-line decision with the reasons.',
  'event-id': 'Platform event IDs of the scans, comma-separated (pass them to event-id with mode wait).',
  'scan-id': 'Platform scan IDs, comma-separated.',
  critical: 'Critical findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  high: 'High findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  medium: 'Medium findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  low: 'Low findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  info: 'Informational findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  total: 'All findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  'new-critical': 'Critical findings new in this scan; empty when not known for every scanner.',
  'new-high': 'High findings new in this scan; empty when not known for every scanner.',
  'new-medium': 'Medium findings new in this scan; empty when not known for every scanner.',
  'new-low': 'Low findings new in this scan; empty when not known for every scanner.',
  'new-info': 'Informational findings new in this scan; empty when not known for every scanner.',
  'new-total': 'All findings new in this scan; empty when not known for every scanner.',
  'fixed-total': 'Pull request runs: findings of the target branch that this change fixes; empty when not known for every scanner.',
  'risk-score': 'Risk score of the scan (the highest of the scanners); empty when the platform gave none.',
  'release-status': "Release criteria status as the gate read it, success or fail (fail when a failure counted for one of this run's scanners, see release-criteria); empty when not evaluated.",
  'report-url': 'Link to the project (or, with one scanner, the scan) in Invicti ASPM.',
  'sarif-file': 'Path of the SARIF file written (input sarif); empty when none was written.',
  'comment-url': 'Link to the pull request comment; empty when none was written.',
  scanners: 'Per-scanner results as JSON: scanner, type, status, event and scan IDs, counts, new counts, risk score, release status, link.',
} as const;

export type OutputName = keyof typeof ACTION_OUTPUTS;
export const OUTPUT_NAMES = Object.keys(ACTION_OUTPUTS) as OutputName[];

export interface OutputExtras {
  sarifFile?: string;
  commentUrl?: string;
}

/** Every output for a finished run. */
export function actionOutputs(result: RunResult, extras: OutputExtras = {}): Record<OutputName, string> {
  const t = runTotals(result);
  // Empty, as any output that does not apply, when a scanner's counts are unknown (`runTotals` says why).
  const counts = Object.fromEntries(SEVERITIES.map((sev) => [sev, outputNumber(t.counts?.[sev])])) as Record<Severity, string>;
  // The GitHub packaging always reads the split (`reads.newCounts`); empty, as any output that does not apply, if not.
  const fresh = Object.fromEntries(SEVERITIES.map((sev) => [`new-${sev}`, outputNumber(t.newCounts?.[sev])])) as Record<`new-${Severity}`, string>;
  const scanners = result.scanners.map((s) => ({
    scanner: s.scanner,
    type: s.scannerType,
    status: s.status,
    eventId: s.eventId ?? '',
    scanId: s.scanId ?? '',
    counts: s.counts,
    newCounts: s.newCounts,
    ...(s.fixedCounts ? { fixedCounts: s.fixedCounts } : {}),
    riskScore: s.riskScore ?? null,
    releaseStatus: gatedReleaseStatus(s.release),
    link: s.links.scan ?? s.links.event ?? '',
  }));
  return {
    status: result.status,
    'exit-code': String(result.exitCode),
    summary: result.summary,
    'event-id': t.eventIds.join(','),
    'scan-id': t.scanIds.join(','),
    ...counts,
    total: outputNumber(t.total),
    ...fresh,
    'new-total': outputNumber(t.newTotal),
    'fixed-total': outputNumber(t.fixedTotal),
    'risk-score': outputNumber(t.riskScore),
    'release-status': t.releaseStatus,
    'report-url': t.reportUrl,
    'sarif-file': extras.sarifFile ?? '',
    'comment-url': extras.commentUrl ?? '',
    scanners: JSON.stringify(scanners),
  };
}

/** The outputs of a run that never got a result (a configuration error): status and exit code, the rest empty. */
export function failedOutputs(status: RunStatus, exitCode: number, summary: string): Record<OutputName, string> {
  const empty = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, ''])) as Record<OutputName, string>;
  return { ...empty, status, 'exit-code': String(exitCode), summary, scanners: '[]' };
}

/** Sets every output on the step. */
export function setOutputs(toolkit: ActionsToolkit, outputs: Record<OutputName, string>): void {
  for (const [name, value] of Object.entries(outputs)) toolkit.setOutput(name, value);
}
