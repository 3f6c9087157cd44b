/** Recognising a scanner report from its first bytes, and which known scanner takes which format. */
import { describe, expect, it } from 'vitest';
import { formatList, judgeImport, sniffReportFormat, type ReportFormat } from '../../../shared/core/report-format.js';

const bytes = (value: unknown): Uint8Array => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

const SAMPLES: [ReportFormat, unknown][] = [
  ['sarif', { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }],
  ['semgrep', { results: [{ check_id: 'python.lang.security.eval', path: 'a.py', start: { line: 1 }, extra: { severity: 'ERROR' } }], errors: [] }],
  ['semgrep', { errors: [], paths: { scanned: ['a.py'] }, results: [], version: '1.50.0' }],
  ['bandit', { errors: [], generated_at: '2024-01-01T00:00:00Z', metrics: {}, results: [{ test_id: 'B101', issue_severity: 'LOW' }] }],
  ['gosec', { 'Golang errors': {}, Issues: [{ rule_id: 'G101' }], Stats: { files: 1 } }],
  ['gitleaks', [{ Description: 'AWS key', RuleID: 'aws-access-token', File: 'a.env' }]],
  ['trivy', { SchemaVersion: 2, ArtifactName: 'app:1', ArtifactType: 'container_image', Results: [] }],
  ['cyclonedx', { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }],
  ['dependency-check', { reportSchema: '1.1', scanInfo: {}, dependencies: [] }],
  ['gitlab', { version: '15.0.0', vulnerabilities: [], scan: { analyzer: { id: 'x' }, scanner: { id: 'x' }, type: 'sast' } }],
];

describe('sniffReportFormat', () => {
  it.each(SAMPLES)('recognises %s', (format, doc) => {
    expect(sniffReportFormat(bytes(doc))).toEqual({ kind: 'json', format });
  });

  it('recognises SARIF by version and runs without a $schema, and compact JSON with a BOM', () => {
    expect(sniffReportFormat(bytes('\uFEFF{"version":"2.1.0","runs":[]}'))).toEqual({ kind: 'json', format: 'sarif' });
  });

  it('works on a prefix cut in the middle of the document (a large file is never read whole)', () => {
    const big = JSON.stringify({ results: Array.from({ length: 5000 }, (_, i) => ({ check_id: `rule-${i}`, path: `f${i}.py` })), errors: [] });
    const prefix = bytes(big).subarray(0, 4096);
    expect(sniffReportFormat(prefix)).toEqual({ kind: 'json', format: 'semgrep' });
  });

  it('says not JSON for text, XML and an FPR archive', () => {
    expect(sniffReportFormat(bytes('this is not json'))).toEqual({ kind: 'not-json' });
    expect(sniffReportFormat(bytes('<?xml version="1.0"?><CxXMLResults/>'))).toEqual({ kind: 'not-json' });
    expect(sniffReportFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toEqual({ kind: 'not-json' });
  });

  it('gives no format for JSON it does not know', () => {
    expect(sniffReportFormat(bytes({ findings: [{ id: 1 }] }))).toEqual({ kind: 'json' });
    expect(sniffReportFormat(bytes({ version: '2.0.0', runs: [] }))).toEqual({ kind: 'json' });
  });
});

describe('judgeImport', () => {
  it('refuses a recognised format the known scanner does not take, naming what it takes', () => {
    expect(judgeImport('trivy', 'semgrep')).toEqual({ kind: 'refuse', found: 'semgrep', accepted: ['trivy', 'sarif'] });
    expect(judgeImport('Semgrep', 'gosec')).toMatchObject({ kind: 'refuse', found: 'gosec' });
  });

  it('accepts a format the scanner takes, SARIF included', () => {
    expect(judgeImport('semgrep', 'semgrep')).toEqual({ kind: 'ok' });
    expect(judgeImport('semgrep', 'sarif')).toEqual({ kind: 'ok' });
    expect(judgeImport('trivy', 'trivy')).toEqual({ kind: 'ok' });
  });

  it('never refuses on a guess: an unknown scanner or an unrecognised format', () => {
    expect(judgeImport('checkmarx', 'semgrep')).toEqual({ kind: 'ok' });
    expect(judgeImport('semgrep', undefined)).toEqual({ kind: 'unrecognised', accepted: ['semgrep', 'sarif'] });
  });

  it('lists formats for messages', () => {
    expect(formatList(['semgrep', 'sarif'])).toBe('semgrep JSON or SARIF 2.1.0');
    expect(formatList(['sarif'])).toBe('SARIF 2.1.0');
  });
});
