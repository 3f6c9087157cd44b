/**
 * The HTTP front: a real node:http server on 127.0.0.1. Order for each platform request: read a JSON body,
 * log it, apply an injected fault (before any handler, so a faulted start call creates nothing), pick the URL
 * family (core `/api/aspm/v1/...` + `X-Auth`, legacy `/api/v2/...` + `X-Cookie`), check the token, settle
 * scan progress from the clock, route.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Fault, FaultTable } from '../control/faults.js';
import { maskDeep, maskToken, selectHeaders } from '../control/request-log.js';
import type { RequestLog } from '../control/request-log.js';
import { settle } from '../state/events.js';
import { decodeBody, readBody } from './body.js';
import type { DecodedBody } from './body.js';
import { HttpError, sendJson, sendText } from './reply.js';
import type { AppEnv, Router } from './router.js';

export const CORE_PREFIX = '/api/aspm/v1';

export type ControlHandler = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => Promise<void>;

export interface ServerDeps {
  env: AppEnv;
  router: Router;
  faults: FaultTable;
  log: RequestLog;
  token: string;
  control: ControlHandler;
}

const HTML_PAGE = (status: number): string =>
  `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><center><h1>${status} Error</h1></center><hr><center>nginx</center></body></html>\n`;

/**
 * The seed's rule for accounts with several organizations: the header is required (422, the seed's "understood
 * but failed validation", in the platform's `{"error"}` shape) and must name one of the token's organizations
 * (403 `{"message":"forbidden operation"}`, the platform's 403 body).
 */
function organizationRefusal(
  rule: { required: boolean; ids: readonly string[] },
  header: string | string[] | undefined,
): { status: number; body: unknown } | undefined {
  const id = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (id === '') return rule.required ? { status: 422, body: { error: 'X-Invicti-OrganizationId header is required: the account has access to several organizations' } } : undefined;
  if (rule.ids.length > 0 && !rule.ids.includes(id)) return { status: 403, body: { message: 'forbidden operation' } };
  return undefined;
}

export class EmulatorServer {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();
  /** Connection numbers, in accept order: the request log says which connection carried each request. */
  private readonly socketIds = new WeakMap<Socket, number>();
  private nextSocketId = 0;
  private readonly sleepers = new Set<() => void>();
  private closed = false;

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 500;
        const message = err instanceof HttpError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
        sendJson(res, status, { error: message });
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      this.socketIds.set(socket, this.nextSocketId++);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr !== null ? addr.port : port);
      });
    });
  }

  /** Closes the server and destroys every socket, hung requests included. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.sleepers) wake();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await done;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { env, token } = this.deps;
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const qi = rawUrl.indexOf('?');
    const path = qi < 0 ? rawUrl : rawUrl.slice(0, qi);
    const rawQuery = qi < 0 ? '' : rawUrl.slice(qi + 1);
    const query = new URLSearchParams(rawQuery);
    if (path === '/__emulator' || path.startsWith('/__emulator/')) return this.deps.control(req, res, path, query);

    const family = path.startsWith(`${CORE_PREFIX}/`) ? 'core' : path.startsWith('/api/v2/') ? 'legacy' : 'other';
    const apiPath = family === 'core' ? path.slice(CORE_PREFIX.length) : path;
    const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
    let body: DecodedBody = { value: undefined, invalid: false, raw: '' };
    if (!multipart) body = decodeBody(await readBody(req));
    const authHeader = family === 'core' ? 'x-auth' : 'x-cookie';
    const authorized = req.headers[authHeader] === token;

    const entry = this.deps.log.add({
      time: new Date(env.clock.now()).toISOString(),
      at: env.clock.now(),
      method,
      path,
      apiPath,
      family,
      rawQuery: maskToken(rawQuery, token),
      query: Object.fromEntries([...query.entries()].map(([k, v]) => [k, maskToken(v, token)])),
      headers: selectHeaders(req.headers, token),
      authorized,
      connection: this.socketIds.get(req.socket) ?? -1,
      ...(body.invalid ? { body: maskToken(body.raw, token) } : body.value !== undefined ? { body: maskDeep(body.value, token) } : {}),
      status: null,
    });
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    const fault = this.deps.faults.take(method, apiPath);
    if (fault !== undefined) {
      entry.fault = fault.type;
      if (!(await this.applyFault(fault, req, res))) return;
    }
    // `garbled`: the request is processed, and its answer keeps its status but loses the end of its body.
    const garbled = fault?.type === 'garbled';

    if (apiPath === '/core/version' && method === 'GET' && family !== 'legacy') {
      if (family === 'core' && env.mode === 'legacy') return sendText(res, 404, '404 page not found');
      return sendJson(res, 200, { version: env.store.scenario.platformVersion });
    }
    const drain = (): void => {
      if (multipart) req.resume();
    };
    if (family === 'core' && env.mode === 'legacy') return (drain(), sendText(res, 404, '404 page not found'));
    if (family === 'other' || (family === 'legacy' && env.mode === 'core')) return (drain(), sendJson(res, 404, { error: 'not found' }));
    if (!authorized) return (drain(), sendJson(res, 401, { error: 'failed to authorize' }));
    if (family === 'core') {
      const refusal = organizationRefusal(env.store.scenario.organizations, req.headers['x-invicti-organizationid']);
      if (refusal !== undefined) return (drain(), sendJson(res, refusal.status, refusal.body));
    }

    settle(env.store, env.clock.now());
    const match = this.deps.router.match(method, apiPath);
    if (match === undefined) return (drain(), sendJson(res, 404, { error: 'not found' }));
    try {
      const reply = await match.handler({ env, req, method, path: apiPath, params: match.params, query, body: body.value, bodyInvalid: body.invalid });
      if (garbled) sendText(res, reply.status, JSON.stringify(reply.body).slice(0, 12), 'application/json; charset=utf-8');
      else sendJson(res, reply.status, reply.body, reply.headers);
    } catch (err) {
      drain();
      throw err;
    }
  }

  /** Returns true when the request should go on to the handler (after a delay). */
  private async applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const drain = (): void => {
      req.resume();
    };
    switch (fault.type) {
      case 'delay':
        await this.sleep(fault.ms);
        return !this.closed && !res.destroyed;
      case 'hold':
        // A slow proxy: the request reaches the platform late, and is processed even if the client gave up.
        await this.sleep(fault.ms);
        return !this.closed;
      case 'garbled':
        return true;
      case 'hang':
        return false;
      case 'reset': {
        const socket = req.socket as Socket & { resetAndDestroy?: () => void };
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
        return false;
      }
      case 'status': {
        drain();
        const b = fault.body ?? { error: 'injected fault' };
        if (typeof b === 'string') sendText(res, fault.status, b, 'application/json; charset=utf-8', fault.headers);
        else sendJson(res, fault.status, b, fault.headers);
        return false;
      }
      case 'retry-after':
        drain();
        sendJson(res, 429, { error: 'too many requests' }, { 'Retry-After': String(fault.seconds) });
        return false;
      case 'non-json':
        drain();
        sendText(res, 200, 'OK (this body is not JSON)');
        return false;
      case 'html':
        drain();
        sendText(res, fault.status, HTML_PAGE(fault.status), 'text/html; charset=utf-8');
        return false;
    }
  }
}
