/**
 * The GitHub adapter's Octokit (`@actions/github`) with one policy for every REST call it makes (the pull request
 * comment and the pull request diff): server errors (5xx) retried twice, after 1 s and 4 s (plugin-retry's
 * quadratic backoff); a rate limit (primary or secondary) waited out when GitHub asks for a short wait, else the
 * call fails (a comment or a diff is not worth a stalled job). Failures become `CodeHostError`s that name the
 * endpoint and the host's short message, never the token.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { z } from 'zod';
import { codeHostError } from '../../shared/platforms/errors.js';
import { USER_AGENT } from '../../shared/version.js';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  /** Where a wait for a rate limit is announced. */
  log?: (message: string) => void;
}

/** Server errors (5xx) are retried this often, after 1 s, then 4 s. */
const SERVER_ERROR_RETRIES = 2;
/** A rate limit is waited out at most this often, and only when GitHub asks for at most this many seconds. */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_S = 60;

export type GitHubClient = ReturnType<typeof githubClient>;

export function githubClient(options: GitHubClientOptions) {
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_S;
      options.log?.(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return wait;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: USER_AGENT,
      retry: { retries: SERVER_ERROR_RETRIES },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    retry,
    throttling,
  );
}

const OctokitFailure = z.object({
  status: z.number(),
  response: z.object({ data: z.unknown() }).optional(),
});
const MessageBody = z.object({ message: z.string() });

/**
 * Run one call; turn Octokit's RequestError into a CodeHostError that names the endpoint, not the token. `hint`
 * (what permission to grant) is attached to a 403 or 404.
 */
export async function githubCall<T>(endpoint: string, fn: () => Promise<T>, options: { secrets: readonly string[]; hint?: string }): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const failure = OctokitFailure.safeParse(err);
    const status = failure.success ? failure.data.status : undefined;
    const parsed = MessageBody.safeParse(failure.success ? failure.data.response?.data : undefined);
    const hostMessage = parsed.success ? parsed.data.message : err instanceof Error ? err.message : String(err);
    const hint = status === 403 || status === 404 ? options.hint : undefined;
    throw codeHostError({ host: 'github', endpoint, status, hostMessage, secrets: options.secrets, ...(hint ? { hint } : {}) });
  }
}
