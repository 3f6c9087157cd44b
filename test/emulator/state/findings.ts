/** Findings of a scan: resolved from the scenario per branch, and scored (counted in `finding-index.ts`). */
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

/** Resolved lists per scanner and rule (-1: the default list), shared by every scan that resolves to them. */
const resolved = new WeakMap<ScannerRec, Map<number, readonly FindingRec[]>>();

/**
 * Default findings, then the first branch entry whose globs match (replace, then add). The list is resolved once
 * per scanner and rule and shared (read-only) by the scans: finishing a scan of 100,000 findings costs nothing
 * more than one of 10, and a rescan's list is the previous scan's own array (see `finding-index.ts`).
 */
export function scenarioFindings(scanner: ScannerRec, projectName: string, branch: string): readonly FindingRec[] {
  const index = scanner.findings.branches.findIndex(
    (b) => globMatch(b.branch, branch) && (b.project === undefined || globMatch(b.project, projectName)),
  );
  let lists = resolved.get(scanner);
  if (lists === undefined) resolved.set(scanner, (lists = new Map<number, readonly FindingRec[]>()));
  let list = lists.get(index);
  if (list === undefined) {
    const rule = scanner.findings.branches[index];
    const source = rule === undefined ? scanner.findings.default : [...(rule.replace ?? scanner.findings.default), ...rule.add];
    lists.set(index, (list = source.map(toFindingRec)));
  }
  return list;
}

/** Risk score: 10 per critical + 5 per high + 2 per medium + 1 per low, capped at 100 (info adds nothing). */
export function riskScore(s: Summary): number {
  return Math.min(100, 10 * s.critical + 5 * s.high + 2 * s.medium + s.low);
}
