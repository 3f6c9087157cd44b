/**
 * HTTP transport on Node's own http/https modules (no redirects, no retries of their own): one attempt with a
 * hard deadline, and the retry loop that applies the `RetryPolicy`. Everything the platform says or fails to
 * say becomes an `ApiError` here; the token header travels only inside requests. Requests go through the
 * run's keep-alive agents (`Connections`), so the run holds one connection per platform origin. Node's
 * modules rather than a client library: nothing else needs loading before the first request.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { abortedError, ApiError, AppError, CancelledError, DeadlineError, describeError, redact } from '../errors.js';
import type { Clock, Logger, Random } from '../ports.js';
import { USER_AGENT } from '../version.js';
import { Connections, type ProxySettings } from './connections.js';
import { HttpFailure, httpStatusFailure, networkFailure, NO_SERVER_CODES } from './http-errors.js';
import type { MultipartBody } from './multipart.js';
import { decideRetry, nextDelayMs, parseRetryAfterMs, type RetryPolicy, type Safety } from './retry.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest response body read; platform pages are far smaller. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface TransportOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  caFile?: string;
  insecure?: boolean;
  proxy?: ProxySettings;
  logger: Logger;
  clock: Clock;
  random: Random;
  /** Strings that must never appear in a message (the token, proxy credentials). */
  secrets: readonly string[];
  /** Cancels sleeps and requests in flight (CancelledError). */
  signal?: AbortSignal;
  /** Headers sent on every request (`X-Correlation-ID`, `X-Invicti-OrganizationId`). */
  headers?: Readonly<Record<string, string>>;
  /** The run's `X-Correlation-ID`, named in every platform error so support can find the run in their logs. */
  correlationId?: string;
}

export type RequestBody = { kind: 'json'; value: unknown } | { kind: 'multipart'; body: MultipartBody };

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** `METHOD /path/{template}`: what messages call this request. */
  endpoint: string;
  headers?: Record<string, string>;
  body?: RequestBody;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A message without its final full stop, to go on with more of the sentence. */
const stem = (message: string): string => message.replace(/\.$/, '');

/** Thrown by a start lookup to end the request with this verdict instead of retrying. */
export class FinalVerdict extends ApiError {}

/** A start call answered 2xx with a body that could not be read, and its scan was not found either. */
export class StartUnreadable extends ApiError {}

/** Start calls sent per start, at most: the first, and one more after a failure that left no trace. */
export const MAX_STARTS = 2;

async function readText(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      message.destroy();
      throw Object.assign(new Error(`response body larger than ${MAX_BODY_BYTES} bytes`), { code: 'EBODYTOOLARGE' });
    }
    chunks.push(chunk);
  }
  // A socket destroyed mid-body can end the iteration quietly: a partial body is a failed request.
  if (!message.complete) throw Object.assign(new Error('connection closed before the response was complete'), { code: 'ECONNRESET' });
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Send one request and resolve with the response head. `timeoutMs` bounds socket inactivity (the caller's
 * deadline bounds the whole exchange).
 */
function send(
  module: typeof http | typeof https,
  options: RequestOptions,
  body: string | Readable | undefined,
  timeoutMs: number,
  endpoint: string,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = module.request(options, resolve);
    request.once('error', reject);
    request.setTimeout(timeoutMs, () => {
      request.destroy(Object.assign(new Error(`Request timeout: ${endpoint}`), { code: 'ESOCKETTIMEDOUT' }));
    });
    if (body === undefined) request.end();
    else if (typeof body === 'string') request.end(body);
    else body.pipe(request);
  });
}

export class Transport {
  private readonly connections: Connections;
  /** Some request of this run got an HTTP answer: the address is right, so a refused connection is a blip. */
  private reached = false;

  constructor(private readonly options: TransportOptions) {
    this.connections = new Connections({ ...options, timeoutMs: options.timeoutMs });
  }

  /** Redact secrets from any text bound for a message or log. */
  clean(text: string): string {
    return redact(text, this.options.secrets);
  }

  private scrub<E extends Error>(err: E): E {
    err.message = this.clean(err.message);
    return err;
  }

  /** One attempt. Resolves with a 2xx response; throws HttpFailure for anything else. */
  async once(req: ApiRequest): Promise<ApiResponse> {
    const { timeoutMs, logger, clock, signal } = this.options;
    if (signal?.aborted === true) throw abortedError(signal, req.endpoint);
    const url = new URL(req.url);
    const controller = new AbortController();
    let timedOut = false;
    let cancelled = false;
    let timer: NodeJS.Timeout | undefined;
    // The deadline covers the whole exchange; for uploads it starts once the body is sent (the socket
    // inactivity timeout guards the upload itself).
    const armDeadline = (): void => {
      timer ??= setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const onCancel = (): void => {
      cancelled = true;
      controller.abort();
    };
    signal?.addEventListener('abort', onCancel, { once: true });
    const headers: OutgoingHttpHeaders = { accept: 'application/json', ...this.options.headers, ...req.headers, 'user-agent': USER_AGENT };
    const started = clock.now();
    let streamError: unknown;
    let source: Readable | undefined;
    let finished = false;
    try {
      let body: string | Readable | undefined;
      if (req.body?.kind === 'multipart') {
        const stream = req.body.body.stream();
        source = stream;
        stream.once('error', (err) => {
          streamError = err;
          controller.abort();
        });
        stream.once('end', armDeadline);
        headers['content-type'] = req.body.body.contentType;
        headers['content-length'] = String(req.body.body.length);
        body = stream;
      } else {
        armDeadline();
        if (req.body?.kind === 'json') {
          body = JSON.stringify(req.body.value);
          headers['content-type'] = 'application/json';
          headers['content-length'] = String(Buffer.byteLength(body));
        }
      }
      const options: RequestOptions = {
        method: req.method,
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
        path: `${url.pathname}${url.search}`,
        headers,
        signal: controller.signal,
      };
      this.connections.prepare(options, url);
      const message = await send(url.protocol === 'https:' ? https : http, options, body, timeoutMs, req.endpoint);
      this.reached = true;
      const text = await readText(message);
      finished = true;
      const status = message.statusCode ?? 0;
      const contentType = String(message.headers['content-type'] ?? '');
      logger.debug(`${req.endpoint} -> HTTP ${status} (${clock.now() - started} ms)`);
      if (status >= 200 && status < 300) return { status, contentType, headers: message.headers, text };
      const retryAfterMs = parseRetryAfterMs(message.headers['retry-after'], clock.now());
      // Redacted before the message cuts the body to a length: a cut could split a secret past recognition.
      throw httpStatusFailure(req.endpoint, status, contentType, this.clean(text), retryAfterMs, this.options.retry.retryStatuses);
    } catch (err) {
      if (err instanceof AppError) throw this.scrub(err);
      if (streamError instanceof AppError) throw this.scrub(streamError);
      if (cancelled) throw abortedError(signal, req.endpoint);
      const failure = networkFailure(req.endpoint, streamError ?? err, timedOut, timeoutMs);
      logger.debug(this.clean(`${req.endpoint} failed after ${clock.now() - started} ms: ${describeError(err)}`));
      throw this.scrub(failure);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
      // Whatever ended the attempt, leave no socket behind, nor an open file (a platform may answer early).
      if (!finished) controller.abort();
      source?.destroy();
    }
  }

  /**
   * Send with the retry policy. `parse` turns a 2xx response into the result (its errors are final).
   * For `start` requests, `lookup` is asked after an ambiguous failure whether the work began anyway:
   * a result ends the call, `undefined` allows one more start (never more than MAX_STARTS in all), a throw
   * means "unknown" and ends it with advice. A 2xx start answer that cannot be read is looked up too (the
   * work did start); when it is not found, `StartUnreadable` says so.
   */
  async execute<T>(req: ApiRequest, safety: Safety, parse: (res: ApiResponse) => T, lookup?: (failure: string) => Promise<T | undefined>): Promise<T> {
    try {
      return await this.attempts(req, safety, parse, lookup);
    } catch (err) {
      const id = this.options.correlationId;
      if (id !== undefined && err instanceof ApiError && !err.message.includes(id)) err.message += ` (correlation ID ${id})`;
      throw err;
    }
  }

  private async attempts<T>(req: ApiRequest, safety: Safety, parse: (res: ApiResponse) => T, lookup?: (failure: string) => Promise<T | undefined>): Promise<T> {
    const { retry, clock, random, logger, signal } = this.options;
    let ambiguous = 0;
    for (let attempt = 1; ; attempt++) {
      let failure: HttpFailure;
      let res: ApiResponse;
      try {
        res = await this.once(req);
      } catch (err) {
        if (!(err instanceof HttpFailure)) throw err instanceof Error ? this.scrub(err) : err;
        failure = err;
        // Refused or unknown before anything ever answered: a wrong host, which retrying only hides behind log lines.
        const decision = !this.reached && NO_SERVER_CODES.has(failure.code) ? 'fail' : decideRetry(failure, safety, attempt, retry);
        if (decision === 'fail') throw this.finalFailure(failure, safety);
        if (decision === 'lookup') {
          ambiguous += 1;
          const found = await this.runLookup(failure, lookup);
          if (found !== undefined) return found;
          if (ambiguous >= MAX_STARTS || attempt >= retry.maxAttempts) {
            throw this.scrub(
              new ApiError(failure.kind, failure.endpoint, `${stem(failure.message)}. No scan of it appeared on the platform after ${ambiguous} start request${ambiguous === 1 ? '' : 's'}, each followed by a grace period of looking; it is not started again.`, failure.status),
            );
          }
        }
        const delay = nextDelayMs(attempt, failure.retryAfterMs, retry, random);
        logger.info(this.clean(`${stem(failure.message)}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${retry.maxAttempts})`));
        try {
          await clock.sleep(delay, signal);
        } catch {
          throw abortedError(signal, `${req.endpoint} (waiting to retry)`);
        }
        continue;
      }
      try {
        return parse(res);
      } catch (caught) {
        const err = this.unreadable(caught, res, parse);
        if (safety !== 'start' || !(err instanceof ApiError)) throw err instanceof Error ? this.scrub(err) : err;
        const unreadable = `${req.endpoint}: the platform answered HTTP ${res.status}, so the scan probably started, but its answer could not be read (${err.message})`;
        const found = await this.runLookup(new HttpFailure('protocol', req.endpoint, unreadable, 'answered', false, res.status), lookup);
        if (found !== undefined) return found;
        throw this.scrub(new StartUnreadable('protocol', req.endpoint, unreadable, res.status));
      }
    }
  }

  /**
   * The error of a 2xx body that could not be read, quoting the body with secrets removed before it is cut:
   * the body is parsed again, redacted, so the message is built from clean text.
   */
  private unreadable<T>(err: unknown, res: ApiResponse, parse: (res: ApiResponse) => T): unknown {
    const clean = this.clean(res.text);
    if (!(err instanceof ApiError) || clean === res.text) return err;
    try {
      parse({ ...res, text: clean });
    } catch (again) {
      return again;
    }
    return err;
  }

  private async runLookup<T>(failure: HttpFailure, lookup: ((failure: string) => Promise<T | undefined>) | undefined): Promise<T | undefined> {
    if (lookup === undefined) throw this.finalFailure(failure, 'start');
    try {
      return await lookup(failure.message);
    } catch (err) {
      if (err instanceof FinalVerdict || err instanceof CancelledError || err instanceof DeadlineError) throw this.scrub(err);
      const message =
        `${stem(failure.message)}. The scan may have started anyway, and checking the platform's scan queue failed ` +
        `(${describeError(err)}), so it is not started again. Look at the project's scans on the platform before re-running.`;
      throw this.scrub(new ApiError(failure.kind, failure.endpoint, message, failure.status));
    }
  }

  private finalFailure(failure: HttpFailure, safety: Safety): ApiError {
    if (safety !== 'idempotent' && failure.delivery === 'maybe') {
      failure.message = `${stem(failure.message)}. The request may have been processed; it is not repeated automatically.`;
    }
    return this.scrub(failure);
  }

  close(): void {
    this.connections.destroy();
  }
}
