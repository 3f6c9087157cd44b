import { describe, expect, it } from 'vitest';
import { PhaseModel } from '../../../shared/core/phases.js';

/** Polls of an event whose phase 1 begins at `s` and whose phases 1..5 last `p` each (the model's own world). */
function observeModel(model: PhaseModel, times: readonly number[], s: number, p: number): void {
  for (const t of times) {
    const phase = t < s ? 0 : Math.min(5, 1 + Math.floor((t - s) / p));
    model.observe(t, t, phase);
  }
}

describe('PhaseModel', () => {
  it('knows nothing while the event waits in phase 0', () => {
    const model = new PhaseModel();
    model.observe(0, 10, 0);
    model.observe(1_000, 1_010, 0);
    expect(model.endWindow()).toBeUndefined();
    expect(model.contradicted).toBe(false);
  });

  it('bounds only the earliest end after one phase change, then both ends once the pace is seen', () => {
    const model = new PhaseModel();
    observeModel(model, [1_000, 2_000, 3_000, 4_000], 3_500, 3_000);
    const early = model.endWindow();
    // phase 1 began in (3 s, 4 s]; its length is unknown: the end is at least "now", at most unknown
    expect(early).toEqual({ lowMs: 4_000, highMs: Infinity });
    observeModel(model, [5_000, 6_000, 7_000], 3_500, 3_000);
    const window = model.endWindow();
    if (typeof window !== 'object') throw new Error('expected a window');
    // s in (3, 4], s + p in (6, 7] (phase 2 began at 6.5 s): the end s + 5p lies in [5*6 - 4*4, 5*7 - 4*3] = [14, 23] s
    expect(window.lowMs).toBeCloseTo(14_000);
    expect(window.highMs).toBeCloseTo(23_000);
    const truth = 3_500 + 5 * 3_000;
    expect(window.lowMs).toBeLessThanOrEqual(truth);
    expect(window.highMs).toBeGreaterThanOrEqual(truth);
  });

  it('narrows around the true end as polls come in, whatever the queue time', () => {
    for (const [s, p] of [
      [0, 1_000],
      [3_333, 3_333],
      [50_000, 2_000],
    ] as const) {
      const model = new PhaseModel();
      const end = s + 5 * p;
      const times = Array.from({ length: Math.floor(end / 700) }, (_, i) => (i + 1) * 700).filter((t) => t < end);
      observeModel(model, times, s, p);
      const window = model.endWindow();
      if (typeof window !== 'object') throw new Error(`expected a window for s=${s} p=${p}`);
      expect(window.lowMs).toBeLessThanOrEqual(end + 1e-6);
      expect(window.highMs).toBeGreaterThanOrEqual(end - 1e-6);
      expect(window.highMs - window.lowMs).toBeLessThan(2 * 700);
    }
  });

  it('gives the start of the next phase', () => {
    const model = new PhaseModel();
    observeModel(model, [1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000], 3_500, 3_000);
    const next = model.nextWindow();
    if (typeof next !== 'object') throw new Error('expected a window');
    // phase 3 begins at s + 2p = 9.5 s
    expect(next.lowMs).toBeLessThanOrEqual(9_500);
    expect(next.highMs).toBeGreaterThanOrEqual(9_500);
    expect(next.highMs).toBeLessThan(model.endWindow() === 'contradicted' ? 0 : 23_000);
  });

  it('says so when the platform does not follow the model: phases of unequal length', () => {
    const model = new PhaseModel();
    // phase 1 for 1 s, then phase 2 (running) for far longer than a phase 1 of 1 s allows
    model.observe(500, 500, 0);
    model.observe(1_000, 1_000, 1);
    model.observe(2_000, 2_000, 2);
    model.observe(3_000, 3_000, 2);
    expect(model.contradicted).toBe(false);
    for (let t = 4_000; t <= 12_000; t += 1_000) model.observe(t, t, 2);
    expect(model.contradicted).toBe(true);
    expect(model.endWindow()).toBe('contradicted');
  });

  it('says so when a phase goes backwards or is not one of 0..5', () => {
    const back = new PhaseModel();
    back.observe(1_000, 1_000, 3);
    back.observe(2_000, 2_000, 2);
    expect(back.contradicted).toBe(true);
    const odd = new PhaseModel();
    odd.observe(1_000, 1_000, 9);
    expect(odd.contradicted).toBe(true);
  });

  it('takes the sending time as "not yet begun" and the answer as "begun by": a slow answer is no contradiction', () => {
    const model = new PhaseModel();
    // phase 2 began at 6 s; a poll sent at 5.9 s and answered at 6.4 s saw it
    model.observe(3_000, 3_010, 0);
    model.observe(3_900, 4_400, 1);
    model.observe(5_900, 6_400, 2);
    expect(model.contradicted).toBe(false);
  });

  it('tells since when the event is past its scanner\'s own work (phases 3-5), whatever the model', () => {
    const model = new PhaseModel();
    model.observe(1_000, 1_000, 2);
    expect(model.finishingSince()).toBeUndefined();
    model.observe(9_000, 9_000, 2);
    model.observe(10_000, 10_000, 4);
    expect(model.finishingSince()).toBe(9_000);
    // the first poll already past phase 2: since the wait began
    const late = new PhaseModel();
    late.observe(250, 260, 5);
    expect(late.finishingSince()).toBe(0);
  });
});
