/**
 * Base URLs and query strings.
 *
 * Host resolution (kdt semantics, with two deliberate fixes):
 * - legacy mode: the host's path is kept as a prefix too (`https://h/sub` gives `https://h/sub/api/v2/...`).
 *   kdt drops it, which sends the token outside the path the user configured (another application may live
 *   at the origin's root);
 * - core mode: the host's path is kept as a prefix, with or without a trailing slash:
 *   `https://h` and `https://h/` give `https://h/api/aspm/v1/...`; `https://h/sub` and `https://h/sub/` give
 *   `https://h/sub/api/aspm/v1/...`. (kdt replaces the last segment of `https://h/sub`, which surprises users
 *   behind a path-prefix reverse proxy.)
 * Query and fragment of the host are ignored.
 */
import { ConfigError } from '../errors.js';
import type { ApiMode } from './types.js';

export const CORE_PREFIX = 'api/aspm/v1';

export interface HostUrls {
  /** `scheme://host[:port]`. */
  origin: string;
  /** Root of legacy-mode paths, without a trailing slash: `https://h/sub`. */
  legacy: string;
  /** Root of core-mode paths, without a trailing slash: `https://h/sub/api/aspm/v1`. */
  core: string;
  /** The host's own path without a trailing slash (`/sub`, or `''`): core-mode requests go below it. */
  basePath: string;
}

/** API paths users paste into the host setting: the client adds them itself. */
const API_PATH = /\/api(\/aspm(\/v1)?|\/v2)(\/.*)?$|\/api$/i;

export function resolveHost(host: string): HostUrls {
  const text = host.trim();
  if (text === '') throw new ConfigError('host', 'The platform host is empty; set INVICTI_ASPM_HOST or the host setting (e.g. https://aspm.example.com).');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('host', `The platform host "${text}" is not a URL; write it with its scheme, e.g. https://${text.replace(/^\/+/, '')}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('host', `The platform host must start with https:// (or http://); got "${url.protocol}".`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('host', 'The platform host must not carry credentials; give the token through the token setting.');
  }
  const api = API_PATH.exec(url.pathname.replace(/\/+$/, ''));
  if (api !== null) {
    const root = `${url.origin}${url.pathname.slice(0, api.index)}`;
    throw new ConfigError('host', `The platform host ends with the API path ${api[0]}: drop it and give the instance's address, ${root} (the client adds the API path itself).`);
  }
  const dir = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, legacy: `${url.origin}${dir.slice(0, -1)}`, core: `${url.origin}${dir}${CORE_PREFIX}`, basePath: dir.slice(0, -1) };
}

/** URL of a v2 API path (`/api/v2/...`) in the given mode. */
export function v2Url(urls: HostUrls, mode: ApiMode, v2Path: string): string {
  return mode === 'core' ? `${urls.core}${v2Path}` : `${urls.legacy}${v2Path}`;
}

/** URL of the version endpoint in the given mode (the core probe, or the legacy `/core/version`). */
export function versionUrl(urls: HostUrls, mode: ApiMode): string {
  return mode === 'core' ? `${urls.core}/core/version` : `${urls.legacy}/core/version`;
}

/** One path segment, escaped: `My Proj` becomes `My%20Proj`, `a/b` becomes `a%2Fb`. */
export const seg = (value: string): string => encodeURIComponent(value);

export type QueryValue = string | number | boolean | undefined;

/**
 * A query string with keys in alphabetical order (as Go's url.Values encodes them, which kdt relies on).
 * `undefined` values are left out; empty strings are sent (`meta_data=`). Spaces become `+`, commas `%2C`.
 */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined) search.append(key, String(value));
  }
  const out = search.toString();
  return out === '' ? '' : `?${out}`;
}
