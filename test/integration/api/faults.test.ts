import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index.js';
import { PlatformClient } from '../../../shared/api/client.js';
import { ApiError } from '../../../shared/errors.js';
import { addFault, clearFaults, client, emulator, requestLog, state, TOKEN } from './support.js';

let emu: Emulator;
let projectId: string;
let codethreatId: string;
beforeAll(async () => {
  emu = await emulator('both');
  const { api } = client(emu);
  projectId = (await api.getProject('demo-app')).id;
  codethreatId = (await api.listActiveScanners({ name: 'codethreat', limit: 1 })).items[0]!.id;
});
afterAll(() => emu.close());
beforeEach(() => clearFaults(emu));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).message).not.toContain(TOKEN);
  return err as ApiError;
}

const startsOfCodethreat = async () => (await state(emu)).startedEvents.filter((e) => e.projectId === projectId && e.tool === 'codethreat').length;

describe('error mapping against the emulator', () => {
  it('a wrong token is unauthorized, with the token hint', async () => {
    const api = new PlatformClient({ host: emu.url, token: 'not-the-token', apiMode: 'auto' });
    const err = await failure(api.listProjects({ name: 'demo-app' }));
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toContain('INVICTI_ASPM_TOKEN');
    expect(err.message).not.toContain('not-the-token');
  });

  it('an HTML 502 from a gateway says so (kdt issue #73), after the retries', async () => {
    await addFault(emu, { method: 'GET', path: '^/api/v2/scanners/active$', count: 4, fault: { type: 'html', status: 502 } });
    const { api } = client(emu);
    const err = await failure(api.listActiveScanners({ name: 'semgrep' }));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('GET /api/v2/scanners/active: HTTP 502 Bad Gateway: text/html page');
    expect(err.message).not.toContain('<');
  });

  it('a non-JSON 2xx is a protocol error', async () => {
    await addFault(emu, { path: '^/api/v2/events/.*/status$', count: 1, fault: { type: 'non-json' } });
    const { api } = client(emu);
    const err = await failure(api.getEventStatus('65a1b2c3000000000000000c'));
    expect(err.kind).toBe('protocol');
    expect(err.endpoint).toBe('GET /api/v2/events/{id}/status');
  });

  it('a hung request ends in a timeout', async () => {
    await addFault(emu, { path: '^/api/v2/projects$', count: 1, fault: { type: 'hang' } });
    const { api } = client(emu, { timeoutMs: 300, retry: { maxAttempts: 1 } });
    await api.mode();
    const err = await failure(api.listProjects({}));
    expect(err.kind).toBe('timeout');
  }, 5000);

  it('Retry-After from the platform is honoured, and a short delay is just waited out', async () => {
    await addFault(emu, { path: '^/api/v2/projects$', count: 1, fault: { type: 'retry-after', seconds: 2 } });
    await addFault(emu, { path: '^/api/v2/projects$', count: 1, fault: { type: 'delay', ms: 100 } });
    const { api, clock } = client(emu);
    const page = await api.listProjects({ name: 'demo-app' });
    expect(page.total).toBe(1);
    expect(clock.delays).toEqual([2000]);
  });
});

describe('starts under faults', () => {
  it('a 503 that created nothing, then recovery: looked up for the grace period, then exactly one scan started', async () => {
    const before = await startsOfCodethreat();
    const since = (await requestLog(emu)).next;
    await addFault(emu, { method: 'POST', path: '^/api/v2/scans/create$', count: 1, fault: { type: 'status', status: 503, body: { error: 'maintenance' } } });
    const { api } = client(emu, { startGraceMs: 3_000 });
    const sp = (await api.listScanparams('demo-app', { toolId: codethreatId, branch: 'main' })).items[0]!;
    const started = await api.createScan({ project: 'demo-app', branch: 'main', toolId: codethreatId, scanparamsId: sp.id, custom: sp.custom }, { projectId, tool: 'codethreat', metaData: '' });
    expect(started.eventId).toMatch(/^[0-9a-f]{24}$/);
    expect(await startsOfCodethreat()).toBe(before + 1);
    const log = (await requestLog(emu, since)).requests;
    expect(log.filter((r) => r.apiPath === '/api/v2/scans/create')).toHaveLength(2);
    // The baseline before the first start, then looks at 0, 1 and 3 s of the grace period.
    expect(log.filter((r) => r.apiPath === '/api/v2/scans/queue')).toHaveLength(4);
    expect(log.filter((r) => r.apiPath === '/api/v2/scans/completed')).toHaveLength(4);
  });

  it('a reset restart is looked up, then retried once: one scan', async () => {
    const starts = async () => (await state(emu)).startedEvents.filter((e) => e.tool === 'saltsecurity').length;
    const before = await starts();
    await addFault(emu, { method: 'GET', path: '/restart$', count: 1, fault: { type: 'reset' } });
    const { api } = client(emu);
    const scan = (await api.listScans('demo-app', { tool: 'saltsecurity', branch: 'main', limit: 1 })).items[0]!;
    const started = await api.restartScan(scan.id, { projectId, tool: 'saltsecurity', branch: 'main' });
    expect(await starts()).toBe(before + 1);
    expect((await state(emu)).startedEvents.at(-1)!.id).toBe(started.eventId);
  });

  it('when the queue cannot be read, an ambiguous start is not repeated', async () => {
    const before = await startsOfCodethreat();
    await addFault(emu, { method: 'POST', path: '^/api/v2/scans/create$', count: 1, fault: { type: 'status', status: 504, body: { error: 'gateway timeout' } } });
    await addFault(emu, { path: '^/api/v2/scans/queue$', count: 0, fault: { type: 'status', status: 500, body: { error: 'queue down' } } });
    const { api } = client(emu);
    const err = await failure(api.createScan({ project: 'demo-app', branch: 'main', toolId: codethreatId }, { projectId, tool: 'codethreat' }));
    expect(err.message).toContain('may have started');
    expect(await startsOfCodethreat()).toBe(before);
  });
});
