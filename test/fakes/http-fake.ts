/**
 * The base of every fake code-host API: a real HTTP server on 127.0.0.1 (port 0) with a tiny router, a log of
 * every request, and a `close()` that also ends keep-alive sockets so tests never hang on teardown.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The request target as sent: origin-form (`/a/b?c`) or, through a forward proxy, absolute-form. */
  rawUrl: string;
  /** True when the target was absolute-form (`http://host/path`), as a forward proxy receives it. */
  absoluteForm: boolean;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** A text answer sent as is (a diff), instead of `body` as JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: RecordedRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

export interface Route {
  method: string;
  /** `/repos/:owner/:repo/issues/:number/comments`: each `:name` matches one path segment, URL-decoded. */
  pattern: string;
  handler: RouteHandler;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

export async function startFakeServer(
  routes: readonly Route[],
  notFound: FakeResponse = { status: 404, body: { message: 'Not Found' } },
): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const compiled = routes.map((r) => ({ ...r, segments: r.pattern.split('/') }));

  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawUrl = req.url ?? '/';
    const absoluteForm = /^https?:\/\//i.test(rawUrl);
    const parsed = new URL(rawUrl, 'http://fake.invalid');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      rawUrl,
      absoluteForm,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    let answer: FakeResponse = notFound;
    try {
      for (const route of compiled) {
        if (route.method !== recorded.method) continue;
        const params = match(route.segments, parsed.pathname.split('/'));
        if (params) {
          answer = await route.handler(recorded, params);
          break;
        }
      }
    } catch (err) {
      answer = { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
    }
    const payload = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      ...(answer.text !== undefined ? { 'content-type': 'text/plain; charset=utf-8' } : answer.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...answer.headers,
    });
    res.end(payload);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function match(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i] ?? '';
    const a = actual[i] ?? '';
    if (p.startsWith(':')) {
      if (a === '') return undefined;
      params[p.slice(1)] = decodeURIComponent(a);
    } else if (p !== a) {
      return undefined;
    }
  }
  return params;
}

/** Parse a JSON (or form-encoded) request body into an object; `{}` when empty or malformed. */
export function bodyOf(req: RecordedRequest): Record<string, unknown> {
  if (req.body === '') return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(req.body));
  try {
    const value: unknown = JSON.parse(req.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return {};
  }
}

/** Page `items` for 1-based `page` of `perPage`, clamped like real hosts do. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): { slice: T[]; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  return { slice: items.slice(start, start + perPage), totalPages };
}

/** A positive integer query parameter, or the default. */
export function intParam(query: URLSearchParams, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(query.get(name));
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}
