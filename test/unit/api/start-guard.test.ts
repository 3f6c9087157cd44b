import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { expectApiError, json, startRawServer, testClient, type RawServer, type Seen } from './support/servers.js';

type Step = 'ok' | 'create+503' | 'create+reset' | 'create+hang' | '503' | '429';

interface Created {
  id: string;
  eventId: string;
  projectId: string;
  tool: string;
  branch: string;
  startedAt: string;
}

/** Just enough platform for start calls: creates scans, lists them in the queue, misbehaves on cue. */
async function startPlatform(plan: Step[], opts: { port?: number; queueBroken?: boolean; padding?: number; preexisting?: Array<Partial<Created> & { noEvent?: boolean }> } = {}) {
  const created: Created[] = [];
  const queueExtra = opts.preexisting ?? [];
  let n = 0;
  const create = (req: Seen): Created => {
    const body = req.body.length > 0 && req.headers['content-type'] === 'application/json' ? (JSON.parse(req.body.toString()) as { branch?: string }) : {};
    const scan = { id: `scan${created.length + 1}`, eventId: `ev${created.length + 1}`, projectId: 'p1', tool: 'semgrep', branch: body.branch ?? 'main', startedAt: new Date().toISOString() };
    created.push(scan);
    return scan;
  };
  const server = await startRawServer((req, res: ServerResponse) => {
    if (req.path === '/api/v2/scans/queue' || req.path === '/api/v2/scans/completed') {
      if (opts.queueBroken) return json(res, 500, { error: 'queue unavailable' });
      const all = req.path.endsWith('queue')
        ? [
            ...Array.from({ length: opts.padding ?? 0 }, (_, i) => ({ id: `busy${i}`, event_id: `busy-ev${i}`, tool: 'trivy', project: { id: 'other' }, started_at: new Date().toISOString() })),
            ...queueExtra.map((e) => ({ id: e.id ?? 'old', ...(e.noEvent ? {} : { event_id: e.eventId ?? 'old-ev' }), tool: e.tool ?? 'semgrep', project: { id: e.projectId ?? 'p1' }, branch: e.branch ?? 'main', started_at: e.startedAt ?? new Date().toISOString() })),
            ...created.map((s) => ({ id: s.id, event_id: s.eventId, tool: s.tool, project: { id: s.projectId }, branch: s.branch, started_at: s.startedAt })),
          ]
        : [];
      const start = Number(req.query.get('start') ?? 0);
      const limit = Number(req.query.get('limit') ?? 30);
      return json(res, 200, { start, limit, total: all.length, scans: all.slice(start, start + limit) });
    }
    const step = plan[n++] ?? 'ok';
    if (step === '503') return json(res, 503, { error: 'unavailable' });
    if (step === '429') return json(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
    const scan = create(req);
    if (step === 'create+503') return json(res, 503, { error: 'upstream timed out' });
    if (step === 'create+reset') return void res.socket?.destroy();
    if (step === 'create+hang') return;
    const key = req.path.endsWith('/restart') || req.path.endsWith('/restart_with_option') ? 'event' : 'event_id';
    json(res, 201, { [key]: scan.eventId, message: 'started' });
  }, opts.port === undefined ? {} : { port: opts.port });
  return { server, created, starts: () => server.requests.filter((r) => !r.path.startsWith('/api/v2/scans/queue') && !r.path.startsWith('/api/v2/scans/completed')).length, lookups: () => server.requests.filter((r) => r.path === '/api/v2/scans/queue').length };
}

const KEY = { projectId: 'p1', tool: 'semgrep' };
const INPUT = { project: 'demo', branch: 'main', toolId: 't1', scanparamsId: 'sp1' };

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('calls that start work are never repeated blindly', () => {
  it.each(['create+503', 'create+reset'] as const)('after %s the scan that was created is followed, not created again', async (step) => {
    const p = await startPlatform([step]);
    server = p.server;
    const { client } = testClient(server.url);
    const started = await client.createScan(INPUT, KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.created).toHaveLength(1);
    expect(p.starts()).toBe(1);
    expect(p.lookups()).toBe(1);
  });

  it('after a 503 that created nothing, it looks (queue and completed), then retries once', async () => {
    const p = await startPlatform(['503']);
    server = p.server;
    const { client } = testClient(server.url);
    const started = await client.createScan(INPUT, KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.created).toHaveLength(1);
    expect(p.starts()).toBe(2);
    expect(server.count('GET', '/api/v2/scans/completed')).toBe(1);
  });

  it('when the lookup itself fails, it does not retry and says where to check', async () => {
    const p = await startPlatform(['503'], { queueBroken: true });
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toContain('POST /api/v2/scans/create');
    expect(err.message).toContain('may have started');
    expect(err.message).toContain('not started again');
    expect(p.starts()).toBe(1);
  });

  it('a busy queue is read past its first page', async () => {
    const p = await startPlatform(['create+503'], { padding: 150 });
    server = p.server;
    const { client } = testClient(server.url);
    expect((await client.createScan(INPUT, KEY)).eventId).toBe('ev1');
    expect(p.starts()).toBe(1);
    expect(server.requests.filter((r) => r.path === '/api/v2/scans/queue').map((r) => r.query.get('start'))).toEqual(['0', '100']);
  });

  it('a refused connection is retried: nothing can have started', async () => {
    const probe = await startRawServer(() => undefined);
    await probe.close();
    const { client, clock } = testClient(probe.url);
    let p: Awaited<ReturnType<typeof startPlatform>> | undefined;
    // The platform comes up on the refused port while the client waits to retry.
    clock.onSleep = async () => {
      p ??= await startPlatform([], { port: probe.port });
      server = p.server;
    };
    expect((await client.createScan(INPUT, KEY)).eventId).toBe('ev1');
    expect(p!.starts()).toBe(1);
    expect(p!.lookups()).toBe(0);
  });

  it('a 429 is retried without a lookup (it was not processed)', async () => {
    const p = await startPlatform(['429']);
    server = p.server;
    const { client, clock } = testClient(server.url);
    await client.createScan(INPUT, KEY);
    expect(p.starts()).toBe(2);
    expect(p.lookups()).toBe(0);
    expect(clock.delays).toEqual([1000]);
  });

  it('a restart (a GET that creates work) is looked up before it is repeated', async () => {
    const p = await startPlatform(['create+503']);
    server = p.server;
    const { client } = testClient(server.url);
    const started = await client.restartScan('scan0', KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.starts()).toBe(1);
  });

  it('a create that hangs after creating ends in a timeout, then the created scan is found', async () => {
    const p = await startPlatform(['create+hang']);
    server = p.server;
    const { client } = testClient(server.url, { timeoutMs: 300 });
    const started = await client.scanImage({ projectId: 'p1', tool: 'semgrep', image: 'nginx:1', branch: 'main' }, KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.created).toHaveLength(1);
  });

  it('ignores queue entries that are older than the request, or on another branch', async () => {
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    const p = await startPlatform(['503'], { preexisting: [{ id: 'old1', eventId: 'old-ev1', startedAt: old }, { id: 'other', eventId: 'other-ev', branch: 'dev' }] });
    server = p.server;
    const { client } = testClient(server.url);
    const started = await client.createScan(INPUT, KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.starts()).toBe(2);
  });

  it('a matching entry without an event id ends the call: not started again, follow it on the platform', async () => {
    const p = await startPlatform(['503'], { preexisting: [{ id: 'mystery', noEvent: true }] });
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toContain('mystery');
    expect(err.message).toContain('not started again');
    expect(p.starts()).toBe(1);
  });

  it('an event this client already returned is never taken for the result of a later start', async () => {
    const p = await startPlatform(['ok', '503']);
    server = p.server;
    const { client } = testClient(server.url);
    const first = await client.createScan(INPUT, KEY);
    const second = await client.createScan(INPUT, KEY);
    expect([first.eventId, second.eventId]).toEqual(['ev1', 'ev2']);
    expect(p.starts()).toBe(3);
  });

  it('after the last attempt it still looks, and reports that nothing was found', async () => {
    const p = await startPlatform(['503', '503', '503']);
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toContain('No scan was found');
    expect(p.starts()).toBe(3);
    expect(p.lookups()).toBe(3);
    expect(p.created).toHaveLength(0);
  });
});

describe('timeouts', () => {
  it('a route that never answers ends in ApiError(timeout) per attempt', async () => {
    server = await startRawServer(() => undefined);
    const { client } = testClient(server.url, { timeoutMs: 300, retry: { maxAttempts: 2 } });
    const err = await expectApiError(client.getScan('s1'), 'timeout');
    expect(err.message).toContain('GET /api/v2/scans/{id}');
    expect(err.message).toContain('0.3 s');
    expect(server.requests).toHaveLength(2);
  }, 5000);

  it('a body that stalls after the headers also times out', async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"id":');
    });
    const { client } = testClient(server.url, { timeoutMs: 300, retry: { maxAttempts: 1 } });
    await expectApiError(client.getScan('s1'), 'timeout');
  }, 5000);

  it('a cancelled signal ends the wait at once', async () => {
    server = await startRawServer(() => undefined);
    const controller = new AbortController();
    const { client } = testClient(server.url, { timeoutMs: 10_000, signal: controller.signal });
    const pending = client.getScan('s1');
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
  }, 5000);
});
