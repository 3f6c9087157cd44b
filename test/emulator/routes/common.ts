/** Small helpers shared by the route files: body fields, paging, lookups. */
import { badRequest, type HttpError } from '../http/reply.js';
import type { RouteContext } from '../http/router.js';
import { goDecodeError, type GoStruct } from '../http/go-types.js';
import type { Custom, PrInfo, ScannerRec } from '../state/types.js';

export type Json = Record<string, unknown>;

/**
 * The JSON object body, or 400 in the platform's style; a field of the wrong JSON kind for `shape` is 400 with
 * the Go decoder's text (`bodyTypes: lenient` lets it through, as this emulator did before).
 */
export function jsonBody(ctx: RouteContext, shape: GoStruct): Json {
  const b = ctx.body;
  if (ctx.bodyInvalid || typeof b !== 'object' || b === null || Array.isArray(b)) throw badRequest('invalid request body');
  const typeError = ctx.env.store.scenario.bodyTypes === 'strict' ? goDecodeError(b, shape) : undefined;
  if (typeError !== undefined) throw badRequest(typeError);
  return b as Json;
}

export const str = (o: Json | undefined, key: string, fallback = ''): string => {
  const v = o?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
};

export const bool = (o: Json | undefined, key: string): boolean => {
  const v = o?.[key];
  return v === true || v === 'true';
};

export const obj = (o: Json | undefined, key: string): Json | undefined => {
  const v = o?.[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
};

/** Integer query parameter; `fallback` when absent or empty, clamped to [0, max]. */
export function intQuery(q: URLSearchParams, key: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = q.get(key);
  if (raw === null || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) throw badRequest(`invalid ${key}`);
  return Math.min(n, max);
}

/**
 * Whether a text filter (`meta_data`, `environment`) of a scan or scanparams search applies: present, and not an
 * empty value when the scenario reads empty as "any" (`emptyFilter: any`; the platform's reading is unknown).
 */
export function textFilterApplies(ctx: RouteContext, key: string): boolean {
  const value = ctx.query.get(key);
  if (value === null) return false;
  return !(value === '' && ctx.env.store.scenario.emptyFilter === 'any' && (key === 'meta_data' || key === 'environment'));
}

/** A boolean query filter: undefined when the key is absent. */
export function boolQuery(q: URLSearchParams, key: string): boolean | undefined {
  const raw = q.get(key);
  if (raw === null) return undefined;
  return raw === 'true' || raw === '1';
}

/**
 * `start` and `limit` of a list request. `limit` is clamped to the scenario's `maxPageSize` (the real maximum
 * is not documented); absent, empty or 0 gives the route's documented default, or the scenario's
 * `defaultPageSize` when it sets one.
 */
export function pageQuery(ctx: RouteContext, routeDefault: number): { start: number; limit: number } {
  const { maxPageSize, defaultPageSize } = ctx.env.store.scenario;
  const fallback = Math.min(defaultPageSize ?? routeDefault, maxPageSize);
  return { start: intQuery(ctx.query, 'start', 0), limit: intQuery(ctx.query, 'limit', fallback, maxPageSize) || fallback };
}

export function paginate<T>(items: readonly T[], start: number, limit: number): T[] {
  return limit === 0 ? items.slice(start) : items.slice(start, start + limit);
}

/**
 * A scanner whose scans are bound to an integration on the platform (label `bind`, as the seeds' "Bind to:
 * Required" and kdt's rescan-only labels say): CI cannot give it a new configuration, only re-run one.
 * `creatable-on-tool` lifts it, as in kdt.
 */
export function requiresBind(tool: { slug: string; labels: readonly string[] }): boolean {
  return tool.labels.includes('bind') && !tool.labels.includes('creatable-on-tool');
}

/** A scanner that scans container images (`POST /scans/image`): type `cs`, or labelled `container` (trivy in kdt's README). */
export function scansImages(tool: { type: string; labels: readonly string[] }): boolean {
  return tool.type === 'cs' || tool.labels.includes('container');
}

export function bindRefusal(slug: string): HttpError {
  return badRequest(`scanner ${slug} must be bound to a ${slug} project or scan: create the scan in the platform UI ("Bind to"), then re-run it`);
}

/** A param value by its declared key: `a.b` is the nested `{a: {b}}` (kdt builds it so), or a literal `a.b` key. */
function paramValue(params: Record<string, unknown>, key: string): unknown {
  if (key in params) return params[key];
  let at: unknown = params;
  for (const part of key.split('.')) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * A new scan configuration must carry every parameter the scanner declares required: not optional and without a
 * default value (a default fills the gap, as kdt fills it). `requiredParams: ignore` skips the check.
 */
export function requireParams(ctx: RouteContext, tool: ScannerRec, custom: Custom | undefined): void {
  if (ctx.env.store.scenario.requiredParams !== 'refuse') return;
  const given = custom?.params ?? {};
  const missing = Object.entries(tool.params)
    .filter(([key, spec]) => {
      const value = paramValue(given, key);
      return !spec.optional && spec.default_value === '' && (value === undefined || value === null || value === '');
    })
    .map(([key]) => key)
    .sort();
  if (missing.length > 0) throw badRequest(`missing required parameters for scanner ${tool.slug}: ${missing.join(', ')}`);
}

/** `pr` object of a kdt body (create scan / scanparams). */
export function prFrom(o: Json | undefined): PrInfo {
  return {
    ok: bool(o, 'ok'),
    target: str(o, 'target'),
    prNumber: str(o, 'pr_number'),
    noDecoration: bool(o, 'no_decoration'),
    decorationScannerTypes: str(o, 'pr_decoration_scanner_types'),
  };
}

/** `custom` of a body; null/absent gives `{type: fallbackType, params: null}`. */
export function customFrom(o: Json | undefined, fallbackType: number): Custom | undefined {
  if (o === undefined) return undefined;
  const type = typeof o.type === 'number' ? o.type : fallbackType;
  const p = o.params;
  return { type, params: typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : null };
}
