import https from 'node:https';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import { proxyFor } from '../../../shared/proxy.js';
import { makeSelfSignedCert, type TestCert } from './support/certs.js';
import { startProxy, type TestProxy } from './support/proxy.js';
import { expectApiError, json, listen, readAll, startRawServer, testClient, toSeen, trackSockets, type RawServer, type Seen } from './support/servers.js';

const projects = { projects: [{ id: 'p1', name: 'demo' }], total: 1 };

let cert: TestCert;
let tlsServer: { port: number; requests: Seen[]; handshakes: () => number; close(): Promise<void> };
beforeAll(async () => {
  cert = makeSelfSignedCert();
  const requests: Seen[] = [];
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    void readAll(req).then((body) => {
      requests.push(toSeen(req, body));
      json(res, 200, projects);
    });
  });
  let handshakes = 0;
  server.on('secureConnection', () => (handshakes += 1));
  const destroy = trackSockets(server);
  const port = await listen(server);
  tlsServer = {
    port,
    requests,
    handshakes: () => handshakes,
    close: () =>
      new Promise<void>((resolve) => {
        destroy();
        server.close(() => resolve());
      }),
  };
});
afterAll(async () => {
  await tlsServer.close();
  cert.cleanup();
});

describe('TLS trust', () => {
  it('a self-signed platform fails with the ca-cert hint, and is not retried', async () => {
    const { client, clock } = testClient(`https://127.0.0.1:${tlsServer.port}`);
    const err = await expectApiError(client.listProjects({}), 'network');
    expect(err.message).toContain('TLS error');
    expect(err.message).toContain('ca-cert');
    expect(err.message).toContain('insecure only as a last resort');
    expect(clock.delays).toEqual([]);
  });

  it('auto-detection does not fall back to legacy on a TLS error', async () => {
    const { client } = testClient(`https://127.0.0.1:${tlsServer.port}`, { apiMode: 'auto' });
    const err = await expectApiError(client.mode(), 'network');
    expect(err.message).toContain('GET /api/aspm/v1/core/version: TLS error');
  });

  it('works with caFile (system roots plus the bundle)', async () => {
    const { client } = testClient(`https://127.0.0.1:${tlsServer.port}`, { caFile: cert.certFile });
    const page = await client.listProjects({ name: 'demo' });
    expect(page.items.map((p) => p.id)).toEqual(['p1']);
  });

  it('a run\'s requests share one connection: one TLS handshake with a custom CA', async () => {
    const before = tlsServer.handshakes();
    const { client } = testClient(`https://127.0.0.1:${tlsServer.port}`, { caFile: cert.certFile });
    for (let i = 0; i < 3; i++) await client.listProjects({});
    expect(tlsServer.handshakes() - before).toBe(1);
    client.close();
  });

  it('works with insecure, and warns through the logger', async () => {
    const { client, logger } = testClient(`https://127.0.0.1:${tlsServer.port}`, { insecure: true });
    await client.listProjects({});
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message).join('\n')).toMatch(/verification is OFF \(insecure\)/);
  });

  it('a missing or non-PEM CA file is a ConfigError on ca-cert', () => {
    expect(() => testClient('https://127.0.0.1:1', { caFile: path.join(cert.dir, 'none.pem') })).toThrow(ConfigError);
    const junk = path.join(cert.dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    try {
      testClient('https://127.0.0.1:1', { caFile: junk });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).setting).toBe('ca-cert');
    }
  });
});

describe('proxies (explicit settings only)', () => {
  let plain: RawServer;
  let proxy: TestProxy | undefined;
  beforeAll(async () => {
    plain = await startRawServer((_req, res) => json(res, 200, projects));
  });
  afterAll(() => plain.close());
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('plain HTTP goes through HTTP_PROXY in absolute form', async () => {
    proxy = await startProxy({ 'platform.test': '127.0.0.1' });
    const { client } = testClient(`http://platform.test:${plain.port}`, { proxy: { httpProxy: proxy.url } });
    await client.listProjects({ name: 'demo' });
    expect(proxy.records).toEqual([{ method: 'GET', target: `http://platform.test:${plain.port}/api/v2/projects?alm=&name=demo` }]);
    expect(plain.requests.at(-1)!.headers.host).toBe(`platform.test:${plain.port}`);
  });

  it('HTTPS goes through HTTPS_PROXY with CONNECT, and the certificate is checked for the real host name', async () => {
    proxy = await startProxy({ 'platform.test': '127.0.0.1' });
    const before = tlsServer.requests.length;
    const { client } = testClient(`https://platform.test:${tlsServer.port}`, { proxy: { httpsProxy: proxy.url }, caFile: cert.certFile });
    const page = await client.listProjects({});
    expect(page.total).toBe(1);
    expect(proxy.records).toEqual([{ method: 'CONNECT', target: `platform.test:${tlsServer.port}` }]);
    expect(tlsServer.requests.length - before).toBe(1);
    expect(tlsServer.requests.at(-1)!.headers['x-cookie']).toBeDefined();
  });

  it('requests through HTTPS_PROXY share one CONNECT tunnel and one TLS handshake', async () => {
    proxy = await startProxy({ 'platform.test': '127.0.0.1' });
    const before = tlsServer.handshakes();
    const { client } = testClient(`https://platform.test:${tlsServer.port}`, { proxy: { httpsProxy: proxy.url }, caFile: cert.certFile });
    for (let i = 0; i < 3; i++) await client.listProjects({});
    expect(proxy.records.filter((r) => r.method === 'CONNECT')).toHaveLength(1);
    expect(tlsServer.handshakes() - before).toBe(1);
    client.close();
  });

  it('plain HTTP through HTTP_PROXY keeps one connection to the proxy', async () => {
    proxy = await startProxy({ 'platform.test': '127.0.0.1' });
    const { client } = testClient(`http://platform.test:${plain.port}`, { proxy: { httpProxy: proxy.url } });
    for (let i = 0; i < 3; i++) await client.listProjects({});
    expect(proxy.records).toHaveLength(3);
    expect(proxy.connections()).toBe(1);
    client.close();
  });

  it('proxy credentials are sent as Proxy-Authorization and never shown', async () => {
    const expected = `Basic ${Buffer.from('ci-user:p@ss-w0rd').toString('base64')}`;
    proxy = await startProxy({ 'platform.test': '127.0.0.1' }, { requireAuth: expected });
    const good = testClient(`https://platform.test:${tlsServer.port}`, { proxy: { httpsProxy: `http://ci-user:p%40ss-w0rd@127.0.0.1:${proxy.port}` }, caFile: cert.certFile });
    await good.client.listProjects({});
    expect(proxy.records[0]!.proxyAuthorization).toBe(expected);

    const bad = testClient(`https://platform.test:${tlsServer.port}`, { proxy: { httpsProxy: `http://ci-user:wrong-pass@127.0.0.1:${proxy.port}` }, caFile: cert.certFile });
    const err = await expectApiError(bad.client.listProjects({}), 'network');
    expect(err.message).toContain('407');
    expect(err.message).not.toContain('wrong-pass');
    expect(bad.clock.delays).toEqual([]);
  });

  it('loopback targets bypass the proxy by design', async () => {
    const { client } = testClient(plain.url, { proxy: { httpProxy: 'http://127.0.0.1:1', httpsProxy: 'http://127.0.0.1:1' } });
    await expect(client.listProjects({})).resolves.toMatchObject({ total: 1 });
  });

  it('NO_PROXY: exact hosts, domain suffixes, ports and * (the one parser every client uses)', () => {
    const u = (s: string) => new URL(s);
    const bypassesProxy = (url: URL, noProxy: string): boolean => proxyFor(url, { httpsProxy: 'http://proxy:1', httpProxy: 'http://proxy:1', noProxy }) === undefined;
    expect(bypassesProxy(u('https://aspm.corp.example'), 'corp.example')).toBe(true);
    expect(bypassesProxy(u('https://aspm.corp.example'), '.corp.example')).toBe(true);
    expect(bypassesProxy(u('https://aspm.corp.example'), 'other.example, x')).toBe(false);
    expect(bypassesProxy(u('https://aspm.corp.example:8443'), 'aspm.corp.example:8443')).toBe(true);
    expect(bypassesProxy(u('https://aspm.corp.example'), 'aspm.corp.example:8443')).toBe(false);
    expect(bypassesProxy(u('https://notcorp.example'), 'corp.example')).toBe(false);
    expect(bypassesProxy(u('https://anything'), '*')).toBe(true);
    expect(bypassesProxy(u('http://localhost:3000'), '')).toBe(true);
  });

  it('an invalid proxy URL is a ConfigError that does not echo the value', () => {
    try {
      testClient(plain.url, { proxy: { httpsProxy: 'socks5://u:secret@h:1' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain('secret');
    }
  });
});
