import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { Emulator } from '../../emulator/index.js';
import { GO_BODIES, type GoStruct, type GoType } from '../../emulator/http/go-types.js';
import { apiClient, FAMILIES } from './helpers.js';
import type { ProjectJson, ScanJson } from './helpers.js';

/** A wrong JSON value for each scalar kind, and the kind name Go's decoder reports for it. */
const WRONG: Record<string, [unknown, string]> = {
  string: [123, 'number'],
  bool: ['true', 'string'],
  int: [1.5, 'number 1.5'],
  uint: [-1, 'number -1'],
};

/** Every scalar leaf of a shape: the body that carries a wrong value there, and its dotted Go path. */
function leaves(t: GoType, path: string[] = []): { path: string[]; type: string; wrap: (v: unknown) => unknown }[] {
  if (typeof t === 'string') return t === 'any' ? [] : [{ path, type: t, wrap: (v) => v }];
  if ('array' in t) return leaves(t.array, path).map((l) => ({ ...l, wrap: (v: unknown) => [l.wrap(v)] }));
  return Object.entries(t.fields).flatMap(([name, ft]) => leaves(ft, [...path, name]).map((l) => ({ ...l, wrap: (v: unknown) => ({ [name]: l.wrap(v) }) })));
}

describe.each(FAMILIES)('JSON bodies of the wrong type are refused as a Go decoder would (%s)', (family) => {
  let emu: Emulator;
  let api: ReturnType<typeof apiClient>;
  let routes: [string, string, GoStruct][];
  beforeAll(async () => {
    emu = await startEmulator();
    api = apiClient(emu, family);
    const project = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?alm=&name=demo-app')).json.projects[0]!;
    const scan = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat&branch=main&limit=1')).json.scans[0]!;
    const product = (await api.get<{ products: { id: string }[] }>('/api/v2/products?name=storefront')).json.products[0]!;
    routes = [
      ['POST', '/api/v2/projects', GO_BODIES.project],
      ['PATCH', `/api/v2/projects/${project.id}`, GO_BODIES.project],
      ['POST', `/api/v2/projects/${project.id}/scanparams`, GO_BODIES.scanparams],
      ['POST', `/api/v2/projects/${project.id}/scanparams/delete`, GO_BODIES.scanparamsDelete],
      ['POST', '/api/v2/scans/create', GO_BODIES.scanCreate],
      ['POST', `/api/v2/scans/${scan.id}/restart_with_option`, GO_BODIES.restartWithOption],
      ['POST', '/api/v2/scans/image', GO_BODIES.imageScan],
      ['POST', '/api/v2/products', GO_BODIES.product],
      ['PATCH', `/api/v2/products/${product.id}`, GO_BODIES.product],
      ['POST', '/api/v2/labels', GO_BODIES.label],
      ['POST', '/api/v2/teams', GO_BODIES.team],
    ];
  });
  afterAll(() => emu.close());

  const send = (method: string, path: string, body: unknown) => (method === 'PATCH' ? api.patch(path, body) : api.post(path, body));

  it('names the field and types exactly as Go does (pinned examples)', async () => {
    expect(await api.post('/api/v2/projects', { name: 7 })).toMatchObject({
      status: 400,
      json: { error: 'json: cannot unmarshal number into Go struct field ProjectDetail.name of type string' },
    });
    expect((await api.post('/api/v2/scans/create', { pr: { ok: 'true' } })).json).toEqual({
      error: 'json: cannot unmarshal string into Go struct field ScanPR.pr.ok of type bool',
    });
    expect((await api.post('/api/v2/projects', { labels: [{ name: 'a' }, { name: false }] })).json).toEqual({
      error: 'json: cannot unmarshal bool into Go struct field ProjectDetail.labels.name of type string',
    });
    expect((await api.post('/api/v2/projects', { source: 'https://github.com/o/r' })).json).toEqual({
      error: 'json: cannot unmarshal string into Go struct field ProjectDetail.source of type kondukto.ProjectSource',
    });
    expect((await api.post('/api/v2/projects', { feature_branch_retention: -1 })).json).toEqual({
      error: 'json: cannot unmarshal number -1 into Go struct field ProjectDetail.feature_branch_retention of type uint',
    });
  });

  it('refuses every wrong-typed field of every JSON body route with 400 and the Go text, and changes nothing', async () => {
    const projectsBefore = (await api.get<{ total: number }>('/api/v2/projects?alm=&name=')).json.total;
    const eventsBefore = emu.requests().filter((r) => r.status === 201).length;
    let checked = 0;
    for (const [method, path, shape] of routes) {
      for (const leaf of leaves(shape)) {
        const [value, kind] = WRONG[leaf.type]!;
        const answer = await send(method, path, leaf.wrap(value));
        expect({ route: `${method} ${path}`, field: leaf.path.join('.'), status: answer.status, body: answer.json }).toEqual({
          route: `${method} ${path}`,
          field: leaf.path.join('.'),
          status: 400,
          body: { error: `json: cannot unmarshal ${kind} into Go struct field ${shape.struct}.${leaf.path.join('.')} of type ${leaf.type}` },
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect((await api.get<{ total: number }>('/api/v2/projects?alm=&name=')).json.total).toBe(projectsBefore);
    expect(emu.requests().filter((r) => r.status === 201).length).toBe(eventsBefore);
  });

  it('accepts null for any field, keys in any case, and ignores unknown keys (as encoding/json does)', async () => {
    const a = await api.post('/api/v2/projects', { name: 'typed-ok', team: null, labels: null, criticality_level: null, Override: false, extra: 5 });
    expect(a.status).toBe(201);
    const b = await api.post('/api/v2/projects', { NAME: 9 });
    expect(b.json).toEqual({ error: 'json: cannot unmarshal number into Go struct field ProjectDetail.name of type string' });
  });
});

describe.each(FAMILIES)('image scans need a container scanner (%s)', (family) => {
  it('refuses an image scan with a sast scanner (400, nothing started), accepts it with trivy (cs) or a scanner labelled container, and any scanner under imageScanners: any', async () => {
    for (const imageScanners of ['container', 'any'] as const) {
      const emu = await startEmulator({ scenario: { projects: [{ name: 'x' }], scanners: [{ slug: 'semgrep', type: 'sast' }, { slug: 'trivy', type: 'cs' }, { slug: 'trivy-sca', type: 'sca', labels: ['container'] }], imageScanners } });
      try {
        const api = apiClient(emu, family);
        const id = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?alm=&name=x')).json.projects[0]!.id;
        const sast = await api.post('/api/v2/scans/image', { project: id, tool: 'semgrep', image: 'nginx:1', branch: 'main' });
        if (imageScanners === 'container') expect(sast).toMatchObject({ status: 400, json: { error: expect.stringContaining('semgrep is not a container scanner') } });
        else expect(sast.status).toBe(201);
        expect((await api.post('/api/v2/scans/image', { project: id, tool: 'trivy', image: 'nginx:1', branch: 'main' })).status).toBe(201);
        // kdt's README shows trivy as an sca scanner labelled `container`: that label makes it a container scanner too.
        expect((await api.post('/api/v2/scans/image', { project: id, tool: 'trivy-sca', image: 'nginx:1', branch: 'main' })).status).toBe(201);
      } finally {
        await emu.close();
      }
    }
  });
});

describe('bodyTypes: lenient (the other reading)', () => {
  it('accepts a wrong-typed field', async () => {
    const emu = await startEmulator({ scenario: { projects: [{ name: 'x' }], bodyTypes: 'lenient' } });
    try {
      expect((await apiClient(emu, 'legacy').post('/api/v2/projects', { name: 'y', override: 'true' })).status).toBe(201);
    } finally {
      await emu.close();
    }
  });
});
