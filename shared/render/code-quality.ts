/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of CodeClimate-style issues.
 * The MR widget links every issue to a file of the repository, so only findings with a file path are
 * listed: DAST findings (a URL, no file) are left out rather than given an invented path; they are in the
 * DAST report, the SARIF log and the comment.
 */
import type { Severity } from '../api/types.js';
import type { RunResult } from '../core/result.js';
import { cleanText, truncate } from './escape.js';
import { compareFindings, repoPath, sha256Hex, validLine } from './format.js';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  /** sha256 hex of scanner and finding id: stable across runs, unique within the report. */
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {
  critical: 'blocker',
  high: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info',
};

export function renderCodeQuality(result: RunResult): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  const seen = new Set<string>();
  const findings = result.scanners.flatMap((s) => s.findings.map((f) => ({ f, scanner: s.scanner })));
  findings.sort((a, b) => compareFindings(a.f, b.f));
  for (const { f, scanner } of findings) {
    const path = repoPath(f.path);
    if (path === '') continue;
    const fingerprint = sha256Hex(`${scanner}\u0000${f.id}`);
    // GitLab wants unique fingerprints; the same finding listed twice is reported once.
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const cwe = f.cweId !== undefined && Number.isSafeInteger(f.cweId) && f.cweId > 0 ? ` (CWE-${f.cweId})` : '';
    issues.push({
      description: truncate(cleanText(`${f.isNew ? '[new] ' : ''}${f.name}${cwe}`), 1000),
      check_name: truncate(cleanText(f.ruleId), 255) || `${scanner}/unknown`,
      fingerprint,
      severity: SEVERITY[f.severity] ?? 'info',
      location: { path, lines: { begin: validLine(f.line) ?? 1 } },
    });
  }
  return issues;
}
