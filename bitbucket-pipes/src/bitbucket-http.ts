/**
 * The transport under our Bitbucket Cloud client: undici's fetch with an explicit dispatcher.
 *
 * Why fetch and not @actions/http-client: the Pipelines auth proxy is a plain HTTP forward proxy that Atlassian
 * documents with `curl --proxy http://localhost:29418 http://api.bitbucket.org/2.0/...`, i.e. absolute-form
 * requests, no CONNECT tunnel. undici's `ProxyAgent` with `proxyTunnel: false` sends exactly that, whereas
 * http-client tunnels (CONNECT) through `tunnel` and picks proxies from the process env on its own. undici's
 * fetch also matches the GitLab store (gitbeaker is fetch-based), keeping one proxy story for both.
 */
import { Agent, ProxyAgent, fetch, type Dispatcher } from 'undici';
import { BITBUCKET_API_URL, PIPELINES_API_URL, PIPELINES_PROXY_URL } from './endpoints.js';
import type { z } from 'zod';
import { codeHostError } from '../../shared/platforms/errors.js';
import { proxyFor, type ProxySettings } from '../../shared/proxy.js';
import { USER_AGENT } from '../../shared/version.js';

export type BitbucketAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; email: string; apiToken: string };

/**
 * How to reach Bitbucket.
 * - `pipelines-proxy`: inside a Pipelines step or pipe, through the auth proxy, plain HTTP and no credentials.
 *   Only Code Insights (reports, annotations) is covered by the proxy.
 * - `rest`: the public API with an access token (Bearer) or an Atlassian email + API token (Basic).
 */
export type BitbucketConnection =
  | {
      mode: 'pipelines-proxy';
      /** Default `http://host.docker.internal:29418` (from inside a pipe container). */
      proxyUrl?: string;
      /** Default `http://api.bitbucket.org/2.0`; the proxy only accepts plain http. */
      apiUrl?: string;
      timeoutMs?: number;
    }
  | {
      mode: 'rest';
      auth: BitbucketAuth;
      /** Default `https://api.bitbucket.org/2.0`. */
      apiUrl?: string;
      proxy?: ProxySettings;
      timeoutMs?: number;
    };

export { BITBUCKET_API_URL, PIPELINES_API_URL, PIPELINES_PROXY_URL } from './endpoints.js';

export interface BitbucketHttp {
  /** The API root, without a trailing slash (`.../2.0`). */
  readonly apiUrl: string;
  /** `pathOrUrl` is a path under the API root, or an absolute URL on the same origin (a `next` link). */
  request<S extends z.ZodType>(
    method: string,
    pathOrUrl: string,
    schema: S,
    body?: unknown,
    hint?: string,
  ): Promise<z.output<S>>;
  /** A text answer (a diff) to a GET, following same-origin redirects; undefined past `maxChars`. */
  getText(pathOrUrl: string, maxChars: number): Promise<string | undefined>;
}

export function bitbucketHttp(connection: BitbucketConnection): BitbucketHttp {
  const proxyMode = connection.mode === 'pipelines-proxy';
  const apiUrl = (connection.apiUrl ?? (proxyMode ? PIPELINES_API_URL : BITBUCKET_API_URL)).replace(/\/+$/, '');
  const origin = new URL(apiUrl).origin;
  const timeoutMs = connection.timeoutMs ?? 30_000;
  const secrets = connection.mode === 'rest' ? authSecrets(connection.auth) : [];
  const authorization = connection.mode === 'rest' ? authHeader(connection.auth) : undefined;
  let dispatcher: Dispatcher | undefined;
  const getDispatcher = (): Dispatcher => {
    if (dispatcher) return dispatcher;
    if (connection.mode === 'pipelines-proxy') {
      dispatcher = new ProxyAgent({ uri: connection.proxyUrl ?? PIPELINES_PROXY_URL, proxyTunnel: false });
    } else {
      const proxy = proxyFor(apiUrl, connection.proxy);
      dispatcher = proxy ? new ProxyAgent(proxy) : new Agent();
    }
    return dispatcher;
  };

  return {
    apiUrl,
    async request(method, pathOrUrl, schema, body, hint) {
      const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${apiUrl}${pathOrUrl}`;
      const target = new URL(url);
      const endpoint = `${method} ${target.pathname}`;
      // Never send credentials to another origin, whatever a `next` link says.
      if (target.origin !== origin) {
        throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: 'refused a link to another origin', secrets });
      }
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
      if (authorization) headers.authorization = authorization;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response;
      try {
        response = await fetch(target, {
          method,
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          dispatcher: getDispatcher(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
      }
      const text = await response.text();
      if (!response.ok) {
        const failedHint = response.status === 403 || response.status === 404 ? hint : undefined;
        throw codeHostError({
          host: 'bitbucket',
          endpoint,
          status: response.status,
          hostMessage: errorText(text),
          secrets,
          ...(failedHint ? { hint: failedHint } : {}),
        });
      }
      const parsed = schema.safeParse(text === '' ? {} : safeJson(text));
      if (!parsed.success) {
        const hostMessage = 'unexpected response shape';
        throw codeHostError({ host: 'bitbucket', endpoint, status: response.status, hostMessage, secrets });
      }
      return parsed.data;
    },
    async getText(pathOrUrl, maxChars) {
      let url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${apiUrl}${pathOrUrl}`;
      // Bitbucket answers the pull request diff with a redirect to the commit-range diff: follow a few, by hand,
      // so a redirect elsewhere never gets the credentials.
      for (let hop = 0; hop < 5; hop += 1) {
        const target = new URL(url);
        const endpoint = `GET ${target.pathname}`;
        if (target.origin !== origin) {
          throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: 'refused a redirect to another origin', secrets });
        }
        const headers: Record<string, string> = { accept: 'text/plain', 'user-agent': USER_AGENT };
        if (authorization) headers.authorization = authorization;
        let response;
        try {
          response = await fetch(target, { headers, redirect: 'manual', dispatcher: getDispatcher(), signal: AbortSignal.timeout(timeoutMs) });
        } catch (err) {
          throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
        }
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          url = new URL(location, target).toString();
          continue;
        }
        const declared = Number(response.headers.get('content-length') ?? '0');
        if (declared > maxChars) {
          await response.body?.cancel();
          return undefined;
        }
        const text = await response.text();
        if (!response.ok) throw codeHostError({ host: 'bitbucket', endpoint, status: response.status, hostMessage: errorText(text), secrets });
        return text.length > maxChars ? undefined : text;
      }
      throw codeHostError({ host: 'bitbucket', endpoint: `GET ${new URL(url).pathname}`, hostMessage: 'too many redirects', secrets });
    },
  };
}

function authHeader(auth: BitbucketAuth): string {
  return auth.kind === 'bearer'
    ? `Bearer ${auth.token}`
    : `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`).toString('base64')}`;
}

/** Everything that could leak into a message: the token, and the Basic credential pair in both forms. */
function authSecrets(auth: BitbucketAuth): string[] {
  return auth.kind === 'bearer' ? [auth.token] : [auth.apiToken, `${auth.email}:${auth.apiToken}`];
}

/** Bitbucket errors look like `{"type":"error","error":{"message":"..."}}`. */
function errorText(text: string): string {
  const json = safeJson(text) as { error?: { message?: unknown }; message?: unknown } | undefined;
  const message = json?.error?.message ?? json?.message;
  return typeof message === 'string' ? message : text.slice(0, 200);
}

function networkMessage(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'timed out';
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `network error (${cause.code})` : 'network error';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
