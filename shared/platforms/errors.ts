/**
 * Errors from a code host (GitHub, GitLab, Bitbucket) while commenting or reporting.
 *
 * The message is built by us from the method, the path and the host's own short message, never from a raw
 * request, so it cannot carry the token; `redact` runs over the host's text anyway as a last line of defence.
 */
import { AppError, EXIT_CODES, redact } from '../errors.js';

export type CodeHost = 'github' | 'gitlab' | 'bitbucket';

const HOST_LABEL: Record<CodeHost, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
};

export class CodeHostError extends AppError {
  readonly exitCode = EXIT_CODES.platform;
  readonly kind = 'code-host';
  constructor(
    readonly host: CodeHost,
    /** `METHOD /path` of the request, without host or query. */
    readonly endpoint: string,
    message: string,
    /** HTTP status, when the host answered at all. */
    readonly status?: number,
    /** What the user can do about it (a permission to grant, a token type to use). */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CodeHostError';
  }
}

/** Longest piece of a host's own error text we repeat; enough for "Resource not accessible by integration". */
const MAX_HOST_TEXT = 200;

/** Build a `CodeHostError` from an answer; `secrets` are scrubbed from the host's text. */
export function codeHostError(args: {
  host: CodeHost;
  endpoint: string;
  status?: number;
  hostMessage?: string;
  secrets: readonly string[];
  hint?: string;
}): CodeHostError {
  const text = args.hostMessage ? oneLine(redact(args.hostMessage, args.secrets)) : '';
  const what = args.status === undefined ? 'failed' : `answered ${args.status}`;
  const message = `${HOST_LABEL[args.host]} ${args.endpoint} ${what}${text ? `: ${text}` : ''}`;
  return new CodeHostError(args.host, args.endpoint, message, args.status, args.hint);
}

/**
 * 403 and 404 on a comment route mean "this token may not see or write here": a fork pull request, a read-only
 * token, a token without the comment scope. Commenting is a courtesy, so these are skipped, not failed.
 */
export function isPermissionProblem(err: unknown): err is CodeHostError {
  return err instanceof CodeHostError && (err.status === 403 || err.status === 404);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_HOST_TEXT ? `${flat.slice(0, MAX_HOST_TEXT - 1)}…` : flat;
}
