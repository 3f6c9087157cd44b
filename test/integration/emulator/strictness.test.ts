/**
 * Where the emulator is as strict as a real tenant, and the scenario options for what the platform's behaviour is
 * not known (see "Strictness" in test/emulator/README.md). Contract tests: plain HTTP in both URL families.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, FAMILIES } from './helpers.js';
import type { ApiClient, ProjectJson, ScanJson, ScannerJson, ScanparamsJson } from './helpers.js';

const PR_NONE = { ok: false, target: '', pr_number: '', no_decoration: false, pr_decoration_scanner_types: '' };

describe.each(FAMILIES)('bound scanners of the default scenario (%s)', (family) => {
  let emu: Emulator;
  let api: ApiClient;
  let projectId: string;
  let codethreat: ScannerJson;
  beforeAll(async () => {
    emu = await startEmulator({ timeScale: 100 });
    api = apiClient(emu, family);
  });
  beforeEach(async () => {
    emu.reset();
    projectId = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?name=demo-app')).json.projects[0]!.id;
    codethreat = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active?name=codethreat')).json.active_scanners[0]!;
  });
  afterAll(() => emu.close());

  it('codethreat and saltsecurity carry the bind label (rescan-only, as the seeds\' "Bind to: Required" says)', async () => {
    const all = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active')).json.active_scanners;
    const labels = Object.fromEntries(all.map((s) => [s.slug, s.labels]));
    expect(labels.codethreat).toContain('bind');
    expect(labels.saltsecurity).toContain('bind');
    expect(labels.semgrep).not.toContain('bind');
  });

  it('refuses a new scan configuration without bind_name, and scans/create that would need one; the saved one still starts', async () => {
    const body = { tool: { id: codethreat.id }, project: { id: projectId }, agent: {}, bind_name: '', branch: 'dev', scan_type: 'kdt', meta_data: '', scan_tag: '', fork_scan: false, pr: PR_NONE, manual: false, custom: null, environment: '' };
    const refused = await api.post(`/api/v2/projects/${projectId}/scanparams`, body);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toContain('must be bound');
    const create = { branch: 'dev', project: 'demo-app', tool_id: codethreat.id, pr: PR_NONE, custom: { type: 0, params: null }, meta_data: '', scan_tag: '', fork_scan: false, fork_source_branch: '', override_fork_source_branch: false, environment: '' };
    expect((await api.post('/api/v2/scans/create', create)).status).toBe(400);
    // main has a saved (bound) configuration: creating a scan from it is allowed.
    expect((await api.post('/api/v2/scans/create', { ...create, branch: 'main' })).status).toBe(201);
    // A configuration made in the UI carries its bind name.
    const bound = await api.post<{ scanparams: ScanparamsJson }>(`/api/v2/projects/${projectId}/scanparams`, { ...body, bind_name: 'demo-app (CodeThreat)' });
    expect(bound.status).toBe(200);
    expect(emu.state().startedEvents).toHaveLength(1);
  });

  it('re-runs are allowed: restart and restart_with_option onto a new branch', async () => {
    const base = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat&branch=main')).json.scans[0]!;
    expect((await api.get(`/api/v2/scans/${base.id}/restart`)).status).toBe(201);
    expect((await api.post(`/api/v2/scans/${base.id}/restart_with_option`, { from: 'feature/x', to: 'main', Environment: '' })).status).toBe(201);
  });
});

describe.each(FAMILIES)('an empty meta_data= / environment= filter under both readings (%s)', (family) => {
  const scenario = (emptyFilter: 'empty' | 'any'): Scenario => ({
    ...defaultScenario,
    emptyFilter,
    baselineScans: [
      ...(defaultScenario.baselineScans ?? []),
      { project: 'demo-app', tool: 'codethreat', branch: 'main', metaData: 'nightly', ageMinutes: 30 },
      { project: 'demo-app', tool: 'codethreat', branch: 'main', environment: 'staging', ageMinutes: 20 },
    ],
    scanparams: [...(defaultScenario.scanparams ?? []), { project: 'demo-app', tool: 'codethreat', branch: 'main', metaData: 'nightly', bindName: 'b' }],
  });

  it('empty (default): matches only records without one; any: matches every record', async () => {
    const empty = await startEmulator({ scenario: scenario('empty') });
    const any = await startEmulator({ scenario: scenario('any') });
    try {
      const count = async (emu: Emulator, path: string) => ((await apiClient(emu, family).get<{ total: number }>(path)).json.total);
      const toolId = emu0(empty);
      const scans = '/api/v2/projects/demo-app/scans?tool=codethreat&branch=main&meta_data=&environment=';
      const params = `/api/v2/projects/demo-app/scanparams?branch=main&meta_data=&environment=&tool_id=${toolId}`;
      expect(await count(empty, scans)).toBe(1);
      expect(await count(any, scans)).toBe(3);
      expect(await count(empty, params)).toBe(1);
      expect(await count(any, params)).toBe(3); // the saved one, the nightly one, and the staging baseline's
      // A non-empty value is an exact filter under both readings.
      expect(await count(any, '/api/v2/projects/demo-app/scans?tool=codethreat&meta_data=nightly')).toBe(1);
      expect(await count(any, '/api/v2/projects/demo-app/scans?tool=codethreat&environment=staging')).toBe(1);
    } finally {
      await Promise.all([empty.close(), any.close()]);
    }
  });
});

const emu0 = (emu: Emulator): string => emu.store.scanners.find((s) => s.slug === 'codethreat')!.id;
