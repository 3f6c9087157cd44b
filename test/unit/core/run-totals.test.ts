import { describe, expect, it } from 'vitest';
import { runTotals } from '../../../shared/core/run-totals.js';
import type { RunResult, ScannerResult } from '../../../shared/core/result.js';
import { zeroCounts } from '../../../shared/core/result.js';

const scanner = (over: Partial<ScannerResult>): ScannerResult => ({
  scanner: 's', scannerType: 'sast', status: 'passed', mode: 'rescan', branch: 'main', counts: zeroCounts(), newCounts: zeroCounts(),
  reasons: [], findings: [], findingsTruncated: false, links: {}, timings: { startedAt: '', finishedAt: '', durationMs: 0 }, ...over,
});
const run = (scanners: ScannerResult[]): RunResult => ({
  status: 'passed', exitCode: 0, project: { id: 'p', name: 'demo', link: 'https://aspm.example/projects/p' }, branch: 'main', scanners,
  summary: '', warnOnly: false, newFindingsOnly: false, startedAt: '', finishedAt: '', toolVersion: '0',
});

describe('runTotals', () => {
  it('sums counts, takes the highest risk, and says fail when any release criteria fail', () => {
    const t = runTotals(run([
      scanner({ counts: { ...zeroCounts(), critical: 1, high: 2 }, newCounts: { ...zeroCounts(), high: 1 }, riskScore: 30, release: { status: 'success', types: {}, failingTypes: [] }, eventId: 'e1' }),
      scanner({ counts: { ...zeroCounts(), high: 3 }, riskScore: 45, release: { status: 'fail', types: { sast: 'fail' }, failingTypes: ['sast'] }, eventId: 'e2', scanId: 's2' }),
    ]));
    expect(t).toMatchObject({ total: 6, newTotal: 1, riskScore: 45, releaseStatus: 'fail', eventIds: ['e1', 'e2'], scanIds: ['s2'] });
    // A project failing only outside the scanners' scope passes their gate lines, and so does the status.
    const outside = runTotals(run([scanner({ release: { status: 'fail', types: { sast: 'fail' }, failingTypes: [], scope: 'scanner' } })]));
    expect(outside.releaseStatus).toBe('success');
    expect(t.counts).toMatchObject({ critical: 1, high: 5 });
    expect(t.reportUrl).toBe('https://aspm.example/projects/p');
  });

  it('has no totals when any scanner was not counted (no finished scan), nor when no scanner reported: unknown, not a partial sum', () => {
    const counted = scanner({ counts: { ...zeroCounts(), critical: 2 }, fixedCounts: { ...zeroCounts(), low: 1 } });
    const uncounted = scanner({ status: 'error', counts: undefined, newCounts: undefined });
    const t = runTotals(run([counted, uncounted]));
    expect(t.counts).toBeUndefined();
    expect(t.total).toBeUndefined();
    expect(t.newCounts).toBeUndefined();
    expect(t.newTotal).toBeUndefined();
    expect(t.fixedTotal).toBeUndefined();
    expect(runTotals(run([counted])).fixedTotal).toBe(1);
    const none = runTotals(run([]));
    expect([none.counts, none.total, none.newTotal, none.fixedTotal]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('links the scan when there is one scanner, and never a non-http link', () => {
    expect(runTotals(run([scanner({ links: { scan: 'https://aspm.example/scans/1' } })])).reportUrl).toBe('https://aspm.example/scans/1');
    expect(runTotals(run([scanner({ links: { scan: 'javascript:alert(1)' } })])).reportUrl).toBe('https://aspm.example/projects/p');
    expect(runTotals(run([])).riskScore).toBeUndefined();
  });
});
