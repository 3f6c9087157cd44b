import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { Emulator } from '../../emulator/index.js';
import { apiClient, FAMILIES, toAnswer } from './helpers.js';

describe('authentication, version probes and URL families', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ token: 'secret-token' });
  });
  afterAll(() => emu.close());

  it('binds 127.0.0.1 and reports its URL and token', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.token).toBe('secret-token');
  });

  it('generates a random token when none is given', async () => {
    const other = await startEmulator();
    try {
      expect(other.token).toMatch(/^[0-9a-f]{32}$/);
      expect((await apiClient(other, 'legacy').get('/api/v2/health/check')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers both version endpoints without auth in mode both', async () => {
    const core = await toAnswer(await fetch(`${emu.url}/api/aspm/v1/core/version`));
    expect(core.status).toBe(200);
    expect(core.json).toEqual({ version: expect.any(String) });
    const legacy = await toAnswer(await fetch(`${emu.url}/core/version`));
    expect(legacy.status).toBe(200);
    expect(legacy.json.version).toBe(core.json.version);
  });

  describe.each(FAMILIES)('%s family', (family) => {
    it('needs the family header with the right token: 401 {"error":"failed to authorize"}', async () => {
      const good = apiClient(emu, family);
      const wrong = apiClient(emu, family, 'nope');
      expect((await good.get('/api/v2/health/check')).json).toEqual({ status: 'ok' });
      const bad = await wrong.get('/api/v2/projects');
      expect(bad.status).toBe(401);
      expect(bad.json).toEqual({ error: 'failed to authorize' });
      const none = await toAnswer(await fetch(`${emu.url}${good.prefix}/api/v2/projects`));
      expect(none.status).toBe(401);
      expect(none.json).toEqual({ error: 'failed to authorize' });
    });

    it("rejects the other family's header", async () => {
      const header = family === 'core' ? 'X-Cookie' : 'X-Auth';
      const prefix = family === 'core' ? '/api/aspm/v1' : '';
      const res = await toAnswer(await fetch(`${emu.url}${prefix}/api/v2/projects`, { headers: { [header]: emu.token } }));
      expect(res.status).toBe(401);
    });

    it('serves the health check with and without the trailing slash', async () => {
      const c = apiClient(emu, family);
      for (const path of ['/api/v2/health/check', '/api/v2/health/check/']) {
        const a = await c.get(path);
        expect(a.status).toBe(200);
        expect(a.json).toEqual({ status: 'ok' });
      }
    });

    it('answers unknown routes with 404 {"error":"not found"}', async () => {
      const a = await apiClient(emu, family).get('/api/v2/no/such/route');
      expect(a.status).toBe(404);
      expect(a.json).toEqual({ error: 'not found' });
    });
  });

  it.each(FAMILIES)('every 2xx answer of the read endpoints is JSON (%s)', async (family) => {
    const api = apiClient(emu, family);
    const scans = await api.get<{ scans: { id: string }[] }>('/api/v2/projects/demo-app/scans');
    const scanId = scans.json.scans[0]!.id;
    const paths = [
      '/api/v2/health/check', '/api/v2/projects?alm=&name=', '/api/v2/projects/demo-app', '/api/v2/scanners/active?labels=&limit=0&name=&types=sast',
      '/api/v2/agents', '/api/v2/projects/demo-app/scans', `/api/v2/scans/${scanId}`, `/api/v2/scans/${scanId}/last_results`,
      '/api/v2/projects/demo-app/release', '/api/v2/projects/demo-app/vulnerabilities', '/api/v2/projects/demo-app/scanparams',
      '/api/v2/scans/queue', '/api/v2/scans/completed', '/api/v2/scans/failed', '/api/v2/projects/check/github/https://github.com/x/y',
    ];
    for (const path of paths) {
      const a = await api.get(path);
      expect(a.status, path).toBe(200);
      expect(a.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(() => JSON.parse(a.text) as unknown, path).not.toThrow();
    }
  });

  it('answers paths outside both families with a JSON 404', async () => {
    const a = await toAnswer(await fetch(`${emu.url}/nothing-here`));
    expect(a.status).toBe(404);
    expect(a.json).toEqual({ error: 'not found' });
  });
});

describe('mode switch', () => {
  it('legacy mode: plain-text 404 on the core probe and core paths, legacy paths work', async () => {
    const emu = await startEmulator({ mode: 'legacy', token: 't' });
    try {
      const probe = await toAnswer(await fetch(`${emu.url}/api/aspm/v1/core/version`, { headers: { 'X-Auth': 't' } }));
      expect(probe.status).toBe(404);
      expect(probe.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(probe.json).toBeUndefined();
      expect((await toAnswer(await fetch(`${emu.url}/core/version`))).status).toBe(200);
      expect((await apiClient(emu, 'core').get('/api/v2/projects')).status).toBe(404);
      expect((await apiClient(emu, 'legacy').get('/api/v2/projects')).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  it('core mode: legacy paths 404, core paths and both version endpoints work', async () => {
    const emu = await startEmulator({ mode: 'core', token: 't' });
    try {
      expect((await toAnswer(await fetch(`${emu.url}/api/aspm/v1/core/version`))).status).toBe(200);
      expect((await toAnswer(await fetch(`${emu.url}/core/version`))).status).toBe(200);
      const legacy = await apiClient(emu, 'legacy').get('/api/v2/projects');
      expect(legacy.status).toBe(404);
      expect(legacy.json).toEqual({ error: 'not found' });
      expect((await apiClient(emu, 'core').get('/api/v2/projects')).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  it('can be switched at run time through the control API', async () => {
    const emu = await startEmulator({ token: 't' });
    try {
      const set = await toAnswer(await fetch(`${emu.url}/__emulator/mode`, { method: 'POST', body: JSON.stringify({ mode: 'legacy' }) }));
      expect(set.json).toEqual({ mode: 'legacy' });
      expect(emu.mode).toBe('legacy');
      expect((await toAnswer(await fetch(`${emu.url}/api/aspm/v1/core/version`))).status).toBe(404);
      const bad = await toAnswer(await fetch(`${emu.url}/__emulator/mode`, { method: 'POST', body: JSON.stringify({ mode: 'x' }) }));
      expect(bad.status).toBe(400);
    } finally {
      await emu.close();
    }
  });
});
