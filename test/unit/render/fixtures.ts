/** RunResult fixtures for the renderer tests: plain data, built fresh on every call. */
import type { Severity, SeverityCounts } from '../../../shared/api/types.js';
import type { Finding, RunResult, ScannerResult } from '../../../shared/core/result.js';
import { zeroCounts } from '../../../shared/core/result.js';

const STARTED = '2026-11-20T10:00:00.000Z';
const FINISHED = '2026-11-20T10:05:30.000Z';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-1',
    ruleId: 'semgrep/cwe-89',
    name: 'SQL Injection',
    severity: 'high',
    scanner: 'semgrep',
    scannerType: 'sast',
    isNew: false,
    cweId: 89,
    cweName: 'Improper Neutralization of Special Elements used in an SQL Command',
    path: 'src/db/query.ts',
    line: 42,
    link: 'https://aspm.example.com/vulns/f-1',
    ...overrides,
  };
}

export function dastFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    id: 'd-1',
    ruleId: 'invicti-dast/cwe-79',
    name: 'Reflected Cross-site Scripting',
    severity: 'critical',
    scanner: 'invicti-dast',
    scannerType: 'dast',
    cweId: 79,
    cweName: 'Cross-site Scripting',
    path: undefined,
    line: undefined,
    url: 'https://app.example.com/search?q=1',
    method: 'GET',
    parameter: 'q',
    link: 'https://aspm.example.com/vulns/d-1',
    ...overrides,
  });
}

export function countsOf(findings: readonly Finding[]): SeverityCounts {
  const counts = zeroCounts();
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function scanner(overrides: Partial<ScannerResult> = {}): ScannerResult {
  const findings = overrides.findings ?? [];
  return {
    scanner: 'semgrep',
    scannerType: 'sast',
    status: 'passed',
    mode: 'rescan',
    branch: 'feature/login',
    targetBranch: 'main',
    eventId: 'ev-1',
    scanId: 'scan-1',
    counts: countsOf(findings),
    newCounts: countsOf(findings.filter((f) => f.isNew)),
    riskScore: 12,
    previousRiskScore: 10,
    reasons: [],
    findings,
    findingsTruncated: false,
    links: { scan: 'https://aspm.example.com/scans/scan-1', project: 'https://aspm.example.com/projects/p-1' },
    timings: { startedAt: STARTED, finishedAt: FINISHED, durationMs: 330_000 },
    ...overrides,
  };
}

export function run(overrides: Partial<RunResult> = {}): RunResult {
  return {
    status: 'passed',
    exitCode: 0,
    project: { id: 'p-1', name: 'shop-backend', link: 'https://aspm.example.com/projects/p-1' },
    branch: 'feature/login',
    targetBranch: 'main',
    pullRequest: '17',
    scanners: [],
    summary: 'All gate rules passed.',
    warnOnly: false,
    newFindingsOnly: false,
    startedAt: STARTED,
    finishedAt: FINISHED,
    reportUrl: 'https://aspm.example.com/projects/p-1',
    toolVersion: '0.1.0',
    ...overrides,
  };
}

export function passedRun(): RunResult {
  const findings = [
    finding({ id: 'f-low', severity: 'low', name: 'Weak hash', ruleId: 'semgrep/cwe-328', cweId: 328, line: 7 }),
    finding({ id: 'f-info', severity: 'info', name: 'Debug flag', ruleId: 'semgrep/debug', cweId: undefined, line: undefined }),
  ];
  return run({
    scanners: [
      scanner({
        findings,
        reasons: [{ rule: 'threshold-critical', outcome: 'pass', message: '0 critical findings, within the allowed 0', actual: 0, limit: 0 }],
      }),
    ],
  });
}

export function failedRun(): RunResult {
  const sast = [
    finding({ id: 'f-1', severity: 'high', isNew: true }),
    finding({ id: 'f-2', severity: 'medium', name: 'Path traversal', ruleId: 'semgrep/cwe-22', cweId: 22, path: 'src/files.ts', line: 3 }),
    finding({ id: 'f-3', severity: 'critical', name: 'Hard-coded secret', ruleId: 'semgrep/cwe-798', cweId: 798, path: 'config/app.ts', line: 1, isNew: true }),
  ];
  const dast = [
    dastFinding({ isNew: true }),
    dastFinding({ id: 'd-2', severity: 'low', name: 'Missing HSTS header', ruleId: 'invicti-dast/hsts', cweId: 523, url: 'https://app.example.com/', method: 'GET', parameter: undefined }),
  ];
  const release = { status: 'fail', types: { sast: 'fail', dast: 'success', sca: 'undefined' }, failingTypes: ['sast'] };
  return run({
    status: 'failed',
    exitCode: 1,
    summary: 'The gate failed: 1 new critical finding in semgrep.',
    scanners: [
      scanner({
        status: 'failed',
        findings: sast,
        riskScore: 40,
        previousRiskScore: 25,
        release,
        reasons: [
          { rule: 'threshold-medium', outcome: 'pass', message: '1 medium finding, within the allowed 5', actual: 1, limit: 5 },
          { rule: 'threshold-critical', outcome: 'fail', message: '1 new critical finding, more than the allowed 0', actual: 1, limit: 0 },
          { rule: 'release-criteria', outcome: 'fail', message: 'Release criteria failed for sast' },
        ],
      }),
      scanner({
        scanner: 'invicti-dast',
        scannerType: 'dast',
        status: 'warned',
        mode: 'create',
        findings: dast,
        riskScore: 30,
        previousRiskScore: 35,
        release,
        links: { scan: 'https://aspm.example.com/scans/scan-2' },
        reasons: [{ rule: 'risk-score', outcome: 'warn', message: 'Risk score 30 is above 20', actual: 30, limit: 20 }],
      }),
    ],
  });
}

export function timeoutRun(): RunResult {
  return run({
    status: 'timeout',
    exitCode: 5,
    summary: 'The scan did not finish within 30 minutes.',
    scanners: [
      scanner({
        status: 'timeout',
        // No finished scan: nothing counted (unknown, not zero).
        counts: undefined,
        newCounts: undefined,
        scanId: undefined,
        riskScore: undefined,
        previousRiskScore: undefined,
        error: 'Waited 30m for event ev-1; still running.',
        reasons: [{ rule: 'timeout', outcome: 'fail', message: 'The scan did not finish within 30 minutes.' }],
      }),
    ],
  });
}

export function errorRun(): RunResult {
  return run({
    status: 'error',
    exitCode: 3,
    summary: 'The platform answered 500 on GET /api/v2/scans.',
    scanners: [
      scanner({ status: 'error', counts: undefined, newCounts: undefined, scanId: undefined, riskScore: undefined, previousRiskScore: undefined, error: 'Platform error 500 on GET /api/v2/scans' }),
    ],
  });
}

export function emptyRun(): RunResult {
  return run({ status: 'skipped', exitCode: 0, summary: 'No scanner matched the selection.', scanners: [] });
}

const SEVERITY_CYCLE: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** One SAST scanner with `n` findings (cheap to build: shared strings). */
export function manyFindingsRun(n: number): RunResult {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    findings.push(finding({ id: `f-${i}`, severity: SEVERITY_CYCLE[i % 5]!, isNew: i % 7 === 0, line: (i % 500) + 1, path: `src/module-${i % 300}/file.ts` }));
  }
  return run({ status: 'failed', exitCode: 1, scanners: [scanner({ status: 'failed', findings })] });
}

/** Markup, mentions, control and bidi characters, table breakers and script URLs in every text field. */
export const HOSTILE = [
  '**bold** _it_ [click](javascript:alert(1)) <img src=x onerror=alert(1)> <details open><summary>x</summary>',
  '@octocat @org/team #1 !2 ~label %milestone $math$ | a | b | `code` ``` ~~strike~~ <!-- hidden -->',
  '\u202Eevil\u202C \u2066iso\u2069 \u200Fmark\u200E \u061C \u0000nul\u0007bell\u001B[31m \u0085nel',
  'line1\r\nline2\nline3 https://evil.example.com www.evil.example.com mail@evil.example.com',
  '<script>alert(1)</script> ]]> <![CDATA[x]]> &amp; &#64; \\| \\',
].join(' ');

/** About 1 MB of markup. */
export const HUGE = '<img src=x onerror=alert(1)>|@x '.repeat(32_000);

export function hostileRun(): RunResult {
  const sast = [
    finding({ id: `h-1 ${HOSTILE}`, name: HOSTILE, ruleId: `rule ${HOSTILE}`, path: `src/${HOSTILE}.ts`, line: 3, isNew: true, link: 'javascript:alert(document.cookie)', cweName: HOSTILE, scanner: `evil|scanner @team` }),
    finding({ id: 'h-2', name: HUGE, ruleId: HUGE, path: HUGE, severity: 'critical', link: 'data:text/html,<script>alert(1)</script>', cweId: -1 }),
    finding({ id: 'h-3', name: 'Windows path', path: 'C:\\repo\\src\\a b.ts', line: 0, link: 'https://user:secret@aspm.example.com/x' }),
  ];
  const dast = [
    dastFinding({ id: 'hd-1', name: HOSTILE, url: 'javascript:alert(1)', method: 'GET<script>', parameter: 'q"><svg onload=alert(1)>' }),
    dastFinding({ id: 'hd-2', name: HOSTILE, url: `https://app.example.com/a|b/<x>?q=${HOSTILE}`, method: HOSTILE, parameter: HOSTILE }),
    dastFinding({ id: 'hd-3', url: 'https://[::1]:8443/admin', severity: 'medium' }),
    dastFinding({ id: 'hd-4', url: 'ftp://files.example.com/x', severity: 'low' }),
  ];
  const release = { status: HOSTILE, types: { [`<x>|${HOSTILE}`]: 'fail', sast: HOSTILE }, failingTypes: [`<x>|${HOSTILE}`] };
  return run({
    status: 'failed',
    exitCode: 1,
    project: { id: 'p-evil', name: HOSTILE, link: 'javascript:alert(1)' },
    branch: `main\u202E</details>${HOSTILE}`,
    targetBranch: '@org/team',
    pullRequest: '1|2',
    summary: HUGE,
    reportUrl: 'javascript:alert(2)',
    toolVersion: `1.0 <b>${HOSTILE}`,
    scanners: [
      scanner({
        scanner: `evil|scanner @team ${HOSTILE}`,
        status: 'failed',
        findings: sast,
        release,
        links: { scan: 'javascript:alert(3)' },
        reasons: [
          { rule: 'threshold-critical', outcome: 'fail', message: HUGE },
          { rule: 'threshold-high', outcome: 'pass', message: HOSTILE },
        ],
        error: HOSTILE,
        timings: { startedAt: HOSTILE, finishedAt: HOSTILE, durationMs: Number.NaN },
      }),
      scanner({
        scanner: `dast ${HOSTILE}`,
        scannerType: 'dast',
        status: 'error',
        findings: dast,
        error: HOSTILE,
        reasons: [{ rule: 'error', outcome: 'fail', message: HOSTILE }],
      }),
      scanner({ scanner: 'dast-ok', scannerType: 'dast', status: 'failed', findings: dast.map((f) => ({ ...f, scanner: 'dast-ok' })) }),
    ],
  });
}
