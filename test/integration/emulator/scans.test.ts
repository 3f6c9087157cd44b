import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { creatableScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator } from '../../emulator/index.js';
import { apiClient, FAMILIES, steppingClock } from './helpers.js';
import type { ApiClient, EventJson, ProjectJson, RestartJson, ScanJson, ScannerJson, ScanparamsJson, StartedJson } from './helpers.js';

type Scans = { scans: ScanJson[]; total: number };
type Queue = { scans: (Record<string, unknown> & { id: string })[]; total: number };

const PR_NONE = { ok: false, target: '', pr_number: '', no_decoration: false, pr_decoration_scanner_types: '' };

describe.each(FAMILIES)('scans and events, creatable scanners (%s)', (family) => {
  const clock = steppingClock();
  let emu: Emulator;
  let api: ApiClient;
  let projectId: string;
  let codethreatId: string;
  const latestScan = async (query = 'tool=codethreat&branch=main'): Promise<ScanJson> => (await api.get<Scans>(`/api/v2/projects/demo-app/scans?${query}`)).json.scans[0]!;
  const finish = async (eventId: string) => {
    clock.advance(3_000);
    const s = await api.get<EventJson>(`/api/v2/events/${eventId}/status`);
    expect(s.json).toMatchObject({ active: 0, status: 6 });
    return s.json.scan_id;
  };

  beforeAll(async () => {
    emu = await startEmulator({ now: clock.now, scenario: creatableScenario });
    api = apiClient(emu, family);
  });
  beforeEach(async () => {
    emu.reset();
    projectId = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?name=demo-app')).json.projects[0]!.id;
    codethreatId = (await api.get<{ active_scanners: ScannerJson[] }>('/api/v2/scanners/active?name=codethreat')).json.active_scanners[0]!.id;
  });
  afterAll(() => emu.close());

  it('lists baseline scans newest first with the ScanDetail keys and a non-null RFC 3339 date', async () => {
    const a = await api.get<Scans>('/api/v2/projects/demo-app/scans');
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ total: 2, limit: 10, start: 0 });
    const [first, second] = a.json.scans as [ScanJson, ScanJson];
    expect(first.tool).toBe('saltsecurity');
    expect(second.tool).toBe('codethreat');
    expect(Date.parse(first.date)).toBeGreaterThan(Date.parse(second.date));
    for (const key of ['id', 'name', 'branch', 'scan_type', 'meta_data', 'tool', 'scanner_type', 'date', 'project', 'score', 'summary', 'links']) {
      expect(second).toHaveProperty(key);
    }
    expect(second).toMatchObject({ project: 'demo-app', branch: 'main', scanner_type: 'sast', meta_data: '', score: 28, summary: { critical: 1, high: 2, medium: 3, low: 2, info: 1 } });
    expect(new Date(second.date).toISOString()).toBe(second.date);
    const detail = await api.get(`/api/v2/scans/${second.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toEqual(second);
  });

  it('filters project scans: meta_data= means empty meta, omitted branch means any', async () => {
    expect((await api.get('/api/v2/projects/demo-app/scans?tool=codethreat&meta_data=')).json.total).toBe(1);
    expect((await api.get('/api/v2/projects/demo-app/scans?tool=codethreat&meta_data=m1')).json.total).toBe(0);
    expect((await api.get('/api/v2/projects/demo-app/scans?branch=dev')).json.total).toBe(0);
    expect((await api.get('/api/v2/projects/demo-app/scans?pr=true')).json.total).toBe(0);
    expect((await api.get(`/api/v2/projects/${projectId}/scans?limit=1`)).json).toMatchObject({ total: 2, limit: 1 });
    expect((await api.get('/api/v2/projects/nope/scans')).status).toBe(404);
  });

  it('restart: 201 {event, message}; the event walks 0..5 then finishes into a new front scan', async () => {
    const base = await latestScan();
    const r = await api.get<RestartJson>(`/api/v2/scans/${base.id}/restart`);
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['event', 'message']);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = await api.get<EventJson>(`/api/v2/events/${r.json.event}/status`);
      expect(s.json).toMatchObject({ id: r.json.event, active: 1, scan_id: '' });
      expect(Object.keys(s.json).sort()).toEqual(['active', 'id', 'links', 'message', 'scan_id', 'status', 'status_text'].sort());
      seen.push(s.json.status);
      clock.advance(500);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    const scanId = await finish(r.json.event);
    const front = await latestScan();
    expect(front.id).toBe(scanId);
    expect(front.event_id).toBe(r.json.event);
    expect(emu.event(r.json.event)?.finishedAt).toBe(emu.event(r.json.event)!.endsAt);
  });

  it('restart rejects bad and unknown ids', async () => {
    expect((await api.get('/api/v2/scans/xyz/restart')).status).toBe(400);
    expect((await api.get('/api/v2/scans/0123456789abcdef01234567/restart')).status).toBe(404);
  });

  it('restart_with_option: 201 {event}; accepts Environment and environment; from = branch, to = PR target', async () => {
    const base = await latestScan();
    const body = { from: 'feature/x', to: 'main', override_old_analyze: false, pr_number: '7', no_decoration: false, pr_decoration_scanner_types: 'sast', custom: { type: 0, params: null }, Environment: 'develop' };
    const r = await api.post<RestartJson>(`/api/v2/scans/${base.id}/restart_with_option`, body);
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['event', 'message']);
    const scan = await api.get<ScanJson>(`/api/v2/scans/${await finish(r.json.event)}`);
    expect(scan.json).toMatchObject({ branch: 'feature/x', environment: 'develop', pr: { ok: true, target: 'main', pr_number: '7' } });
    expect(scan.json.summary.critical).toBe(2);
    const lower = await api.post<RestartJson>(`/api/v2/scans/${base.id}/restart_with_option`, { ...body, Environment: undefined, environment: 'staging', to: '' });
    const scan2 = await api.get<ScanJson>(`/api/v2/scans/${await finish(lower.json.event)}`);
    expect(scan2.json).toMatchObject({ environment: 'staging', pr: { ok: false, target: '' } });
  });

  it('scans/create: 201 {event_id} by project name + tool_id + branch; 400 for empty or unknown project', async () => {
    const body = { branch: 'dev', project: 'demo-app', tool_id: codethreatId, pr: PR_NONE, custom: { type: 0, params: null }, meta_data: 'm1', scan_tag: 't1', fork_scan: false, fork_source_branch: '', override_fork_source_branch: false, environment: '' };
    const r = await api.post<StartedJson>('/api/v2/scans/create', body);
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['event_id', 'message']);
    const scan = await api.get<ScanJson>(`/api/v2/scans/${await finish(r.json.event_id)}`);
    expect(scan.json).toMatchObject({ branch: 'dev', meta_data: 'm1', tool: 'codethreat', scan_tag: 't1' });
    for (const project of ['', 'nope']) {
      const bad = await api.post('/api/v2/scans/create', { ...body, project });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toEqual(expect.any(String));
    }
    expect((await api.post('/api/v2/scans/create', { ...body, tool_id: '' })).status).toBe(400);
  });

  it('scanparams: search with every kdt key, create echoes a non-null custom, create by scanparams_id uses it', async () => {
    const q = (branch: string) => `agent=&branch=${branch}&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=&pr=false&target=&tool_id=${codethreatId}`;
    const found = await api.get<{ scanparams: ScanparamsJson[] }>(`/api/v2/projects/demo-app/scanparams?${q('main')}`);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ total: 1, limit: 1, start: 0 });
    expect(found.json.scanparams[0]).toMatchObject({ branch: 'main', bind_name: '', custom: { type: 0, params: null } });
    expect((await api.get(`/api/v2/projects/demo-app/scanparams?${q('dev')}`)).json).toMatchObject({ total: 0, scanparams: [] });
    const created = await api.post<{ scanparams: ScanparamsJson }>(`/api/v2/projects/${projectId}/scanparams`, {
      tool: { id: codethreatId }, project: { id: projectId }, agent: {}, bind_name: '', branch: 'dev', scan_type: 'kdt', meta_data: '', scan_tag: '', fork_scan: false,
      pr: PR_NONE, manual: false, custom: null, environment: '',
    });
    expect(created.status).toBe(200);
    expect(created.json.scanparams.custom).toEqual({ type: 0, params: null });
    const withParams = await api.post<{ scanparams: ScanparamsJson }>(`/api/v2/projects/${projectId}/scanparams`, { tool: { id: codethreatId }, branch: 'x', custom: { type: 1, params: { a: 1 } } });
    expect(withParams.json.scanparams.custom).toEqual({ type: 1, params: { a: 1 } });
    const start = await api.post<StartedJson>('/api/v2/scans/create', { scanparams_id: created.json.scanparams.id, branch: 'ignored', project: 'demo-app', tool_id: codethreatId, pr: PR_NONE, custom: created.json.scanparams.custom, meta_data: '', scan_tag: '', fork_scan: false, fork_source_branch: '', override_fork_source_branch: false, environment: '' });
    expect(start.status).toBe(201);
    const scan = await api.get<ScanJson>(`/api/v2/scans/${await finish(start.json.event_id)}`);
    expect(scan.json).toMatchObject({ branch: 'dev', scanparams: { id: created.json.scanparams.id } });
    expect((await api.post('/api/v2/scans/create', { scanparams_id: '0123456789abcdef01234567' })).status).toBe(400);
  });

  it('scanparams delete (kdt body) removes the matching configurations', async () => {
    const del = await api.post('/api/v2/projects/demo-app/scanparams/delete', { id: '', tool_name: 'codethreat', branch: '', meta_data: '', meta_data_is_empty: true });
    expect(del.status).toBe(200);
    expect(del.json).toMatchObject({ deleted: 1 });
    expect((await api.get(`/api/v2/projects/demo-app/scanparams?tool_id=${codethreatId}`)).json.total).toBe(0);
    // saltsecurity's and semgrep's configurations remain.
    expect((await api.get('/api/v2/projects/demo-app/scanparams')).json.total).toBe(2);
  });

  it('scans/image: 201 {event_id} with the project ID; a name is rejected', async () => {
    const r = await api.post<StartedJson>('/api/v2/scans/image', { project: projectId, tool: 'trivy', branch: '', image: 'alpine:3.18', meta_data: '', scan_tag: '', environment: '' });
    expect(r.status).toBe(201);
    expect(r.json.event_id).toMatch(/^[0-9a-f]{24}$/);
    const scan = await api.get<ScanJson>(`/api/v2/scans/${await finish(r.json.event_id)}`);
    expect(scan.json).toMatchObject({ tool: 'trivy', scanner_type: 'cs', branch: 'main', scan_type: 'image', summary: { high: 1, medium: 2, low: 1 } });
    expect((await api.post('/api/v2/scans/image', { project: 'demo-app', tool: 'trivy', image: 'a' })).status).toBe(400);
  });

  it('last_results: {last} only for a first scan, {last, previous} after a second one', async () => {
    const r = await api.post<StartedJson>('/api/v2/scans/create', { project: 'demo-app', tool_id: codethreatId, branch: 'feature/a', meta_data: '' });
    const first = await finish(r.json.event_id);
    const one = await api.get(`/api/v2/scans/${first}/last_results`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual({ last: { score: 40, summary: { critical: 2, high: 2, medium: 4, low: 2, info: 1 } } });
    const again = await api.get<RestartJson>(`/api/v2/scans/${first}/restart`);
    const second = await finish(again.json.event);
    const two = await api.get<{ last: { score: number }; previous: { score: number } }>(`/api/v2/scans/${second}/last_results`);
    expect(Object.keys(two.json).sort()).toEqual(['last', 'previous']);
    expect(two.json.previous.score).toBe(40);
    expect((await api.get('/api/v2/scans/0123456789abcdef01234567/last_results')).status).toBe(404);
  });

  it('queue, completed and failed carry event_id and branch (to find a lost start answer)', async () => {
    const r = await api.post<StartedJson>('/api/v2/scans/create', { project: 'demo-app', tool_id: codethreatId, branch: 'feature/q', meta_data: '' });
    const queue = await api.get<Queue>('/api/v2/scans/queue?start=0&limit=10');
    expect(queue.status).toBe(200);
    expect(queue.json).toMatchObject({ start: 0, limit: 10, total: 1 });
    const entry = queue.json.scans[0];
    expect(entry).toMatchObject({ event_id: r.json.event_id, branch: 'feature/q', tool: 'codethreat', project: { id: projectId }, finished_at: null });
    for (const key of ['id', 'tool', 'scan_type', 'project', 'started_at', 'finished_at', 'scanparams', 'duration', 'status']) expect(entry).toHaveProperty(key);
    const scanId = await finish(r.json.event_id);
    expect((await api.get('/api/v2/scans/queue')).json.total).toBe(0);
    const done = await api.get<Queue>('/api/v2/scans/completed?start=0&limit=1');
    expect(done.json.total).toBe(3);
    expect(done.json.scans[0]).toMatchObject({ id: scanId, event_id: r.json.event_id, branch: 'feature/q', status: 6 });
    expect(done.json.scans[0]!.finished_at).toEqual(expect.any(String));
    const f = await api.post<StartedJson>('/api/v2/scans/create', { project: 'demo-app', tool_id: codethreatId, branch: 'feature/f', meta_data: '' });
    emu.failEvent(f.json.event_id, 'boom');
    const failed = await api.get<Queue>('/api/v2/scans/failed');
    expect(failed.json.scans[0]).toMatchObject({ event_id: f.json.event_id, message: 'boom' });
    const st = await api.get(`/api/v2/events/${f.json.event_id}/status`);
    expect(st.json).toMatchObject({ active: -1, status: -1, message: 'boom' });
  });

  it('unknown event: 400 {"error":"failed to get events"}', async () => {
    const a = await api.get('/api/v2/events/0123456789abcdef01234567/status');
    expect(a.status).toBe(400);
    expect(a.json).toEqual({ error: 'failed to get events' });
  });
});
