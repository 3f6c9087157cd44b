import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, nearest } from '../../../shared/core/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['scaner', 'scanner', 1],
    ['same', 'same', 0],
    ['dats', 'dast', 1],
    ['ca', 'abc', 3],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest / closest', () => {
  const flags = ['threshold-critical', 'threshold-high', 'target-branch', 'timeout', 'scanner', 'scanner-type'];

  it('finds a mistyped name, ignoring case', () => {
    expect(closest('thresold-critical', flags)).toBe('threshold-critical');
    expect(closest('SCANER', flags)).toBe('scanner');
  });

  it('ranks by distance and caps the count', () => {
    expect(nearest('scanner-typ', flags, 2)).toEqual(['scanner-type', 'scanner']);
    expect(nearest('scanner', flags, 1)).toEqual(['scanner']);
  });

  it('offers a candidate that contains the input', () => {
    expect(closest('zap', ['semgrep', 'owaspzap'])).toBe('owaspzap');
  });

  it('offers nothing when nothing is close', () => {
    expect(closest('xyzzy', flags)).toBeUndefined();
    expect(nearest('', flags)).toEqual([]);
    expect(didYouMean('xyzzy', flags)).toBe('');
  });

  it('formats a suggestion', () => {
    expect(didYouMean('timeot', flags)).toBe(' Did you mean "timeout"?');
    expect(didYouMean('timeot', flags, (c) => `--${c}`)).toBe(' Did you mean --timeout?');
  });
});
