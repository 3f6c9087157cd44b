import { describe, expect, it } from 'vitest';
import { GITLAB_REPORT_VERSION, renderCodeQuality, renderGitlabDast, renderGitlabSast } from '../../../shared/render/gitlab.js';
import { schemaErrors } from '../../helpers/schemas.js';
import { dastFinding, emptyRun, errorRun, failedRun, finding, passedRun, run, scanner, timeoutRun } from './fixtures.js';

const FIXTURES = [passedRun, failedRun, timeoutRun, errorRun, emptyRun];

describe('renderGitlabSast', () => {
  it('is valid against the 15.2.1 SAST schema for every fixture', () => {
    for (const fixture of FIXTURES) {
      expect(schemaErrors('gitlab-sast-report-format.json', renderGitlabSast(fixture()))).toBe('');
    }
  });

  it('names the analyzer and scanner, with GitLab timestamps', () => {
    const report = renderGitlabSast(failedRun());
    expect(report.version).toBe(GITLAB_REPORT_VERSION);
    expect(report.scan.analyzer).toMatchObject({ id: 'invicti-appsec', vendor: { name: 'Invicti' }, version: '0.1.0' });
    expect(report.scan.scanner.id).toBe('invicti-appsec');
    expect(report.scan.type).toBe('sast');
    expect(report.scan.start_time).toBe('2026-11-20T10:00:00');
    expect(report.scan.end_time).toBe('2026-11-20T10:05:30');
    expect(report.scan.status).toBe('success');
  });

  it('holds only SAST findings, most severe first, with file locations and CWE identifiers', () => {
    const vulns = renderGitlabSast(failedRun()).vulnerabilities;
    expect(vulns.map((v) => v.name)).toEqual(['Hard-coded secret', 'SQL Injection', 'Path traversal']);
    expect(vulns.map((v) => v.severity)).toEqual(['Critical', 'High', 'Medium']);
    const sql = vulns[1]!;
    expect(sql.location).toEqual({ file: 'src/db/query.ts', start_line: 42 });
    expect(sql.identifiers[0]).toEqual({ type: 'invicti_appsec_rule', name: 'Invicti AppSec rule semgrep/cwe-89', value: 'semgrep/cwe-89' });
    expect(sql.identifiers[1]).toEqual({ type: 'cwe', name: 'CWE-89', value: '89', url: 'https://cwe.mitre.org/data/definitions/89.html' });
    expect(sql.links).toEqual([{ name: 'Invicti AppSec', url: 'https://aspm.example.com/vulns/f-1' }]);
  });

  it('derives deterministic UUID-shaped ids from finding ids', () => {
    const a = renderGitlabSast(failedRun()).vulnerabilities.map((v) => v.id);
    const b = renderGitlabSast(failedRun()).vulnerabilities.map((v) => v.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    for (const id of a) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reports a failed scan with a message when a scanner errored or timed out', () => {
    const report = renderGitlabSast(timeoutRun());
    expect(report.scan.status).toBe('failure');
    expect(report.scan.messages).toEqual([{ level: 'fatal', value: 'semgrep: Waited 30m for event ev-1; still running.' }]);
  });

  it('falls back to the epoch for unreadable timestamps', () => {
    const report = renderGitlabSast(run({ startedAt: 'not a date', finishedAt: '+275760-09-13T00:00:00.000Z' }));
    expect(report.scan.start_time).toBe('1970-01-01T00:00:00');
    expect(schemaErrors('gitlab-sast-report-format.json', report)).toBe('');
  });
});

describe('renderGitlabDast', () => {
  it('is valid against the 15.2.1 DAST schema for every fixture', () => {
    for (const fixture of FIXTURES) {
      expect(schemaErrors('gitlab-dast-report-format.json', renderGitlabDast(fixture()))).toBe('');
    }
  });

  it('holds only DAST findings with hostname, method, parameter and path', () => {
    const report = renderGitlabDast(failedRun());
    expect(report.scan.type).toBe('dast');
    expect(report.vulnerabilities.map((v) => v.name)).toEqual(['Reflected Cross-site Scripting', 'Missing HSTS header']);
    expect(report.vulnerabilities[0]!.location).toEqual({ hostname: 'https://app.example.com', path: '/search', method: 'GET', param: 'q' });
    expect(report.scan.scanned_resources).toEqual([
      { method: 'GET', url: 'https://app.example.com/search', type: 'url' },
      { method: 'GET', url: 'https://app.example.com/', type: 'url' },
    ]);
  });

  it('lists each scanned resource once and skips non-http URLs', () => {
    const findings = [
      dastFinding({ id: 'a' }),
      dastFinding({ id: 'b', url: 'https://app.example.com/search?q=2' }),
      dastFinding({ id: 'c', url: 'javascript:alert(1)' }),
    ];
    const report = renderGitlabDast(run({ scanners: [scanner({ scanner: 'dast', scannerType: 'dast', findings })] }));
    expect(report.scan.scanned_resources).toHaveLength(1);
    expect(report.vulnerabilities[2]!.location).toEqual({ method: 'GET', param: 'q' });
  });
});

describe('renderCodeQuality', () => {
  it('lists file findings with GitLab severities, paths, lines and md5/sha256 fingerprints', () => {
    const issues = renderCodeQuality(failedRun());
    expect(issues.map((i) => i.severity)).toEqual(['blocker', 'critical', 'major']);
    expect(issues[1]).toEqual({
      description: '[new] SQL Injection (CWE-89)',
      check_name: 'semgrep/cwe-89',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      severity: 'critical',
      location: { path: 'src/db/query.ts', lines: { begin: 42 } },
    });
  });

  it('leaves out DAST findings, which have no file', () => {
    const issues = renderCodeQuality(failedRun());
    expect(issues.some((i) => i.check_name.startsWith('invicti-dast'))).toBe(false);
    expect(renderCodeQuality(emptyRun())).toEqual([]);
  });

  it('maps every severity and defaults the line to 1', () => {
    const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const findings = severities.map((severity) => finding({ id: severity, severity, line: undefined }));
    const issues = renderCodeQuality(run({ scanners: [scanner({ findings })] }));
    expect(issues.map((i) => i.severity)).toEqual(['blocker', 'critical', 'major', 'minor', 'info']);
    expect(issues.every((i) => i.location.lines.begin === 1)).toBe(true);
  });

  it('has unique, stable fingerprints even when a finding is listed twice', () => {
    const twice = run({ scanners: [scanner({ findings: [finding({ id: 'same' }), finding({ id: 'same' }), finding({ id: 'other' })] })] });
    const issues = renderCodeQuality(twice);
    expect(issues).toHaveLength(2);
    expect(renderCodeQuality(twice).map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});
