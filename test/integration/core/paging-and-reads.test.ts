/**
 * What a run reads, counted at the emulator: pages advanced by the items received whatever the server's
 * maximum page size (7, 25, 100), findings read only as far as the outputs need them, the catalogue and the
 * release status read once for several scanners, and one connection for the whole run. Counts are
 * deterministic; no timing is asserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Severity } from '../../../shared/api/types.js';
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js';
import { runCore } from '../../helpers/core-run.js';
import { cliInProcess } from '../../resilience/support.js';

const TOKEN = 'paging-test-token-71c2';
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
/** 53 findings: 5 critical, then high, medium, low and info in turn. */
const FINDINGS = Array.from({ length: 53 }, (_, i) => ({
  name: `Finding ${i}`,
  severity: i < 5 ? 'critical' : SEVERITIES[1 + (i % 4)]!,
  path: `src/file-${i}.ts`,
  line: i + 1,
}));
const SIMILAR = 60;

function scenario(maxPageSize: number): Scenario {
  return {
    maxPageSize,
    // The exact name comes last in the platform's list, after many names that contain it.
    projects: [
      ...Array.from({ length: SIMILAR }, (_, i) => ({ name: `paging-app-${String(i).padStart(3, '0')}` })),
      { name: 'paging-app', release: { rules: { sast: { failWhen: { critical: 0 } } } } },
    ],
    scanners: ['sast-a', 'sast-b'].map((slug) => ({ slug, type: 'sast', labels: ['kdt'], durationMs: 0, findings: { default: FINDINGS } })),
    scanparams: ['sast-a', 'sast-b'].map((tool) => ({ project: 'paging-app', tool, branch: 'main' })),
    baselineScans: ['sast-a', 'sast-b'].map((tool) => ({ project: 'paging-app', tool, branch: 'main', ageMinutes: 60 })),
  };
}

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const run = (raw: Record<string, string>) => ({ project: 'paging-app', scanner: 'sast-a', branch: 'main', 'api-mode': 'core', 'release-criteria': 'off', ...raw });
const paths = (e: Emulator, suffix: string) => e.requests().filter((r) => r.apiPath.endsWith(suffix));

describe.each([7, 25, 100])('with a server maximum page size of %i', (max) => {
  it('finds the exact project among many similar names, and reads every finding when a report needs them', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: scenario(max) });
    const { result } = await runCore(emu, run({}), { findings: { all: true, top: 0, newCounts: false } });
    expect(result.project.name).toBe('paging-app');
    const [s] = result.scanners;
    expect(s!.findings).toHaveLength(FINDINGS.length);
    expect(new Set(s!.findings.map((f) => f.name)).size).toBe(FINDINGS.length);
    expect(s!.findingsTruncated).toBe(false);
    // Every page asked for starts where the items received so far end.
    const starts = paths(emu, '/vulnerabilities').map((r) => Number(r.query.start)).sort((a, b) => a - b);
    expect(starts).toEqual(Array.from({ length: Math.ceil(FINDINGS.length / max) }, (_, i) => i * max));
    const projectPages = paths(emu, '/api/v2/projects').length;
    expect(projectPages).toBe(Math.ceil((SIMILAR + 1) / max));
  });

  it('reads only the most severe findings a comment shows, by severity, and the new counts', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: scenario(max) });
    const { result } = await runCore(emu, run({}), { findings: { all: false, top: 8, newCounts: true } });
    const [s] = result.scanners;
    expect(s!.findings.map((f) => f.severity)).toEqual(['critical', 'critical', 'critical', 'critical', 'critical', 'high', 'high', 'high']);
    expect(s!.findingsTruncated).toBe(true);
    expect(s!.counts).toEqual({ critical: 5, high: 12, medium: 12, low: 12, info: 12 });
    expect(s!.newCounts).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
    const reads = paths(emu, '/vulnerabilities');
    expect(reads.filter((r) => r.query.status === 'new')).toHaveLength(1);
    const bySeverity = reads.filter((r) => r.query.status === undefined);
    expect(bySeverity.every((r) => r.query.severity === '4' || r.query.severity === '3')).toBe(true);
    expect(bySeverity.length).toBe(Math.ceil(5 / max) + Math.ceil(3 / max));
  });
});

describe('what a run reads', () => {
  it('a rescan with no report reads no finding page, not even the new ones, and uses one connection', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: { ...scenario(100), projects: [{ name: 'paging-app' }] } });
    const { result } = await runCore(emu, run({ 'threshold-critical': '0' }), { findings: { all: false, top: 0, newCounts: false } });
    expect(result.scanners[0]).toMatchObject({ status: 'failed', counts: { critical: 5 } });
    // Not read is not zero: the result says the split is unknown.
    expect(result.scanners[0]!.newCounts).toBeUndefined();
    const log = emu.requests();
    expect(log.filter((r) => r.apiPath.endsWith('/vulnerabilities'))).toEqual([]);
    expect(new Set(log.map((r) => r.connection)).size).toBe(1);
  });

  it('new-findings-only reads the new findings and gates on them, even when no output shows them', async () => {
    // No earlier scan: this first scan's findings are all new on the platform.
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: { ...scenario(100), projects: [{ name: 'paging-app' }], baselineScans: [] } });
    const { result } = await runCore(emu, run({ 'threshold-critical': '0', 'threshold-high': '20', 'new-findings-only': 'true' }), { findings: { all: false, top: 0, newCounts: false } });
    const [s] = result.scanners;
    expect(s).toMatchObject({ status: 'failed', newCounts: { critical: 5, high: 12, medium: 12, low: 12, info: 12 } });
    expect(s!.reasons.map((r) => r.message)).toEqual(['5 new critical findings, more than the allowed 0', '12 new high findings, within the allowed 20']);
    const reads = paths(emu, '/vulnerabilities');
    expect(reads.map((r) => r.query.status)).toEqual(['new']);
  });

  it('the CLI with no report and no new-findings-only reads no new findings and does not print a new count it does not know', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: { ...scenario(100), projects: [{ name: 'paging-app' }] } });
    const env = { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN };
    const plain = await cliInProcess(['scan', '-p', 'paging-app', '-s', 'sast-a', '-b', 'main', '--api-mode', 'core', '--release-criteria', 'off'], env);
    expect(plain.code).toBe(0);
    expect(paths(emu, '/vulnerabilities')).toEqual([]);
    const line = plain.stdout.split('\n').find((l) => l.includes('sast-a (sast)'));
    expect(line).toContain('critical 5');
    expect(line).not.toMatch(/\bnew\b/);
    // Asked for, the same run reads them and prints them.
    emu.clearRequests();
    const gated = await cliInProcess(['scan', '-p', 'paging-app', '-s', 'sast-a', '-b', 'main', '--api-mode', 'core', '--release-criteria', 'off', '--new-findings-only'], env);
    expect(gated.code).toBe(0);
    expect(paths(emu, '/vulnerabilities').map((r) => r.query.status)).toEqual(['new']);
    expect(gated.stdout).toMatch(/sast-a \(sast\): passed .* new 0/);
  });

  it('a rescan with api-mode auto and default settings, instant completion: 9 requests, the project search is the mode probe', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: { ...scenario(100), projects: [{ name: 'paging-app', release: { rules: { sast: { failWhen: { critical: 0 } } } } }] } });
    const { result } = await runCore(emu, { project: 'paging-app', scanner: 'sast-a', branch: 'main', 'api-mode': 'auto' }, { findings: { all: false, top: 0, newCounts: false } });
    expect(result.scanners[0]).toMatchObject({ mode: 'rescan', release: { status: 'fail' } });
    const log = emu.requests().map((r) => `${r.method} ${r.apiPath.replace(/[0-9a-f]{24}/g, '{id}')}${r.query.status === 'new' ? '?status=new' : ''}`);
    // Each stays: the search and the scanner check resolve the names (kdt checks `disabled` too); the latest scan
    // is what is restarted; the queue and completed lists are the start guard's proof of which scan is ours (the
    // platform filters neither list, so they cannot be one read); the poll, the scan detail (counts, score) and
    // the release status are what the report and the gate show. No version probe is sent, and no finding page:
    // nothing here shows findings or the new/existing split (new-findings-only, a comment or the GitHub outputs
    // would read it).
    expect(log).toEqual([
      'GET /api/v2/projects',
      'GET /api/v2/scanners/active',
      'GET /api/v2/projects/paging-app/scans',
      'GET /api/v2/scans/queue',
      'GET /api/v2/scans/completed',
      'GET /api/v2/scans/{id}/restart',
      'GET /api/v2/events/{id}/status',
      'GET /api/v2/scans/{id}',
      'GET /api/v2/projects/paging-app/release',
    ]);
  });

  it('a scan that outlasts the first poll: the waiter reads no history, it has the completed list the start guard read', async () => {
    // A scan that runs until the test completes it, once the waiter has seen it running (no race with the clock).
    const long = scenario(100);
    emu = await startEmulator({
      token: TOKEN,
      mode: 'core',
      scenario: { ...long, projects: [{ name: 'paging-app' }], scanners: long.scanners!.map((sc) => ({ ...sc, durationMs: 3_600_000 })), baselineScans: [] },
    });
    const running = runCore(emu, run({}), { findings: { all: false, top: 0, newCounts: false } });
    const polls = () => emu!.requests().filter((r) => r.apiPath.endsWith('/status'));
    while (polls().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    emu.completeEvent(polls()[0]!.apiPath.split('/')[4]!);
    const { result } = await running;
    expect(result.scanners[0]).toMatchObject({ status: 'passed', mode: 'create' });
    const log = emu.requests().map((r) => `${r.method} ${r.apiPath.replace(/[0-9a-f]{24}/g, '{id}')}`);
    const firstPoll = log.indexOf('GET /api/v2/events/{id}/status');
    expect(log.slice(firstPoll).filter((l) => l === 'GET /api/v2/events/{id}/status').length).toBeGreaterThanOrEqual(2);
    // One read of the completed list, before the start; the polls after the first need no other.
    expect(log.filter((l) => l === 'GET /api/v2/scans/completed')).toHaveLength(1);
    expect(log.indexOf('GET /api/v2/scans/completed')).toBeLessThan(log.indexOf('POST /api/v2/scans/create'));
    expect(log.filter((l) => l !== 'GET /api/v2/events/{id}/status')).toEqual([
      'GET /api/v2/projects',
      'GET /api/v2/scanners/active',
      'GET /api/v2/projects/paging-app/scans',
      'GET /api/v2/projects/paging-app/scanparams',
      'GET /api/v2/scans/queue',
      'GET /api/v2/scans/completed',
      'POST /api/v2/scans/create',
      'GET /api/v2/scans/{id}',
    ]);
  });

  it('several scanners share one catalogue read and one release read, made after the last scan', async () => {
    emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: { ...scenario(100), projects: [{ name: 'paging-app', release: { rules: { sast: { failWhen: { critical: 0 } } } } }] } });
    const { result } = await runCore(emu, run({ scanner: 'sast-a,sast-b', 'release-criteria': 'scanner' }), { findings: { all: false, top: 0, newCounts: false } });
    expect(result.scanners.map((s) => s.release?.status)).toEqual(['fail', 'fail']);
    const log = emu.requests();
    expect(log.filter((r) => r.apiPath === '/api/v2/scanners/active')).toHaveLength(1);
    const releases = log.filter((r) => r.apiPath.endsWith('/release'));
    expect(releases).toHaveLength(1);
    const lastDetail = Math.max(...log.filter((r) => /\/scans\/[0-9a-f]{24}$/.test(r.apiPath)).map((r) => r.index));
    expect(releases[0]!.index).toBeGreaterThan(lastDetail);
  });
});
