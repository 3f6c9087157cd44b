import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultScenario, loadScenarioFile, parseScenario, ScenarioError, startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, steppingClock } from './helpers.js';
import type { EventJson, ProjectJson, ScanJson, ScannerJson, StartedJson } from './helpers.js';

describe('scenario validation', () => {
  it('fills defaults', () => {
    const s = parseScenario({ projects: [{ name: 'p' }], scanners: [{ slug: 's', type: 'sast' }] });
    expect(s.projects[0]).toMatchObject({ defaultBranch: 'main', labels: [], team: 'appsec', release: { rules: {}, inProgressPolls: 0 } });
    expect(s.scanners[0]).toMatchObject({ labels: [], disabled: false, customType: 0, durationMs: 3000 });
    expect(s).toMatchObject({ scannerNameMatch: 'exact', projectNameMatch: 'contains', importParseLimitBytes: 64 * 1024 * 1024 });
  });

  it('accepts the default scenario', () => {
    const s = parseScenario(defaultScenario);
    expect(s.scanners.map((x) => x.slug)).toEqual(['codethreat', 'saltsecurity', 'semgrep', 'trivy']);
  });

  it.each<[unknown, RegExp]>([
    [{ scanners: [{ slug: 's' }] }, /scanners\[0\]\.type/],
    [{ scanners: [{ slug: 's', type: 'sast', findings: { default: [{ name: 'x', severity: 'urgent' }] } }] }, /scanners\[0\]\.findings\.default\[0\]\.severity/],
    [{ projects: [{ name: 'p', release: { rules: { sast: 'maybe' } } }] }, /projects\[0\]\.release\.rules\.sast/],
    [{ projects: [{ name: 'p', id: 'not-hex' }] }, /projects\[0\]\.id/],
    [{ projects: [{ name: 'p', colour: 'red' }] }, /projects\[0\]/],
    [{ scanparams: [{ project: 'ghost', tool: 'none' }] }, /scanparams\[0\]\.project/],
    [{ projects: [{ name: 'p' }, { name: 'p' }] }, /projects\[1\]\.name: duplicate/],
    [{ scannerNameMatch: 'fuzzy' }, /scannerNameMatch/],
    [[], /\(root\)/],
  ])('names the bad field: %j', (input, path) => {
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    expect(() => parseScenario(input)).toThrow(path);
  });

  it('startEmulator rejects a bad scenario object', async () => {
    await expect(startEmulator({ scenario: { scanners: [{ slug: '' } as never] } })).rejects.toThrow(/scanners\[0\]/);
  });
});

describe('scenario files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emu-scenario-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads YAML and JSON files', async () => {
    const yamlFile = join(dir, 's.yaml');
    await writeFile(yamlFile, stringify({ projects: [{ name: 'from-yaml' }] }));
    expect(loadScenarioFile(yamlFile).projects[0]!.name).toBe('from-yaml');
    const jsonFile = join(dir, 's.json');
    await writeFile(jsonFile, JSON.stringify({ projects: [{ name: 'from-json' }] }));
    const emu = await startEmulator({ scenario: jsonFile });
    try {
      expect((await apiClient(emu, 'legacy').get<{ projects: ProjectJson[] }>('/api/v2/projects')).json.projects[0]!.name).toBe('from-json');
    } finally {
      await emu.close();
    }
  });

  it('reports unreadable, unparsable and invalid files with the file name', async () => {
    expect(() => loadScenarioFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml.*ENOENT/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"projects": [');
    expect(() => loadScenarioFile(broken)).toThrow(/broken\.json is not valid JSON/);
    const invalid = join(dir, 'invalid.yml');
    await writeFile(invalid, 'scanners:\n  - slug: a\n    type: 3\n');
    expect(() => loadScenarioFile(invalid)).toThrow(/invalid\.yml: invalid scenario: scanners\[0\]\.type/);
  });
});

describe('scenario behaviour', () => {
  const clock = steppingClock();
  const scenario: Scenario = {
    projects: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'shop', defaultBranch: 'develop' }, { name: 'blog' }],
    scanners: [
      {
        id: 'bbbbbbbbbbbbbbbbbbbbbbbb',
        slug: 'flaky',
        type: 'sast',
        durationMs: 10_000,
        failure: { message: 'license expired', branches: ['release/*'] },
        findings: {
          default: [{ name: 'A', severity: 'low' }],
          branches: [
            { branch: 'hotfix/*', project: 'shop', replace: [{ name: 'B', severity: 'critical' }] },
            { branch: 'feat-?', add: [{ name: 'C', severity: 'high', fingerprint: 'c-1' }] },
          ],
        },
      },
      { slug: 'off', type: 'dast', disabled: true },
    ],
  };
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ scenario, now: clock.now, timeScale: 10 });
  });
  afterAll(() => emu.close());

  const run = async (project: string, branch: string) => {
    const api = apiClient(emu, 'legacy');
    const r = await api.post<StartedJson>('/api/v2/scans/create', { project, tool_id: 'bbbbbbbbbbbbbbbbbbbbbbbb', branch, meta_data: '' });
    expect(r.status).toBe(201);
    clock.advance(999);
    expect((await api.get<EventJson>(`/api/v2/events/${r.json.event_id}/status`)).json.active).toBe(1);
    clock.advance(1);
    return (await api.get<EventJson>(`/api/v2/events/${r.json.event_id}/status`)).json;
  };

  it('uses given ids, scales durations by timeScale, and applies per-branch findings (first match wins)', async () => {
    const api = apiClient(emu, 'legacy');
    expect((await api.get<{ project: ProjectJson }>('/api/v2/projects/aaaaaaaaaaaaaaaaaaaaaaaa')).json.project.name).toBe('shop');
    const summary = async (project: string, branch: string) => (await api.get<ScanJson>(`/api/v2/scans/${(await run(project, branch)).scan_id}`)).json.summary;
    expect(await summary('shop', 'develop')).toMatchObject({ low: 1, critical: 0, high: 0 });
    expect(await summary('shop', 'hotfix/1')).toMatchObject({ low: 0, critical: 1 });
    expect(await summary('blog', 'hotfix/1')).toMatchObject({ low: 1, critical: 0 });
    expect(await summary('blog', 'feat-x')).toMatchObject({ low: 1, high: 1 });
  });

  it('fails scans on the failure branches with the message', async () => {
    expect(await run('shop', 'release/2.0')).toMatchObject({ active: -1, status: -1, message: 'license expired' });
  });

  it('refuses to start a disabled scanner', async () => {
    const api = apiClient(emu, 'legacy');
    const id = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active?name=off')).json.active_scanners[0]!.id;
    const r = await api.post<{ error: string }>('/api/v2/scans/create', { project: 'shop', tool_id: id, branch: 'x' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatch(/disabled/);
  });
});
