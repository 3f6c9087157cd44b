/** The request log: what clients sent (token masked), and what the emulator answered. */

export interface RequestLogEntry {
  /** Position in the log since the emulator started (never reused); `?since=<n>` returns entries with index >= n. */
  index: number;
  time: string;
  at: number;
  method: string;
  /** Path as received, query excluded. */
  path: string;
  /** Path without the core prefix. */
  apiPath: string;
  family: 'core' | 'legacy' | 'other';
  rawQuery: string;
  query: Record<string, string>;
  /** Selected headers (lower-case names); auth headers shown as `***`. */
  headers: Record<string, string>;
  /** Whether the token header of the path's family matched. */
  authorized: boolean;
  /** Which TCP connection carried the request (numbered from 0 in accept order): distinct values = connections used. */
  connection: number;
  /** Parsed JSON body, or the raw text of a non-JSON body; absent for bodiless and multipart requests. */
  body?: unknown;
  /** Answer status; null while pending, for hung and reset requests. */
  status: number | null;
  fault?: string;
}

const KEPT_HEADERS = ['user-agent', 'accept', 'content-type', 'content-length', 'x-auth', 'x-cookie', 'authorization', 'idempotency-key', 'x-request-id', 'x-correlation-id', 'x-invicti-organizationid'];
const SECRET_HEADERS = new Set(['x-auth', 'x-cookie', 'authorization']);

export function selectHeaders(headers: Record<string, string | string[] | undefined>, token: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers[name];
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : v;
    out[name] = SECRET_HEADERS.has(name) ? '***' : maskToken(value, token);
  }
  return out;
}

export function maskToken(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join('***') : text;
}

/** Deep copy of a JSON value with every occurrence of the token masked. */
export function maskDeep(value: unknown, token: string): unknown {
  if (typeof value === 'string') return maskToken(value, token);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, token));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, token)]));
  }
  return value;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counter = 0;

  add(entry: Omit<RequestLogEntry, 'index'>): RequestLogEntry {
    const full = { index: this.counter++, ...entry };
    this.entries.push(full);
    return full;
  }

  /** Entries with index >= `from`. */
  since(from = 0): RequestLogEntry[] {
    return this.entries.filter((e) => e.index >= from).map((e) => ({ ...e }));
  }

  /** Index the next request will get: pass it to `since` later to see only what came after now. */
  nextIndex(): number {
    return this.counter;
  }

  clear(): void {
    this.entries = [];
  }
}
