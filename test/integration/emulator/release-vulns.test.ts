import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { creatableScenario, defaultScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, FAMILIES, sarifReport, steppingClock } from './helpers.js';
import type { ApiClient, EventJson, ProjectJson, RestartJson, ScanJson, ScannerJson, StartedJson, VulnJson } from './helpers.js';

type Vulns = { vulnerabilities: VulnJson[]; total: number };
type Release = Record<string, unknown> & { progress_status: string; sast: { scan_id?: string }; sca: { scan_id?: string } };

const RELEASE_KEYS = ['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom', 'infra'];

describe.each(FAMILIES)('release criteria and vulnerabilities, default scenario (%s)', (family) => {
  const clock = steppingClock();
  let emu: Emulator;
  let api: ApiClient;
  let projectId: string;
  beforeAll(async () => {
    // Creatable scanners: scans on other branches are started with scans/create.
    emu = await startEmulator({ now: clock.now, scenario: creatableScenario });
    api = apiClient(emu, family);
  });
  beforeEach(async () => {
    emu.reset();
    projectId = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?name=demo-app')).json.projects[0]!.id;
  });
  afterAll(() => emu.close());

  const scanBranch = async (tool: string, branch: string) => {
    const toolId = (await api.get<{ active_scanners: ScannerJson[] }>(`/api/v2/scanners/active?name=${tool}`)).json.active_scanners[0]!.id;
    const r = await api.post<StartedJson>('/api/v2/scans/create', { project: 'demo-app', tool_id: toolId, branch, meta_data: '' });
    clock.advance(3_000);
    return (await api.get<EventJson>(`/api/v2/events/${r.json.event_id}/status`)).json.scan_id;
  };

  it('has every type key; sast fails on the critical of the latest sast scan, dast succeeds', async () => {
    const a = await api.get<Release>('/api/v2/projects/demo-app/release');
    expect(a.status).toBe(200);
    expect(Object.keys(a.json).sort()).toEqual(['progress_status', 'status', ...RELEASE_KEYS].sort());
    expect(a.json).toMatchObject({ progress_status: 'ready', status: 'fail', sast: { status: 'fail' }, dast: { status: 'success' }, sca: { status: 'undefined' } });
    const sastScan = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat')).json.scans[0]!;
    expect(a.json.sast.scan_id).toBe(sastScan.id);
    expect(a.json.sca.scan_id).toBeUndefined();
    expect((await api.get(`/api/v2/projects/${projectId}/release?branch=main`)).json).toEqual({ ...a.json });
  });

  it('evaluates the branch asked for: no scans there gives undefined', async () => {
    const a = await api.get('/api/v2/projects/demo-app/release?branch=feature%2Fnew');
    expect(a.json).toMatchObject({ status: 'undefined', sast: { status: 'undefined' }, dast: { status: 'undefined' } });
    await scanBranch('saltsecurity', 'feature/new');
    const b = await api.get('/api/v2/projects/demo-app/release?branch=feature%2Fnew');
    expect(b.json).toMatchObject({ status: 'success', dast: { status: 'success' }, sast: { status: 'undefined' } });
  });

  it('unknown project: 400 {"error":"failed to get projects"}', async () => {
    const a = await api.get('/api/v2/projects/nope/release');
    expect(a.status).toBe(400);
    expect(a.json).toEqual({ error: 'failed to get projects' });
  });

  it('vulnerabilities: latest scan per tool on the default branch, severities 4..0, DAST extras', async () => {
    const a = await api.get<Vulns>(`/api/v2/projects/${projectId}/vulnerabilities`);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ limit: 30, start: 0, total: 14 });
    const v = a.json.vulnerabilities;
    expect(v.map((x) => x.severity)).toEqual(v.map((x) => x.severity).sort((p, q) => q - p));
    expect(v[0]).toMatchObject({ name: 'SQL Injection', severity: 4, cwe_id: 89, path: 'src/db/users.ts', line: 42, tool: 'codethreat', status: 'new' });
    expect(v[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    expect(v[0]!.scanparams).toMatchObject({ tool: { name: 'codethreat', type: 'sast' }, project: { id: projectId, name: 'demo-app' }, branch: 'main' });
    expect(v[0]!.cwe).toMatchObject({ cwe_id: 89, name: expect.any(String) });
    const bola = v.find((x) => x.name.startsWith('Broken Object Level'));
    expect(bola).toMatchObject({ severity: 3, method: 'GET', parameter: 'id', path: expect.stringContaining('/api/v1/users/{id}') });
    expect(v.find((x) => x.severity === 0)).toMatchObject({ name: 'Debug Logging Enabled' });
    const page = await api.get<Vulns>(`/api/v2/projects/${projectId}/vulnerabilities?limit=5&start=10`);
    expect(page.json.vulnerabilities).toHaveLength(4);
    expect(page.json.total).toBe(14);
  });

  it('vulnerabilities filters: tool_name, type, severity, branch', async () => {
    const q = (s: string) => api.get(`/api/v2/projects/${projectId}/vulnerabilities?${s}`);
    expect((await q('tool_name=saltsecurity')).json.total).toBe(5);
    expect((await q('type=sast')).json.total).toBe(9);
    expect((await q('severity=3')).json.total).toBe(4);
    expect((await q('branch=feature%2Fx')).json.total).toBe(0);
    await scanBranch('codethreat', 'feature/x');
    expect((await q('branch=feature%2Fx&severity=4')).json.total).toBe(2);
  });

  it('status is recurrent for a finding already in the previous scan of the same tool and branch', async () => {
    const baseline = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat')).json.scans[0]!;
    const r = await api.get<RestartJson>(`/api/v2/scans/${baseline.id}/restart`);
    clock.advance(3_000);
    await api.get(`/api/v2/events/${r.json.event}/status`);
    const sast = await api.get<Vulns>(`/api/v2/projects/${projectId}/vulnerabilities?tool_name=codethreat`);
    expect(sast.json.vulnerabilities.every((x) => x.status === 'recurrent')).toBe(true);
    const first = sast.json.vulnerabilities[0]!;
    expect(Date.parse(first.first_seen)).toBeLessThan(Date.parse(first.last_seen));
  });

  it('new and recurrent mix across two imports on one branch', async () => {
    const upload = async (results: Parameters<typeof sarifReport>[0]) => {
      const form = new FormData();
      form.append('file', new Blob([JSON.stringify(sarifReport(results))]), 'r.sarif');
      for (const [k, v] of Object.entries({ project: 'demo-app', branch: 'imp', tool: 'semgrep', meta_data: '' })) form.append(k, v);
      const a = await api.upload<StartedJson>('/api/v2/scans/import', form);
      expect(a.status).toBe(200);
      clock.advance(1_000);
      expect((await api.get<EventJson>(`/api/v2/events/${a.json.event_id}/status`)).json.status).toBe(6);
    };
    const A = { ruleId: 'a', level: 'error', uri: 'a.ts', line: 1, text: 'A' };
    const B = { ruleId: 'b', level: 'warning', uri: 'b.ts', line: 2, text: 'B' };
    const C = { ruleId: 'c', level: 'note', uri: 'c.ts', line: 3, text: 'C' };
    await upload([A, B]);
    await upload([B, C]);
    const v = (await api.get<Vulns>(`/api/v2/projects/${projectId}/vulnerabilities?branch=imp`)).json.vulnerabilities;
    expect(v.map((x) => `${x.name}:${x.status}`)).toEqual(['B:recurrent', 'C:new']);
    // A third import brings A back: new against the previous scan, but first seen in the first one; ids stay.
    const idOf = (name: string) => v.find((x) => x.name === name)?.id;
    await upload([A, B, C]);
    const q = (query: string) => api.get<Vulns>(`/api/v2/projects/${projectId}/vulnerabilities?branch=imp${query}`).then((r) => r.json);
    const all = await q('');
    expect(all.vulnerabilities.map((x) => `${x.name}:${x.status}`)).toEqual(['A:new', 'B:recurrent', 'C:recurrent']);
    expect(all.vulnerabilities.find((x) => x.name === 'B')!.id).toBe(idOf('B'));
    const a = all.vulnerabilities[0]!;
    const b = all.vulnerabilities[1]!;
    expect(a.first_seen).toBe(b.first_seen);
    expect(Date.parse(a.first_seen)).toBeLessThan(Date.parse(a.last_seen));
    // status and severity filters count all matches; pages cut across severities and keep the order
    expect((await q('&status=new')).vulnerabilities.map((x) => x.name)).toEqual(['A']);
    const recurrent = await q('&status=recurrent&limit=1&start=1');
    expect([recurrent.total, recurrent.vulnerabilities.map((x) => x.name)]).toEqual([2, ['C']]);
    expect((await q('&status=fixed')).total).toBe(0);
    const page = await q('&limit=2&start=1');
    expect([page.total, page.vulnerabilities.map((x) => x.name)]).toEqual([3, ['B', 'C']]);
    expect((await q('&start=5')).vulnerabilities).toEqual([]);
    expect((await q(`&severity=${a.severity}`)).vulnerabilities.map((x) => x.name)).toEqual(['A']);
  });
});

describe('release rule kinds', () => {
  const scenario = (rules: NonNullable<NonNullable<Scenario['projects']>[number]['release']>): Scenario => ({
    ...defaultScenario,
    projects: [{ ...defaultScenario.projects![0]!, release: rules }],
  });

  it('fixed statuses: success wins over undefined; nothing set gives undefined', async () => {
    const emu = await startEmulator({ scenario: scenario({ rules: { sca: 'success', mast: 'undefined' } }) });
    const emu2 = await startEmulator({ scenario: scenario({ rules: {} }) });
    try {
      const a = await apiClient(emu, 'legacy').get('/api/v2/projects/demo-app/release');
      expect(a.json).toMatchObject({ status: 'success', sca: { status: 'success' }, sast: { status: 'undefined' } });
      const b = await apiClient(emu2, 'legacy').get('/api/v2/projects/demo-app/release');
      expect(b.json.status).toBe('undefined');
    } finally {
      await emu.close();
      await emu2.close();
    }
  });

  it('failWhen thresholds on counts and score; a fixed fail fails overall', async () => {
    const emu = await startEmulator({ scenario: scenario({ rules: { dast: { failWhen: { high: 1 } }, sast: { failWhen: { score: 50 } }, pentest: 'fail' } }) });
    try {
      const a = await apiClient(emu, 'core').get('/api/v2/projects/demo-app/release');
      expect(a.json).toMatchObject({ status: 'fail', dast: { status: 'fail' }, sast: { status: 'success' }, pentest: { status: 'fail' } });
    } finally {
      await emu.close();
    }
  });

  it('inProgressPolls: in_progress for the first n calls, re-armed when a scan finishes', async () => {
    const clock = steppingClock();
    const emu = await startEmulator({ now: clock.now, scenario: scenario({ rules: { sast: 'success' }, inProgressPolls: 2 }) });
    try {
      const api = apiClient(emu, 'legacy');
      const poll = async () => (await api.get<Release>('/api/v2/projects/demo-app/release?branch=main')).json.progress_status;
      expect([await poll(), await poll(), await poll()]).toEqual(['in_progress', 'in_progress', 'ready']);
      const scan = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat')).json.scans[0]!;
      const r = await api.get<RestartJson>(`/api/v2/scans/${scan.id}/restart`);
      clock.advance(3_000);
      await api.get(`/api/v2/events/${r.json.event}/status`);
      expect([await poll(), await poll(), await poll()]).toEqual(['in_progress', 'in_progress', 'ready']);
    } finally {
      await emu.close();
    }
  });
});
