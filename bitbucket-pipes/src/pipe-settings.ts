/**
 * What the pipe reads from its environment besides the shared settings (those go through the option registry
 * and `runScanCommand`): where the repository and commit are, whether we run inside Pipelines, the comment
 * author uuid, and two internal knobs. Parsed once, at the edge, with zod; a bad value is a ConfigError (exit 2).
 *
 * The knobs are deliberately not registry settings and not in pipe.yml: they exist for tests and for unusual
 * runners, and a user should never need them.
 * - `INVICTI_BITBUCKET_PROXY_URL`: the Pipelines auth proxy (default `http://host.docker.internal:29418`, the
 *   address a pipe container reaches it at).
 * - `INVICTI_BITBUCKET_API_URL`: the REST API root for comments, and for Code Insights outside Pipelines
 *   (default `https://api.bitbucket.org/2.0`).
 */
import { z } from 'zod';
import type { Env } from '../../shared/ci/index.js';
import { getOption } from '../../shared/core/options.js';
import { ConfigError } from '../../shared/errors.js';
import { proxySettingsFromEnv, type ProxySettings } from '../../shared/proxy.js';
import type { RepoRef } from './bitbucket-api.js';
import { PIPELINES_PROXY_URL } from './endpoints.js';

export const PROXY_URL_ENV = 'INVICTI_BITBUCKET_PROXY_URL';
export const API_URL_ENV = 'INVICTI_BITBUCKET_API_URL';
export const AUTHOR_UUID_ENV = getOption('bitbucket-author-uuid').env;

export interface PipeSettings {
  /** `BITBUCKET_BUILD_NUMBER` is set: the auth proxy is there, Code Insights needs no credentials. */
  inPipelines: boolean;
  repo?: RepoRef;
  /** The commit reports attach to (`BITBUCKET_COMMIT`: in a PR pipeline, the PR's latest source commit). */
  commit?: string;
  proxyUrl: string;
  /** Override of the REST API root; undefined means Bitbucket Cloud. */
  apiUrl?: string;
  /** `{uuid}` of the token's own account, for the comment lookup when `GET /2.0/user` is refused. */
  authorUuid?: string;
  /** HTTPS_PROXY / NO_PROXY for REST calls (the auth proxy is reached directly). */
  proxy: ProxySettings;
}

const HttpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const Uuid = z
  .string()
  .trim()
  .regex(/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i, 'must be a uuid such as {6f1c0c8e-1234-4abc-8def-0123456789ab}');

const Slug = z.string().trim().regex(/^[^/\s]+$/);

function nonBlank(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parseVar<T>(env: Env, key: string, schema: z.ZodType<T>, what: string): T | undefined {
  const value = nonBlank(env, key);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Never echo the value: a misplaced secret could sit in any variable.
  throw new ConfigError(key, `variable ${key} ${what}.`);
}

/** `workspace/slug` from the default variables (`BITBUCKET_WORKSPACE` is the newer name of `..._REPO_OWNER`). */
function repoFrom(env: Env): RepoRef | undefined {
  const [fullWorkspace, fullSlug] = (nonBlank(env, 'BITBUCKET_REPO_FULL_NAME') ?? '').split('/');
  const workspace = nonBlank(env, 'BITBUCKET_WORKSPACE') ?? nonBlank(env, 'BITBUCKET_REPO_OWNER') ?? fullWorkspace;
  const repoSlug = nonBlank(env, 'BITBUCKET_REPO_SLUG') ?? fullSlug;
  if (!workspace || !repoSlug || !Slug.safeParse(workspace).success || !Slug.safeParse(repoSlug).success) return undefined;
  return { workspace, repoSlug };
}

export function readPipeSettings(env: Env): PipeSettings {
  const repo = repoFrom(env);
  const commit = nonBlank(env, 'BITBUCKET_COMMIT');
  const apiUrl = parseVar(env, API_URL_ENV, HttpUrl, 'must be an http(s) URL such as https://api.bitbucket.org/2.0');
  const authorUuid = parseVar(env, AUTHOR_UUID_ENV, Uuid, 'must be a uuid such as {6f1c0c8e-1234-4abc-8def-0123456789ab}');
  return {
    inPipelines: nonBlank(env, 'BITBUCKET_BUILD_NUMBER') !== undefined,
    ...(repo ? { repo } : {}),
    ...(commit && /^[0-9a-f]{7,64}$/i.test(commit) ? { commit } : {}),
    proxyUrl: parseVar(env, PROXY_URL_ENV, HttpUrl, 'must be an http URL such as http://host.docker.internal:29418') ?? PIPELINES_PROXY_URL,
    ...(apiUrl ? { apiUrl } : {}),
    ...(authorUuid ? { authorUuid } : {}),
    proxy: proxySettingsFromEnv(env),
  };
}
