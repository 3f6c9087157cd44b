import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../../shared/render/sarif.js';
import { schemaErrors } from '../../helpers/schemas.js';
import { emptyRun, errorRun, failedRun, finding, manyFindingsRun, passedRun, run, scanner, timeoutRun } from './fixtures.js';

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 for every fixture', () => {
    for (const fixture of [passedRun(), failedRun(), timeoutRun(), errorRun(), emptyRun()]) {
      expect(schemaErrors('sarif-2.1.0.schema.json', renderSarif(fixture))).toBe('');
    }
  });

  it('has one run per reporting scanner, each with its own category', () => {
    const log = renderSarif(failedRun());
    expect(log.version).toBe('2.1.0');
    expect(log.runs.map((r) => r.tool.driver.name)).toEqual(['Invicti AppSec: semgrep', 'Invicti AppSec: invicti-dast']);
    expect(log.runs.map((r) => r.automationDetails.id)).toEqual(['invicti-appsec/semgrep/', 'invicti-appsec/invicti-dast/']);
    expect(log.runs[0]!.tool.driver.version).toBe('0.1.0');
    expect(log.runs[0]!.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('leaves out scanners that errored or timed out, so their alerts are not closed', () => {
    expect(renderSarif(timeoutRun()).runs).toEqual([]);
    expect(renderSarif(errorRun()).runs).toEqual([]);
    expect(renderSarif(emptyRun()).runs).toEqual([]);
  });

  it('describes rules with stable ids, CWE tags, help links and security severity', () => {
    const rules = renderSarif(failedRun()).runs[0]!.tool.driver.rules;
    const byId = new Map(rules.map((r) => [r.id, r]));
    const secret = byId.get('semgrep/cwe-798')!;
    // The fixture's default CWE name rides along: the rule is described by its weakness, not its first title.
    expect(secret.shortDescription.text).toBe('CWE-798: Improper Neutralization of Special Elements used in an SQL Command');
    expect(secret.helpUri).toBe('https://cwe.mitre.org/data/definitions/798.html');
    expect(secret.properties.tags).toEqual(['security', 'CWE-798', 'external/cwe/cwe-798']);
    expect(secret.properties['security-severity']).toBe('9.5');
    expect(byId.get('semgrep/cwe-89')!.properties['security-severity']).toBe('8.0');
    expect(byId.get('semgrep/cwe-22')!.properties['security-severity']).toBe('5.5');
  });

  it('maps severities to levels and security-severity, preferring CVSS when given', () => {
    const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const findings = severities.map((severity) => finding({ id: severity, ruleId: `r/${severity}`, severity }));
    findings.push(finding({ id: 'cvss', ruleId: 'r/cvss', severity: 'high', cvss: 7.4 }));
    const sarifRun = renderSarif(run({ scanners: [scanner({ findings })] })).runs[0]!;
    expect(sarifRun.results.map((r) => r.level)).toEqual(['error', 'error', 'error', 'warning', 'note', 'note']);
    const severityOf = (id: string): string => sarifRun.tool.driver.rules.find((r) => r.id === id)!.properties['security-severity'];
    expect(['r/critical', 'r/high', 'r/medium', 'r/low', 'r/info', 'r/cvss'].map(severityOf)).toEqual(['9.5', '8.0', '5.5', '2.0', '0.0', '7.4']);
  });

  it('reports SAST findings at repository-relative paths with lines', () => {
    const results = renderSarif(failedRun()).runs[0]!.results;
    const sql = results.find((r) => r.ruleId === 'semgrep/cwe-89')!;
    expect(sql.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/db/query.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 42 },
    });
    expect(sql.baselineState).toBe('new');
    expect(results.find((r) => r.ruleId === 'semgrep/cwe-22')!.baselineState).toBe('unchanged');
    expect(sql.message.text).toContain('SQL Injection');
  });

  it('normalises odd paths into valid relative URIs without regions for bad lines', () => {
    const findings = [
      finding({ id: 'a', path: '.\\src\\a b.ts', line: 0 }),
      finding({ id: 'b', path: '/abs/c:d%zz.ts', line: 1.5 }),
    ];
    const log = renderSarif(run({ scanners: [scanner({ findings })] }));
    expect(schemaErrors('sarif-2.1.0.schema.json', log)).toBe('');
    const locations = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation);
    expect(locations[0]).toEqual({ artifactLocation: { uri: 'src/a%20b.ts', uriBaseId: '%SRCROOT%' } });
    expect(locations[1]).toEqual({ artifactLocation: { uri: 'abs/c%3Ad%25zz.ts', uriBaseId: '%SRCROOT%' } });
  });

  it('keeps DAST URLs out of repository paths: synthetic artifact, the request as a logical location and properties', () => {
    const dast = renderSarif(failedRun()).runs[1]!.results[0]!;
    expect(dast.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'invicti-appsec/invicti-dast' } },
      logicalLocations: [{ kind: 'resource', fullyQualifiedName: 'GET https://app.example.com/search?q=1 (q)' }],
    });
    expect(dast.properties).toMatchObject({ url: 'https://app.example.com/search?q=1', method: 'GET', parameter: 'q' });
    // GitHub rejects absolute http(s) artifact URIs; a host/path would read as a file of the repository.
    const uris = renderSarif(failedRun()).runs.flatMap((r) => r.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    for (const uri of uris) expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|example\.com/i);
    // SAST findings keep their files.
    expect(renderSarif(failedRun()).runs[0]!.results[0]!.properties).not.toHaveProperty('url');
  });

  it('describes rules without repeating the title, and leaves fullDescription out when nothing more is known', () => {
    const findings = [
      finding({ id: 'a', name: 'SQL Injection', ruleId: 's/cwe-89', cweId: 89, cweName: 'Improper Neutralization of Special Elements used in an SQL Command' }),
      finding({ id: 'b', name: 'Odd thing', ruleId: 's/odd-thing', cweId: undefined, cweName: undefined }),
      finding({ id: 'c', name: 'Weak hash', ruleId: 's/cwe-328', cweId: 328, cweName: undefined }),
    ];
    const log = renderSarif(run({ scanners: [scanner({ findings })] }));
    expect(schemaErrors('sarif-2.1.0.schema.json', log)).toBe('');
    const rules = new Map(log.runs[0]!.tool.driver.rules.map((r) => [r.id, r]));
    expect(rules.get('s/cwe-89')!.shortDescription.text).toBe('CWE-89: Improper Neutralization of Special Elements used in an SQL Command');
    expect(rules.get('s/cwe-89')).not.toHaveProperty('fullDescription');
    expect(rules.get('s/odd-thing')!.shortDescription.text).toBe('Odd thing');
    expect(rules.get('s/odd-thing')).not.toHaveProperty('fullDescription');
    expect(rules.get('s/cwe-328')!.shortDescription.text).toBe('Weak hash');
    for (const rule of rules.values()) expect(rule.fullDescription?.text).not.toBe(rule.shortDescription.text);
  });

  it('always gives a location, even to findings without path or URL', () => {
    const lone = finding({ id: 'x', path: undefined, url: 'javascript:alert(1)' });
    const result = renderSarif(run({ scanners: [scanner({ findings: [lone] })] })).runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('invicti-appsec/semgrep');
  });

  it('fingerprints results from the finding id, stably', () => {
    const a = renderSarif(failedRun()).runs[0]!.results;
    const b = renderSarif(failedRun()).runs[0]!.results;
    expect(a.map((r) => r.partialFingerprints)).toEqual(b.map((r) => r.partialFingerprints));
    const prints = a.map((r) => r.partialFingerprints['invictiFindingId/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shares one rule between findings of the same rule id, pointing at it by index', () => {
    const findings = [finding({ id: 'a' }), finding({ id: 'b', path: 'src/other.ts' })];
    const sarifRun = renderSarif(run({ scanners: [scanner({ findings })] })).runs[0]!;
    expect(sarifRun.tool.driver.rules).toHaveLength(1);
    expect(sarifRun.results.map((r) => r.ruleIndex)).toEqual([0, 0]);
  });

  it('caps results per run and flags the cut', () => {
    const log = renderSarif(manyFindingsRun(30), { maxResultsPerRun: 10 });
    expect(log.runs[0]!.results).toHaveLength(10);
    expect(log.runs[0]!.properties.findingsTruncated).toBe(true);
    expect(renderSarif(manyFindingsRun(30)).runs[0]!.results).toHaveLength(30);
  });
});
