/** The dotenv outputs within GitLab's dotenv rules, whatever the scanners and the platform sent. */
import { describe, expect, it } from 'vitest';
import { OUTPUT_VARIABLES } from '../../../shared/core/output-variables.js';
import { gitlabOutputs, renderDotenv } from '../../../gitlab-templates/src/dotenv.js';
import { gitlabReports } from '../../../gitlab-templates/src/report-files.js';
import { OPTIONS } from '../../../shared/core/options.js';
import { failedRun, hostileRun, passedRun, run, scanner } from '../../unit/render/fixtures.js';

const parse = (text: string): Record<string, string> =>
  Object.fromEntries(text.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('dotenv outputs', () => {
  it('never reuse a setting variable: a dotenv variable would override the next inclusion\'s inputs', () => {
    const settings = new Set(OPTIONS.flatMap((o) => [o.env, o.deprecatedEnv].filter((n): n is string => n !== undefined)));
    for (const name of Object.keys(OUTPUT_VARIABLES)) {
      expect(settings.has(name), name).toBe(false);
      expect(name).toMatch(/^INVICTI_[A-Z0-9_]+$/);
    }
    expect(Object.keys(OUTPUT_VARIABLES).length).toBeLessThanOrEqual(20);
  });

  it('sums the counts over the scanners and joins the IDs', () => {
    const result = failedRun();
    const out = gitlabOutputs(result, { noteUrl: 'https://gitlab.example.com/g/p/-/merge_requests/3#note_9' });
    const critical = result.scanners.reduce((n, s) => n + s.counts!.critical, 0);
    expect(out).toMatchObject({ INVICTI_STATUS: 'failed', INVICTI_EXIT_CODE: '1', INVICTI_CRITICAL: String(critical), INVICTI_RELEASE_STATUS: 'fail' });
    expect(out.INVICTI_NOTE_URL).toBe('https://gitlab.example.com/g/p/-/merge_requests/3#note_9');
    expect(Object.keys(parse(renderDotenv(out)))).toEqual(Object.keys(OUTPUT_VARIABLES));
  });

  it('keeps every value on one line, drops unsafe links and stays well under 5 KB for hostile input', () => {
    const hostile = hostileRun();
    hostile.summary = `${'ü→'.repeat(3000)}\nsecond line`;
    hostile.scanners = Array.from({ length: 60 }, (_, i) => scanner({ scanner: `s${i}`, eventId: `${'e'.repeat(90)}${i}`, scanId: `bad id\n${i}` }));
    const text = renderDotenv(gitlabOutputs(hostile, { noteUrl: 'javascript:alert(1)' }));
    expect(Buffer.byteLength(text)).toBeLessThan(5120);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(Object.keys(OUTPUT_VARIABLES).length);
    // eslint-disable-next-line no-control-regex -- asserting there are none
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    const out = parse(text);
    expect(out.INVICTI_NOTE_URL).toBe('');
    expect(out.INVICTI_REPORT_URL).toBe('');
    expect(out.INVICTI_SCAN_IDS).toBe('');
    expect(out.INVICTI_EVENT_IDS!.split(',').length).toBeGreaterThan(1);
    expect(out.INVICTI_EVENT_IDS!.length).toBeLessThanOrEqual(400);
  });

  it('leaves what does not apply empty', () => {
    const out = gitlabOutputs(run({ scanners: [], project: { id: 'p', name: 'p' } }));
    // No scanner reported (the run broke before): nothing was counted, so no total either (it was "0").
    expect(out).toMatchObject({ INVICTI_RISK_SCORE: '', INVICTI_EVENT_IDS: '', INVICTI_REPORT_URL: '', INVICTI_NOTE_URL: '', INVICTI_TOTAL: '', INVICTI_CRITICAL: '' });
  });
});

describe('report files', () => {
  it('writes a security report only for the scanner types present', () => {
    expect(gitlabReports(failedRun()).map((r) => r.kind)).toEqual(['sast', 'dast', 'codequality', 'junit']);
    expect(gitlabReports(passedRun()).map((r) => r.kind)).toEqual(['sast', 'codequality', 'junit']);
    expect(gitlabReports(run({ scanners: [scanner({ scannerType: 'sca' })] })).map((r) => r.kind)).toEqual(['codequality', 'junit']);
  });
});
