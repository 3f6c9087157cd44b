import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../shared/render/junit.js';
import { xmlProblems } from './checks.js';
import { emptyRun, errorRun, failedRun, passedRun, run, timeoutRun } from './fixtures.js';

const testcases = (xml: string): string[] => xml.match(/<testcase [^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];

describe('renderJunit', () => {
  it('is well-formed XML for every fixture', () => {
    for (const fixture of [passedRun(), failedRun(), timeoutRun(), errorRun(), emptyRun()]) {
      const xml = renderJunit(fixture);
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
      expect(xmlProblems(xml)).toEqual([]);
    }
  });

  it('has one testsuite per scanner and one testcase per gate rule', () => {
    const xml = renderJunit(failedRun());
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuite name="Invicti AppSec: semgrep" tests="3" failures="2" errors="0" skipped="0" time="330.000"');
    expect(xml).toContain('<testsuites name="Invicti AppSec" tests="4" failures="2" errors="0" skipped="0"');
    const cases = testcases(xml);
    expect(cases).toHaveLength(4);
    expect(cases[0]).toBe('<testcase classname="invicti-appsec.semgrep" name="threshold-medium" time="0"/>');
  });

  it('carries the reason of a failing rule, with actual and limit', () => {
    const xml = renderJunit(failedRun());
    expect(xml).toContain(
      '<failure message="1 new critical finding, more than the allowed 0" type="threshold-critical">1 new critical finding, more than the allowed 0&#10;actual: 1, limit: 0</failure>',
    );
  });

  it('lets a warning pass with its message in system-out', () => {
    const xml = renderJunit(failedRun());
    expect(xml).toMatch(/name="risk-score" time="0">\s*<system-out>warning: Risk score 30 is above 20&#10;actual: 30, limit: 20<\/system-out>/);
  });

  it('reports timeouts and errors as errors', () => {
    expect(renderJunit(timeoutRun())).toContain('<error message="The scan did not finish within 30 minutes." type="timeout">');
    const error = renderJunit(errorRun());
    expect(error).toContain('errors="1"');
    expect(error).toContain('<error message="Platform error 500 on GET /api/v2/scans" type="error">');
  });

  it('gives a run without scanners a single run testcase', () => {
    expect(renderJunit(emptyRun())).toContain('<skipped message="No scanner matched the selection."/>');
    expect(testcases(renderJunit(run({ status: 'error', summary: 'bad token' })))[0]).toContain('<error message="bad token" type="run">');
  });
});
