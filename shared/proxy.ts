/**
 * Which proxy, if any, a request to a URL should use. Node's built-in fetch ignores HTTPS_PROXY and NO_PROXY,
 * so adapters that use fetch (gitbeaker, our Bitbucket client) resolve the proxy here and hand an undici
 * dispatcher to the client. The rules follow @actions/http-client so all our clients agree.
 */

export interface ProxySettings {
  /** Proxy for `https:` URLs (HTTPS_PROXY). */
  httpsProxy?: string;
  /** Proxy for `http:` URLs (HTTP_PROXY). */
  httpProxy?: string;
  /** NO_PROXY: comma- or space-separated hosts that bypass the proxy. */
  noProxy?: string;
}

/** Read the usual variables from an env object; lower-case wins, as in curl and @actions/http-client. */
export function proxySettingsFromEnv(env: Readonly<Record<string, string | undefined>>): ProxySettings {
  const pick = (name: string): string | undefined => nonEmpty(env[name.toLowerCase()]) ?? nonEmpty(env[name]);
  const out: ProxySettings = {};
  const https = pick('HTTPS_PROXY');
  const http = pick('HTTP_PROXY');
  const no = pick('NO_PROXY');
  if (https) out.httpsProxy = https;
  if (http) out.httpProxy = http;
  if (no) out.noProxy = no;
  return out;
}

/** The proxy URL for `target`, or undefined to connect directly. Loopback never goes through a proxy. */
export function proxyFor(target: string | URL, settings: ProxySettings | undefined): string | undefined {
  if (!settings) return undefined;
  const url = new URL(target);
  const proxy = url.protocol === 'https:' ? settings.httpsProxy : url.protocol === 'http:' ? settings.httpProxy : undefined;
  if (!proxy) return undefined;
  if (isLoopbackHost(url.hostname)) return undefined;
  if (noProxyMatches(url, settings.noProxy)) return undefined;
  return proxy;
}

/**
 * True when NO_PROXY says `target` (a URL, or `host[:port]`) bypasses the proxy. Entries: `*` (everything),
 * `host`, `host:port`, `.example.com` or `*.example.com` (the domain and its subdomains), and a bare
 * `example.com`, which also covers its subdomains. CIDR ranges are not supported.
 */
export function noProxyMatches(target: string | URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const { host, port } = splitTarget(target);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const parsed = splitHostPort(entry);
    if (parsed.port !== undefined && parsed.port !== port) continue;
    const domain = parsed.host.replace(/^\*?\./, '');
    if (domain === '') continue;
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = stripBrackets(hostname.toLowerCase());
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function splitTarget(target: string | URL): { host: string; port: string | undefined } {
  if (target instanceof URL) {
    const port = target.port || (target.protocol === 'https:' ? '443' : target.protocol === 'http:' ? '80' : '');
    return { host: stripBrackets(target.hostname.toLowerCase()), port: port || undefined };
  }
  return splitHostPort(target.toLowerCase());
}

function splitHostPort(text: string): { host: string; port: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] };
  const colons = text.split(':').length - 1;
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  if (colons === 1) {
    const [host = '', port = ''] = text.split(':');
    return { host, port: /^\d+$/.test(port) ? port : undefined };
  }
  return { host: text, port: undefined };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}
