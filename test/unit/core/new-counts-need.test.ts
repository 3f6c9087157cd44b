/**
 * The new/existing split is read only when something shows it or gates on it (`findingsNeed`), and every output
 * that prints new counts says nothing about them when they were not read, rather than a false 0.
 */
import { describe, expect, it } from 'vitest';
import { findingsNeed, type PackagingReads } from '../../../shared/core/findings.js';
import { evaluateGate } from '../../../shared/core/gate.js';
import { runTotals } from '../../../shared/core/run-totals.js';
import { zeroCounts } from '../../../shared/core/result.js';
import { textReport } from '../../../shared/cli/text-report.js';
import { renderMarkdown } from '../../../shared/render/markdown.js';
import { renderJson } from '../../../shared/render/json.js';
import { actionOutputs } from '../../../actions/github/outputs.js';
import { scannerReport } from '../../../bitbucket-pipes/src/insights-report.js';
import { finding, run, scanner } from '../render/fixtures.js';
import { CLI_READS } from '../../../shared/cli/run-cli.js';
import { GITHUB_READS } from '../../../actions/github/run-action.js';
import { GITLAB_READS } from '../../../gitlab-templates/src/reads.js';
import { PIPE_READS } from '../../../bitbucket-pipes/src/run-pipe.js';

const base = { maxFindings: 10, newFindingsOnly: false };
/** Each packaging's reads: the very constants its entry passes. */
const CLI: PackagingReads = CLI_READS;
const GITHUB: PackagingReads = GITHUB_READS;
const GITLAB: PackagingReads = GITLAB_READS;
const BITBUCKET: PackagingReads = PIPE_READS;

describe('findingsNeed: the new/existing split', () => {
  it('is not read by a plain CLI run, which shows no comment and does not gate on new findings', () => {
    expect(findingsNeed(base, CLI)).toEqual({ all: false, top: 0, newCounts: false });
  });

  it('is read when the gate counts new findings, a summary shows them, or a report reads every finding anyway', () => {
    expect(findingsNeed({ ...base, newFindingsOnly: true }, CLI).newCounts).toBe(true);
    expect(findingsNeed({ ...base, summaryMarkdown: 'summary.md' }, CLI)).toEqual({ all: false, top: 10, newCounts: true });
    expect(findingsNeed({ ...base, outputJson: 'result.json' }, CLI)).toEqual({ all: true, top: 0, newCounts: true });
    expect(findingsNeed({ ...base, sarif: 'result.sarif' }, CLI).newCounts).toBe(true);
  });

  it('is read by every CI packaging: GitHub sets new-* outputs, GitLab reports every finding, Bitbucket shows them in Code Insights', () => {
    for (const reads of [GITHUB, GITLAB, BITBUCKET]) expect(findingsNeed(base, reads).newCounts).toBe(true);
    // Outputs of a packaging that always shows them are read even with no comment.
    expect(findingsNeed(base, { comment: false, newCounts: true }).newCounts).toBe(true);
  });
});

describe('a result whose new counts were not read', () => {
  const findings = [finding({ severity: 'critical', isNew: true }), finding({ id: 'f-2', severity: 'high' })];
  const unread = () => run({ scanners: [scanner({ findings, newCounts: undefined })] });

  it('the text report prints the counts and no new count', () => {
    const line = textReport(unread()).split('\n').find((l) => l.includes('semgrep (sast)'));
    expect(line).toContain('critical 1  high 1');
    expect(line).not.toMatch(/\bnew\b/);
    // Read, the count is printed, 0 included.
    expect(textReport(run({ scanners: [scanner({ findings })] }))).toMatch(/semgrep \(sast\): passed .* new 1/);
    expect(textReport(run({ scanners: [scanner({ findings, newCounts: zeroCounts() })] }))).toMatch(/semgrep \(sast\): passed .* new 0/);
  });

  it('markdown shows the new column as unknown, JSON leaves newCounts out, outputs and Code Insights leave it empty', () => {
    const row = renderMarkdown(unread(), { flavour: 'github' }).split('\n').find((l) => l.startsWith('| ') && l.includes('semgrep'));
    expect(row?.split('|').map((c) => c.trim())).toContain('—');
    const json = JSON.parse(renderJson(unread())) as { scanners: Record<string, unknown>[] };
    expect(json.scanners[0]).not.toHaveProperty('newCounts');
    expect(json.scanners[0]).toHaveProperty('counts');
    const t = runTotals(unread());
    expect(t.newCounts).toBeUndefined();
    expect(t.newTotal).toBeUndefined();
    expect(t.total).toBe(2);
    const out = actionOutputs(unread());
    expect([out['new-critical'], out['new-total'], out.critical]).toEqual(['', '', '1']);
    const result = unread();
    const titles = (scannerReport(result, result.scanners[0]!).data ?? []).map((d) => d.title);
    expect(titles).not.toContain('New findings');
    expect(titles).toContain('Critical');
  });

  it('the gate refuses to count new findings it was not given, rather than count none', () => {
    const settings = { thresholds: { critical: 0 }, newFindingsOnly: true, failOnRiskIncrease: false, warnOnly: false };
    expect(() => evaluateGate(settings, { counts: { ...zeroCounts(), critical: 1 } })).toThrow(/new-findings counts were not read/);
    expect(evaluateGate(settings, { counts: { ...zeroCounts(), critical: 1 }, newCounts: zeroCounts() })[0]?.outcome).toBe('pass');
  });
});
