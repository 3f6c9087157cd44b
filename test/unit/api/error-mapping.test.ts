import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../../shared/version.js';
import { expectApiError, json, send, startRawServer, testClient, TOKEN, type RawServer } from './support/servers.js';

/** Each route answers one way; the client runs in legacy mode against it. */
const answers: Record<string, (res: ServerResponse) => void> = {
  '/api/v2/projects': (res) => json(res, 401, { error: `failed to authorize token ${TOKEN}` }),
  '/api/v2/scans/s403': (res) => json(res, 403, { message: 'forbidden operation' }),
  '/api/v2/scans/s404': (res) => send(res, 404, 'text/plain; charset=utf-8', '404 page not found'),
  '/api/v2/scans/s400': (res) => json(res, 400, { error: 'invalid scan id' }),
  '/api/v2/scans/s409': (res) => json(res, 409, { error: 'conflict' }),
  '/api/v2/scans/s422': (res) => json(res, 422, { message: 'unprocessable' }),
  '/api/v2/scans/s418': (res) => send(res, 418, 'text/plain', "I'm a teapot"),
  '/api/v2/scans/s500': (res) => json(res, 500, { error: 'failed to processing release criteria' }),
  '/api/v2/scanners/active': (res) =>
    send(
      res,
      502,
      'text/html',
      '<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    ),
  '/api/v2/scans/nonjson': (res) => send(res, 200, 'text/html', '<html><body>Login page</body></html>'),
  '/api/v2/scans/empty': (res) => send(res, 200, 'application/json', ''),
  '/api/v2/events/e1/status': (res) => json(res, 200, { id: 'e1', status: 6, active: '0', scan_id: 's' }),
  '/api/v2/scans/moved': (res) => {
    res.writeHead(302, { location: 'https://elsewhere.invalid/api/v2/scans/moved', 'content-length': '0' });
    res.end();
  },
};

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer((req, res) => {
    const answer = answers[req.path];
    if (answer) answer(res);
    else json(res, 404, { error: 'no route' });
  });
});
afterAll(() => server.close());

describe('error mapping', () => {
  it('401 names the endpoint, the status, the platform text and the token hint, without the token', async () => {
    const { client } = testClient(server.url);
    const err = await expectApiError(client.listProjects({ name: 'x' }), 'unauthorized');
    expect(err.message).toContain('GET /api/v2/projects');
    expect(err.message).toContain('HTTP 401');
    expect(err.message).toContain('failed to authorize token ***');
    expect(err.message).toContain('INVICTI_ASPM_TOKEN');
    expect(err.status).toBe(401);
    expect(err.endpoint).toBe('GET /api/v2/projects');
  });

  it('403 {"message"} shows the message; 404 text shows the text', async () => {
    const { client } = testClient(server.url);
    const forbidden = await expectApiError(client.getScan('s403'), 'forbidden');
    expect(forbidden.message).toContain('forbidden operation');
    expect(forbidden.message).toContain('GET /api/v2/scans/{id}');
    const missing = await expectApiError(client.getScan('s404'), 'not-found');
    expect(missing.message).toContain('404 page not found');
  });

  it.each(['s400', 's409', 's422', 's418'])('%s is an invalid request', async (id) => {
    const { client } = testClient(server.url);
    const err = await expectApiError(client.getScan(id), 'invalid-request');
    expect(err.status).toBe(Number(id.slice(1)));
  });

  it('500 is a server error and is not retried', async () => {
    const { client } = testClient(server.url);
    const before = server.count('GET', '/api/v2/scans/s500');
    const err = await expectApiError(client.getScan('s500'), 'server');
    expect(err.message).toContain('failed to processing release criteria');
    expect(server.count('GET', '/api/v2/scans/s500') - before).toBe(1);
  });

  it('an HTML 502 page says so with a tag-stripped excerpt, never a made-up cause (kdt issue #73)', async () => {
    const { client } = testClient(server.url, { retry: { maxAttempts: 1 } });
    const err = await expectApiError(client.listActiveScanners({ name: 'semgrep' }), 'server');
    expect(err.message).toContain('GET /api/v2/scanners/active: HTTP 502 Bad Gateway: text/html page');
    expect(err.message).toContain('502 Bad Gateway');
    expect(err.message).toContain('nginx');
    expect(err.message).not.toMatch(/<|color:red|unknown/);
  });

  it('a 2xx that is not JSON, or is empty, is a protocol error', async () => {
    const { client } = testClient(server.url);
    const html = await expectApiError(client.getScan('nonjson'), 'protocol');
    expect(html.message).toContain('HTTP 200 OK');
    expect(html.message).toContain('text/html page: "Login page"');
    const empty = await expectApiError(client.getScan('empty'), 'protocol');
    expect(empty.message).toContain('empty body');
  });

  it('a schema mismatch names the endpoint and the field', async () => {
    const { client } = testClient(server.url);
    const err = await expectApiError(client.getEventStatus('e1'), 'protocol');
    expect(err.message).toBe(`GET /api/v2/events/{id}/status: field "active" expected number, got string (correlation ID ${client.correlationId})`);
  });

  it('redirects are not followed (the token must not travel)', async () => {
    const { client } = testClient(server.url);
    const err = await expectApiError(client.getScan('moved'), 'protocol');
    expect(err.message).toContain('HTTP 302');
    expect(err.message).toContain('Redirects are not followed');
  });

  it('connection refused before anything answered fails at once and points at the host setting', async () => {
    const closed = await startRawServer(() => undefined);
    await closed.close();
    const { client, clock } = testClient(closed.url);
    const err = await expectApiError(client.getScan('x'), 'network');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).toContain('check the host setting');
    expect(err.message).not.toMatch(/\.\./);
    expect(clock.delays).toHaveLength(0);
  });

  it('sends the User-Agent, Accept and the legacy token header', async () => {
    const { client } = testClient(server.url);
    await client.getScan('s404').catch(() => undefined);
    const last = server.requests.at(-1)!;
    expect(last.headers['user-agent']).toBe(USER_AGENT);
    expect(last.headers['accept']).toBe('application/json');
    expect(last.headers['x-cookie']).toBe(TOKEN);
    expect(last.headers['x-auth']).toBeUndefined();
  });
});

describe('the token stays secret', () => {
  it('never appears in messages or logs, even when the platform echoes it back', async () => {
    const echo = await startRawServer((req, res) => {
      const headers = JSON.stringify(req.headers);
      if (req.path.endsWith('/html')) send(res, 500, 'text/html', `<html><body><pre>${headers}</pre></body></html>`);
      else if (req.path.endsWith('/b64')) json(res, 400, { error: `bad ${Buffer.from(TOKEN).toString('base64')}` });
      else json(res, 503, { error: headers });
    });
    try {
      const { client, logger } = testClient(echo.url);
      const messages: string[] = [];
      for (const id of ['html', 'b64', 'json']) {
        const err = await client.getScan(id).catch((e: unknown) => e as Error);
        messages.push((err as Error).message);
      }
      expect(messages.join('\n')).toContain('x-cookie');
      const everything = [...messages, ...logger.lines.map((l) => l.message)].join('\n');
      expect(everything).not.toContain(TOKEN);
      expect(everything).not.toContain(Buffer.from(TOKEN).toString('base64'));
    } finally {
      await echo.close();
    }
  });
});
