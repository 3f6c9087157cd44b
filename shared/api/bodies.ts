/**
 * Request bodies and query parameters exactly as kdt sends them (aspm-api.md §2-3): same keys, same
 * always-present empty values, same booleans. Pure functions, so the shapes are tested on their own.
 */
import {
  SCANNER_TYPES,
  type CreateProjectInput,
  type CreateScanInput,
  type CreateScanparamsInput,
  type ImageScanInput,
  type ImportInput,
  type PrOptions,
  type RestartOptions,
  type ScanQuery,
  type ScanparamsQuery,
  type VulnerabilityQuery,
} from './types.js';
import type { QueryValue } from './urls.js';

type Custom = { type: number; params: Record<string, unknown> | null };
const NO_CUSTOM: Custom = { type: 0, params: null };

function prBody(pr: PrOptions | undefined): Record<string, unknown> {
  return {
    ok: pr?.ok ?? false,
    target: pr?.target ?? '',
    pr_number: pr?.prNumber ?? '',
    no_decoration: pr?.noDecoration ?? false,
    pr_decoration_scanner_types: pr?.decorationScannerTypes ?? '',
  };
}

function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.host !== '' && url.protocol !== '';
  } catch {
    return false;
  }
}

export function projectsQuery(q: { name?: string; alm?: string; start?: number; limit?: number }): Record<string, QueryValue> {
  return { alm: q.alm ?? '', name: q.name ?? '', limit: q.limit, start: q.start };
}

export function createProjectBody(input: CreateProjectInput): Record<string, unknown> {
  const repo = input.repoUrl ?? '';
  const url = repo !== '' && isAbsoluteUrl(repo);
  return {
    name: input.name,
    source: {
      tool: input.almTool ?? '',
      id: url ? '' : repo,
      url: url ? repo : '',
      clone_disabled: false,
      path_scope: { include_empty: false, included_paths: '', included_files: '' },
    },
    team: { name: input.team ?? '' },
    labels: (input.labels ?? []).map((name) => ({ name })),
    override: false,
    overwrite: false,
    fork_source_branch: '',
    feature_branch_retention: 0,
    feature_branch_no_retention: false,
    default_branch: input.defaultBranch ?? 'main',
    criticality_level: 0,
  };
}

export function scannersQuery(q: { name?: string; labels?: string; types?: readonly string[]; limit?: number }): Record<string, QueryValue> {
  return { labels: q.labels ?? '', limit: q.limit ?? 0, name: q.name ?? '', types: (q.types ?? SCANNER_TYPES).join(',') };
}

export function scansQuery(q: ScanQuery): Record<string, QueryValue> {
  return {
    agent_id: q.agentId ?? '',
    branch: q.branch === undefined || q.branch === '' ? undefined : q.branch,
    environment: q.environment ?? '',
    fork_scan: q.forkScan ?? false,
    fork_source_branch: '',
    limit: q.limit === undefined || q.limit === 0 ? undefined : q.limit,
    manual: q.manual ?? false,
    meta_data: q.metaData ?? '',
    pr: q.pr ?? false,
    start: q.start,
    tool: q.tool === undefined || q.tool === '' ? undefined : q.tool,
  };
}

export function scanparamsQuery(q: ScanparamsQuery): Record<string, QueryValue> {
  return {
    agent: q.agent ?? '',
    branch: q.branch,
    environment: q.environment ?? '',
    fork_scan: q.forkScan ?? false,
    fork_source_branch: '',
    limit: q.limit ?? 1,
    manual: false,
    meta_data: q.metaData ?? '',
    pr: q.pr ?? false,
    target: q.target ?? '',
    tool_id: q.toolId,
  };
}

export function vulnerabilitiesQuery(q: VulnerabilityQuery): Record<string, QueryValue> {
  return { branch: q.branch, limit: q.limit, severity: q.severity, start: q.start, status: q.status, tool_name: q.toolName, type: q.type };
}

export function createScanBody(input: CreateScanInput): Record<string, unknown> {
  return {
    ...(input.scanparamsId === undefined ? {} : { scanparams_id: input.scanparamsId }),
    branch: input.branch,
    project: input.project,
    ...(input.toolId === undefined ? {} : { tool_id: input.toolId }),
    ...(input.agentId === undefined ? {} : { agent_id: input.agentId }),
    pr: prBody(input.pr),
    custom: input.custom ?? NO_CUSTOM,
    meta_data: input.metaData ?? '',
    scan_tag: input.scanTag ?? '',
    fork_scan: false,
    fork_source_branch: '',
    override_fork_source_branch: false,
    environment: input.environment ?? '',
  };
}

export function restartWithOptionBody(o: RestartOptions): Record<string, unknown> {
  const environment = o.environment ?? '';
  return {
    from: o.from,
    to: o.to,
    override_old_analyze: o.overrideOldAnalyze ?? false,
    pr_number: o.prNumber ?? '',
    no_decoration: o.noDecoration ?? false,
    pr_decoration_scanner_types: o.decorationScannerTypes ?? '',
    custom: o.custom ?? NO_CUSTOM,
    // kdt sends `Environment` (a missing JSON tag); the platform's Go decoder matches either spelling, a
    // stricter server only the lower-case one: send both, with the same value.
    Environment: environment,
    environment,
  };
}

export function imageScanBody(input: ImageScanInput): Record<string, unknown> {
  return {
    project: input.projectId,
    tool: input.tool,
    branch: input.branch ?? '',
    image: input.image,
    meta_data: input.metaData ?? '',
    scan_tag: input.scanTag ?? '',
    environment: input.environment ?? '',
  };
}

export function createScanparamsBody(input: CreateScanparamsInput): Record<string, unknown> {
  return {
    tool: { id: input.toolId },
    project: { id: input.projectId },
    agent: input.agentId === undefined ? {} : { id: input.agentId },
    bind_name: '',
    branch: input.branch,
    scan_type: 'kdt',
    meta_data: input.metaData ?? '',
    scan_tag: input.scanTag ?? '',
    fork_scan: false,
    pr: prBody(input.pr),
    manual: false,
    custom: input.custom ?? NO_CUSTOM,
    environment: input.environment ?? '',
  };
}

/** Text fields of `POST /scans/import`, after the file part; every field always sent (kdt's order). */
export function importFields(input: ImportInput): Array<[string, string]> {
  return [
    ['project', input.project],
    ['branch', input.branch],
    ['tool', input.tool],
    ['meta_data', input.metaData ?? ''],
    ['scan_tag', input.scanTag ?? ''],
    ['environment', input.environment ?? ''],
    ['target', input.target ?? ''],
    ['pr_number', input.prNumber ?? ''],
    ['pr_decoration_scanner_types', ''],
    ['no_decoration', 'false'],
    ['override_old_analyze', 'false'],
    ['fork-scan', 'false'],
    ['fork-source', ''],
    ['override-fork-source', 'false'],
    ['incremental-scan', 'false'],
    ['sbom_file_scan', 'false'],
    ['api_file_scan', 'false'],
  ];
}

export function sbomFields(input: { project: string; branch: string; sbomType?: string }): Array<[string, string]> {
  return [
    ['project', input.project],
    ['branch', input.branch],
    ['sbom_type', input.sbomType ?? ''],
    ['allow_empty', 'false'],
  ];
}
