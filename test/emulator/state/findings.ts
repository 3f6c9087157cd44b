/** Findings of a scan: resolved from the scenario per branch, counted, and scored. */
import { globMatch } from '../core/glob.js';
import type { ScenarioFinding, SeverityName } from '../scenario/schema.js';
import type { FindingRec, ScannerRec, Summary } from './types.js';

/** Platform severity numbers (4 critical .. 1 low); `info` is 0 [inference: the docs only list 1..4]. */
export const SEVERITY_NUMBER: Record<SeverityName, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function fingerprintOf(f: Omit<FindingRec, 'fingerprint'> & { fingerprint?: string }): string {
  return f.fingerprint ?? [f.name, f.path ?? '', f.line ?? '', f.method ?? '', f.parameter ?? ''].join('|');
}

export function toFindingRec(f: ScenarioFinding): FindingRec {
  const { fingerprint, ...rest } = f;
  return { ...rest, fingerprint: fingerprint ?? fingerprintOf(rest) };
}

/** Default findings, then the first branch entry whose globs match (replace, then add). */
export function scenarioFindings(scanner: ScannerRec, projectName: string, branch: string): FindingRec[] {
  let list = scanner.findings.default;
  const rule = scanner.findings.branches.find(
    (b) => globMatch(b.branch, branch) && (b.project === undefined || globMatch(b.project, projectName)),
  );
  if (rule !== undefined) list = [...(rule.replace ?? list), ...rule.add];
  return list.map(toFindingRec);
}

export function summarize(findings: readonly FindingRec[]): Summary {
  const summary: Summary = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

/** Risk score: 10 per critical + 5 per high + 2 per medium + 1 per low, capped at 100 (info adds nothing). */
export function riskScore(s: Summary): number {
  return Math.min(100, 10 * s.critical + 5 * s.high + 2 * s.medium + s.low);
}
