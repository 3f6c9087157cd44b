/**
 * Small raw `node:http` servers for the client's tests (127.0.0.1, port 0), a fake clock that records
 * backoff delays and resolves at once, a recording logger, and an assertion helper that checks every
 * error message for the token.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { expect } from 'vitest';
import { ApiError, type ApiErrorKind } from '../../../../shared/errors.js';
import type { Clock, Logger } from '../../../../shared/ports.js';
import { PlatformClient, type PlatformClientOptions } from '../../../../shared/api/client.js';

export const TOKEN = 'tok-SECRET-0123456789abcdef';

export interface Seen {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (req: Seen, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface RawServer {
  url: string;
  port: number;
  requests: Seen[];
  count(method: string, path: string): number;
  close(): Promise<void>;
}

/** Track sockets so `close()` never waits for a hung or kept-alive connection. */
export function trackSockets(server: http.Server | HttpsServer): () => void {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () => {
    for (const socket of sockets) socket.destroy();
  };
}

export async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function toSeen(req: IncomingMessage, body: Buffer): Seen {
  const url = req.url ?? '/';
  const parsed = new URL(url, 'http://x.invalid');
  return { method: req.method ?? '', url, path: parsed.pathname, query: parsed.searchParams, headers: req.headers, body };
}

export function listen(server: http.Server | HttpsServer, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startRawServer(handler: Handler, options: { port?: number; readBody?: boolean } = {}): Promise<RawServer> {
  const requests: Seen[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = options.readBody === false ? Buffer.alloc(0) : await readAll(req);
      const seen = toSeen(req, body);
      requests.push(seen);
      await handler(seen, res, req);
    })();
  });
  const destroySockets = trackSockets(server);
  const port = await listen(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: (method, path) => requests.filter((r) => r.method === method && r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        destroySockets();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function send(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface FakeClock extends Clock {
  delays: number[];
  onSleep?: (ms: number) => void | Promise<void>;
}

/** `now` is the real time (so dates the servers produce line up); `sleep` records and resolves at once. */
export function fakeClock(): FakeClock {
  // Sleeps return at once and move the clock on by their length, so waits bounded in platform time end fast.
  let slept = 0;
  const clock: FakeClock = {
    delays: [],
    now: () => Date.now() + slept,
    sleep: async (ms: number) => {
      clock.delays.push(ms);
      slept += ms;
      await clock.onSleep?.(ms);
    },
  };
  return clock;
}

export interface RecordingLogger extends Logger {
  lines: Array<{ level: string; message: string }>;
}

export function recordingLogger(): RecordingLogger {
  const lines: Array<{ level: string; message: string }> = [];
  const at = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Await a rejection; assert it is an ApiError of `kind` whose message never shows the token. */
export async function expectApiError(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to fail').toBeInstanceOf(ApiError);
  const apiError = err as ApiError;
  expect(apiError.message).not.toContain(TOKEN);
  expect(apiError.kind, apiError.message).toBe(kind);
  return apiError;
}

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

/** A client for tests: legacy mode unless told otherwise, a fake clock, fixed jitter. */
export function testClient(host: string, extra: Partial<PlatformClientOptions> = {}): { client: PlatformClient; clock: FakeClock; logger: RecordingLogger } {
  const clock = fakeClock();
  const logger = recordingLogger();
  const client = new PlatformClient({
    host,
    token: TOKEN,
    apiMode: 'legacy',
    timeoutMs: 2000,
    retry: FAST_RETRY,
    logger,
    clock,
    random: () => 0.5,
    ...extra,
  });
  return { client, clock, logger };
}
