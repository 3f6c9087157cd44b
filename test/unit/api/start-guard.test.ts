import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { expectApiError, json, startRawServer, testClient, type RawServer, type Seen } from './support/servers.js';

type Step = 'ok' | 'create+503' | 'create+reset' | 'create+hang' | 'create+garbled' | 'unlisted+garbled' | '503' | '429';

interface Entry {
  id: string;
  eventId?: string;
  projectId: string;
  tool: string;
  branch?: string;
  metaData?: string;
  startedAt: string;
}

const entry = (e: Partial<Entry> & { noEvent?: boolean; noMeta?: boolean }): Entry => {
  const { noEvent, noMeta, ...rest } = e;
  return {
    id: 'other',
    projectId: 'p1',
    tool: 'semgrep',
    branch: 'main',
    startedAt: new Date().toISOString(),
    ...(noEvent ? {} : { eventId: `${e.id ?? 'other'}-ev` }),
    ...(noMeta ? {} : { metaData: '' }),
    ...rest,
  };
};

/**
 * Just enough platform for start calls: creates scans, lists them in the queue, misbehaves on cue. `appear`
 * entries join the queue when the first failing step is served (another job's scan starting meanwhile).
 */
async function startPlatform(plan: Step[], opts: { port?: number; queueBroken?: boolean; padding?: number; preexisting?: Entry[]; appear?: Entry[] } = {}) {
  const listed: Entry[] = [...(opts.preexisting ?? [])];
  const created: Entry[] = [];
  let n = 0;
  const create = (req: Seen, list = true): Entry => {
    const body = req.body.length > 0 && req.headers['content-type'] === 'application/json' ? (JSON.parse(req.body.toString()) as { branch?: string }) : {};
    const scan = entry({ id: `scan${created.length + 1}`, eventId: `ev${created.length + 1}`, branch: body.branch ?? 'main' });
    created.push(scan);
    if (list) listed.push(scan);
    return scan;
  };
  const server = await startRawServer((req, res: ServerResponse) => {
    if (req.path === '/api/v2/scans/queue' || req.path === '/api/v2/scans/completed') {
      if (opts.queueBroken) return json(res, 500, { error: 'queue unavailable' });
      const all = req.path.endsWith('queue')
        ? [
            ...Array.from({ length: opts.padding ?? 0 }, (_, i) => ({ id: `busy${i}`, event_id: `busy-ev${i}`, tool: 'trivy', project: { id: 'other' }, started_at: new Date().toISOString() })),
            ...listed.map((s) => ({ id: s.id, event_id: s.eventId, tool: s.tool, project: { id: s.projectId }, branch: s.branch, meta_data: s.metaData, started_at: s.startedAt })),
          ]
        : [];
      const start = Number(req.query.get('start') ?? 0);
      const limit = Number(req.query.get('limit') ?? 30);
      return json(res, 200, { start, limit, total: all.length, scans: all.slice(start, start + limit) });
    }
    const step = plan[n++] ?? 'ok';
    if (step !== 'ok') listed.push(...(opts.appear?.splice(0) ?? []));
    if (step === '503') return json(res, 503, { error: 'unavailable' });
    if (step === '429') return json(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
    const scan = create(req, step !== 'unlisted+garbled');
    if (step === 'create+503') return json(res, 503, { error: 'upstream timed out' });
    if (step === 'create+reset') return void res.socket?.destroy();
    if (step === 'create+hang') return;
    if (step.endsWith('garbled')) return void res.writeHead(201, { 'content-type': 'application/json' }).end('{"event_id":"ev');
    const key = req.path.endsWith('/restart') || req.path.endsWith('/restart_with_option') ? 'event' : 'event_id';
    json(res, 201, { [key]: scan.eventId, message: 'started' });
  }, opts.port === undefined ? {} : { port: opts.port });
  const isList = (r: Seen): boolean => r.path.startsWith('/api/v2/scans/queue') || r.path.startsWith('/api/v2/scans/completed');
  return { server, created, starts: () => server.requests.filter((r) => !isList(r)).length, lookups: () => server.requests.filter((r) => r.path === '/api/v2/scans/queue').length };
}

const KEY = { projectId: 'p1', tool: 'semgrep', metaData: '' };
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
    // The scan lists read once before the start (the baseline), once after the failure.
    expect(p.lookups()).toBe(2);
  });

  it('after a 503 that created nothing, it keeps looking for the grace period, then starts once more', async () => {
    const p = await startPlatform(['503']);
    server = p.server;
    const { client, clock } = testClient(server.url);
    const started = await client.createScan(INPUT, KEY);
    expect(started.eventId).toBe('ev1');
    expect(p.created).toHaveLength(1);
    expect(p.starts()).toBe(2);
    expect(p.lookups()).toBeGreaterThan(2);
    // The grace period (10 s for a 2 s request timeout) was spent looking before the second start.
    expect(clock.delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9_000);
  });

  it('when the scan lists cannot be read before the start, an ambiguous failure ends the call: nothing restarted', async () => {
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
    expect(server.requests.filter((r) => r.path === '/api/v2/scans/queue').map((r) => r.query.get('start'))).toEqual(['0', '100', '0', '100']);
  });

  it('a refused connection after the platform has answered is retried: nothing can have started', async () => {
    const probe = await startRawServer((_req, res) => json(res, 404, { error: 'not found' }, { connection: 'close' }));
    const { client, clock } = testClient(probe.url);
    await client.getScan('x').catch(() => undefined);
    await probe.close();
    let p: Awaited<ReturnType<typeof startPlatform>> | undefined;
    // The platform comes up on the refused port while the client waits to retry.
    clock.onSleep = async () => {
      p ??= await startPlatform([], { port: probe.port });
      server = p.server;
    };
    expect((await client.createScan(INPUT, KEY)).eventId).toBe('ev1');
    expect(p!.starts()).toBe(1);
    // The baseline only: no look after the start.
    expect(p!.lookups()).toBe(1);
  });

  it('a 429 is retried without a lookup (it was not processed)', async () => {
    const p = await startPlatform(['429']);
    server = p.server;
    const { client, clock } = testClient(server.url);
    await client.createScan(INPUT, KEY);
    expect(p.starts()).toBe(2);
    expect(p.lookups()).toBe(1);
    expect(clock.delays).toEqual([1000]);
  });

  it('a restart (a GET that creates work) is looked up before it is repeated', async () => {
    const p = await startPlatform(['create+503']);
    server = p.server;
    const { client } = testClient(server.url);
    const started = await client.restartScan('scan0', { ...KEY, branch: 'main' });
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

  it('never adopts a scan that was there before the start, nor a new one on another branch or with other meta-data', async () => {
    const p = await startPlatform(['503'], {
      preexisting: [entry({ id: 'earlier', startedAt: new Date(Date.now() + 60_000).toISOString() })],
      appear: [entry({ id: 'dev-job', branch: 'dev' }), entry({ id: 'meta-job', metaData: 'nightly' })],
    });
    server = p.server;
    const { client, logger } = testClient(server.url);
    const started = await client.createScan(INPUT, { ...KEY, branch: 'main' });
    expect(started.eventId).toBe('ev1');
    expect(p.starts()).toBe(2);
    expect(logger.lines.map((l) => l.message).join('\n')).not.toContain('did reach the platform');
  });

  it.each([
    ['no event id', { noEvent: true }, 'event id'],
    ['no meta-data', { noMeta: true }, 'meta-data'],
  ] as const)('a new matching entry with %s ends the call: not started again, and says what is unknown', async (_what, gap, named) => {
    const p = await startPlatform(['503'], { appear: [entry({ id: 'mystery', ...gap })] });
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toContain('mystery');
    expect(err.message).toContain(`does not state its ${named}`);
    expect(err.message).toContain('not started again');
    expect(p.starts()).toBe(1);
  });

  it('two new scans with this run\'s settings: which is ours is unknown, so neither is adopted', async () => {
    const p = await startPlatform(['503'], { appear: [entry({ id: 'twin1' }), entry({ id: 'twin2' })] });
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toMatch(/2 new scans .* which one is this run's is unknown/);
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

  it('never sends more than two starts: after two ambiguous failures with nothing found it stops and says so', async () => {
    const p = await startPlatform(['503', '503', '503']);
    server = p.server;
    const { client } = testClient(server.url, { retry: { maxAttempts: 6 } });
    const err = await expectApiError(client.createScan(INPUT, KEY), 'server');
    expect(err.message).toContain('No scan of it appeared on the platform after 2 start requests');
    expect(err.message).toContain('not started again');
    expect(p.starts()).toBe(2);
    expect(p.created).toHaveLength(0);
  });

  it('a 201 whose body cannot be read: the scan it started is looked up and followed', async () => {
    const p = await startPlatform(['create+garbled']);
    server = p.server;
    const { client } = testClient(server.url);
    expect((await client.createScan(INPUT, KEY)).eventId).toBe('ev1');
    expect(p.starts()).toBe(1);
  });

  it('a 201 whose body cannot be read and whose scan is not listed: says it probably started, where to look, how to resume', async () => {
    const p = await startPlatform(['unlisted+garbled']);
    server = p.server;
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createScan(INPUT, { ...KEY, branch: 'main' }), 'protocol');
    expect(err.message).toContain('answered HTTP 201, so the scan probably started');
    expect(err.message).toContain('project p1, scanner semgrep, branch "main"');
    expect(err.message).toContain('invicti-appsec wait --event-id');
    expect(p.starts()).toBe(1);
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
