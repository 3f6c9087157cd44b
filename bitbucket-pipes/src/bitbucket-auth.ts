/**
 * The Bitbucket credentials a run was given, as the HTTP client sends them. A module of its own so that reading
 * them (the diff source is built before the first platform request) does not load the HTTP client (undici).
 */
import type { CodeHostCredentials } from '../../shared/core/config.js';
import type { BitbucketAuth } from './bitbucket-http.js';

/** Bearer for an access token, Basic for email + API token (parseConfig already refused a mix). */
export function bitbucketAuth(codeHost: CodeHostCredentials): BitbucketAuth | undefined {
  if (codeHost.bitbucketToken) return { kind: 'bearer', token: codeHost.bitbucketToken };
  if (codeHost.bitbucketEmail && codeHost.bitbucketApiToken) {
    return { kind: 'basic', email: codeHost.bitbucketEmail, apiToken: codeHost.bitbucketApiToken };
  }
  return undefined;
}

