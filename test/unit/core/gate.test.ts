import { describe, expect, it } from 'vitest';
import { countedReleaseFailures, evaluateGate, gateStatus } from '../../../shared/core/gate.js';
import { zeroCounts } from '../../../shared/core/result.js';
import { EXIT_CODES, exitCodeForError, InternalError } from '../../../shared/errors.js';

const counts = { critical: 1, high: 2, medium: 3, low: 0, info: 5 };
const base = { thresholds: {}, newFindingsOnly: false, failOnRiskIncrease: false, warnOnly: false };

describe('evaluateGate', () => {
  it('fails a severity whose count is above its threshold and passes one at the threshold', () => {
    const reasons = evaluateGate({ ...base, thresholds: { critical: 0, high: 2 } }, { counts, newCounts: zeroCounts() });
    expect(reasons.map((r) => [r.rule, r.outcome])).toEqual([
      ['threshold-critical', 'fail'],
      ['threshold-high', 'pass'],
    ]);
    expect(reasons[0]?.message).toBe('1 critical finding, more than the allowed 0');
    expect(gateStatus(reasons)).toBe('failed');
  });

  it('a threshold over counts that were not read is an internal error (exit 3), never a guess', () => {
    const missing = (run: () => unknown): unknown => {
      try {
        run();
      } catch (err) {
        return err;
      }
      return undefined;
    };
    const noNew = missing(() => evaluateGate({ ...base, newFindingsOnly: true, thresholds: { high: 0 } }, { counts }));
    expect(noNew).toBeInstanceOf(InternalError);
    expect(exitCodeForError(noNew)).toBe(EXIT_CODES.platform);
    expect((noNew as Error).message).toBe('internal error (please report it): the gate has thresholds but the new-findings counts were not read');
    expect(missing(() => evaluateGate({ ...base, thresholds: { critical: 0 } }, {}))).toBeInstanceOf(InternalError);
    // Nothing to count (release-only mode): no counts needed.
    const release = { status: 'success', types: { sast: 'success' }, failingTypes: [] };
    expect(evaluateGate(base, { release })).toMatchObject([{ rule: 'release-criteria', outcome: 'pass' }]);
  });

  it('has an info threshold', () => {
    const reasons = evaluateGate({ ...base, thresholds: { info: 4 } }, { counts, newCounts: zeroCounts() });
    expect(reasons).toMatchObject([{ rule: 'threshold-info', outcome: 'fail', actual: 5, limit: 4 }]);
  });

  it('counts only new findings in new-findings-only mode', () => {
    const newCounts = { ...zeroCounts(), high: 1 };
    const reasons = evaluateGate({ ...base, newFindingsOnly: true, thresholds: { critical: 0, high: 0 } }, { counts, newCounts });
    expect(reasons.map((r) => r.outcome)).toEqual(['pass', 'fail']);
    expect(reasons[1]?.message).toContain('1 new high finding');
  });

  it('turns failures into warnings in warn-only mode', () => {
    const reasons = evaluateGate({ ...base, warnOnly: true, thresholds: { critical: 0 } }, { counts, newCounts: zeroCounts() });
    expect(reasons[0]?.outcome).toBe('warn');
    expect(gateStatus(reasons)).toBe('warned');
  });

  it('never fails a first scan on risk score, and fails a rise', () => {
    const first = evaluateGate({ ...base, failOnRiskIncrease: true }, { counts, newCounts: zeroCounts(), risk: { current: 40 } });
    expect(first).toMatchObject([{ rule: 'risk-score', outcome: 'pass' }]);
    const rose = evaluateGate({ ...base, failOnRiskIncrease: true }, { counts, newCounts: zeroCounts(), risk: { current: 40, previous: 30 } });
    expect(rose).toMatchObject([{ rule: 'risk-score', outcome: 'fail', message: 'risk score rose from 30 to 40' }]);
    const same = evaluateGate({ ...base, failOnRiskIncrease: true }, { counts, newCounts: zeroCounts(), risk: { current: 30, previous: 30 } });
    expect(same[0]?.outcome).toBe('pass');
  });

  it('reports release criteria failures by type', () => {
    const reasons = evaluateGate(base, {
      counts,
      newCounts: zeroCounts(),
      release: { status: 'fail', types: { sast: 'fail', dast: 'success' }, failingTypes: ['sast'] },
    });
    expect(reasons).toMatchObject([{ rule: 'release-criteria', outcome: 'fail', message: 'release criteria fail for SAST' }]);
  });
});

describe('countedReleaseFailures', () => {
  const perType = { sast: 'fail', dast: 'fail', sca: 'success', cs: '' };
  it('counts every failing type under on, sorted', () => {
    expect(countedReleaseFailures({ kind: 'on' }, 'fail', perType)).toEqual(['dast', 'sast']);
  });
  it('limits to the scanner types of the run', () => {
    expect(countedReleaseFailures({ kind: 'scanner', types: ['sast'] }, 'fail', perType)).toEqual(['sast']);
    expect(countedReleaseFailures({ kind: 'types', types: ['sca'] }, 'fail', perType)).toEqual([]);
  });
  it('still fails an overall fail with no failing type under on', () => {
    expect(countedReleaseFailures({ kind: 'on' }, 'fail', { sast: 'success' })).toEqual(['overall']);
    expect(countedReleaseFailures({ kind: 'on' }, 'success', { sast: 'success' })).toEqual([]);
  });
});

describe('release criteria messages', () => {
  it('says when other types fail outside the scope', () => {
    const reasons = evaluateGate(
      { thresholds: {}, newFindingsOnly: false, failOnRiskIncrease: false, warnOnly: false },
      { counts: zeroCounts(), newCounts: zeroCounts(), release: { status: 'fail', types: { sast: 'fail', dast: 'success' }, failingTypes: [] } },
    );
    expect(reasons[0]).toMatchObject({ outcome: 'pass', message: "release criteria pass for this scanner's type (SAST fail outside its scope)" });
  });
});
