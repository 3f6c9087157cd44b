import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_VERSION, renderJson } from '../../../shared/render/json.js';
import { gatedReleaseStatus } from '../../../shared/core/release.js';
import { emptyRun, errorRun, failedRun, hostileRun, passedRun, timeoutRun } from './fixtures.js';

describe('renderJson', () => {
  it('is pretty JSON with a schema version, carrying the whole result', () => {
    for (const fixture of [passedRun(), failedRun(), timeoutRun(), errorRun(), emptyRun(), hostileRun()]) {
      const text = renderJson(fixture);
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toContain('\n  "schemaVersion": 2,\n');
      // Compared with a plain JSON round trip: NaN becomes null, undefined keys disappear.
      // Each scanner adds its releaseStatus as its gate line reads it, next to the project's release.status.
      const scanners = fixture.scanners.map((s) => (s.release === undefined ? s : { ...s, releaseStatus: gatedReleaseStatus(s.release) }));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...fixture, scanners })));
    }
  });

  it('keeps a fixed key order and carries nothing beyond the result type', () => {
    const result = { ...failedRun(), token: 'secret-token' } as ReturnType<typeof failedRun>;
    const parsed = JSON.parse(renderJson(result)) as Record<string, unknown>;
    expect(parsed.token).toBeUndefined();
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['schemaVersion', 'status', 'exitCode', 'project']);
    expect(renderJson(result)).toBe(renderJson(failedRun()));
  });
});
