/**
 * The one mapping from an HTTP outcome (status + body, or a socket error) to an `ApiError`.
 * Messages name the endpoint, the status and the platform's own text, plus a hint where the fix is known.
 */
import { STATUS_CODES } from 'node:http';
import { ApiError, type ApiErrorKind } from '../errors.js';
import type { Delivery } from './retry.js';

export const TOKEN_HINT = 'Check INVICTI_ASPM_TOKEN / the token setting; it may be expired or for another organization.';
export const TLS_HINT =
  "The platform's TLS certificate is not trusted. If it is self-signed or issued by a private CA, point the ca-cert " +
  'setting at your CA bundle (PEM); use insecure only as a last resort, it turns off certificate checks.';

/** An `ApiError` that also says how far the request got, so the retry rule can decide without guessing. */
export class HttpFailure extends ApiError {
  constructor(
    kind: ApiErrorKind,
    endpoint: string,
    message: string,
    readonly delivery: Delivery,
    readonly network: boolean,
    status?: number,
    /** Parsed `Retry-After`, in ms, when the server sent one. */
    readonly retryAfterMs?: number,
    /** The TLS handshake failed (certificate not trusted, wrong protocol): never a reason to fall back. */
    readonly tls = false,
    /** The system error code of a network failure (`ECONNREFUSED`), or `''`. */
    readonly code = '',
  ) {
    super(kind, endpoint, message, status, retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000));
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid-request';
  return 'protocol';
}

const EXCERPT_CHARS = 200;

function collapse(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Visible text of an HTML page, roughly: title first, scripts and styles dropped, tags stripped. */
export function htmlExcerpt(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const body = html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const titleText = collapse(title);
  const bodyText = collapse(body);
  if (titleText === '') return bodyText;
  return bodyText.startsWith(titleText) ? bodyText : collapse(`${titleText} ${bodyText}`);
}

export function looksLikeHtml(contentType: string, body: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)/i.test(body);
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The platform's own words from an error body: `{"error"}`, `{"message"}`, an HTML page, or plain text. */
export function platformText(contentType: string, body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return '(empty body)';
  if (looksLikeHtml(contentType, trimmed)) {
    const excerpt = htmlExcerpt(trimmed);
    return `${mediaType(contentType) || 'text/html'} page${excerpt === '' ? '' : `: "${excerpt}"`}`;
  }
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      for (const key of ['error', 'message', 'detail', 'title']) {
        const value = record[key];
        if (typeof value === 'string' && value.trim() !== '') return collapse(value, 500);
      }
    }
    return collapse(trimmed);
  } catch {
    return `"${collapse(trimmed)}"`;
  }
}

function statusLabel(status: number): string {
  const reason = STATUS_CODES[status];
  return reason === undefined ? `HTTP ${status}` : `HTTP ${status} ${reason}`;
}

/** Error for a non-2xx answer. `retryAfterMs` comes from the response headers. */
export function httpStatusFailure(
  endpoint: string,
  status: number,
  contentType: string,
  body: string,
  retryAfterMs: number | undefined,
  retryStatuses: readonly number[],
): HttpFailure {
  let message = `${endpoint}: ${statusLabel(status)}: ${platformText(contentType, body)}`;
  if (status === 401) message += `. ${TOKEN_HINT}`;
  if (status === 403) message += '. The token is valid but lacks permission for this operation.';
  if (status >= 300 && status < 400) message += '. Redirects are not followed (the token must not travel elsewhere): set host to the final platform address.';
  // 429 is a refusal before any work; the retried 5xx are gateway answers that may hide a processed request.
  const delivery: Delivery = status === 429 ? 'not-sent' : retryStatuses.includes(status) ? 'maybe' : 'answered';
  return new HttpFailure(kindForStatus(status), endpoint, message, delivery, false, status, retryAfterMs);
}

/** Error for a 2xx answer whose body is not the JSON we need. */
export function protocolFailure(endpoint: string, status: number, contentType: string, body: string, detail?: string): HttpFailure {
  const what = detail ?? (body.trim() === '' ? 'an empty body (expected JSON)' : `a body that is not JSON: ${platformText(contentType, body)}`);
  return new HttpFailure('protocol', endpoint, `${endpoint}: ${statusLabel(status)} with ${what}`, 'answered', false, status);
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

interface SystemErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  const message = (err as SystemErrorLike | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

export function errorCode(err: unknown): string {
  const code = (err as SystemErrorLike | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isTlsError(err: unknown): boolean {
  const code = errorCode(err);
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return true;
  const message = messageOf(err);
  return /certificate|x509|handshake|\btls\b|\bssl\b/i.test(message);
}

/** No server at the address (refused, unknown name): on first contact a setting is wrong, not the network flaky. */
export const NO_SERVER_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND']);

/** Failures that certainly happened before any byte reached the platform. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'EPROXY_CONNECT']);

/** Error for a request that got no HTTP answer. `timedOut` is set when our own deadline ended it. */
export function networkFailure(endpoint: string, err: unknown, timedOut: boolean, timeoutMs: number): HttpFailure {
  const code = errorCode(err);
  const raw = messageOf(err);
  if (timedOut || code === 'ESOCKETTIMEDOUT' || raw.startsWith('Request timeout')) {
    const message = `${endpoint}: no complete answer within ${timeoutMs / 1000} s (request timeout); the platform or a proxy is not responding`;
    return new HttpFailure('timeout', endpoint, message, 'maybe', true);
  }
  // An https:// request answered by a plain-HTTP server: OpenSSL reads the HTTP reply as a bad TLS record.
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(raw)) {
    return new HttpFailure('network', endpoint, `${endpoint}: this server speaks plain HTTP, not HTTPS: use http:// in the host setting.`, 'answered', true, undefined, undefined, true, code);
  }
  if (isTlsError(err)) {
    return new HttpFailure('network', endpoint, `${endpoint}: TLS error: ${sentence(raw)} ${TLS_HINT}`, 'answered', true, undefined, undefined, true, code);
  }
  const proxyStatus = (err as { proxyStatus?: unknown } | null)?.proxyStatus;
  if (typeof proxyStatus === 'number' && (proxyStatus === 407 || proxyStatus === 403)) {
    return new HttpFailure('network', endpoint, `${endpoint}: ${raw}. Check the proxy settings (HTTPS_PROXY, credentials).`, 'answered', true);
  }
  const syscall = (err as SystemErrorLike | null)?.syscall;
  const notSent = NOT_SENT_CODES.has(code) || syscall === 'connect' || syscall === 'getaddrinfo';
  const hint =
    code === 'ENOTFOUND' ? ' Check the host setting.' : code === 'ECONNREFUSED' ? ' Nothing accepts connections at that address: check the host setting (scheme, name and port).' : '';
  return new HttpFailure('network', endpoint, `${endpoint}: network error: ${sentence(raw)}${hint}`, notSent ? 'not-sent' : 'maybe', true, undefined, undefined, false, code);
}

/** A system message as one sentence: one line, ending with a full stop. */
function sentence(text: string): string {
  const line = text.split('\n')[0]?.trim().replace(/[:;,]$/, '') ?? '';
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
