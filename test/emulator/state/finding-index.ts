/**
 * Indexes over findings lists, so that a `vulnerabilities` page costs what the page holds, not what the project
 * holds (as a platform answering from an indexed database does).
 *
 * Why this is cheap: a scenario scanner's findings list is resolved once and shared by every scan of it (see
 * `scenarioFindings`), so a rescan's list is the very same array as the previous scan's. Then nothing is new, no
 * fingerprint set is needed, and the severity groups are the list's own, built once per list. Only lists that
 * really differ (an import, a branch rule) are compared finding by finding, once per pair of scans.
 */
import type { SeverityName } from '../scenario/schema.js';
import { SEVERITY_NUMBER } from './findings.js';
import type { FindingRec, ScanRec, Summary } from './types.js';

type List = readonly FindingRec[];
/** Severity number (4 critical .. 0 info) -> the list's findings of it, in list order. */
export type SeverityGroups = ReadonlyMap<number, readonly FindingRec[]>;

const groupsOf = new WeakMap<List, SeverityGroups>();
const printsOf = new WeakMap<List, ReadonlySet<string>>();

function group(list: List): Map<number, FindingRec[]> {
  const groups = new Map<number, FindingRec[]>();
  for (const f of list) {
    const n = SEVERITY_NUMBER[f.severity];
    const g = groups.get(n);
    if (g === undefined) groups.set(n, [f]);
    else g.push(f);
  }
  return groups;
}

export function severityGroups(list: List): SeverityGroups {
  let groups = groupsOf.get(list);
  if (groups === undefined) groupsOf.set(list, (groups = group(list)));
  return groups;
}

/** Counts per severity: the sizes of the list's severity groups (built once per list). */
export function summarize(list: List): Summary {
  const groups = severityGroups(list);
  const count = (severity: SeverityName): number => groups.get(SEVERITY_NUMBER[severity])?.length ?? 0;
  return { critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low'), info: count('info') };
}

export function fingerprints(list: List): ReadonlySet<string> {
  let prints = printsOf.get(list);
  if (prints === undefined) printsOf.set(list, (prints = new Set(list.map((f) => f.fingerprint))));
  return prints;
}

/** Whether `f` (a finding of `scan`) was absent from `previous`, the scan before it of the same tool and branch. */
export function isNewIn(scan: ScanRec, previous: ScanRec | undefined, f: FindingRec): boolean {
  if (previous === undefined) return true;
  if (previous.findings === scan.findings) return false;
  return !fingerprints(previous.findings).has(f.fingerprint);
}

const splits = new WeakMap<ScanRec, { previousId: string; new: SeverityGroups; recurrent: SeverityGroups }>();
const NONE: SeverityGroups = new Map();

/**
 * A scan's new (or recurrent) findings by severity, against `previous`. No work when there is no previous scan or
 * when it shares the scan's list (a rescan); otherwise the split is made once per scan and kept.
 */
export function byStatus(scan: ScanRec, previous: ScanRec | undefined, status: 'new' | 'recurrent'): SeverityGroups {
  if (previous === undefined) return status === 'new' ? severityGroups(scan.findings) : NONE;
  if (previous.findings === scan.findings) return status === 'new' ? NONE : severityGroups(scan.findings);
  let split = splits.get(scan);
  if (split?.previousId !== previous.id) {
    const prints = fingerprints(previous.findings);
    split = {
      previousId: previous.id,
      new: group(scan.findings.filter((f) => !prints.has(f.fingerprint))),
      recurrent: group(scan.findings.filter((f) => prints.has(f.fingerprint))),
    };
    splits.set(scan, split);
  }
  return split[status];
}

/** The date of the oldest scan of `history` (newest first, as `projectScans` lists) that holds `f`. */
export function firstSeen(history: readonly ScanRec[], scan: ScanRec, f: FindingRec): number {
  for (let i = history.length - 1; i >= 0; i--) {
    const s = history[i]!;
    // `f` is an element of the scan's own list, so a scan sharing that list holds it without a lookup.
    if (s.findings === scan.findings || fingerprints(s.findings).has(f.fingerprint)) return s.date;
  }
  return scan.date;
}
