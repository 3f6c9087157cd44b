/** Options of `PlatformClient`, validated and turned into the transport's settings. */
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../errors.js';
import { silentLogger, systemClock, type Clock, type Logger, type Random } from '../ports.js';
import type { ProxySettings } from './connections.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { RawPage } from './schemas.js';
import { DEFAULT_TIMEOUT_MS, type TransportOptions } from './transport.js';
import type { ApiMode, Page } from './types.js';
import { resolveHost, type HostUrls } from './urls.js';

export interface PlatformClientOptions {
  /** Base URL of the platform (see urls.ts for how a sub-path is treated). */
  host: string;
  token: string;
  /** `auto` probes the core API once per client; a forced mode skips the probe. */
  apiMode?: 'auto' | ApiMode;
  /** Per-request timeout (socket inactivity and overall deadline), default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** PEM bundle trusted in addition to the system roots. */
  caFile?: string;
  insecure?: boolean;
  /** Explicit proxy settings; the adapter passes HTTPS_PROXY / HTTP_PROXY / NO_PROXY values. */
  proxy?: ProxySettings;
  logger?: Logger;
  clock?: Clock;
  random?: Random;
  /** Cancels waits and requests in flight. */
  signal?: AbortSignal;
  /** How long, after an ambiguous start failure, the scan lists are watched for it (late delivery); default from the request timeout. */
  startGraceMs?: number;
  /** Sent as `X-Invicti-OrganizationId` on every request (accounts with several organizations need it). */
  organizationId?: string;
  /** Sent as `X-Correlation-ID` on every request; default: a new UUID for this client (one per run). */
  correlationId?: string;
}

export interface ClientSettings {
  correlationId: string;
  organizationId: string | undefined;
  urls: HostUrls;
  token: string;
  forcedMode: ApiMode | undefined;
  startGraceMs: number | undefined;
  transport: TransportOptions & { logger: Logger; clock: Clock };
}

/** Validate the options (ConfigError on host, token, timeout; CA and proxy are checked by the transport). */
export function clientSettings(options: PlatformClientOptions): ClientSettings {
  const urls = resolveHost(options.host);
  const token = options.token.trim();
  if (token === '') throw new ConfigError('token', 'The platform token is empty; set INVICTI_ASPM_TOKEN or the token setting.');
  if (!/^[\x21-\x7e]+$/.test(token)) throw new ConfigError('token', 'The platform token contains spaces or non-ASCII characters; copy it again.');
  const organizationId = options.organizationId?.trim() || undefined;
  // A header value with a line break or a space is a paste error, and Node would throw on some of them.
  if (organizationId !== undefined && !/^[\x21-\x7e]+$/.test(organizationId))
    throw new ConfigError('organization-id', 'The organization ID contains spaces, line breaks or non-ASCII characters; copy it again from the Invicti Platform.');
  const correlationId = options.correlationId ?? randomUUID();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ConfigError('timeout', `The request timeout must be a positive number of milliseconds; got ${timeoutMs}.`);
  return {
    correlationId,
    organizationId,
    urls,
    token,
    forcedMode: options.apiMode === 'core' || options.apiMode === 'legacy' ? options.apiMode : undefined,
    startGraceMs: options.startGraceMs,
    transport: {
      timeoutMs,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      ...(options.caFile === undefined ? {} : { caFile: options.caFile }),
      ...(options.insecure === undefined ? {} : { insecure: options.insecure }),
      ...(options.proxy === undefined ? {} : { proxy: options.proxy }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      logger: options.logger ?? silentLogger,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      secrets: [token, ...proxySecrets(options.proxy)],
      headers: { 'x-correlation-id': correlationId, ...(organizationId === undefined ? {} : { 'x-invicti-organizationid': organizationId }) },
      correlationId,
    },
  };
}

/** A page with the defaults the query implies where the platform left `start`/`limit` out. */
export function toPage<T>(raw: RawPage<T>, query: { start?: number; limit?: number }): Page<T> {
  return { items: raw.items, total: raw.total, start: raw.start ?? query.start ?? 0, limit: raw.limit ?? query.limit ?? raw.items.length };
}

function proxySecrets(proxy: ProxySettings | undefined): string[] {
  const out: string[] = [];
  for (const value of [proxy?.httpsProxy, proxy?.httpProxy]) {
    if (value === undefined || value === '') continue;
    try {
      const url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`);
      if (url.password !== '') out.push(url.password, decodeURIComponent(url.password));
    } catch {
      // An invalid proxy URL is reported by the connection setup, by setting name only.
    }
  }
  return out;
}
