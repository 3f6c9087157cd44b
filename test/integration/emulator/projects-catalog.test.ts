import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, FAMILIES, KDT_TYPES } from './helpers.js';
import type { ProjectJson, ScannerJson } from './helpers.js';

type Projects = { projects: ProjectJson[]; total: number };
type Scanners = { active_scanners: ScannerJson[]; total: number };
type Agents = { active_agents: { id: string; label: string }[]; total: number };

const scenario: Scenario = {
  projects: [
    { name: 'api', repoUrl: 'https://github.com/o/api', almTool: 'github' },
    { name: 'api-gateway', labels: ['edge'] },
    { name: 'My Proj' },
    ...Array.from({ length: 12 }, (_, i) => ({ name: `svc-${String(i).padStart(2, '0')}` })),
  ],
  scanners: [
    { slug: 'semgrep', type: 'sast', labels: ['kdt', 'import'] },
    { slug: 'semgrepconfig', type: 'iac', labels: ['kdt'] },
    { slug: 'zap', type: 'dast', labels: ['kdt'], disabled: true },
  ],
  agents: [{ label: 'agent-a', url: 'https://a.example.test' }, { label: 'agent-b' }],
  teams: ['sec'],
  labels: ['a', 'b', 'A', 'B C'],
};

describe.each(FAMILIES)('projects, scanners and agents (%s)', (family) => {
  let emu: Emulator;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    emu = await startEmulator({ scenario });
    api = apiClient(emu, family);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it('searches by case-insensitive substring, with total over all matches and default limit 10', async () => {
    const a = await api.get('/api/v2/projects?alm=&name=SVC');
    expect(a.status).toBe(200);
    expect(a.json.total).toBe(12);
    expect(a.json.projects).toHaveLength(10);
    expect(a.json).toMatchObject({ start: 0, limit: 10 });
    const page2 = await api.get<Projects>('/api/v2/projects?name=svc&start=10&limit=10');
    expect(page2.json.projects.map((p) => p.name)).toEqual(['svc-10', 'svc-11']);
    expect(page2.json.total).toBe(12);
    expect((await api.get('/api/v2/projects?name=api')).json.total).toBe(2);
    expect((await api.get('/api/v2/projects?limit=500')).json.limit).toBe(100);
  });

  it('matches an exact id given as name, and the project shape kdt reads', async () => {
    const all = await api.get<Projects>('/api/v2/projects?name=api-gateway');
    const p = all.json.projects[0]!;
    expect(p).toMatchObject({ name: 'api-gateway', default_branch: 'main', labels: [{ name: 'edge' }], team: { name: 'appsec' } });
    expect(p.id).toMatch(/^[0-9a-f]{24}$/);
    expect(p.links.html).toContain(p.id);
    const byId = await api.get<Projects>(`/api/v2/projects?alm=&name=${p.id}`);
    expect(byId.json.total).toBe(1);
    expect(byId.json.projects[0]!.name).toBe('api-gateway');
  });

  it('filters by alm (repo url) and decodes names with spaces', async () => {
    const byRepo = await api.get<Projects>('/api/v2/projects?alm=https%3A%2F%2Fgithub.com%2Fo%2Fapi&name=');
    expect(byRepo.json.projects.map((p) => p.name)).toEqual(['api']);
    expect((await api.get('/api/v2/projects?alm=&name=My+Proj')).json.total).toBe(1);
    const detail = await api.get<{ project: ProjectJson }>('/api/v2/projects/My%20Proj');
    expect(detail.status).toBe(200);
    expect(detail.json.project.name).toBe('My Proj');
    expect((await api.get('/api/v2/projects/nope')).status).toBe(404);
  });

  it('creates a project from kdt\'s body: 201, echoes labels, derives the name from the repo url', async () => {
    const body = {
      name: '',
      source: { tool: 'github', id: '', url: 'https://github.com/o/r', clone_disabled: false, path_scope: { include_empty: false, included_paths: 'svc/api', included_files: '' } },
      team: { name: 'sec' },
      labels: [{ name: 'a' }, { name: 'b' }],
      override: false,
      overwrite: false,
      fork_source_branch: '',
      feature_branch_retention: 0,
      feature_branch_no_retention: false,
      default_branch: 'main',
      criticality_level: 3,
    };
    const a = await api.post('/api/v2/projects', body);
    expect(a.status).toBe(201);
    expect(a.json.message).toEqual(expect.any(String));
    expect(a.json.project).toMatchObject({ name: 'r', labels: [{ name: 'a' }, { name: 'b' }], team: { name: 'sec' }, default_branch: 'main' });
    const check = await api.get('/api/v2/projects/check/github/https://github.com/o/r');
    expect(check.json).toEqual({ exist: true });
    expect((await api.post('/api/v2/projects', body)).json).toEqual({ error: 'project already exists' });
    const forced = await api.post<{ project: ProjectJson }>('/api/v2/projects', { ...body, override: true });
    expect(forced.json.project.name).toBe('r-1');
  });

  it('refuses a project naming an unknown team or label (400), and creates nothing', async () => {
    const before = (await api.get<Projects>('/api/v2/projects?alm=&name=&limit=100')).json.total;
    const team = await api.post('/api/v2/projects', { name: 'ghost', team: { name: 'nobody' }, labels: [{ name: 'a' }] });
    expect(team.status).toBe(400);
    expect(team.json).toEqual({ error: 'team not found: nobody' });
    const label = await api.post('/api/v2/projects', { name: 'ghost', team: { name: 'sec' }, labels: [{ name: 'a' }, { name: 'zz' }] });
    expect(label.status).toBe(400);
    expect(label.json).toEqual({ error: 'label not found: zz' });
    const patch = await api.patch('/api/v2/projects/api', { team: { name: 'nobody' }, labels: null });
    expect(patch.json).toEqual({ error: 'team not found: nobody' });
    expect((await api.get<Projects>('/api/v2/projects?alm=&name=&limit=100')).json.total).toBe(before);
  });

  it('rejects a project without name and repo: 400 invalid project data', async () => {
    const a = await api.post('/api/v2/projects', { name: '', source: { tool: '', id: '', url: '' } });
    expect(a.status).toBe(400);
    expect(a.json).toEqual({ error: 'invalid project data' });
  });

  it('updates a project with kdt\'s whole-body PATCH (empty and null mean no change)', async () => {
    const a = await api.patch('/api/v2/projects/api', {
      name: '', source: null, team: null, labels: [{ name: 'A' }, { name: 'B C' }], override: false, overwrite: false,
      fork_source_branch: '', feature_branch_retention: 0, feature_branch_no_retention: false, default_branch: '', criticality_level: 2,
    });
    expect(a.status).toBe(200);
    expect(a.json.project).toMatchObject({ name: 'api', default_branch: 'main', labels: [{ name: 'A' }, { name: 'B C' }], criticality_level: 2 });
  });

  it('checks repos per ALM, rejecting unknown ALMs', async () => {
    expect((await api.get('/api/v2/projects/check/github/https://github.com/o/api')).json).toEqual({ exist: true });
    expect((await api.get('/api/v2/projects/check/gitlabcloud/https://gitlab.com/x/y')).json).toEqual({ exist: false });
    const bad = await api.get('/api/v2/projects/check/svn/https://x/y');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'invalid ALM tool' });
  });

  it('matches scanner names exactly by default, with total over all matches; limit=0 means no limit', async () => {
    const one = await api.get<Scanners>(`/api/v2/scanners/active?labels=&limit=1&name=semgrep&types=${KDT_TYPES}`);
    expect(one.status).toBe(200);
    expect(one.json.total).toBe(1);
    expect(one.json.active_scanners[0]).toMatchObject({ slug: 'semgrep', type: 'sast', labels: ['kdt', 'import'], custom_type: 0, disabled: false, params: {} });
    expect(one.json.active_scanners[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    const all = await api.get<Scanners>(`/api/v2/scanners/active?labels=&limit=0&name=&types=${KDT_TYPES}`);
    expect(all.json.total).toBe(3);
    expect(all.json.active_scanners).toHaveLength(3);
    expect(all.json.active_scanners[2]).toMatchObject({ slug: 'zap', disabled: true });
    expect((await api.get('/api/v2/scanners/active?labels=&limit=0&name=&types=iac')).json.total).toBe(1);
    expect((await api.get('/api/v2/scanners/active?labels=import&limit=0&name=&types=')).json.total).toBe(1);
    expect((await api.get('/api/v2/scanners/active?name=nope')).json).toEqual({ active_scanners: [], total: 0 });
  });

  it('lists agents with a label filter', async () => {
    const all = await api.get<Agents>('/api/v2/agents');
    expect(all.json.total).toBe(2);
    expect(all.json.active_agents[0]).toMatchObject({ label: 'agent-a', url: 'https://a.example.test', isActive: 1 });
    const one = await api.get<Agents>('/api/v2/agents?label=agent-b&limit=0');
    expect(one.json.total).toBe(1);
    expect(one.json.active_agents[0]!.id).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('scanner name matching switch', () => {
  it('contains mode reproduces the substring ambiguity kdt fails on (total 2 with limit=1)', async () => {
    const emu = await startEmulator({ scenario: { ...scenario, scannerNameMatch: 'contains' } });
    try {
      const a = await apiClient(emu, 'legacy').get(`/api/v2/scanners/active?labels=&limit=1&name=semgrep&types=${KDT_TYPES}`);
      expect(a.json.total).toBe(2);
      expect(a.json.active_scanners).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });

  it('exact project name mode', async () => {
    const emu = await startEmulator({ scenario: { ...scenario, projectNameMatch: 'exact' } });
    try {
      expect((await apiClient(emu, 'legacy').get('/api/v2/projects?alm=&name=api')).json.total).toBe(1);
    } finally {
      await emu.close();
    }
  });
});
