/**
 * Where the emulator is as strict as a real tenant, and the scenario options for what the platform's behaviour is
 * not known (see "Strictness" in test/emulator/README.md). Contract tests: plain HTTP in both URL families.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, FAMILIES, sarifReport, semgrepReport } from './helpers.js';
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

/** A creatable scanner that declares one required parameter (and an optional one, and a required one with a default). */
const paramsScenario = (requiredParams: 'refuse' | 'ignore'): Scenario => ({
  ...defaultScenario,
  requiredParams,
  scanners: [
    ...(defaultScenario.scanners ?? []),
    {
      slug: 'sonatypenl',
      type: 'sca',
      labels: ['kdt'],
      customType: 7,
      params: {
        'app.public_id': { description: 'Application public id', optional: false, type: 'string' },
        report_id: { description: 'Report id', optional: true, type: 'string' },
        stage: { description: 'Stage', optional: false, default_value: 'build', type: 'string' },
      },
    },
  ],
});

describe.each(FAMILIES)('a new scan configuration missing a required scanner parameter (%s)', (family) => {
  const emus: Emulator[] = [];
  afterAll(() => Promise.all(emus.map((e) => e.close())));
  const setup = async (requiredParams: 'refuse' | 'ignore') => {
    const emu = await startEmulator({ scenario: paramsScenario(requiredParams), timeScale: 100 });
    emus.push(emu);
    const api = apiClient(emu, family);
    const projectId = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?name=demo-app')).json.projects[0]!.id;
    const tool = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active?name=sonatypenl')).json.active_scanners[0]!;
    const scanparams = (params: Record<string, unknown> | null) => ({
      tool: { id: tool.id }, project: { id: projectId }, agent: {}, bind_name: '', branch: 'main', scan_type: 'kdt', meta_data: '', scan_tag: '',
      fork_scan: false, pr: PR_NONE, manual: false, custom: { type: 7, params }, environment: '',
    });
    const create = (params: Record<string, unknown> | null, branch = 'dev') => ({
      branch, project: 'demo-app', tool_id: tool.id, pr: PR_NONE, custom: { type: 7, params }, meta_data: '', scan_tag: '', fork_scan: false,
      fork_source_branch: '', override_fork_source_branch: false, environment: '',
    });
    return { emu, api, projectId, scanparams, create };
  };

  it('refuse (default): POST scanparams and scans/create answer 400 naming the missing parameter, and create nothing', async () => {
    const { emu, api, projectId, scanparams, create } = await setup('refuse');
    for (const params of [null, { report_id: 'r1' }, { app: { public_id: '' } }]) {
      const refused = await api.post(`/api/v2/projects/${projectId}/scanparams`, scanparams(params));
      expect(refused.status).toBe(400);
      // `stage` has a default value, so only the parameter without one is missing.
      expect(refused.json).toEqual({ error: 'missing required parameters for scanner sonatypenl: app.public_id' });
      const scan = await api.post('/api/v2/scans/create', create(params));
      expect(scan.status).toBe(400);
      expect(scan.json.error).toBe('missing required parameters for scanner sonatypenl: app.public_id');
    }
    expect(emu.store.scanparams.filter((sp) => emu.store.scanner(sp.toolId)?.slug === 'sonatypenl')).toHaveLength(0);
    expect(emu.state().startedEvents).toHaveLength(0);
    // Nested (as kdt builds dotted keys) or literal, the parameter satisfies the check.
    expect((await api.post(`/api/v2/projects/${projectId}/scanparams`, scanparams({ app: { public_id: 'a1' } }))).status).toBe(200);
    expect((await api.post('/api/v2/scans/create', create({ 'app.public_id': 'a1' }))).status).toBe(201);
  });

  it('a saved configuration starts without the params in the body; ignore accepts a configuration without them', async () => {
    const { api, projectId, scanparams, create } = await setup('refuse');
    const saved = await api.post<{ scanparams: ScanparamsJson }>(`/api/v2/projects/${projectId}/scanparams`, scanparams({ app: { public_id: 'a1' } }));
    expect((await api.post('/api/v2/scans/create', { ...create(null, 'main'), scanparams_id: saved.json.scanparams.id })).status).toBe(201);
    const lenient = await setup('ignore');
    expect((await lenient.api.post(`/api/v2/projects/${lenient.projectId}/scanparams`, lenient.scanparams(null))).status).toBe(200);
    expect((await lenient.api.post('/api/v2/scans/create', lenient.create(null))).status).toBe(201);
  });
});

describe.each(FAMILIES)('an import whose file does not match the tool (%s)', (family) => {
  const emus: Emulator[] = [];
  afterAll(() => Promise.all(emus.map((e) => e.close())));
  const form = (body: string, tool: string): FormData => {
    const f = new FormData();
    f.append('file', new Blob([body]), 'report');
    for (const [k, v] of Object.entries({ project: 'demo-app', branch: 'main', tool, meta_data: '', scan_tag: '', target: '', environment: '' })) f.append(k, v);
    return f;
  };
  const sarif = JSON.stringify(sarifReport([{ ruleId: 'r1', uri: 'a.ts', line: 1, text: 'x' }]));
  const semgrep = JSON.stringify(semgrepReport([{ check_id: 'c1', severity: 'ERROR', path: 'a.ts', line: 1, message: 'x' }]));

  it("tool (default): semgrep JSON into a SARIF-only tool and non-JSON into a JSON tool are 400 naming the tool's formats; nothing starts", async () => {
    const emu = await startEmulator({ timeScale: 100 });
    emus.push(emu);
    const api = apiClient(emu, family);
    const wrong = await api.upload('/api/v2/scans/import', form(semgrep, 'trivy'));
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({ error: 'unsupported file format: the file is semgrep JSON, but scanner trivy imports SARIF 2.1.0' });
    const text = await api.upload('/api/v2/scans/import', form('<?xml version="1.0"?><report/>', 'semgrep'));
    expect(text.status).toBe(400);
    expect(text.json).toEqual({ error: 'unsupported file format: scanner semgrep imports semgrep JSON or SARIF 2.1.0' });
    expect(emu.state().startedEvents).toHaveLength(0);
    expect(emu.uploads()).toHaveLength(0);
    // Each tool's own formats are accepted.
    expect((await api.upload('/api/v2/scans/import', form(sarif, 'trivy'))).status).toBe(200);
    expect((await api.upload('/api/v2/scans/import', form(semgrep, 'semgrep'))).status).toBe(200);
    expect((await api.upload('/api/v2/scans/import', form(sarif, 'semgrep'))).status).toBe(200);
  });

  it('the format of a file above the parse limit is sniffed from its head and checked the same way', async () => {
    const emu = await startEmulator({ scenario: { ...defaultScenario, importParseLimitBytes: 1024 }, timeScale: 100 });
    emus.push(emu);
    const api = apiClient(emu, family);
    const big = JSON.stringify({ ...(JSON.parse(semgrep) as object), padding: 'x'.repeat(4096) });
    const wrong = await api.upload('/api/v2/scans/import', form(big, 'trivy'));
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toContain('the file is semgrep JSON');
    const accepted = await api.upload('/api/v2/scans/import', form(big, 'semgrep'));
    expect(accepted.status).toBe(200);
    expect(emu.uploads()[0]).toMatchObject({ format: 'semgrep', parsed: false });
  });

  it('any: every format the emulator reads goes into every importing scanner', async () => {
    const emu = await startEmulator({ scenario: { ...defaultScenario, importFormats: 'any' }, timeScale: 100 });
    emus.push(emu);
    const api = apiClient(emu, family);
    expect((await api.upload('/api/v2/scans/import', form(semgrep, 'trivy'))).status).toBe(200);
    // A file the emulator cannot read is refused under both readings.
    expect((await api.upload('/api/v2/scans/import', form('plain text', 'trivy'))).status).toBe(400);
  });
});
