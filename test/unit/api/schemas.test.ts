import { describe, expect, it } from 'vitest';
import { decode } from '../../../shared/api/decode.js';
import * as s from '../../../shared/api/schemas.js';
import { ApiError } from '../../../shared/errors.js';

const ok = (body: unknown) => ({ status: 200, contentType: 'application/json', headers: {}, text: JSON.stringify(body) });
function mismatch(schema: Parameters<typeof decode>[2], body: unknown, endpoint = 'GET /x'): string {
  try {
    decode(ok(body), endpoint, schema);
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('protocol');
    return (err as ApiError).message;
  }
  throw new Error('expected a mismatch');
}

describe('response schemas', () => {
  it('maps a project, ignoring unknown keys and tolerating missing optional ones', () => {
    const p = decode(ok({ id: 'p1', name: 'demo', default_branch: 'main', labels: [{ id: 'l', name: 'web' }], team: { name: 'sec' }, links: { html: 'https://ui/p1' }, extra: 1 }), 'GET /x', s.projectSchema);
    expect(p).toEqual({ id: 'p1', name: 'demo', defaultBranch: 'main', labels: ['web'], team: 'sec', link: 'https://ui/p1' });
    expect(decode(ok({ id: 'p2', name: 'bare' }), 'GET /x', s.projectSchema)).toEqual({ id: 'p2', name: 'bare', defaultBranch: '', labels: [] });
  });

  it('reads the event id from event_id or event, and refuses an empty one', () => {
    expect(decode(ok({ event_id: 'e1', message: 'm' }), 'POST /c', s.startedSchema)).toEqual({ eventId: 'e1', message: 'm' });
    expect(decode(ok({ event: 'e2' }), 'GET /r', s.startedSchema)).toEqual({ eventId: 'e2', message: '' });
    expect(mismatch(s.startedSchema, { event_id: '', message: 'x' }, 'POST /api/v2/scans/create')).toBe(
      'POST /api/v2/scans/create: field "event_id": expected a non-empty event id (event_id or event)',
    );
  });

  it('maps severities 4..0 and names; path "-" is no path; cwe ids as numbers', () => {
    const base = { id: 'v', name: 'SQLi', status: 'new' };
    const sev = [4, 3, 2, 1, 0, 'High'].map((severity) => decode(ok({ ...base, severity }), 'GET /v', s.vulnerabilitySchema).severity);
    expect(sev).toEqual(['critical', 'high', 'medium', 'low', 'info', 'high']);
    const v = decode(
      ok({ ...base, severity: 3, path: '-', cwe_id: '89', cvss_v3: 7.5, line: 12, scanparams: { tool: { name: 'semgrep', type: 'sast' }, branch: 'main' } }),
      'GET /v',
      s.vulnerabilitySchema,
    );
    expect(v).toEqual({ id: 'v', name: 'SQLi', severity: 'high', status: 'new', cweId: 89, cvss: 7.5, line: 12, toolName: 'semgrep', toolType: 'sast', branch: 'main' });
    expect(mismatch(s.vulnerabilitySchema, { ...base, severity: 9 })).toContain('field "severity": expected a severity');
  });

  it('names the field path of a nested mismatch', () => {
    const page = s.pageSchema('scans', s.scanSchema);
    const good = { id: 's', tool: 'semgrep', project: 'demo', date: '2026-01-01T00:00:00Z', summary: { critical: 1 } };
    expect(decode(ok({ scans: [good], total: 1 }), 'GET /s', page).items[0]!.summary).toEqual({ critical: 1, high: 0, medium: 0, low: 0, info: 0 });
    expect(mismatch(page, { scans: [good, { ...good, date: null }], total: 2 }, 'GET /api/v2/projects/{project}/scans')).toBe(
      'GET /api/v2/projects/{project}/scans: field "scans[1].date" expected string, got null',
    );
    expect(mismatch(page, { scans: [{ ...good, id: undefined }] })).toBe('GET /x: field "scans[0].id" is missing (expected string)');
  });

  it('release status keeps per-type results and the progress flag', () => {
    const r = decode(ok({ progress_status: 'ready', status: 'fail', sast: { status: 'success' }, cs: { status: 'fail', scan_id: 'sc' }, mast: { status: '' } }), 'GET /r', s.releaseSchema);
    expect(r).toEqual({ progressStatus: 'ready', status: 'fail', types: { sast: { status: 'success' }, cs: { status: 'fail', scanId: 'sc' }, mast: { status: '' } } });
  });

  it('last results accept a missing or null previous', () => {
    expect(decode(ok({ last: { score: 3, summary: { high: 1 } }, previous: null }), 'GET /l', s.lastResultsSchema)).toEqual({
      last: { score: 3, summary: { critical: 0, high: 1, medium: 0, low: 0, info: 0 } },
    });
  });

  it('scanners: params, labels and display name default', () => {
    const sc = decode(
      ok({ id: 'i', slug: 'semgrep', type: 'sast', labels: ['kdt'], custom_type: 5, params: { 'ruleset_options.config': { description: 'd', default_value: 'auto', optional: true, type: 'string' } } }),
      'GET /s',
      s.scannerSchema,
    );
    expect(sc).toEqual({
      id: 'i',
      slug: 'semgrep',
      displayName: 'semgrep',
      type: 'sast',
      labels: ['kdt'],
      customType: 5,
      disabled: false,
      params: { 'ruleset_options.config': { description: 'd', defaultValue: 'auto', optional: true, type: 'string' } },
    });
  });

  it('a duration comes from started_at/finished_at, never from the duration field alone (its unit is unknown)', () => {
    const entry = (extra: Record<string, unknown>) =>
      decode(ok({ scans: [{ id: 's', tool: 'semgrep', project: { id: 'p' }, ...extra }] }), 'GET /q', s.pageSchema('scans', s.queuedScanSchema)).items[0];
    expect(entry({ started_at: '2026-01-01T00:00:00Z', finished_at: '2026-01-01T00:00:21.5Z', duration: 21 })?.durationMs).toBe(21_500);
    expect(entry({ started_at: '2026-01-01T00:00:00Z', finished_at: '2026-01-01T00:00:21Z', duration: 21_000_000_000 })?.durationMs).toBe(21_000);
    expect(entry({ duration: 21 })?.durationMs).toBeUndefined();
    expect(entry({ started_at: '2026-01-01T00:00:00Z', finished_at: null, duration: 21 })?.durationMs).toBeUndefined();
  });

  it('queue entries carry the emulator extras when present', () => {
    const q = decode(ok({ scans: [{ id: 's', tool: 'semgrep', project: { id: 'p' }, started_at: 't0', finished_at: null, event_id: 'e', branch: 'main', duration: 3 }] }), 'GET /q', s.pageSchema('scans', s.queuedScanSchema));
    expect(q).toEqual({ items: [{ id: 's', tool: 'semgrep', projectId: 'p', startedAt: 't0', eventId: 'e', branch: 'main' }], total: 1 });
  });
});
