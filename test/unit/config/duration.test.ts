import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, formatDuration, parseDuration } from '../../../shared/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1h2m3s', 3_723_000],
    ['250ms', 250],
    ['1s500ms', 1_500],
    ['45', 45_000],
    ['0', 0],
    [' 10M ', 600_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '  ', 'abc', '1.5h', '-5m', '+5m', '5 m', '1h 30m', '30m1h', '1m1m', '5d', 'm', '10x', '1h,30m', '1e3'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rejects durations a Node timer cannot hold', () => {
    expect(parseDuration(`${Math.floor(MAX_DURATION_MS / 1000)}s`)).toBeDefined();
    expect(parseDuration('600h')).toBeUndefined();
    expect(parseDuration('99999999999999999999')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [5_400_000, '1h30m'],
    [45_000, '45s'],
    [250, '250ms'],
    [0, '0s'],
    [3_723_004, '1h2m3s4ms'],
  ])('writes %d ms as %j, which parses back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
