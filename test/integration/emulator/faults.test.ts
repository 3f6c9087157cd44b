import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { Emulator } from '../../emulator/index.js';
import { apiClient, FAMILIES, toAnswer } from './helpers.js';
import type { ApiClient, RestartJson, ScanJson, ScannerJson } from './helpers.js';

const PENDING = Symbol('pending');
const isPending = async (p: Promise<unknown>): Promise<boolean> =>
  (await Promise.race([p.then(() => 'settled', () => 'settled'), new Promise((r) => setImmediate(() => r(PENDING)))])) === PENDING;

describe.each(FAMILIES)('injected faults (%s)', (family) => {
  let emu: Emulator;
  let api: ApiClient;
  beforeAll(async () => {
    emu = await startEmulator({ timeScale: 1000 });
    api = apiClient(emu, family);
  });
  beforeEach(() => {
    emu.clearFaults();
    emu.reset();
  });
  afterAll(() => emu.close());

  it('status: the next `count` matching requests get the status, body and headers; then normal', async () => {
    emu.addFault({ path: '^/api/v2/projects$', count: 2, fault: { type: 'status', status: 503, body: { error: 'maintenance' }, headers: { 'X-Fault': 'yes' } } });
    for (let i = 0; i < 2; i++) {
      const a = await api.get('/api/v2/projects');
      expect(a.status).toBe(503);
      expect(a.json).toEqual({ error: 'maintenance' });
      expect(a.headers.get('x-fault')).toBe('yes');
    }
    expect((await api.get('/api/v2/projects')).status).toBe(200);
  });

  it('matches the method and the path without the core prefix', async () => {
    emu.addFault({ method: 'POST', path: '/scans/create$', fault: { type: 'status', status: 500 } });
    expect((await api.get('/api/v2/scans/queue')).status).toBe(200);
    const a = await api.post('/api/v2/scans/create', { project: 'demo-app', tool_id: 'x' });
    expect(a.status).toBe(500);
    expect(a.json).toEqual({ error: 'injected fault' });
  });

  it('a faulted start call creates nothing', async () => {
    emu.addFault({ path: '/scans/create$', fault: { type: 'status', status: 502 } });
    const toolId = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active?name=codethreat')).json.active_scanners[0]!.id;
    const body = { project: 'demo-app', tool_id: toolId, branch: 'main', meta_data: '' };
    expect((await api.post('/api/v2/scans/create', body)).status).toBe(502);
    expect(emu.state().startedEvents).toEqual([]);
    expect((await api.get('/api/v2/scans/queue')).json.total).toBe(0);
    expect((await api.post('/api/v2/scans/create', body)).status).toBe(201);
    expect(emu.state().startedEvents).toHaveLength(1);
  });

  it('retry-after: 429 with a Retry-After header', async () => {
    emu.addFault({ path: 'events', fault: { type: 'retry-after', seconds: 7 } });
    const a = await api.get('/api/v2/events/0123456789abcdef01234567/status');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(a.json.error).toEqual(expect.any(String));
  });

  it('delay: then handled normally', async () => {
    emu.addFault({ path: 'health', fault: { type: 'delay', ms: 50 } });
    const a = await api.get('/api/v2/health/check');
    expect(a.json).toEqual({ status: 'ok' });
    expect(emu.requests().at(-1)).toMatchObject({ fault: 'delay', status: 200 });
  });

  it('hang: never answers; other requests still served; ends when the client aborts', async () => {
    emu.addFault({ path: 'health', fault: { type: 'hang' } });
    const ctl = new AbortController();
    const hung = api.get('/api/v2/health/check', { signal: ctl.signal });
    hung.catch(() => undefined);
    while (!emu.requests().some((r) => r.fault === 'hang')) await new Promise((r) => setTimeout(r, 5));
    expect((await api.get('/api/v2/projects')).status).toBe(200);
    expect(await isPending(hung)).toBe(true);
    expect(emu.requests().find((r) => r.fault === 'hang')?.status).toBeNull();
    ctl.abort();
    await expect(hung).rejects.toThrow(/abort/i);
  });

  it('reset: the connection is destroyed', async () => {
    emu.addFault({ path: 'projects', fault: { type: 'reset' } });
    await expect(api.get('/api/v2/projects')).rejects.toThrow();
    expect((await api.get('/api/v2/projects')).status).toBe(200);
  });

  it('non-json: 200 with a body that is not JSON', async () => {
    emu.addFault({ path: 'scanners', fault: { type: 'non-json' } });
    const a = await api.get('/api/v2/scanners/active');
    expect(a.status).toBe(200);
    expect(a.json).toBeUndefined();
    expect(a.headers.get('content-type')).not.toMatch(/json/);
  });

  it('html: an HTML error page with the status', async () => {
    emu.addFault({ path: 'scanners', fault: { type: 'html', status: 502 } });
    const a = await api.get('/api/v2/scanners/active');
    expect(a.status).toBe(502);
    expect(a.headers.get('content-type')).toMatch(/^text\/html/);
    expect(a.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('count 0 applies until cleared', async () => {
    emu.addFault({ path: 'agents', count: 0, fault: { type: 'status', status: 500 } });
    for (let i = 0; i < 3; i++) expect((await api.get('/api/v2/agents')).status).toBe(500);
    emu.clearFaults();
    expect((await api.get('/api/v2/agents')).status).toBe(200);
  });
});

describe('close with hung requests', () => {
  it('closes promptly and the hung client sees an error', async () => {
    const emu = await startEmulator();
    emu.addFault({ path: '.*', fault: { type: 'hang' } });
    const hung = fetch(`${emu.url}/core/version`);
    hung.catch(() => undefined);
    while (emu.requests().length === 0) await new Promise((r) => setTimeout(r, 5));
    await emu.close();
    await expect(hung).rejects.toThrow();
  });
});

describe('control API over HTTP', () => {
  let emu: Emulator;
  const control = async (method: string, path: string, body?: unknown) =>
    toAnswer(await fetch(`${emu.url}/__emulator${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) }));
  beforeAll(async () => {
    emu = await startEmulator({ token: 'tok-123456' });
  });
  afterAll(() => emu.close());

  it('adds, lists and clears faults; rejects bad rules with the field named', async () => {
    const a = await control('POST', '/faults', { path: 'health', count: 1, fault: { type: 'status', status: 500 } });
    expect(a.status).toBe(201);
    expect(a.json.fault).toMatchObject({ id: expect.any(Number), path: 'health', remaining: 1 });
    expect((await control('GET', '/faults')).json.faults).toHaveLength(1);
    expect((await control('DELETE', '/faults')).json).toEqual({ cleared: 1 });
    const bad = await control('POST', '/faults', { path: '(', fault: { type: 'hang' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/path/);
    const badType = await control('POST', '/faults', { path: 'x', fault: { type: 'explode' } });
    expect(badType.status).toBe(400);
    expect(badType.json.error).toMatch(/fault/);
  });

  it('logs requests with the query, JSON body, status and masked token; since= and DELETE', async () => {
    await control('DELETE', '/requests');
    const mark = (await control('GET', '/requests')).json.next as number;
    const api = apiClient(emu, 'legacy');
    await api.get('/api/v2/projects?alm=&name=demo-app');
    await api.post('/api/v2/projects', { name: 'p-tok-123456', labels: [] });
    const log = (await control('GET', `/requests?since=${mark}`)).json.requests as Record<string, unknown>[];
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/api/v2/projects', rawQuery: 'alm=&name=demo-app', query: { alm: '', name: 'demo-app' }, status: 200, authorized: true, family: 'legacy' });
    expect(log[0]!.headers).toMatchObject({ 'x-cookie': '***', 'user-agent': 'KDT' });
    expect(log[1]).toMatchObject({ method: 'POST', status: 201, body: { name: 'p-***', labels: [] } });
    expect(JSON.stringify(log)).not.toContain('tok-123456');
    expect((await control('GET', `/requests?since=${mark + 1}`)).json.requests).toHaveLength(1);
    await control('DELETE', '/requests');
    expect((await control('GET', '/requests')).json.requests).toEqual([]);
  });

  it('completes and fails events, shows them with finishedAt, resets and summarizes state', async () => {
    const api = apiClient(emu, 'core');
    const scan = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat')).json.scans[0]!;
    const one = (await api.get<RestartJson>(`/api/v2/scans/${scan.id}/restart`)).json.event;
    const two = (await api.get<RestartJson>(`/api/v2/scans/${scan.id}/restart`)).json.event;
    expect((await control('GET', `/events/${one}`)).json).toMatchObject({ id: one, state: 'running', finishedAt: null, kind: 'restart', tool: 'codethreat' });
    const done = await control('POST', `/events/${one}/complete`);
    expect(done.json).toMatchObject({ state: 'finished', status: 6, active: 0, finishedAt: expect.any(Number) });
    expect((await api.get(`/api/v2/events/${one}/status`)).json).toMatchObject({ active: 0, status: 6, scan_id: done.json.scanId });
    const failed = await control('POST', `/events/${two}/fail`, { message: 'scanner crashed' });
    expect(failed.json).toMatchObject({ state: 'failed', active: -1, message: 'scanner crashed' });
    expect((await api.get(`/api/v2/events/${two}/status`)).json).toMatchObject({ active: -1, status: -1, message: 'scanner crashed' });
    expect((await control('GET', '/events/0123456789abcdef01234567')).status).toBe(404);
    expect((await control('POST', '/events/0123456789abcdef01234567/complete')).status).toBe(404);
    const state = (await control('GET', '/state')).json as { counts: unknown; startedEvents: { id: string }[] };
    expect(state.counts).toMatchObject({ scans: 3, events: 4, finishedEvents: 3, failedEvents: 1 });
    expect(state.startedEvents.map((e) => e.id)).toEqual([one, two]);
    expect((await control('POST', '/reset')).json).toEqual({ reset: true });
    const after = (await control('GET', '/state')).json;
    expect(after.counts).toMatchObject({ scans: 2, events: 2 });
    expect(after.startedEvents).toEqual([]);
    expect((await control('GET', '/nope')).status).toBe(404);
  });

  it('ids are deterministic: a reset gives the same ids again', async () => {
    const api = apiClient(emu, 'legacy');
    const scan = (await api.get<{ scans: ScanJson[] }>('/api/v2/projects/demo-app/scans?tool=codethreat')).json.scans[0]!;
    const first = (await api.get<RestartJson>(`/api/v2/scans/${scan.id}/restart`)).json.event;
    emu.reset();
    const again = (await api.get<RestartJson>(`/api/v2/scans/${scan.id}/restart`)).json.event;
    expect(again).toBe(first);
  });
});
