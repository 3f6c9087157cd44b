/**
 * Retry policy as data, and the pure decisions built on it: which failures are repeated, how long to wait.
 * The transport and the start guard both use these so that one policy governs every request.
 */
import type { Random } from '../ports.js';

export interface RetryPolicy {
  /** Attempts in total, the first one included (1 = never retry). */
  maxAttempts: number;
  /** Backoff before retry n is a random value in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))) (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Statuses worth repeating. 429 means "not processed"; the 5xx here mean "maybe processed". */
  retryStatuses: readonly number[];
  /** Upper bound for a server's `Retry-After`; longer requests are shortened to this. */
  maxRetryAfterMs: number;
  /** Whether connection-level failures (reset, refused, timeout, DNS) are repeated at all. */
  retryNetworkErrors: boolean;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryStatuses: Object.freeze([429, 502, 503, 504]),
  maxRetryAfterMs: 60_000,
  retryNetworkErrors: true,
});

/**
 * How far a failed request may have got:
 * - `not-sent`: certainly never reached the platform's handler (connection refused, DNS, 429);
 * - `maybe`: it may have been processed (reset after sending, timeout, 502/503/504);
 * - `answered`: the platform answered with a final verdict (4xx, 500, bad body): repeating will not help.
 */
export type Delivery = 'not-sent' | 'maybe' | 'answered';

/**
 * What a request may do when repeated:
 * - `idempotent`: reading or otherwise safe to repeat;
 * - `unsafe`: creates something (project, scanparams): repeated only when it certainly was not processed;
 * - `start`: starts a scan: like `unsafe`, but a `maybe` failure is resolved by looking for the scan first.
 */
export type Safety = 'idempotent' | 'unsafe' | 'start';

export type RetryDecision = 'retry' | 'lookup' | 'fail';

export interface FailureFacts {
  delivery: Delivery;
  /** HTTP status when the platform answered; undefined for network failures. */
  status?: number;
  /** True for network-level failures (no HTTP answer). */
  network: boolean;
}

/**
 * The whole retry rule in one place. `attempt` is the 1-based number of the attempt that just failed.
 * `lookup` (only for starts whose failure is ambiguous) is returned whatever the attempt count: the caller
 * looks for the work first and retries only while attempts remain.
 */
export function decideRetry(failure: FailureFacts, safety: Safety, attempt: number, policy: RetryPolicy): RetryDecision {
  const retryable = failure.network ? policy.retryNetworkErrors : failure.status !== undefined && policy.retryStatuses.includes(failure.status);
  if (!retryable || failure.delivery === 'answered') return 'fail';
  if (failure.delivery === 'maybe' && safety === 'unsafe') return 'fail';
  if (failure.delivery === 'maybe' && safety === 'start') return 'lookup';
  return attempt < policy.maxAttempts ? 'retry' : 'fail';
}

/** Full-jitter exponential backoff before retry number `retry` (1 for the first retry). */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: Random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 0.999_999) * ceiling);
}

/**
 * `Retry-After` as milliseconds from `nowMs`: delta-seconds or an HTTP date. Undefined when absent or
 * unreadable; never negative. The caller applies the policy's cap.
 */
export function parseRetryAfterMs(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Delay before the next attempt: the server's Retry-After (capped) when given, otherwise the jittered backoff. */
export function nextDelayMs(retry: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: Random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelayMs(retry, policy, random);
}
