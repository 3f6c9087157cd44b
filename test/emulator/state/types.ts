/** In-memory records of the emulator state (internal shapes; `views.ts` turns them into platform JSON). */
import type { ImportFormat, ReleaseRule, ReleaseTypeKey, ScannerParamSpec, ScenarioScanner, SeverityName } from '../scenario/schema.js';

export interface NamedRef {
  id: string;
  name: string;
}

export interface ProjectRec {
  id: string;
  name: string;
  defaultBranch: string;
  labels: NamedRef[];
  team: NamedRef;
  repoUrl: string;
  repoId: string;
  almTool: string;
  createdAt: number;
  criticalityLevel: number;
  releaseRules: Partial<Record<ReleaseTypeKey, ReleaseRule>>;
  inProgressPolls: number;
  /** Release calls still to answer `in_progress`. */
  pendingPolls: number;
}

export interface ProductRec {
  id: string;
  name: string;
  projectIds: string[];
  /** Kept as sent (kdt sends the GET result back on PATCH). */
  businessUnitTags: unknown[];
  accessibleFor: { owner_ids: unknown[]; team_ids: unknown[] };
  defaultTeamId: string;
}

export interface ScannerRec {
  id: string;
  slug: string;
  displayName: string;
  type: string;
  labels: string[];
  disabled: boolean;
  customType: number;
  params: Record<string, ScannerParamSpec>;
  /** Report formats an import may be; every format the emulator reads when absent. */
  importFormats?: ImportFormat[];
  durationMs: number;
  /** Durations taken in turn by successive scans (realistic variance); `durationMs` when absent. */
  durationsMs?: number[];
  /** Scans started so far (the position in `durationsMs`). */
  scansStarted: number;
  /** Relative lengths of the status phases 0..5; equal when absent. */
  phaseWeights?: number[];
  failure?: { message: string; branches: string[] };
  findings: ScenarioScanner['findings'];
}

export interface AgentRec {
  id: string;
  label: string;
  url: string;
}

export interface PrInfo {
  ok: boolean;
  target: string;
  prNumber: string;
  noDecoration: boolean;
  decorationScannerTypes: string;
}

export interface Custom {
  type: number;
  params: Record<string, unknown> | null;
}

/** What a scan runs with: copied from scanparams and the start call. */
export interface ScanConfig {
  projectId: string;
  toolId: string;
  scanparamsId: string;
  branch: string;
  metaData: string;
  environment: string;
  agentId: string;
  pr: PrInfo;
  forkScan: boolean;
  forkSourceBranch: string;
  manual: boolean;
  scanType: string;
  scanTag: string;
  custom: Custom;
  image?: string;
}

export interface ScanparamsRec {
  id: string;
  projectId: string;
  toolId: string;
  branch: string;
  metaData: string;
  environment: string;
  agentId: string;
  pr: PrInfo;
  forkScan: boolean;
  forkSourceBranch: string;
  manual: boolean;
  bindName: string;
  scanType: string;
  scanTag: string;
  custom: Custom;
}

export interface FindingRec {
  fingerprint: string;
  name: string;
  severity: SeverityName;
  cwe?: number;
  cweName?: string;
  path?: string;
  line?: number;
  method?: string;
  parameter?: string;
  cvss?: number;
  language?: string;
}

export type Summary = Record<SeverityName, number>;

export interface ScanRec {
  id: string;
  eventId: string;
  config: ScanConfig;
  startedAt: number;
  /** Finish time (ms); the scan's `date`. */
  date: number;
  /** Shared with other scans resolving to the same scenario list: never changed in place. */
  findings: readonly FindingRec[];
  summary: Summary;
  score: number;
  /** Order of creation, to break ties between equal dates. */
  seq: number;
}

export type EventKind = 'create' | 'restart' | 'restart_with_option' | 'image' | 'import' | 'baseline';

export interface EventRec {
  id: string;
  kind: EventKind;
  /** Reserved at start; the scan exists only once the event finished. */
  scanId: string;
  config: ScanConfig;
  createdAt: number;
  /** When it finishes by itself (ms), on the emulator clock. */
  endsAt: number;
  state: 'running' | 'finished' | 'failed';
  /** When it actually finished or failed (ms); set lazily from `endsAt`, or by the control API. */
  finishedAt?: number;
  message: string;
  /** Scheduled failure message (scenario); applied at `endsAt`. */
  failWith?: string;
  /** Findings given by an import; scenario findings are used otherwise. */
  findings?: FindingRec[];
  /** The scan a restart re-ran. */
  sourceScanId?: string;
  /** Relative lengths of the status phases 0..5 (the scanner's); equal when absent. */
  phaseWeights?: number[];
}

export interface UploadRecord {
  kind: 'import' | 'sbom' | 'apispecs';
  eventId?: string;
  projectId?: string;
  bytes: number;
  filename: string;
  fields: Record<string, string>;
  format?: 'sarif' | 'semgrep';
  /** False when the file was above the parse limit and only sniffed (its findings count as zero). */
  parsed?: boolean;
  findingCount?: number;
  at: number;
}
