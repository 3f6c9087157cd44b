import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../../shared/api/client.js';
import { queryString, resolveHost } from '../../../shared/api/urls.js';
import { ConfigError } from '../../../shared/errors.js';
import { expectApiError, json, send, startRawServer, testClient, TOKEN, type RawServer } from './support/servers.js';

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const projects = { projects: [{ id: 'p1', name: 'demo', default_branch: 'main' }], total: 1 };

describe('host resolution', () => {
  it.each([
    ['https://h', 'https://h', 'https://h', 'https://h/api/aspm/v1', ''],
    ['https://h/', 'https://h', 'https://h', 'https://h/api/aspm/v1', ''],
    ['https://h/sub/', 'https://h', 'https://h/sub', 'https://h/sub/api/aspm/v1', '/sub'],
    ['https://h/sub', 'https://h', 'https://h/sub', 'https://h/sub/api/aspm/v1', '/sub'],
    [' http://h:8080/a/b?x=1#f ', 'http://h:8080', 'http://h:8080/a/b', 'http://h:8080/a/b/api/aspm/v1', '/a/b'],
  ])('%s', (host, origin, legacy, core, basePath) => {
    expect(resolveHost(host)).toEqual({ origin, legacy, core, basePath });
  });

  it.each([
    ['https://h/api/aspm/v1', 'https://h'],
    ['https://h/sub/api/aspm/v1/', 'https://h/sub'],
    ['https://h/api/v2/projects', 'https://h'],
    ['https://h/api', 'https://h'],
  ])('%s: says to drop the API path', (host, root) => {
    expect(() => resolveHost(host)).toThrow(ConfigError);
    expect(() => resolveHost(host)).toThrow(`drop it and give the instance's address, ${root} `);
  });

  it.each(['', 'aspm.example.com', 'ftp://h', 'https://user:pw@h'])('rejects %j with a ConfigError on host', (host) => {
    expect(() => resolveHost(host)).toThrow(ConfigError);
  });
});

describe('query strings', () => {
  it('sorts keys, keeps empty values, drops undefined, encodes like Go', () => {
    expect(queryString({ name: 'My Proj', alm: '', limit: undefined, types: 'sast,dast' })).toBe('?alm=&name=My+Proj&types=sast%2Cdast');
    expect(queryString({})).toBe('');
  });
});

describe('API mode detection', () => {
  it('core when the first list read answers 2xx JSON in core mode: it is the probe, no version request', async () => {
    server = await startRawServer((req, res) => {
      if (req.path === '/api/aspm/v1/api/v2/projects') return json(res, 200, projects);
      json(res, 404, { error: 'nope' });
    });
    const { client } = testClient(server.url, { apiMode: 'auto' });
    const [a, b] = await Promise.all([client.listProjects({ name: 'demo' }), client.listProjects({ name: 'demo' })]);
    expect(a.items[0]!.name).toBe('demo');
    expect(b.total).toBe(1);
    expect(await client.mode()).toBe('core');
    expect(server.requests.map((r) => r.path)).toEqual(['/api/aspm/v1/api/v2/projects', '/api/aspm/v1/api/v2/projects']);
    const call = server.requests.find((r) => r.path === '/api/aspm/v1/api/v2/projects')!;
    expect(call.headers['x-auth']).toBe(TOKEN);
    expect(call.headers['x-cookie']).toBeUndefined();
    expect(server.requests[0]!.headers['x-auth']).toBe(TOKEN);
  });

  // A list read is the probe itself (its core-mode path); any other first call sends the version probe first.
  const firstCalls = [
    ['a list read', '/api/aspm/v1/api/v2/projects', (c: PlatformClient) => c.listProjects({ name: 'demo' })],
    ['another call', '/api/aspm/v1/core/version', (c: PlatformClient) => c.healthCheck()],
  ] as const;
  const legacyAnswers = [
    ['a 404', (res: ServerResponse) => send(res, 404, 'text/plain', '404 page not found')],
    ['a 200 that is not JSON', (res: ServerResponse) => send(res, 200, 'text/html', '<html>SPA</html>')],
  ] as const;
  describe.each(firstCalls)('first call: %s', (_first, probePath, first) => {
    it.each(legacyAnswers)('legacy after %s: the probe once, then /api/v2 paths with X-Cookie', async (_what, answer) => {
      server = await startRawServer((req, res) => {
        if (req.path === probePath) return answer(res);
        if (req.path === '/api/v2/projects' || req.path === '/api/v2/health/check') return json(res, 200, req.path === '/api/v2/projects' ? projects : { status: 'ok' });
        json(res, 404, { error: 'nope' });
      });
      const { client } = testClient(server.url, { apiMode: 'auto' });
      await first(client);
      expect(await client.mode()).toBe('legacy');
      await client.listProjects({ name: 'demo' });
      expect(server.requests.filter((r) => r.path.startsWith('/api/aspm/')).map((r) => r.path)).toEqual([probePath]);
      const call = server.requests.find((r) => r.path === '/api/v2/projects')!;
      expect(call.headers['x-cookie']).toBe(TOKEN);
      expect(call.headers['x-auth']).toBeUndefined();
    });

    it.each([
      ['a 503', 'server', (res: ServerResponse): void => json(res, 503, { error: 'unavailable' })],
      ['a 502 HTML error page', 'server', (res: ServerResponse): void => send(res, 502, 'text/html', '<html><body>502 Bad Gateway</body></html>')],
      ['a reset', 'network', (res: ServerResponse): void => void res.socket?.destroy()],
    ] as const)('never falls back to legacy on %s: retries, then fails, and no request leaves the base path', async (_what, kind, answer) => {
      server = await startRawServer((req, res) => {
        if (req.path === `/aspm${probePath}`) return answer(res);
        json(res, 200, projects);
      });
      const { client } = testClient(`${server.url}/aspm`, { apiMode: 'auto' });
      const err = await expectApiError(first(client), kind);
      expect(err.message).toContain('API mode could not be detected');
      expect(err.message).toContain('api-mode');
      expect(server.requests.length).toBeGreaterThan(1);
      expect(server.requests.every((r) => r.path === `/aspm${probePath}`)).toBe(true);
    });
  });

  it('a 2xx JSON list in a shape not expected is still core: the error is the read\'s, nothing goes to legacy paths', async () => {
    server = await startRawServer((req, res) => (req.path.startsWith('/api/aspm/') ? json(res, 200, { projects: 'none', total: 'many' }) : json(res, 200, projects)));
    const { client } = testClient(server.url, { apiMode: 'auto' });
    await expectApiError(client.listProjects({ name: 'demo' }), 'protocol');
    expect(await client.mode()).toBe('core');
    expect(server.requests.every((r) => r.path.startsWith('/api/aspm/'))).toBe(true);
  });

  it('a 401 after falling back to legacy mentions the detection', async () => {
    server = await startRawServer((_req, res) => json(res, 401, { error: 'failed to authorize' }));
    const { client } = testClient(server.url, { apiMode: 'auto' });
    const err = await expectApiError(client.listProjects({ name: 'demo' }), 'unauthorized');
    expect(err.message).toContain('auto-detected as legacy');
    expect(err.message).toContain('HTTP 401');
    // The hint goes before the correlation ID, which every message keeps last, once.
    const trace = `(correlation ID ${client.correlationId})`;
    expect(err.message).toMatch(/set the api-mode setting to core or legacy to skip detection\.\) \(correlation ID [^)]+\)$/);
    expect(err.message.endsWith(trace)).toBe(true);
    expect(err.message.split('correlation ID')).toHaveLength(2);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/aspm/v1/api/v2/projects', '/api/v2/projects']);
  });

  it('legacy mode keeps the host path as a prefix: the token never leaves it', async () => {
    server = await startRawServer((req, res) => {
      if (req.path.startsWith('/aspm/api/aspm/')) return send(res, 404, 'text/plain', '404 page not found');
      json(res, 200, projects);
    });
    const { client } = testClient(`${server.url}/aspm`, { apiMode: 'auto' });
    await client.listProjects({ name: 'demo' });
    expect(await client.mode()).toBe('legacy');
    expect(server.requests.map((r) => r.path)).toEqual(['/aspm/api/aspm/v1/api/v2/projects', '/aspm/api/v2/projects']);
  });

  it('a forced mode skips the probe; the sub-path is kept in core mode', async () => {
    server = await startRawServer((_req, res) => json(res, 200, projects));
    const { client } = testClient(`${server.url}/aspm`, { apiMode: 'core' });
    await client.listProjects({});
    expect(server.requests.map((r) => r.url)).toEqual(['/aspm/api/aspm/v1/api/v2/projects?alm=&name=']);
  });

  it('a failed ping names the path it requested, the host path included', async () => {
    server = await startRawServer((_req, res) => json(res, 404, {}));
    const { client } = testClient(`${server.url}/aspm`, { apiMode: 'legacy' });
    await expect(client.ping()).rejects.toThrow(/GET \/aspm\/core\/version/);
  });

  it('ping is unauthenticated and uses the mode’s version path; healthCheck is authenticated', async () => {
    server = await startRawServer((req, res) => (req.path.endsWith('/version') || req.path === '/api/v2/health/check' ? json(res, 200, { status: 'ok' }) : json(res, 404, {})));
    const { client } = testClient(server.url, { apiMode: 'legacy' });
    await client.ping();
    await client.healthCheck();
    const [ping, health] = server.requests;
    expect(ping!.path).toBe('/core/version');
    expect(ping!.headers['x-cookie']).toBeUndefined();
    expect(health!.path).toBe('/api/v2/health/check');
    expect(health!.headers['x-cookie']).toBe(TOKEN);
  });
});
