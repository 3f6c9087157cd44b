/**
 * The one gitbeaker client of the GitLab adapter (merge request notes and diffs): one rule for CI_API_V4_URL,
 * one timeout default, and the proxy. gitbeaker uses the global fetch, which ignores HTTPS_PROXY: when a proxy
 * applies it gets an undici `ProxyAgent` as its dispatcher. Import this module lazily where startup matters:
 * gitbeaker and undici are most of the bundle.
 */
import type { Agent as HttpAgent } from 'node:http';
import { Gitlab } from '@gitbeaker/rest';
import { ProxyAgent } from 'undici';
import { ConfigError } from '../../shared/errors.js';
import { proxyFor, type ProxySettings } from '../../shared/proxy.js';

export interface GitLabClientOptions {
  /** CI_API_V4_URL, e.g. `https://gitlab.example.com/api/v4`. */
  apiUrl: string;
  /** Project/group access token or PAT (PRIVATE-TOKEN); else `oauthToken` (`Authorization: Bearer`). */
  token?: string;
  oauthToken?: string;
  /** Proxy settings read by the entry point from its env (HTTPS_PROXY, NO_PROXY). */
  proxy?: ProxySettings;
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
}

export type GitLabClient = InstanceType<typeof Gitlab>;

/** gitbeaker wants the instance root and appends `/api/v4` itself: anything else would reach the wrong URLs. */
export function gitlabHost(apiUrl: string): string {
  const trimmed = apiUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(trimmed) || !trimmed.endsWith('/api/v4')) {
    // The value is not echoed: a URL can carry credentials.
    throw new ConfigError('CI_API_V4_URL', 'CI_API_V4_URL must be the GitLab API v4 URL, such as https://gitlab.example.com/api/v4.');
  }
  return trimmed.slice(0, -'/api/v4'.length);
}

/** A client for `options.apiUrl`; throws a ConfigError naming CI_API_V4_URL when that is no API v4 URL. */
export function gitlabClient(options: GitLabClientOptions): GitLabClient {
  const host = gitlabHost(options.apiUrl);
  const proxy = proxyFor(options.apiUrl, options.proxy);
  // gitbeaker's types say node:http Agent, but it passes the value to fetch as `dispatcher`.
  const agent = proxy ? (new ProxyAgent(proxy) as unknown as HttpAgent) : undefined;
  const common = { host, queryTimeout: options.timeoutMs ?? 60_000, ...(agent ? { agent } : {}) };
  return options.token !== undefined ? new Gitlab({ ...common, token: options.token }) : new Gitlab({ ...common, oauthToken: options.oauthToken ?? '' });
}
