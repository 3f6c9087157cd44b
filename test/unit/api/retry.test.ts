import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, decideRetry, parseRetryAfterMs } from '../../../shared/api/retry.js';
import { expectApiError, json, startRawServer, testClient, type RawServer } from './support/servers.js';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A route that plays `script` in order (one entry per request), then answers 200 forever. */
function scripted(script: Array<(res: ServerResponse) => void>) {
  let i = 0;
  return (res: ServerResponse): void => {
    const step = script[i++];
    if (step) step(res);
    else json(res, 200, { id: 's1', tool: 'semgrep', project: 'demo', date: '2026-01-01T00:00:00Z' });
  };
}

const status503 = (res: ServerResponse): void => json(res, 503, { error: 'maintenance' });
const reset = (res: ServerResponse): void => {
  res.socket?.destroy();
};

describe('retry policy (pure)', () => {
  it('uses full jitter under an exponential ceiling', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 0.999999))).toEqual([99, 199, 399, 499, 499]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 00:00:30 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('repeats reads; repeats creates only when they certainly did not arrive; looks before repeating starts', () => {
    const p = DEFAULT_RETRY_POLICY;
    const gateway = { delivery: 'maybe' as const, status: 503, network: false };
    const refused = { delivery: 'not-sent' as const, network: true };
    const tooMany = { delivery: 'not-sent' as const, status: 429, network: false };
    expect(decideRetry(gateway, 'idempotent', 1, p)).toBe('retry');
    expect(decideRetry(gateway, 'unsafe', 1, p)).toBe('fail');
    expect(decideRetry(gateway, 'start', 1, p)).toBe('lookup');
    expect(decideRetry(gateway, 'start', p.maxAttempts, p)).toBe('lookup');
    expect(decideRetry(refused, 'unsafe', 1, p)).toBe('retry');
    expect(decideRetry(tooMany, 'start', 1, p)).toBe('retry');
    expect(decideRetry(gateway, 'idempotent', p.maxAttempts, p)).toBe('fail');
    expect(decideRetry({ delivery: 'answered', status: 500, network: false }, 'idempotent', 1, p)).toBe('fail');
  });
});

describe('retries over HTTP', () => {
  it('retries a GET on 503 and on a reset, then succeeds', async () => {
    const route = scripted([status503, reset]);
    server = await startRawServer((_req, res) => route(res));
    const { client, clock } = testClient(server.url);
    const scan = await client.getScan('s1');
    expect(scan.id).toBe('s1');
    expect(server.count('GET', '/api/v2/scans/s1')).toBe(3);
    // random() = 0.5 under a 100 ms base: 50 ms, then 100 ms.
    expect(clock.delays).toEqual([50, 100]);
  });

  it('stops after maxAttempts', async () => {
    server = await startRawServer((_req, res) => status503(res));
    const { client, clock } = testClient(server.url);
    const err = await expectApiError(client.getScan('s1'), 'server');
    expect(err.status).toBe(503);
    expect(server.count('GET', '/api/v2/scans/s1')).toBe(3);
    expect(clock.delays).toHaveLength(2);
  });

  it('honours Retry-After in seconds and as a date, capped by the policy', async () => {
    const date = new Date(Date.now() + 3_600_000).toUTCString();
    const route = scripted([
      (res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '2' }),
      (res) => json(res, 429, { error: 'slow down' }, { 'retry-after': date }),
    ]);
    server = await startRawServer((_req, res) => route(res));
    const { client, clock } = testClient(server.url);
    await client.getScan('s1');
    expect(clock.delays[0]).toBe(2000);
    // An hour away is capped at maxRetryAfterMs (5 s in the test policy).
    expect(clock.delays[1]).toBe(5000);
  });

  it('reports retryAfterSeconds when 429s outlast the attempts', async () => {
    server = await startRawServer((_req, res) => json(res, 429, { error: 'slow down' }, { 'retry-after': '3' }));
    const { client } = testClient(server.url);
    const err = await expectApiError(client.getScan('s1'), 'invalid-request');
    expect(err.retryAfterSeconds).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('does not repeat a project creation after a 503 (it may have been processed)', async () => {
    server = await startRawServer((_req, res) => status503(res));
    const { client } = testClient(server.url);
    const err = await expectApiError(client.createProject({ name: 'p' }), 'server');
    expect(err.message).toContain('may have been processed');
    expect(server.count('POST', '/api/v2/projects')).toBe(1);
  });

  it('repeats a project creation after a 429', async () => {
    const route = scripted([(res) => json(res, 429, { error: 'slow down' })]);
    server = await startRawServer((req, res) => {
      if (server!.count('POST', '/api/v2/projects') > 1) json(res, 201, { project: { id: 'p1', name: 'p' }, message: 'ok' });
      else route(res);
    });
    const { client } = testClient(server.url);
    const project = await client.createProject({ name: 'p' });
    expect(project.id).toBe('p1');
    expect(server.count('POST', '/api/v2/projects')).toBe(2);
  });

  it('repeats a scanparams creation only when the connection was refused (after the platform has answered once)', async () => {
    const first = await startRawServer((_req, res) => json(res, 404, { error: 'not found' }, { connection: 'close' }));
    const port = first.port;
    const { client, clock } = testClient(`http://127.0.0.1:${port}`);
    await client.getScan('x').catch(() => undefined);
    await first.close();
    // The platform comes up while the client waits to retry.
    clock.onSleep = async () => {
      if (server) return;
      server = await startRawServer((_req, res) => json(res, 200, { scanparams: { id: 'sp1', custom: { type: 1, params: null } }, message: 'ok' }), { port });
    };
    const sp = await client.createScanparams({ projectId: 'p1', toolId: 't1', branch: 'main' });
    expect(sp).toEqual({ id: 'sp1', branch: '', bindName: '', custom: { type: 1, params: null } });
    expect(server!.count('POST', '/api/v2/projects/p1/scanparams')).toBe(1);
  });
});
