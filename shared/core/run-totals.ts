/**
 * A run's figures as single values, for CI outputs (GitHub step outputs, GitLab dotenv): counts summed over the
 * scanners (unknown when any scanner's are), the highest risk score, the release status, the one link to follow.
 */
import { gatedReleaseStatus } from './release.js';
import { SEVERITIES, type SeverityCounts } from '../api/types.js';
import { safeHttpUrl } from '../render/escape.js';
import { countTotal, zeroCounts, type RunResult } from './result.js';

export interface RunTotals {
  /**
   * Summed over the scanners; undefined when any scanner's counts are unknown (no finished scan: an error, a
   * timeout, a scan started without waiting, release-only mode) or no scanner reported. Not the sum over the
   * known ones: a script reading `critical=0` could not tell "clean" from "one scanner was not counted", while an
   * empty value is what every other output gives when it does not know (`new-*`, `fixed-total`, `risk-score`), and
   * it stops a numeric test (`[ "$X" -gt 0 ]`, `fromJSON('')`) instead of passing it. Per-scanner counts stay in
   * the reports and the `scanners` output.
   */
  counts?: SeverityCounts;
  /** Undefined when a scanner's new/existing split was not read (nothing asked for it, or no finished scan). */
  newCounts?: SeverityCounts;
  total?: number;
  newTotal?: number;
  /** PR/MR runs: findings of the target branch fixed by the change; undefined when not known for every scanner. */
  fixedTotal?: number;
  /** The highest of the scanners' scores; undefined when the platform gave none. */
  riskScore?: number;
  /** `fail` when any scanner's release criteria failed, else the first evaluated status; `` when none. */
  releaseStatus: string;
  /** The scan page with one scanner, else the project page (http(s) only); `` when none. */
  reportUrl: string;
  eventIds: string[];
  scanIds: string[];
}

/** The sum of every scanner's counts; undefined when there are none or any is unknown (one rule for all totals). */
function sumAll(each: readonly (SeverityCounts | undefined)[]): SeverityCounts | undefined {
  if (each.length === 0) return undefined;
  const sum = zeroCounts();
  for (const counts of each) {
    if (counts === undefined) return undefined;
    for (const sev of SEVERITIES) sum[sev] += counts[sev];
  }
  return sum;
}

/** A figure as a CI output (GitHub step output, GitLab dotenv): empty when it is not known, never a made-up 0. */
export const outputNumber = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function runTotals(result: RunResult): RunTotals {
  const counts = sumAll(result.scanners.map((s) => s.counts));
  const newCounts = sumAll(result.scanners.map((s) => s.newCounts));
  const scores = result.scanners.map((s) => s.riskScore).filter((n): n is number => n !== undefined && Number.isFinite(n));
  const statuses = result.scanners.map((s) => gatedReleaseStatus(s.release)).filter((s) => s !== '');
  const scanLinks = result.scanners.map((s) => safeHttpUrl(s.links.scan)).filter((l): l is string => l !== undefined);
  const present = (v: string | undefined): v is string => v !== undefined && v !== '';
  const fixed = sumAll(result.scanners.map((s) => s.fixedCounts));
  return {
    ...(counts ? { counts, total: countTotal(counts) } : {}),
    ...(newCounts ? { newCounts, newTotal: countTotal(newCounts) } : {}),
    ...(fixed ? { fixedTotal: countTotal(fixed) } : {}),
    ...(scores.length > 0 ? { riskScore: Math.max(...scores) } : {}),
    releaseStatus: statuses.includes('fail') ? 'fail' : (statuses[0] ?? ''),
    reportUrl: (result.scanners.length === 1 && scanLinks.length === 1 ? scanLinks[0] : safeHttpUrl(result.project.link)) ?? '',
    eventIds: result.scanners.map((s) => s.eventId).filter(present),
    scanIds: result.scanners.map((s) => s.scanId).filter(present),
  };
}
