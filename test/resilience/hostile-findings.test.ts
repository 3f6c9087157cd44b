/**
 * Hostile findings through the whole path: the emulator reports findings full of markup, mentions, control and
 * right-to-left characters and 1 MB strings; the CLI scans, gates and writes its outputs; then the run's result
 * (as its JSON output holds it) goes through every renderer the packagings use. Everything must be inert and
 * within its size limit, and the decision must still be right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitlabReports } from '../../gitlab-templates/src/report-files.js';
import type { RunResult } from '../../shared/core/result.js';
import { commentKey } from '../../shared/platforms/marker.js';
import { renderMarkdown, renderSarif, type MarkdownFlavour } from '../../shared/render/index.js';
import { schemaErrors } from '../helpers/schemas.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { HOSTILE_DAST, HOSTILE_SAST, hostileScenario } from './hostile-scenario.js';
import { jsonReportProblems, markdownProblems, textProblems, xmlReportProblems } from './inert.js';
import { Captured, cliInProcess, STACK_FRAME, virtualTime, type CliRun } from './support.js';

const TOKEN = 'resilience-hostile-token-0d83bc';
const FLAVOURS: MarkdownFlavour[] = ['github', 'gitlab', 'bitbucket', 'summary'];
/** Reports keep short fields: far below the megabytes of scanner text that went in. */
const REPORT_MAX_BYTES = 1_000_000;
const time = virtualTime(50);
const captured = new Captured();
let emu: Emulator;
let run: CliRun;
let result: RunResult;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, scenario: hostileScenario(), now: time.now });
  run = await cliInProcess(
    ['scan', '-p', 'demo-app', '-s', `${HOSTILE_SAST},${HOSTILE_DAST}`, '-b', 'main', '--threshold-critical', '0', '--release-criteria', 'off', '--output-json', 'out/r.json', '--sarif', 'out/r.sarif', '--summary-markdown', 'out/summary.md', '--max-findings', '50'],
    { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN },
    { clock: time.clock },
  );
  captured.addRun('hostile scan', run);
  result = JSON.parse(run.files.get('out/r.json') ?? 'null') as RunResult;
});
afterAll(async () => {
  await emu.close();
  captured.expectNoLeak([TOKEN]);
});

describe('hostile findings, from the platform to every output', () => {
  it('still decide right: the critical finding fails the gate, and the hostile text is all there', () => {
    expect(run.code).toBe(1);
    expect(result.status).toBe('failed');
    expect(result.scanners.map((s) => s.scanner)).toEqual([HOSTILE_SAST, HOSTILE_DAST]);
    expect(result.scanners[0]!.counts).toMatchObject({ critical: 1, high: 1, medium: 1, low: 1 });
    // The findings reached the renderers unfiltered: the test is about what the renderers make of them.
    const names = result.scanners.flatMap((s) => s.findings.map((f) => f.name));
    expect(names.some((n) => n.length > 900_000)).toBe(true);
    expect(names.some((n) => n.includes('<script>') && n.includes('\u202E'))).toBe(true);
  });

  it('CLI text report and log: no control or bidi characters, bounded, no stack trace', () => {
    expect(textProblems(run.stdout, 16_000)).toEqual([]);
    expect(textProblems(run.stderr, 64_000)).toEqual([]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('JSON output: valid JSON whose control characters are escaped', () => {
    const text = run.files.get('out/r.json')!;
    // eslint-disable-next-line no-control-regex -- raw control characters (other than the layout's newlines) must not appear
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.each(FLAVOURS)('markdown (%s): inert and within the flavour limit', (flavour) => {
    const md = renderMarkdown(result, { flavour, marker: commentKey(result.project.name, result.scanners.map((s) => s.scanner)), jobUrl: 'https://ci.example.com/jobs/1', maxFindings: 50 });
    captured.add(`markdown ${flavour}`, md);
    expect(markdownProblems(md, flavour)).toEqual([]);
  });

  it('job summary file written by the CLI: inert and bounded', () => {
    expect(markdownProblems(run.files.get('out/summary.md')!, 'summary')).toEqual([]);
  });

  it('SARIF (the CLI file and the renderer): inert, bounded and valid', () => {
    const file = run.files.get('out/r.sarif')!;
    expect(jsonReportProblems(file, REPORT_MAX_BYTES)).toEqual([]);
    expect(schemaErrors('sarif-2.1.0.schema.json', JSON.parse(file))).toBe('');
    expect(jsonReportProblems(JSON.stringify(renderSarif(result)), REPORT_MAX_BYTES)).toEqual([]);
  });

  it('GitLab reports (SAST, DAST, Code Quality, JUnit): inert, bounded and valid', () => {
    const reports = gitlabReports(result);
    expect(reports.map((r) => r.kind)).toEqual(['sast', 'dast', 'codequality', 'junit']);
    for (const report of reports) {
      captured.add(`gitlab ${report.kind}`, report.text);
      const problems = report.kind === 'junit' ? xmlReportProblems(report.text, REPORT_MAX_BYTES) : jsonReportProblems(report.text, REPORT_MAX_BYTES);
      expect(problems, report.kind).toEqual([]);
    }
    expect(schemaErrors('gitlab-sast-report-format.json', JSON.parse(reports[0]!.text))).toBe('');
    expect(schemaErrors('gitlab-dast-report-format.json', JSON.parse(reports[1]!.text))).toBe('');
  });

  it('a tight size budget still leaves every flavour inert and bounded', () => {
    for (const flavour of FLAVOURS) expect(markdownProblems(renderMarkdown(result, { flavour, maxChars: 3000 }), flavour, 3000), flavour).toEqual([]);
  });
});
