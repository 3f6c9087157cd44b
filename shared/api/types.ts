/**
 * Domain types of the Invicti ASPM REST API v2, as the client returns them after parsing.
 * The zod schemas in `schemas.ts` produce exactly these shapes (checked with `satisfies`).
 * Field names follow the platform's JSON where the core uses them; optional fields are the ones
 * the platform may leave out.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type SeverityCounts = Record<Severity, number>;

/** Scanner types the platform knows (`scanners/active?types=`), plus release-criteria-only keys. */
export const SCANNER_TYPES = ['sast', 'dast', 'sca', 'cs', 'iac', 'iast', 'cspm', 'mast', 'infra', 'fuzzing'] as const;
export type ScannerType = (typeof SCANNER_TYPES)[number];
export const RELEASE_TYPES = ['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom', 'infra'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];

export type ApiMode = 'core' | 'legacy';

export interface Project {
  id: string;
  name: string;
  defaultBranch: string;
  labels: string[];
  team?: string;
  link?: string;
}

export interface ScannerParam {
  description: string;
  defaultValue: string;
  optional: boolean;
  type: string;
}

export interface Scanner {
  id: string;
  slug: string;
  displayName: string;
  type: string;
  labels: string[];
  customType: number;
  disabled: boolean;
  params: Record<string, ScannerParam>;
}

export interface Scan {
  id: string;
  name: string;
  branch: string;
  metaData: string;
  /** The scan's environment, when the platform says (`""` for none). */
  environment?: string;
  tool: string;
  scannerType: string;
  /** RFC 3339. */
  date: string;
  /** Project name, as the release call wants it. */
  project: string;
  score: number;
  summary: SeverityCounts;
  infraSourceProjectId?: string;
  link?: string;
}

export interface ScanEvent {
  id: string;
  /** 0 waiting, 1 starting, 2 running, 3 retrieving results, 4 analyzing, 5 notifying, 6 finished, -1 failed. */
  status: number;
  /** 1 active, 0 inactive, -1 failed. */
  active: number;
  scanId: string;
  statusText: string;
  message: string;
  link?: string;
}

export interface LastResults {
  last?: { score: number; summary: SeverityCounts };
  previous?: { score: number; summary: SeverityCounts };
}

export type ReleaseStatusValue = 'success' | 'fail' | 'undefined' | '';
export interface ReleaseStatus {
  /** `in_progress` means "still computing, ask again". */
  progressStatus: string;
  /** `success`, `fail`, `undefined` or `` (see ReleaseStatusValue); other values are kept as sent. */
  status: string;
  types: Partial<Record<ReleaseType, { status: string; scanId?: string }>>;
}

export interface Scanparams {
  id: string;
  branch: string;
  bindName: string;
  /** The configuration's meta data and environment, when the platform says. */
  metaData?: string;
  environment?: string;
  custom: { type: number; params: Record<string, unknown> | null };
}

export interface Vulnerability {
  id: string;
  name: string;
  severity: Severity;
  /** File path for SAST/SCA, URL for DAST; undefined when the platform says `-` or nothing. */
  path?: string;
  line?: number;
  method?: string;
  parameter?: string;
  cweId?: number;
  cweName?: string;
  cvss?: number;
  /** `new`, `recurrent`, ... as the platform says. */
  status: string;
  firstSeen?: string;
  lastSeen?: string;
  toolName?: string;
  toolType?: string;
  branch?: string;
  language?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  start: number;
  limit: number;
}

/** Answer of every call that starts work: the event to follow. */
export interface Started {
  eventId: string;
  message: string;
  /**
   * The platform's completed scans as the start guard read them just before this start (the list's first pages,
   * in its order); unset when that read failed. The run's scan history uses them instead of reading the list again.
   */
  completedBefore?: QueuedScan[];
}

/** Query of `GET /projects/{project}/scans` (keys as the platform spells them are the client's business). */
export interface ScanQuery {
  tool?: string;
  branch?: string;
  metaData?: string;
  environment?: string;
  agentId?: string;
  pr?: boolean;
  forkScan?: boolean;
  manual?: boolean;
  limit?: number;
  start?: number;
}

export interface ScanparamsQuery {
  toolId: string;
  branch: string;
  metaData?: string;
  environment?: string;
  agent?: string;
  pr?: boolean;
  target?: string;
  forkScan?: boolean;
  limit?: number;
}

export interface PrOptions {
  ok: boolean;
  target: string;
  prNumber: string;
  noDecoration: boolean;
  decorationScannerTypes: string;
}

export interface CreateScanInput {
  project: string;
  branch: string;
  toolId?: string;
  scanparamsId?: string;
  agentId?: string;
  metaData?: string;
  scanTag?: string;
  environment?: string;
  pr?: PrOptions;
  custom?: { type: number; params: Record<string, unknown> | null };
}

export interface RestartOptions {
  from: string;
  to: string;
  overrideOldAnalyze?: boolean;
  prNumber?: string;
  noDecoration?: boolean;
  decorationScannerTypes?: string;
  custom?: { type: number; params: Record<string, unknown> | null };
  environment?: string;
}

export interface ImageScanInput {
  projectId: string;
  tool: string;
  image: string;
  branch?: string;
  metaData?: string;
  scanTag?: string;
  environment?: string;
}

export interface ImportInput {
  /** Path of the result file on disk: streamed, never read whole into memory. */
  filePath: string;
  project: string;
  tool: string;
  branch: string;
  metaData?: string;
  scanTag?: string;
  environment?: string;
  target?: string;
  prNumber?: string;
}

export interface CreateScanparamsInput {
  projectId: string;
  toolId: string;
  branch: string;
  metaData?: string;
  scanTag?: string;
  environment?: string;
  agentId?: string;
  pr?: PrOptions;
  custom?: { type: number; params: Record<string, unknown> | null };
}

export interface CreateProjectInput {
  name: string;
  repoUrl?: string;
  almTool?: string;
  team?: string;
  labels?: string[];
  defaultBranch?: string;
}

export interface VulnerabilityQuery {
  branch?: string;
  toolName?: string;
  type?: string;
  /** Platform severity number: 4 critical, 3 high, 2 medium, 1 low (0 info, an inference). */
  severity?: number;
  /** `new` or `recurrent`. */
  status?: string;
  start?: number;
  limit?: number;
}

/**
 * Where a call that starts work may have created its event; used to look before repeating it.
 * `projectId` and `tool` identify the queue entry the platform shows for the new scan.
 */
export interface StartKey {
  projectId: string;
  tool: string;
  /** Branch the scan runs on, when known: narrows the lookup (restarts carry no branch of their own). */
  branch?: string;
  /** Meta-data of the scan ('' for none): a scan found after a failed start must carry the same. */
  metaData?: string;
  /** Environment, when set: a scan found after a failed start must carry the same. */
  environment?: string;
}

/** An entry of `GET /scans/queue` or `/scans/completed` (docs shape, plus the emulator's `event_id`/`branch`). */
export interface QueuedScan {
  id: string;
  eventId?: string;
  tool: string;
  projectId: string;
  branch?: string;
  metaData?: string;
  environment?: string;
  startedAt?: string;
  finishedAt?: string;
  /** How long a finished scan took, from `finished_at - started_at` (never from `duration`, whose unit is unknown). */
  durationMs?: number;
}

/** Every call the core makes. Implemented over HTTP by `PlatformClient` in `client.ts`. */
export interface PlatformApi {
  /** Which URL/auth family this run talks to; detected once, on first use. */
  mode(): Promise<ApiMode>;
  ping(): Promise<void>;
  healthCheck(): Promise<void>;
  listProjects(query: { name?: string; alm?: string; start?: number; limit?: number }): Promise<Page<Project>>;
  getProject(idOrName: string): Promise<Project>;
  createProject(input: CreateProjectInput): Promise<Project>;
  listActiveScanners(query: { name?: string; labels?: string; types?: readonly string[]; limit?: number }): Promise<Page<Scanner>>;
  listScans(project: string, query: ScanQuery): Promise<Page<Scan>>;
  getScan(scanId: string): Promise<Scan>;
  createScan(input: CreateScanInput, key: StartKey): Promise<Started>;
  restartScan(scanId: string, key: StartKey): Promise<Started>;
  restartScanWithOption(scanId: string, options: RestartOptions, key: StartKey): Promise<Started>;
  scanImage(input: ImageScanInput, key: StartKey): Promise<Started>;
  importScan(input: ImportInput, key: StartKey): Promise<Started>;
  getEventStatus(eventId: string): Promise<ScanEvent>;
  /** Recently finished scans (newest first): their durations tell the waiter when to look. */
  listCompletedScans(query: { start?: number; limit?: number }): Promise<Page<QueuedScan>>;
  lastResults(scanId: string): Promise<LastResults>;
  releaseStatus(project: string, branch?: string): Promise<ReleaseStatus>;
  listVulnerabilities(projectId: string, query: VulnerabilityQuery): Promise<Page<Vulnerability>>;
  listScanparams(project: string, query: ScanparamsQuery): Promise<Page<Scanparams>>;
  createScanparams(input: CreateScanparamsInput): Promise<Scanparams>;
  uploadSbom(input: { projectId: string; filePath: string; project: string; branch: string; sbomType?: string }): Promise<{ message: string }>;
}
