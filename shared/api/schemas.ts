/**
 * zod schemas for every platform response, mapping the platform's snake_case JSON to the domain types of
 * `types.ts`. Each transform declares its output type, and each exported schema `satisfies` the domain
 * type, so the two cannot drift. Tolerant where the platform is documented to vary (missing optional
 * fields, `event` vs `event_id`, severities as ints, `path: "-"`, unknown keys); strict otherwise.
 */
import { z } from 'zod';
import {
  RELEASE_TYPES,
  type LastResults,
  type Project,
  type QueuedScan,
  type ReleaseStatus,
  type ReleaseType,
  type Scan,
  type ScanEvent,
  type Scanner,
  type ScannerParam,
  type Scanparams,
  type Severity,
  type SeverityCounts,
  type Started,
  type Vulnerability,
} from './types.js';

/**
 * Every schema is built on first use, not at import: a bundle then builds none of them before its first request
 * (bench: cold start). `build` runs once, on the first parse; each exported schema is a `z.lazy` view of its twin.
 */
function build() {
  /** A string the platform may leave out or null: read as ''. */
  const text = z
    .string()
    .nullish()
    .transform((v) => v ?? '');
  /** An optional string: missing, null and '' all read as undefined. */
  const optText = z
    .string()
    .nullish()
    .transform((v) => (v === null || v === undefined || v === '' ? undefined : v));
  /** A string whose absence matters: missing reads as undefined, null and '' as ''. */
  const statedText = z
    .string()
    .nullish()
    .transform((v) => (v === undefined ? undefined : (v ?? '')));
  const count = z
    .number()
    .nullish()
    .transform((v) => v ?? 0);
  const flag = z
    .boolean()
    .nullish()
    .transform((v) => v ?? false);
  const links = z.object({ html: optText }).nullish();

  const countsSchema = z
    .object({ critical: count, high: count, medium: count, low: count, info: count })
    .nullish()
    .transform((c): SeverityCounts => ({ critical: c?.critical ?? 0, high: c?.high ?? 0, medium: c?.medium ?? 0, low: c?.low ?? 0, info: c?.info ?? 0 }));

  const projectSchema = z
    .object({
      id: z.string(),
      name: z.string(),
      default_branch: text,
      labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).nullish(),
      team: z.object({ name: optText }).nullish(),
      links,
    })
    .transform(
      (p): Project => ({
        id: p.id,
        name: p.name,
        defaultBranch: p.default_branch,
        labels: (p.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name)),
        ...(p.team?.name === undefined ? {} : { team: p.team.name }),
        ...(p.links?.html === undefined ? {} : { link: p.links.html }),
      }),
    ) satisfies z.ZodType<Project>;

  const scannerParamSchema = z
    .object({
      description: text,
      default_value: z
        .union([z.string(), z.number(), z.boolean()])
        .nullish()
        .transform((v) => (v === null || v === undefined ? '' : String(v))),
      optional: flag,
      type: text,
    })
    .transform((p): ScannerParam => ({ description: p.description, defaultValue: p.default_value, optional: p.optional, type: p.type }));

  const scannerSchema = z
    .object({
      id: z.string(),
      slug: z.string(),
      type: z.string(),
      display_name: text,
      labels: z.array(z.string()).nullish(),
      custom_type: count,
      disabled: flag,
      params: z.record(z.string(), scannerParamSchema).nullish(),
    })
    .transform(
      (s): Scanner => ({
        id: s.id,
        slug: s.slug,
        displayName: s.display_name === '' ? s.slug : s.display_name,
        type: s.type,
        labels: s.labels ?? [],
        customType: s.custom_type,
        disabled: s.disabled,
        params: s.params ?? {},
      }),
    ) satisfies z.ZodType<Scanner>;

  const scanSchema = z
    .object({
      id: z.string(),
      name: text,
      branch: text,
      meta_data: text,
      // Not in the docs' example; present on the platform's scan records (and the emulator's): read when given.
      environment: statedText,
      tool: z.string(),
      scanner_type: text,
      date: z.string(),
      project: z.string(),
      score: count,
      summary: countsSchema,
      infra_source_project_id: optText,
      links,
    })
    .transform(
      (s): Scan => ({
        id: s.id,
        name: s.name,
        branch: s.branch,
        metaData: s.meta_data,
        ...(s.environment === undefined ? {} : { environment: s.environment }),
        tool: s.tool,
        scannerType: s.scanner_type,
        date: s.date,
        project: s.project,
        score: s.score,
        summary: s.summary,
        ...(s.infra_source_project_id === undefined ? {} : { infraSourceProjectId: s.infra_source_project_id }),
        ...(s.links?.html === undefined ? {} : { link: s.links.html }),
      }),
    ) satisfies z.ZodType<Scan>;

  const eventSchema = z
    .object({ id: text, status: z.number(), active: z.number(), scan_id: text, status_text: text, message: text, links })
    .transform(
      (e): ScanEvent => ({
        id: e.id,
        status: e.status,
        active: e.active,
        scanId: e.scan_id,
        statusText: e.status_text,
        message: e.message,
        ...(e.links?.html === undefined ? {} : { link: e.links.html }),
      }),
    ) satisfies z.ZodType<ScanEvent>;

  const scoreSchema = z.object({ score: count, summary: countsSchema }).nullish();
  const lastResultsSchema = z
    .object({ last: scoreSchema, previous: scoreSchema })
    .transform(
      (r): LastResults => ({
        ...(r.last === null || r.last === undefined ? {} : { last: r.last }),
        ...(r.previous === null || r.previous === undefined ? {} : { previous: r.previous }),
      }),
    ) satisfies z.ZodType<LastResults>;

  const releaseTypeSchema = z.object({ status: text, scan_id: optText }).nullish();
  const releaseSchema = z
    .object({
      progress_status: text,
      status: z.string(),
      ...(Object.fromEntries(RELEASE_TYPES.map((t) => [t, releaseTypeSchema])) as Record<ReleaseType, typeof releaseTypeSchema>),
    })
    .transform((r): ReleaseStatus => {
      const types: ReleaseStatus['types'] = {};
      for (const type of RELEASE_TYPES) {
        const entry = r[type];
        if (entry !== null && entry !== undefined) types[type] = { status: entry.status, ...(entry.scan_id === undefined ? {} : { scanId: entry.scan_id }) };
      }
      return { progressStatus: r.progress_status, status: r.status, types };
    }) satisfies z.ZodType<ReleaseStatus>;

  const customSchema = z
    .object({ type: count, params: z.record(z.string(), z.unknown()).nullish() })
    .nullish()
    .transform((c): Scanparams['custom'] => ({ type: c?.type ?? 0, params: c?.params ?? null }));

  const scanparamsSchema = z
    .object({ id: z.string(), branch: text, bind_name: text, meta_data: statedText, environment: statedText, custom: customSchema })
    .transform(
      (s): Scanparams => ({
        id: s.id,
        branch: s.branch,
        bindName: s.bind_name,
        ...(s.meta_data === undefined ? {} : { metaData: s.meta_data }),
        ...(s.environment === undefined ? {} : { environment: s.environment }),
        custom: s.custom,
      }),
    ) satisfies z.ZodType<Scanparams>;

  const SEVERITY_BY_NUMBER: Record<number, Severity> = { 4: 'critical', 3: 'high', 2: 'medium', 1: 'low', 0: 'info' };
  const severitySchema = z.union([z.number(), z.string()]).transform((v, ctx): Severity => {
    const key = typeof v === 'number' ? SEVERITY_BY_NUMBER[v] : /^\d$/.test(v.trim()) ? SEVERITY_BY_NUMBER[Number(v)] : v.trim().toLowerCase();
    if (key === 'critical' || key === 'high' || key === 'medium' || key === 'low' || key === 'info') return key;
    ctx.addIssue({ code: 'custom', message: `expected a severity (4..0 or critical/high/medium/low/info), got ${JSON.stringify(v)}` });
    return z.NEVER;
  });

  const optNumber = z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v) => {
      if (v === null || v === undefined || v === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    });

  const vulnerabilitySchema = z
    .object({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string(),
      severity: severitySchema,
      path: optText,
      line: optNumber,
      method: optText,
      parameter: optText,
      cwe_id: optNumber,
      cwe_name: optText,
      cvss_v3: optNumber,
      status: text,
      first_seen: optText,
      last_seen: optText,
      language: optText,
      tool_name: optText,
      tool_type: optText,
      branch: optText,
      scanparams: z
        .object({ tool: z.object({ name: optText, type: optText }).nullish(), branch: optText })
        .nullish(),
    })
    .transform((v): Vulnerability => {
      const extra: Partial<Vulnerability> = {
        path: v.path === '-' ? undefined : v.path,
        line: v.line,
        method: v.method,
        parameter: v.parameter,
        // CWE ids start at 1; 0 is how the platform says "none".
        cweId: v.cwe_id === 0 ? undefined : v.cwe_id,
        cweName: v.cwe_name,
        cvss: v.cvss_v3,
        firstSeen: v.first_seen,
        lastSeen: v.last_seen,
        toolName: v.tool_name ?? v.scanparams?.tool?.name,
        toolType: v.tool_type ?? v.scanparams?.tool?.type,
        branch: v.branch ?? v.scanparams?.branch,
        language: v.language,
      };
      const defined = Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined));
      return { id: v.id, name: v.name, severity: v.severity, status: v.status, ...defined };
    }) satisfies z.ZodType<Vulnerability>;

  /** Answer of a call that starts work: `event_id` (create, import, image) or `event` (restarts). */
  const startedSchema = z
    .object({ event_id: z.string().nullish(), event: z.string().nullish(), message: text })
    .superRefine((s, ctx) => {
      if ((s.event_id ?? s.event ?? '') === '') ctx.addIssue({ code: 'custom', path: ['event_id'], message: 'expected a non-empty event id (event_id or event)' });
    })
    .transform((s): Started => ({ eventId: s.event_id || s.event || '', message: s.message })) satisfies z.ZodType<Started>;

  /** An entry of `GET /scans/queue|completed` (docs shape; the emulator adds `event_id` and `branch`). */
  const queuedScanSchema = z
    .object({
      id: text,
      tool: text,
      project: z.object({ id: text }).nullish(),
      started_at: optText,
      finished_at: optText,
      event_id: optText,
      branch: optText,
      meta_data: statedText,
      environment: statedText,
      duration: optNumber,
    })
    .transform(
      (e): QueuedScan => ({
        id: e.id,
        tool: e.tool,
        projectId: e.project?.id ?? '',
        ...(e.event_id === undefined ? {} : { eventId: e.event_id }),
        ...(e.branch === undefined ? {} : { branch: e.branch }),
        ...(e.meta_data === undefined ? {} : { metaData: e.meta_data }),
        ...(e.environment === undefined ? {} : { environment: e.environment }),
        ...(e.started_at === undefined ? {} : { startedAt: e.started_at }),
        ...(e.finished_at === undefined ? {} : { finishedAt: e.finished_at }),
        ...durationOf(e.started_at, e.finished_at),
      }),
    ) satisfies z.ZodType<QueuedScan>;

  const createProjectSchema = z.object({ project: projectSchema });
  const createScanparamsSchema = z.object({ scanparams: scanparamsSchema });
  const sbomUploadSchema = z.object({ message: text, error: text });

  return {
    projectSchema,
    scannerSchema,
    scanSchema,
    eventSchema,
    lastResultsSchema,
    releaseSchema,
    scanparamsSchema,
    vulnerabilitySchema,
    startedSchema,
    queuedScanSchema,
    createProjectSchema,
    createScanparamsSchema,
    sbomUploadSchema,
  };
}

let built: ReturnType<typeof build> | undefined;
const schemas = (): ReturnType<typeof build> => (built ??= build());

export const projectSchema = z.lazy(() => schemas().projectSchema);
export const scannerSchema = z.lazy(() => schemas().scannerSchema);
export const scanSchema = z.lazy(() => schemas().scanSchema);
export const eventSchema = z.lazy(() => schemas().eventSchema);
export const lastResultsSchema = z.lazy(() => schemas().lastResultsSchema);
export const releaseSchema = z.lazy(() => schemas().releaseSchema);
export const scanparamsSchema = z.lazy(() => schemas().scanparamsSchema);
export const vulnerabilitySchema = z.lazy(() => schemas().vulnerabilitySchema);
export const startedSchema = z.lazy(() => schemas().startedSchema);
export const queuedScanSchema = z.lazy(() => schemas().queuedScanSchema);
export const createProjectSchema = z.lazy(() => schemas().createProjectSchema);
export const createScanparamsSchema = z.lazy(() => schemas().createScanparamsSchema);
export const sbomUploadSchema = z.lazy(() => schemas().sbomUploadSchema);

/** A list page before the client fills in defaults from its query. */
export interface RawPage<T> {
  items: T[];
  total: number;
  start?: number;
  limit?: number;
}

export function pageSchema<T>(key: string, item: z.ZodType<T>): z.ZodType<RawPage<T>> {
  return z
    .object({ [key]: z.array(item).nullish(), total: z.number().nullish(), start: z.number().nullish(), limit: z.number().nullish() })
    .transform((p): RawPage<T> => {
      const items = (p[key] as T[] | null | undefined) ?? [];
      const total = p.total as number | null | undefined;
      const start = p.start as number | null | undefined;
      const limit = p.limit as number | null | undefined;
      return {
        items,
        total: total ?? items.length,
        ...(start === null || start === undefined ? {} : { start }),
        ...(limit === null || limit === undefined ? {} : { limit }),
      };
    });
}

/**
 * A finished scan's duration from its `started_at` and `finished_at`. The `duration` field is not used: its unit
 * is not documented (the docs' example is an integer; seconds, milliseconds and nanoseconds are all plausible).
 */
function durationOf(startedAt: string | undefined, finishedAt: string | undefined): { durationMs?: number } {
  if (startedAt === undefined || finishedAt === undefined) return {};
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms >= 0 ? { durationMs: ms } : {};
}

