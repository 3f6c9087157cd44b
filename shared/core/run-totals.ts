/**
 * A run's figures as single values, for CI outputs (GitHub step outputs, GitLab dotenv): counts summed over the
 * scanners, the highest risk score, the release status, the one link to follow.
 */
import { gatedReleaseStatus } from './release.js';
import { SEVERITIES, type SeverityCounts } from '../api/types.js';
import { safeHttpUrl } from '../render/escape.js';
import { countTotal, zeroCounts, type RunResult } from './result.js';

export interface RunTotals {
  counts: SeverityCounts;
  /** Undefined when a scanner's new/existing split was not read (nothing asked for it): unknown, not zero. */
  newCounts?: SeverityCounts;
  total: number;
  newTotal?: number;
  /** PR/MR runs: findings of the target branch fixed by the change; undefined when not known. */
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

export function runTotals(result: RunResult): RunTotals {
  const counts = zeroCounts();
  const newCounts: SeverityCounts | undefined = result.scanners.every((s) => s.newCounts !== undefined) ? zeroCounts() : undefined;
  for (const s of result.scanners) {
    for (const sev of SEVERITIES) {
      counts[sev] += s.counts[sev];
      if (newCounts && s.newCounts) newCounts[sev] += s.newCounts[sev];
    }
  }
  const scores = result.scanners.map((s) => s.riskScore).filter((n): n is number => n !== undefined && Number.isFinite(n));
  const statuses = result.scanners.map((s) => gatedReleaseStatus(s.release)).filter((s) => s !== '');
  const scanLinks = result.scanners.map((s) => safeHttpUrl(s.links.scan)).filter((l): l is string => l !== undefined);
  const present = (v: string | undefined): v is string => v !== undefined && v !== '';
  const fixed = result.scanners.map((s) => s.fixedCounts).filter((c): c is SeverityCounts => c !== undefined);
  return {
    counts,
    ...(newCounts ? { newCounts, newTotal: countTotal(newCounts) } : {}),
    total: countTotal(counts),
    ...(fixed.length > 0 ? { fixedTotal: fixed.reduce((n, c) => n + countTotal(c), 0) } : {}),
    ...(scores.length > 0 ? { riskScore: Math.max(...scores) } : {}),
    releaseStatus: statuses.includes('fail') ? 'fail' : (statuses[0] ?? ''),
    reportUrl: (result.scanners.length === 1 && scanLinks.length === 1 ? scanLinks[0] : safeHttpUrl(result.project.link)) ?? '',
    eventIds: result.scanners.map((s) => s.eventId).filter(present),
    scanIds: result.scanners.map((s) => s.scanId).filter(present),
  };
}
