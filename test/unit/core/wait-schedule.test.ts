import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_POLICY, eventState, nextDelay } from '../../../shared/core/wait.js';

const policy = DEFAULT_POLL_POLICY;
const mid = (): number => 0.5; // no jitter

/** The poll times a schedule gives over `horizonMs` when nothing finishes. */
function schedule(expectedDurationMs: number | undefined, horizonMs: number, random = mid): number[] {
  const times: number[] = [];
  let t = 0;
  let previous: number | undefined;
  while (t < horizonMs) {
    const d = nextDelay(policy, { previousDelayMs: previous, elapsedMs: t, expectedDurationMs, inactive: false }, random);
    previous = d;
    t += d;
    times.push(t);
  }
  return times;
}

describe('nextDelay', () => {
  it('starts quick and backs off to at most 10 s', () => {
    const times = schedule(undefined, 120_000);
    expect(times[0]).toBe(250);
    const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000 + 1e-6);
    expect(gaps.at(-1)).toBeCloseTo(10_000);
    // a 2 s scan is seen less than a second after it ends
    expect(times.find((t) => t >= 2_000)! - 2_000).toBeLessThan(1_000);
  });

  it('with no history, never waits longer than a set fraction of the time already waited (a 20 s scan is seen within 4 s)', () => {
    const times = schedule(undefined, 60_000);
    for (let i = 1; i < times.length; i++) {
      const gap = times[i]! - times[i - 1]!;
      expect(gap).toBeLessThanOrEqual(Math.max(policy.initialDelayMs, times[i - 1]! * policy.unknownGapFraction) * (1 + policy.jitter) + 1e-6);
    }
    expect(times.find((t) => t >= 20_000)! - 20_000).toBeLessThanOrEqual(4_000);
  });

  it('with a spread, reaches the likely window on a grid, covers it densely, then backs off', () => {
    const times: number[] = [];
    let t = 0;
    let previous: number | undefined;
    while (t < 60_000) {
      previous = nextDelay(policy, { previousDelayMs: previous, elapsedMs: t, expectedDurationMs: 20_000, spreadMs: 7_000, inactive: false }, mid);
      t += previous;
      times.push(t);
    }
    const before = times.filter((x) => x < 13_000 - 1e-6);
    expect(before.length).toBe(1); // 6.5 s, then the window's start at 13 s
    const inside = times.filter((x) => x >= 13_000 - 1e-6 && x <= 27_000 + 1e-6);
    expect(inside.length).toBeGreaterThanOrEqual(policy.windowPolls);
    const gaps = inside.slice(1).map((x, i) => x - inside[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(14_000 / policy.windowPolls);
    const after = times.filter((x) => x > 27_000 + 1e-6);
    expect(after[1]! - after[0]!).toBeGreaterThan(gaps[0]!);
  });

  it('keeps gaps within bounds whatever the jitter draws', () => {
    for (const r of [0, 0.999]) {
      const times = schedule(undefined, 60_000, () => r);
      const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(policy.initialDelayMs);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(policy.maxDelayMs);
    }
  });

  it('lands a poll just after the expected end, with gaps of at most 10 s', () => {
    for (const expected of [2_000, 20_000, 120_000]) {
      const times = schedule(expected, expected + 1_000);
      const first = times.find((t) => t >= expected)!;
      expect(first - expected).toBeLessThanOrEqual(policy.expectedEndMarginMs + 1);
      const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
    }
    // 120 s in 10 s steps: no more polls than a fixed 10 s poller (12) until the expected end
    expect(schedule(120_000, 120_000).length).toBeLessThanOrEqual(12);
  });

  it('does not busy-loop on an inactive, unfinished event', () => {
    expect(nextDelay(policy, { previousDelayMs: 250, elapsedMs: 1_000, expectedDurationMs: undefined, inactive: true }, mid)).toBe(
      policy.inactiveDelayMs,
    );
  });
});

describe('eventState', () => {
  const ev = { id: 'e', scanId: '', statusText: '', message: '' };
  it('reads every status combination', () => {
    expect(eventState({ ...ev, active: 0, status: 6 })).toBe('finished');
    expect(eventState({ ...ev, active: -1, status: 2 })).toBe('failed');
    expect(eventState({ ...ev, active: 1, status: -1 })).toBe('failed');
    expect(eventState({ ...ev, active: 1, status: 3 })).toBe('running');
    expect(eventState({ ...ev, active: 0, status: 4 })).toBe('inactive');
  });
});

describe('nextDelay with an expected duration, when polls run late', () => {
  it('keeps to its grid: late polls do not add a step', () => {
    // Each poll lands 80 ms after it was planned (a slow round trip): 120 s still takes 12 polls.
    let t = 0;
    let previous: number | undefined;
    const times: number[] = [];
    while (t < 120_000) {
      const d = nextDelay(DEFAULT_POLL_POLICY, { previousDelayMs: previous, elapsedMs: t, expectedDurationMs: 120_000, inactive: false }, () => 0.5);
      previous = d;
      t += d + 80;
      times.push(t);
    }
    expect(times).toHaveLength(12);
    const gaps = times.map((x, i) => x - (i === 0 ? 0 : times[i - 1]!));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_080);
  });
});

describe('nextDelay with an expected duration, when timers fire early', () => {
  it('does not add a poll right after a grid point', () => {
    let t = 0;
    let previous: number | undefined;
    const times: number[] = [];
    while (t < 120_000) {
      const d = nextDelay(DEFAULT_POLL_POLICY, { previousDelayMs: previous, elapsedMs: t, expectedDurationMs: 120_000, inactive: false }, () => 0.5);
      previous = d;
      t += d - 5; // each timer fires 5 ms early
      times.push(t);
    }
    // 11 grid points, then the end (reached 5 ms early), then one short poll: never one per grid point
    expect(times.length).toBeLessThanOrEqual(13);
  });
});
