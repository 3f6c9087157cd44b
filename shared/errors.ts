/**
 * Typed errors and the one mapping from an outcome to a process exit code.
 *
 * Exit codes (documented in the README):
 *   0  passed, or warned (warn-only mode, or a warn policy)
 *   1  the gate failed (findings over a threshold, release criteria, risk regression)
 *   2  configuration or usage error (a setting is missing or wrong)
 *   3  platform/API error, a timeout under a `fail` policy, or an internal error (a bug of this tool)
 */
export const EXIT_CODES = {
  passed: 0,
  gateFailed: 1,
  config: 2,
  platform: 3,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Base class: every error the project raises on purpose. `message` is safe to print (no secrets). */
export abstract class AppError extends Error {
  abstract readonly exitCode: ExitCode;
  /** A short machine-readable kind, used in JSON results and logs. */
  abstract readonly kind: string;
}

/** A setting is missing, malformed or contradicts another. Always names the setting and the fix. */
export class ConfigError extends AppError {
  readonly exitCode = EXIT_CODES.config;
  readonly kind = 'config';
  constructor(
    /** The setting as the user knows it (`threshold-critical`, `scanner`, ...). */
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'protocol';

/** The platform answered with an error, an unexpected shape, or did not answer in time. */
export class ApiError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  constructor(
    readonly kind: ApiErrorKind,
    /** `METHOD path` of the request, without host or query secrets. */
    readonly endpoint: string,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (429 Retry-After), when given. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A scan ended in failure on the platform (event `active=-1`). */
export class ScanFailedError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  readonly kind = 'scan-failed';
  constructor(
    message: string,
    readonly eventId: string,
  ) {
    super(message);
    this.name = 'ScanFailedError';
  }
}

/** A wait ran past its deadline. What it means for the exit code is decided by the on-timeout policy. */
export class DeadlineError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  readonly kind = 'timeout';
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

/** The run was cancelled (SIGINT/SIGTERM) through its AbortSignal. */
export class CancelledError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  readonly kind = 'cancelled';
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * An invariant of this tool broke: a bug, not the user's settings nor the platform. It stops the run whatever the
 * on-error policy (a bug must not pass as a platform hiccup), with exit 3 and its one-line message, no stack trace.
 */
export class InternalError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  readonly kind = 'internal';
  constructor(message: string) {
    super(`internal error (please report it): ${message}`);
    this.name = 'InternalError';
  }
}

/** Exit code for anything thrown: typed errors carry their own; anything else is a platform/tool error. */
export function exitCodeForError(err: unknown): ExitCode {
  return err instanceof AppError ? err.exitCode : EXIT_CODES.platform;
}

/** A one-line, secret-free description of anything thrown, without a stack trace. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Redaction lives in its own module (every form of a secret, before truncation); re-exported for callers. */
export { redact, redactDeep } from './redact.js';

/**
 * The error a wait or a request ends with when its AbortSignal fires: the run's deadline (the signal's reason is
 * a `DeadlineError`), or a cancellation (SIGINT/SIGTERM). `what` names what was stopped, for the message.
 */
export function abortedError(signal: AbortSignal | undefined, what?: string): DeadlineError | CancelledError {
  const reason: unknown = signal?.reason;
  if (reason instanceof DeadlineError) return new DeadlineError(what ? `${what}: ${reason.message}` : reason.message);
  return new CancelledError(what ? `${what}: cancelled` : 'cancelled');
}
