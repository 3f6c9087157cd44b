/** A big failed run for the rendering benchmark: four scanners (two SAST, one DAST, one SCA) sharing the findings. */
import type { Severity } from '../shared/api/types.js';
import type { Finding, RunResult, ScannerResult } from '../shared/core/result.js';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const SCANNERS = [
  { scanner: 'codethreat', scannerType: 'sast' },
  { scanner: 'semgrep', scannerType: 'sast' },
  { scanner: 'saltsecurity', scannerType: 'dast' },
  { scanner: 'trivy', scannerType: 'sca' },
] as const;

function findingOf(i: number, scanner: (typeof SCANNERS)[number]): Finding {
  const severity = SEVERITIES[i % 5]!;
  const dast = scanner.scannerType === 'dast';
  return {
    id: `${scanner.scanner}-${i.toString(16).padStart(8, '0')}`,
    ruleId: `${scanner.scanner}/cwe-${80 + (i % 40)}`,
    name: `${['SQL Injection', 'Cross-site Scripting', 'Path Traversal', 'Weak Hash', 'Open Redirect'][i % 5]} in handler ${i}`,
    severity,
    scanner: scanner.scanner,
    scannerType: scanner.scannerType,
    isNew: i % 3 === 0,
    cweId: 80 + (i % 40),
    cweName: 'Improper Neutralization of Special Elements used in a Command',
    cvss: 3 + (i % 7),
    ...(dast
      ? { url: `https://app.example.com/api/v1/items/${i}?q=1`, method: ['GET', 'POST'][i % 2], parameter: `p${i % 13}` }
      : { path: `src/module-${i % 1000}/file-${i}.ts`, line: (i % 400) + 1 }),
    link: `https://aspm.example.com/vulns/${scanner.scanner}-${i}`,
  };
}

/** A failed run of four scanners sharing `count` findings evenly. */
export function bigRun(count: number): RunResult {
  const per = Math.ceil(count / SCANNERS.length);
  const scanners: ScannerResult[] = SCANNERS.map((s, k) => {
    const findings = Array.from({ length: Math.max(0, Math.min(per, count - k * per)) }, (_, i) => findingOf(k * per + i, s));
    const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    return {
      ...s,
      status: 'failed',
      mode: 'rescan',
      branch: 'main',
      eventId: `ev-${k}`,
      scanId: `scan-${k}`,
      counts,
      newCounts: counts,
      riskScore: 100,
      reasons: [{ rule: 'threshold-critical', outcome: 'fail', message: `${counts.critical} critical findings, more than the allowed 0`, actual: counts.critical, limit: 0 }],
      findings,
      findingsTruncated: false,
      links: { scan: `https://aspm.example.com/scans/scan-${k}` },
      timings: { startedAt: '2026-11-25T10:00:00.000Z', finishedAt: '2026-11-25T10:05:00.000Z', durationMs: 300_000 },
    };
  });
  return {
    status: 'failed',
    exitCode: 1,
    project: { id: 'p-1', name: 'demo-app', link: 'https://aspm.example.com/projects/p-1' },
    branch: 'main',
    scanners,
    summary: 'critical findings above the threshold',
    warnOnly: false,
    newFindingsOnly: false,
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:05:00.000Z',
    toolVersion: '0.1.0',
  };
}
