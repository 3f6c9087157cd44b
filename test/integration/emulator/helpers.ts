/** Test helpers: a tiny HTTP client for either URL family, and report generators for imports. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Emulator } from '../../emulator/index.js';

export type Family = 'core' | 'legacy';
export const FAMILIES: Family[] = ['core', 'legacy'];

/** Platform JSON shapes, as far as the tests read values out of them (assertions use toMatchObject). */
export type Summary = Record<'critical' | 'high' | 'medium' | 'low' | 'info', number>;
export interface ProjectJson {
  id: string;
  name: string;
  default_branch: string;
  labels: { id: string; name: string }[];
  links: { html: string };
}
export interface ScannerJson {
  id: string;
  slug: string;
  type: string;
  disabled: boolean;
  custom_type: number;
  labels?: string[];
}
export interface ScanJson {
  id: string;
  branch: string;
  tool: string;
  project: string;
  date: string;
  score: number;
  summary: Summary;
  event_id: string;
  fork_scan: boolean;
  scanparams: { id: string };
}
export interface EventJson {
  id: string;
  status: number;
  active: number;
  scan_id: string;
  message: string;
}
export interface ScanparamsJson {
  id: string;
  branch: string;
  custom: { type: number; params: Record<string, unknown> | null } | null;
}
export interface VulnJson {
  id: string;
  name: string;
  severity: number;
  status: string;
  first_seen: string;
  last_seen: string;
  tool: string;
  cwe: { cwe_id: number; name: string };
  scanparams: Record<string, unknown>;
}
/** Answer of restart / restart_with_option. */
export interface RestartJson {
  event: string;
  message: string;
}
/** Answer of create / image / import. */
export interface StartedJson {
  event_id: string;
  message: string;
}
export type Obj = Record<string, unknown>;

export interface Answer<T = Obj> {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when it is not JSON. */
  json: T;
}

export async function toAnswer<T = Obj>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export interface ApiClient {
  prefix: string;
  headers: Record<string, string>;
  get<T = Obj>(path: string, init?: { signal?: AbortSignal }): Promise<Answer<T>>;
  post<T = Obj>(path: string, body?: unknown): Promise<Answer<T>>;
  patch<T = Obj>(path: string, body?: unknown): Promise<Answer<T>>;
  upload<T = Obj>(path: string, form: FormData): Promise<Answer<T>>;
}

/** Calls `/api/v2/...` paths in the given family, with that family's token header (as kdt does). */
export function apiClient(emu: Emulator, family: Family, token: string = emu.token): ApiClient {
  const prefix = family === 'core' ? '/api/aspm/v1' : '';
  const headers = { [family === 'core' ? 'X-Auth' : 'X-Cookie']: token, 'User-Agent': 'KDT', Accept: 'application/json' };
  const send = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Answer<T>> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    if (signal) init.signal = signal;
    return toAnswer<T>(await fetch(emu.url + prefix + path, init));
  };
  return {
    prefix,
    headers,
    get: <T>(path: string, init?: { signal?: AbortSignal }) => send<T>('GET', path, undefined, init?.signal),
    post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
    patch: <T>(path: string, body?: unknown) => send<T>('PATCH', path, body),
    upload: async <T>(path: string, form: FormData) => toAnswer<T>(await fetch(emu.url + prefix + path, { method: 'POST', headers, body: form })),
  };
}

/** kdt's default `types` filter, comma-encoded as go-querystring sends it. */
export const KDT_TYPES = 'sast%2Cdast%2Csca%2Ccs%2Ciac%2Ciast%2Ccspm%2Cmast%2Cinfra%2Cfuzzing';

/** A stepping clock for `startEmulator({ now })`. */
export function steppingClock(start = Date.UTC(2026, 0, 15, 12)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export function sarifReport(results: { ruleId: string; level?: string; score?: string; uri: string; line: number; cwe?: string; text: string }[]): unknown {
  const rules = [...new Map(results.map((r) => [r.ruleId, r])).values()].map((r) => ({
    id: r.ruleId,
    shortDescription: { text: r.text },
    properties: { tags: r.cwe ? ['security', r.cwe] : ['security'], ...(r.score ? { 'security-severity': r.score } : {}) },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'test-scanner', rules } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...(r.level ? { level: r.level } : {}),
          message: { text: `${r.text} found` },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
        })),
      },
    ],
  };
}

export function semgrepReport(results: { check_id: string; severity: string; path: string; line: number; cwe?: string[]; message: string }[]): unknown {
  return {
    version: '1.50.0',
    results: results.map((r) => ({
      check_id: r.check_id,
      path: r.path,
      start: { line: r.line, col: 1, offset: 0 },
      end: { line: r.line, col: 10, offset: 9 },
      extra: { message: r.message, severity: r.severity, metadata: r.cwe ? { cwe: r.cwe } : {}, lines: 'x' },
    })),
    errors: [],
    paths: { scanned: [] },
  };
}

/** Writes a SARIF file of about `bytes` bytes (streamed; never held in memory): its exact size and result count. */
export async function writeLargeSarif(file: string, bytes: number): Promise<{ size: number; results: number }> {
  const out = createWriteStream(file);
  let size = 0;
  const write = async (s: string): Promise<void> => {
    size += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"big"}},"results":[');
  const pad = 'x'.repeat(900);
  let i = 0;
  for (; size < bytes - 2000; i++) {
    await write(`${i === 0 ? '' : ','}{"ruleId":"R${i % 50}","level":"warning","message":{"text":"finding ${i} ${pad}"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/f${i}.ts"},"region":{"startLine":${(i % 500) + 1}}}}]}`);
  }
  await write(']}]}');
  out.end();
  await once(out, 'finish');
  return { size, results: i };
}
