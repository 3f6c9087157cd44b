/**
 * The merge gate: pure functions from what a scan found to the reasons it passes or fails.
 * Every rule that was asked for is reported (passing ones too), in a fixed order, so that reports and JUnit
 * test cases are stable from run to run (the official CLI stops at the first failure, in random order).
 */
import { SEVERITIES, type Severity, type SeverityCounts } from '../api/types.js';
import { InternalError } from '../errors.js';
import type { GateReason, ReleaseSummary, RunStatus } from './result.js';

export interface GateSettings {
  thresholds: Partial<Record<Severity, number>>;
  newFindingsOnly: boolean;
  failOnRiskIncrease: boolean;
  warnOnly: boolean;
  /** `changed-only` applied: the counts are of the changed lines or files (and unlocated findings). */
  scope?: 'files' | 'lines';
}

export interface GateInput {
  /** Required by any threshold; absent when nothing was counted (release-only mode has no scan). */
  counts?: SeverityCounts;
  /** Required by a threshold under `newFindingsOnly`; unread otherwise. */
  newCounts?: SeverityCounts;
  /** Undefined when the risk rule is off. `previous` undefined means a first scan. */
  risk?: { current: number; previous?: number };
  /** Undefined when release criteria are off for this run. */
  release?: ReleaseSummary;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function evaluateGate(settings: GateSettings, input: GateInput): GateReason[] {
  const reasons: GateReason[] = [];
  const failOutcome = settings.warnOnly ? 'warn' : 'fail';
  const counts = settings.newFindingsOnly ? input.newCounts : input.counts;
  const limited = SEVERITIES.some((severity) => settings.thresholds[severity] !== undefined);
  // The caller reads what the thresholds count (scan-one: the scan's counts, and the split under new-findings-only);
  // a gate on unknown counts would be a guess, so a caller that did not is a bug.
  if (limited && counts === undefined) {
    throw new InternalError(`the gate has thresholds but the ${settings.newFindingsOnly ? 'new-findings ' : ''}counts were not read`);
  }
  const adjective = settings.newFindingsOnly ? 'new ' : '';
  const where = settings.scope === 'lines' ? ' on the changed lines' : settings.scope === 'files' ? ' in the changed files' : '';
  for (const severity of SEVERITIES) {
    const limit = settings.thresholds[severity];
    if (limit === undefined || counts === undefined) continue;
    const actual = counts[severity];
    const over = actual > limit;
    reasons.push({
      rule: `threshold-${severity}`,
      outcome: over ? failOutcome : 'pass',
      actual,
      limit,
      message: over
        ? `${plural(actual, `${adjective}${severity} finding`)}${where}, more than the allowed ${limit}`
        : `${plural(actual, `${adjective}${severity} finding`)}${where}, within the allowed ${limit}`,
    });
  }
  if (settings.failOnRiskIncrease && input.risk) {
    const { current, previous } = input.risk;
    if (previous === undefined) {
      reasons.push({ rule: 'risk-score', outcome: 'pass', actual: current, message: `risk score ${current} (first scan, nothing to compare)` });
    } else {
      const up = current > previous;
      reasons.push({
        rule: 'risk-score',
        outcome: up ? failOutcome : 'pass',
        actual: current,
        limit: previous,
        message: up ? `risk score rose from ${previous} to ${current}` : `risk score ${current} (previous ${previous})`,
      });
    }
  }
  if (input.release) {
    const failing = input.release.failingTypes;
    const failed = failing.length > 0;
    reasons.push({
      rule: 'release-criteria',
      outcome: failed ? failOutcome : 'pass',
      message: `${failed ? `release criteria fail for ${upper(failing)}` : releasePassMessage(input.release)}${
        // Thresholds then count new findings only, but the project's criteria judge every open finding.
        settings.newFindingsOnly ? '; release criteria judge all open findings, old ones too, even with new-findings-only (release-criteria off skips them)' : ''
      }`,
    });
  }
  return reasons;
}

const upper = (types: readonly string[]): string => types.map((t) => t.toUpperCase()).join(', ');

/** Why release criteria did not fail this run, saying so when other types fail outside its scope. */
function releasePassMessage(release: ReleaseSummary): string {
  const elsewhere = Object.entries(release.types)
    .filter(([, status]) => status === 'fail')
    .map(([type]) => type)
    .sort();
  if (elsewhere.length > 0) {
    return release.scope === 'types'
      ? `release criteria pass for the listed types (${upper(elsewhere)} fail outside the listed types)`
      : `release criteria pass for this scanner's type (${upper(elsewhere)} fail outside its scope)`;
  }
  if (release.status === '' || release.status === 'undefined') return 'no release criteria set on the project';
  return `release criteria: ${release.status}`;
}

/** The status a set of gate reasons gives. */
export function gateStatus(reasons: readonly GateReason[]): RunStatus {
  if (reasons.some((r) => r.outcome === 'fail')) return 'failed';
  if (reasons.some((r) => r.outcome === 'warn')) return 'warned';
  return 'passed';
}

/**
 * Which failing release types count for this run. `on`: all of them (and a bare overall `fail` too);
 * `scanner`: only the types of this run's scanners; a list: only those types.
 */
export function countedReleaseFailures(
  scope: { kind: 'on' } | { kind: 'scanner'; types: readonly string[] } | { kind: 'types'; types: readonly string[] },
  overall: string,
  perType: Record<string, string>,
): string[] {
  const failing = Object.entries(perType)
    .filter(([, status]) => status === 'fail')
    .map(([type]) => type)
    .sort();
  if (scope.kind === 'on') {
    // The platform can say `fail` without naming a type; under `on` that still fails, and says so.
    if (failing.length === 0 && overall === 'fail') return ['overall'];
    return failing;
  }
  const wanted = new Set(scope.types.map((t) => t.toLowerCase()));
  return failing.filter((t) => wanted.has(t));
}
