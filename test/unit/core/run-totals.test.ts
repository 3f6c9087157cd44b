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

  it('links the scan when there is one scanner, and never a non-http link', () => {
    expect(runTotals(run([scanner({ links: { scan: 'https://aspm.example/scans/1' } })])).reportUrl).toBe('https://aspm.example/scans/1');
    expect(runTotals(run([scanner({ links: { scan: 'javascript:alert(1)' } })])).reportUrl).toBe('https://aspm.example/projects/p');
    expect(runTotals(run([])).riskScore).toBeUndefined();
  });
});
