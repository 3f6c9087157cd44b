/**
 * One decision from several scanners' results: the overall status and the exit code.
 * An error or timeout under a `fail` policy (exit 3) outranks a failed gate (exit 1): a pipeline that lets
 * exit 1 through (`allow_failure: exit_codes: [1]`) must not also let a broken run through.
 */
import { EXIT_CODES, type ExitCode } from '../errors.js';
import type { RunStatus, ScannerResult } from './result.js';

const STATUS_ORDER: readonly RunStatus[] = ['error', 'timeout', 'failed', 'warned', 'passed', 'skipped'];

export function combinedStatus(results: readonly ScannerResult[]): RunStatus {
  if (results.length === 0) return 'skipped';
  if (results.every((r) => r.status === 'skipped')) return 'skipped';
  for (const status of STATUS_ORDER) if (results.some((r) => r.status === status)) return status;
  return 'passed';
}

export function combinedExitCode(results: readonly ScannerResult[]): ExitCode {
  const brokenAndFailing = results.some(
    (r) => (r.status === 'error' || r.status === 'timeout') && r.reasons.some((reason) => reason.outcome === 'fail'),
  );
  if (brokenAndFailing) return EXIT_CODES.platform;
  if (results.some((r) => r.status === 'failed')) return EXIT_CODES.gateFailed;
  return EXIT_CODES.passed;
}

/** A one-line summary: the failing reasons first, else the overall status. */
export function summarize(results: readonly ScannerResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const bad = r.reasons.filter((reason) => reason.outcome !== 'pass');
    if (bad.length > 0) lines.push(`${r.scanner}: ${bad.map((b) => b.message).join('; ')}`);
  }
  const status = combinedStatus(results);
  return lines.length > 0 ? `${status}: ${lines.join(' | ')}` : `${status}: ${results.map((r) => `${r.scanner} ${r.status}`).join(', ') || 'nothing to do'}`;
}
