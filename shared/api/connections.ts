/**
 * How sockets reach the platform: TLS trust (system roots plus an optional CA bundle, or `insecure`) and
 * proxies given explicitly (the adapter passes HTTPS_PROXY/HTTP_PROXY/NO_PROXY values; nothing here reads
 * the environment). One keep-alive agent per platform origin and route serves the whole run, so a run's
 * requests share one connection (and one TLS handshake) instead of opening one each.
 */
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { ConfigError } from '../errors.js';
import type { Logger } from '../ports.js';
import { proxyFor, type ProxySettings } from '../proxy.js';

export type { ProxySettings } from '../proxy.js';

/**
 * How long an idle connection is kept for the next request. Long enough for the waiter's polls (at most 10 s
 * apart) to reuse it; shorter than common load-balancer idle timeouts (60 s and more). A server that announces
 * a shorter `Keep-Alive: timeout=` is believed (Node's agent closes the socket a second before it).
 */
export const IDLE_SOCKET_MS = 15_000;
/** Parallel connections per origin at most (bounded parallel paging uses a few; everything else one). */
export const MAX_SOCKETS_PER_ORIGIN = 4;

export interface ConnectionOptions {
  /** PEM bundle trusted in addition to the system roots; read once, here. */
  caFile?: string;
  /** Turn off certificate verification (logged as a warning). */
  insecure?: boolean;
  proxy?: ProxySettings;
  /** Bound for the proxy CONNECT handshake. */
  timeoutMs: number;
  logger: Logger;
}

/** Node's default trust store: bundled roots plus NODE_EXTRA_CA_CERTS / system store where Node exposes them. */
function defaultRoots(): string[] {
  const getter = (tls as { getCACertificates?: (type?: string) => string[] }).getCACertificates;
  return typeof getter === 'function' ? getter('default') : [...tls.rootCertificates];
}

/**
 * The PEM text of a CA bundle, or what is wrong with the file ("... is a directory"), so that the pre-flight check
 * can name the setting as the user spells it before any request.
 */
export function loadCaBundle(file: string): { pem: string } | { problem: string } {
  let pem: string;
  try {
    if (statSync(file).isDirectory()) return { problem: `"${file}" is a directory; give the path of a PEM file.` };
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unreadable';
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    return { problem: `"${file}" ${why}; give the path of a PEM file with your CA certificate(s).` };
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { problem: `"${file}" holds no PEM certificate ("-----BEGIN CERTIFICATE-----").` };
  return { pem };
}

function readCaBundle(file: string): string {
  const bundle = loadCaBundle(file);
  if ('problem' in bundle) throw new ConfigError('ca-cert', `The CA bundle ${bundle.problem}`);
  return bundle.pem;
}

function parseProxy(value: string | undefined, setting: string): URL | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('unsupported scheme');
    return url;
  } catch {
    // The value may carry credentials: name the setting, not the value.
    throw new ConfigError(setting, `${setting} is not a valid http(s) proxy URL.`);
  }
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (proxy.username === '' && proxy.password === '') return undefined;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

/** Open a CONNECT tunnel through `proxy` to host:port; resolves with the raw socket. */
function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number, tlsOptions: tls.ConnectionOptions): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const auth = proxyAuthorization(proxy);
    const options: https.RequestOptions = {
      host: proxy.hostname,
      port: proxy.port === '' ? (proxy.protocol === 'https:' ? 443 : 80) : Number(proxy.port),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth === undefined ? {} : { 'proxy-authorization': auth }) },
      agent: false,
      timeout: timeoutMs,
      ...(proxy.protocol === 'https:' ? tlsOptions : {}),
    };
    const req = (proxy.protocol === 'https:' ? https : http).request(options);
    req.once('connect', (res, socket, head) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        const err = new Error(`proxy ${proxy.host} refused CONNECT to ${target}: HTTP ${res.statusCode ?? 0}`);
        reject(Object.assign(err, { code: 'EPROXY_CONNECT', proxyStatus: res.statusCode }));
        return;
      }
      socket.setTimeout(0);
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    req.once('timeout', () => {
      const err = Object.assign(new Error(`proxy ${proxy.host} did not open a tunnel to ${target} in time`), { code: 'ETIMEDOUT', syscall: 'connect' });
      req.destroy(err);
    });
    req.once('error', reject);
    req.end();
  });
}

const KEEP_ALIVE = { keepAlive: true, timeout: IDLE_SOCKET_MS, maxSockets: MAX_SOCKETS_PER_ORIGIN, maxFreeSockets: MAX_SOCKETS_PER_ORIGIN } as const;

type ConnectCallback = (err: Error | null, stream: Duplex) => void;

/** An HTTPS agent whose sockets are TLS over a CONNECT tunnel. */
class HttpsTunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly timeoutMs: number,
    private readonly tlsOptions: tls.ConnectionOptions,
  ) {
    super({ ...KEEP_ALIVE, ...tlsOptions });
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectCallback): Duplex | null | undefined {
    const host = options.hostname ?? options.host ?? 'localhost';
    const port = Number(options.port ?? 443);
    openTunnel(this.proxy, host, port, this.timeoutMs, this.tlsOptions).then(
      (socket) => {
        const secure = tls.connect({ ...(options as tls.ConnectionOptions), socket, servername: options.servername ?? host });
        callback?.(null, secure);
      },
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

/** A plain-HTTP agent over a CONNECT tunnel (used only when the proxy itself speaks TLS). */
class HttpTunnelAgent extends http.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly timeoutMs: number,
    private readonly tlsOptions: tls.ConnectionOptions,
  ) {
    super(KEEP_ALIVE);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectCallback): Duplex | null | undefined {
    const host = options.hostname ?? options.host ?? 'localhost';
    openTunnel(this.proxy, host, Number(options.port ?? 80), this.timeoutMs, this.tlsOptions).then(
      (socket) => callback?.(null, socket),
      (err: Error) => callback?.(err, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

export class Connections {
  private readonly tlsOptions: tls.ConnectionOptions;
  private readonly proxy: ProxySettings | undefined;
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly options: ConnectionOptions) {
    const ca = options.caFile === undefined || options.caFile === '' ? undefined : [...defaultRoots(), readCaBundle(options.caFile)];
    this.tlsOptions = { ...(ca === undefined ? {} : { ca }), rejectUnauthorized: options.insecure !== true };
    if (options.insecure === true) {
      options.logger.warn('TLS certificate verification is OFF (insecure). Prefer ca-cert with your CA bundle; anyone on the path can read the token.');
    }
    // Checked here, once, so that a bad value is a configuration error before any request.
    parseProxy(options.proxy?.httpsProxy, 'HTTPS_PROXY');
    parseProxy(options.proxy?.httpProxy, 'HTTP_PROXY');
    this.proxy = options.proxy;
  }

  /** The proxy a request to `url` goes through, if any (NO_PROXY and loopback bypass it). */
  proxyFor(url: URL): URL | undefined {
    const value = proxyFor(url, this.proxy);
    return value === undefined ? undefined : parseProxy(value, url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY');
  }

  /** Request options for `url`: the origin's keep-alive agent, and proxy routing. */
  prepare(options: http.RequestOptions, url: URL): void {
    const proxy = this.proxyFor(url);
    const secure = url.protocol === 'https:';
    if (proxy === undefined) {
      options.agent = this.agent(`direct ${url.origin}`, () => (secure ? new https.Agent({ ...KEEP_ALIVE, ...this.tlsOptions }) : new http.Agent(KEEP_ALIVE)));
      return;
    }
    if (secure) {
      options.agent = this.agent(`tunnel ${url.origin}`, () => new HttpsTunnelAgent(proxy, this.options.timeoutMs, this.tlsOptions));
      return;
    }
    if (proxy.protocol === 'https:') {
      options.agent = this.agent(`tunnel ${url.origin}`, () => new HttpTunnelAgent(proxy, this.options.timeoutMs, this.tlsOptions));
      return;
    }
    // Plain HTTP through an HTTP proxy: absolute-form request line, as every forward proxy expects.
    const auth = proxyAuthorization(proxy);
    options.headers = { ...options.headers, host: url.host, ...(auth === undefined ? {} : { 'proxy-authorization': auth }) };
    options.path = `${url.origin}${url.pathname}${url.search}`;
    options.host = proxy.hostname;
    options.hostname = proxy.hostname;
    options.port = proxy.port === '' ? 80 : Number(proxy.port);
    options.agent = this.agent(`forward ${proxy.origin}`, () => new http.Agent(KEEP_ALIVE));
  }

  private agent(key: string, make: () => http.Agent): http.Agent {
    let agent = this.agents.get(key);
    if (agent === undefined) {
      agent = make();
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** Close the kept-alive sockets at the end of the run. */
  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
