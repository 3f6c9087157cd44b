import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { Emulator, Scenario } from '../../emulator/index.js';
import { apiClient, FAMILIES } from './helpers.js';
import type { ProjectJson } from './helpers.js';

type ProductSummary = { id: string; name: string; projects_count: number; links: { html: string } };
type ProductDetail = { id: string; name: string; projects: ProjectJson[]; business_unit_tags: unknown[]; accessible_for: unknown; default_team: { id: string } };

const scenario: Scenario = {
  projects: [{ name: 'api' }, { name: 'web' }, { name: 'worker' }],
  products: [{ name: 'shop', projects: ['api'] }, { name: 'shop-admin' }],
  teams: ['sec'],
  labels: ['pci'],
};

describe.each(FAMILIES)('products, labels and teams as kdt uses them (%s)', (family) => {
  let emu: Emulator;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    emu = await startEmulator({ scenario });
    api = apiClient(emu, family);
  });
  afterAll(() => emu.close());

  it('lists products with projects_count, links and total; the name filter is a substring (kdt matches exactly itself)', async () => {
    const all = await api.get<{ products: ProductSummary[]; total: number; error: string }>('/api/v2/products?name=');
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(2);
    expect(all.json.products[0]).toMatchObject({ name: 'shop', projects_count: 1, links: { html: expect.stringContaining(`/products/${all.json.products[0]!.id}`) } });
    expect(all.json.products[0]!.id).toMatch(/^[0-9a-f]{24}$/);
    const some = await api.get<{ products: ProductSummary[]; total: number }>('/api/v2/products?name=admin');
    expect(some.json.products.map((p) => p.name)).toEqual(['shop-admin']);
  });

  it('create product: POST 201 with the detail; GET it; PATCH appends projects (kdt sends the GET result back)', async () => {
    const projects = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?alm=&name=')).json.projects;
    const id = (n: string) => projects.find((p) => p.name === n)!.id;
    const body = {
      name: 'fleet',
      projects: [{ id: id('web'), default_branch: '', labels: null, team: { name: '' }, links: { html: '' } }],
      business_unit_tags: [],
      accessible_for: { owner_ids: [], team_ids: [] },
      default_team: { id: '' },
    };
    const made = await api.post<{ product: ProductDetail; message: string }>('/api/v2/products', body);
    expect(made.status).toBe(201);
    expect(made.json.message).toEqual(expect.any(String));
    expect(made.json.product).toMatchObject({ name: 'fleet', projects: [{ id: id('web'), name: 'web' }], business_unit_tags: [], accessible_for: { owner_ids: [], team_ids: [] } });
    expect((await api.post('/api/v2/products', body)).json).toEqual({ error: 'product already exists' });

    const got = await api.get<{ product: ProductDetail; error: string }>(`/api/v2/products/${made.json.product.id}`);
    expect(got.status).toBe(200);
    const patched = await api.patch<{ product: ProductDetail }>(`/api/v2/products/${made.json.product.id}`, {
      ...got.json.product,
      projects: [...got.json.product.projects, { id: id('worker'), default_branch: '', labels: null, team: { name: '' }, links: { html: '' } }],
    });
    expect(patched.status).toBe(200);
    expect(patched.json.product.projects.map((p) => p.name)).toEqual(['web', 'worker']);
    const listed = await api.get<{ products: ProductSummary[] }>('/api/v2/products?name=fleet');
    expect(listed.json.products[0]!.projects_count).toBe(2);
  });

  it('refuses a product with no name or an unknown project (400), and an unknown product id (404)', async () => {
    expect(await api.post('/api/v2/products', { name: '' })).toMatchObject({ status: 400, json: { error: 'invalid product data' } });
    const bad = await api.post('/api/v2/products', { name: 'ghost', projects: [{ id: '0123456789abcdef01234567' }] });
    expect(bad).toMatchObject({ status: 400, json: { error: 'invalid product data: project not found: 0123456789abcdef01234567' } });
    expect((await api.get('/api/v2/products?name=ghost')).json).toMatchObject({ total: 0 });
    expect(await api.get('/api/v2/products/0123456789abcdef01234567')).toMatchObject({ status: 404, json: { error: 'product not found' } });
    expect(await api.patch('/api/v2/products/0123456789abcdef01234567', { name: 'x' })).toMatchObject({ status: 404 });
  });

  it('create label: 201 with id and color (default 000000); a duplicate is 400 "label already exists"; the label is then usable', async () => {
    const made = await api.post<{ label: { id: string; name: string; color: string } }>('/api/v2/labels', { name: 'gdpr', color: '' });
    expect(made.status).toBe(201);
    expect(made.json.label).toMatchObject({ name: 'gdpr', color: '000000', id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(await api.post('/api/v2/labels', { name: 'pci', color: 'ff0000' })).toMatchObject({ status: 400, json: { error: 'label already exists' } });
    expect(await api.post('/api/v2/labels', { name: '' })).toMatchObject({ status: 400 });
    const p = await api.post<{ project: ProjectJson }>('/api/v2/projects', { name: 'uses-gdpr', labels: [{ name: 'gdpr' }] });
    expect(p.status).toBe(201);
  });

  it('create team: 201 (ID or username responsible); a duplicate is 400; the team is then usable, an unknown one refused', async () => {
    const byName = await api.post<{ team: { id: string; name: string } }>('/api/v2/teams', { name: 'platform', issue_responsible: { username: 'alice' } });
    expect(byName.status).toBe(201);
    expect(byName.json.team).toMatchObject({ name: 'platform', id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect((await api.post('/api/v2/teams', { name: 'ops', issue_responsible: { id: '0123456789abcdef01234567' } })).status).toBe(201);
    expect(await api.post('/api/v2/teams', { name: 'sec' })).toMatchObject({ status: 400, json: { error: 'team already exists' } });
    expect((await api.post('/api/v2/projects', { name: 'owned', team: { name: 'platform' } })).status).toBe(201);
    expect(await api.post('/api/v2/projects', { name: 'orphan', team: { name: 'nobody' } })).toMatchObject({ status: 400, json: { error: 'team not found: nobody' } });
  });
});

describe('unknownTeamsLabels: create (the other reading)', () => {
  it('creates unknown teams and labels on project creation', async () => {
    const emu = await startEmulator({ scenario: { ...scenario, unknownTeamsLabels: 'create' } });
    try {
      const api = apiClient(emu, 'legacy');
      const p = await api.post<{ project: ProjectJson }>('/api/v2/projects', { name: 'free', team: { name: 'nobody' }, labels: [{ name: 'new' }] });
      expect(p.status).toBe(201);
      expect(p.json.project).toMatchObject({ team: { name: 'nobody' }, labels: [{ name: 'new' }] });
    } finally {
      await emu.close();
    }
  });
});
