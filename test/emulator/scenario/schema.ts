/**
 * The scenario format: everything the emulator starts from (projects, scanners, findings, release rules,
 * switches). `Scenario` is what people write (most keys optional); `ResolvedScenario` is the validated result
 * with defaults filled in.
 */
import { z } from 'zod';

export const RELEASE_TYPES = ['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom', 'infra'] as const;
export type ReleaseTypeKey = (typeof RELEASE_TYPES)[number];

export const SEVERITY_NAMES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-hex-character ObjectID');

const findingSchema = z.strictObject({
  name: z.string().min(1),
  severity: z.enum(SEVERITY_NAMES),
  cwe: z.number().int().nonnegative().optional(),
  cweName: z.string().optional(),
  /** File path (SAST/SCA) or URL (DAST). */
  path: z.string().optional(),
  line: z.number().int().positive().optional(),
  method: z.string().optional(),
  parameter: z.string().optional(),
  cvss: z.number().min(0).max(10).optional(),
  language: z.string().optional(),
  /** Identity across scans (for `new`/`recurrent`); derived from name, path, line, method, parameter when absent. */
  fingerprint: z.string().optional(),
});

const branchFindingsSchema = z.strictObject({
  /** Branch glob (`*` any run of characters, `?` one); the first entry that matches wins. */
  branch: z.string().min(1),
  /** Optional project-name glob; the entry applies to every project when absent. */
  project: z.string().min(1).optional(),
  /** Replaces the default findings on a matching branch. */
  replace: z.array(findingSchema).optional(),
  /** Added to the (default or replaced) findings. */
  add: z.array(findingSchema).default([]),
});

const findingsSchema = z.strictObject({
  default: z.array(findingSchema).default([]),
  branches: z.array(branchFindingsSchema).default([]),
});

const paramSchema = z.strictObject({
  description: z.string().default(''),
  default_value: z.string().default(''),
  optional: z.boolean().default(true),
  type: z.enum(['string', 'string_slice', 'int', 'uint', 'bool']).default('string'),
  examples: z.string().optional(),
});

/** Report formats the emulator reads from an import (SARIF 2.1.0, semgrep's JSON). */
export const IMPORT_FORMATS = ['sarif', 'semgrep'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const scannerSchema = z.strictObject({
  id: objectId.optional(),
  slug: z.string().min(1),
  displayName: z.string().optional(),
  type: z.string().min(1),
  labels: z.array(z.string()).default([]),
  disabled: z.boolean().default(false),
  customType: z.number().int().default(0),
  params: z.record(z.string(), paramSchema).default({}),
  /** The report formats an import into this scanner may be (with `importFormats: tool`); absent: every format read. */
  importFormats: z.array(z.enum(IMPORT_FORMATS)).min(1).optional(),
  /** Time from start to finish on the emulator clock. */
  durationMs: z.number().int().nonnegative().default(3000),
  /**
   * Realistic variance: successive scans of this scanner (seeded baselines first, in scenario order, then the
   * scans clients start) take these durations in turn, instead of `durationMs` every time.
   */
  durationsMs: z.array(z.number().int().nonnegative()).min(1).optional(),
  /**
   * How a scan's duration splits over the status phases 0..5 (waiting, starting, running, retrieving results,
   * analyzing, notifying), as relative weights; equal sixths when absent. The platform documents no split.
   */
  phaseWeights: z
    .array(z.number().nonnegative())
    .length(6)
    .refine((w) => w.some((x) => x > 0), 'at least one phase weight must be positive')
    .optional(),
  /** Makes this scanner's scans fail at the end of their duration (on matching branches). */
  failure: z
    .strictObject({ message: z.string().min(1), branches: z.array(z.string().min(1)).default(['*']) })
    .optional(),
  findings: findingsSchema.default({ default: [], branches: [] }),
});

const countThreshold = z.number().int().nonnegative().optional();
const releaseRuleSchema = z.union([
  z.enum(['success', 'fail', 'undefined']),
  z.strictObject({
    /** Fails when any given count (or the score) of the latest scan of that type is above the number. */
    failWhen: z.strictObject({
      critical: countThreshold,
      high: countThreshold,
      medium: countThreshold,
      low: countThreshold,
      info: countThreshold,
      score: countThreshold,
    }),
  }),
]);

const releaseSchema = z.strictObject({
  rules: z.partialRecord(z.enum(RELEASE_TYPES), releaseRuleSchema).default({}),
  /** Answer `progress_status: "in_progress"` to the first n release calls (re-armed when a scan of the project finishes). */
  inProgressPolls: z.number().int().nonnegative().default(0),
});

const projectSchema = z.strictObject({
  id: objectId.optional(),
  name: z.string().min(1),
  defaultBranch: z.string().min(1).default('main'),
  labels: z.array(z.string().min(1)).default([]),
  team: z.string().min(1).default('appsec'),
  repoUrl: z.string().optional(),
  almTool: z.string().optional(),
  release: releaseSchema.default({ rules: {}, inProgressPolls: 0 }),
});

const agentSchema = z.strictObject({
  id: objectId.optional(),
  label: z.string().min(1),
  url: z.string().default(''),
});

const prSchema = z.strictObject({
  ok: z.boolean().default(false),
  target: z.string().default(''),
  prNumber: z.string().default(''),
});

const scanparamsSchema = z.strictObject({
  id: objectId.optional(),
  /** Project name. */
  project: z.string().min(1),
  /** Scanner slug. */
  tool: z.string().min(1),
  branch: z.string().default(''),
  metaData: z.string().default(''),
  environment: z.string().default(''),
  /** Agent label. */
  agent: z.string().optional(),
  pr: prSchema.default({ ok: false, target: '', prNumber: '' }),
  forkScan: z.boolean().default(false),
  forkSourceBranch: z.string().default(''),
  manual: z.boolean().default(false),
  bindName: z.string().default(''),
  custom: z
    .strictObject({ type: z.number().int().optional(), params: z.record(z.string(), z.unknown()).nullable().default(null) })
    .optional(),
});

const baselineScanSchema = z.strictObject({
  project: z.string().min(1),
  tool: z.string().min(1),
  branch: z.string().min(1),
  metaData: z.string().default(''),
  environment: z.string().default(''),
  /** How long before the emulator started this scan finished. */
  ageMinutes: z.number().nonnegative().default(60),
});

const productSchema = z.strictObject({
  id: objectId.optional(),
  name: z.string().min(1),
  /** Project names or ids. */
  projects: z.array(z.string().min(1)).default([]),
});

export const scenarioSchema = z.strictObject({
  description: z.string().optional(),
  /** Answer of both version endpoints. */
  platformVersion: z.string().min(1).default('emulator-1.0.0'),
  projects: z.array(projectSchema).default([]),
  scanners: z.array(scannerSchema).default([]),
  agents: z.array(agentSchema).default([]),
  scanparams: z.array(scanparamsSchema).default([]),
  baselineScans: z.array(baselineScanSchema).default([]),
  /** Products (kdt's `list products`, `create product`, `create project -P`). */
  products: z.array(productSchema).default([]),
  /** Labels and teams that exist besides those the projects carry (and the team `default`). */
  labels: z.array(z.string().min(1)).default([]),
  teams: z.array(z.string().min(1)).default([]),
  /** `container` (default): `POST /scans/image` with a scanner not of type `cs` is 400; `any` accepts every scanner. */
  imageScanners: z.enum(['container', 'any']).default('container'),
  /**
   * `strict` (default): a JSON body field of the wrong kind (a number for a string, `"true"` for a bool) is 400
   * with the Go decoder's text, as the Go platform's `encoding/json` answers; `lenient` accepts it.
   */
  bodyTypes: z.enum(['strict', 'lenient']).default('strict'),
  /**
   * A project create or update naming a label or team that does not exist: `refuse` (400, default) or `create`
   * it on the fly (what this emulator did before). The real platform's answer is not documented.
   */
  unknownTeamsLabels: z.enum(['refuse', 'create']).default('refuse'),
  /**
   * `refuse` (default): a new scan configuration (`POST scanparams`, `scans/create` without a saved one) whose
   * `custom.params` lacks a parameter the scanner declares required (not optional, no default value) is 400;
   * `ignore` accepts it (kdt's own check only counts the params, so a real server may let it through).
   */
  requiredParams: z.enum(['refuse', 'ignore']).default('refuse'),
  /**
   * `tool` (default): an import whose report format is not one of the scanner's `importFormats` is 400;
   * `any` accepts every format the emulator reads into every importing scanner.
   */
  importFormats: z.enum(['tool', 'any']).default('tool'),
  /** `exact` slug match for `scanners/active?name=` (default), or `contains` (the docs' wording; reproduces kdt's "multiple scanners"). */
  scannerNameMatch: z.enum(['exact', 'contains']).default('exact'),
  /** `contains` (case-insensitive substring, default) or `exact` for `projects?name=`; an exact id always matches. */
  projectNameMatch: z.enum(['contains', 'exact']).default('contains'),
  /**
   * Largest `limit` a list answers with (projects, scans, scan lists, scanparams, vulnerabilities); larger
   * requests are clamped. The real maximum is not documented: clients must advance by the items they get.
   */
  maxPageSize: z.number().int().positive().default(100),
  /** Page size when a list request gives no `limit`; absent: each route's documented default (10, or 30 for vulnerabilities). */
  defaultPageSize: z.number().int().positive().optional(),
  /** Import files up to this size are parsed fully; larger ones are only sniffed (findings counted as zero). */
  importParseLimitBytes: z.number().int().positive().default(64 * 1024 * 1024),
  /** Duration of an import's event on the emulator clock. */
  importDurationMs: z.number().int().nonnegative().default(500),
  /**
   * How the scan and scanparams searches read an empty `meta_data=` / `environment=` (the platform's reading is
   * not documented): `empty` matches only records without one (default), `any` matches every record.
   */
  emptyFilter: z.enum(['empty', 'any']).default('empty'),
  /**
   * The Invicti Platform convention for accounts with several organizations (core URL family only): with
   * `required`, a core request without `X-Invicti-OrganizationId` gets 422; with `ids`, an id not listed gets 403.
   */
  organizations: z
    .strictObject({ required: z.boolean().default(false), ids: z.array(z.string().min(1)).default([]) })
    .default({ required: false, ids: [] }),
});

/** A scenario as written (JSON, YAML or an object): defaults may be left out. */
export type Scenario = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type ResolvedScenario = z.output<typeof scenarioSchema>;
export type ScenarioFinding = z.output<typeof findingSchema>;
export type ScenarioScanner = z.output<typeof scannerSchema>;
export type ScenarioProject = z.output<typeof projectSchema>;
export type ReleaseRule = z.output<typeof releaseRuleSchema>;
export type ScannerParamSpec = z.output<typeof paramSchema>;
