/**
 * Raw settings (strings keyed by option name) → one typed, validated ScanConfig, parsed once at the edge.
 * Explicit settings win over the CI context (branch, target branch, PR number). Every problem is collected and
 * reported in one ConfigError that names each setting the way the user writes it (`describe`) and says the fix.
 */
import { RELEASE_TYPES, SCANNER_TYPES, type ReleaseType, type ScannerType, type Severity } from '../api/types.js';
import { PR_NUMBER_VARIABLES, type RunContext } from '../ci/context.js';
import { ConfigError } from '../errors.js';
import { FieldReader, type ConfigIssue, type RawSettings } from './config-fields.js';
import {
  OPTION_NAMES,
  type ALM_TOOLS,
  type API_MODES,
  type CHANGED_ONLY_FALLBACKS,
  type CHANGED_ONLY_MODES,
  type COMMENT_MODES,
  type POLICIES,
  type SCAN_ENVIRONMENTS,
  type SCAN_MODES,
} from './options.js';
import { didYouMean } from './suggest.js';
import { knownScannerType } from './known-scanners.js';
import { isObjectId } from './object-id.js';

export { readRawFromEnv, mergeRaw, githubInputEnv, type RawFromEnv } from './config-env.js';
export type { ConfigIssue, RawSettings } from './config-fields.js';

export type ApiModeSetting = (typeof API_MODES)[number];
export type ScanMode = (typeof SCAN_MODES)[number];
/** What a timeout or an error does to the build. */
export type Policy = (typeof POLICIES)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];
/** Gate scope of a PR/MR run: the whole project, the files the change touched, or the lines (with some context). */
export type ChangedOnly = (typeof CHANGED_ONLY_MODES)[number];
export type ChangedOnlyFallback = (typeof CHANGED_ONLY_FALLBACKS)[number];
export type ScanEnvironment = (typeof SCAN_ENVIRONMENTS)[number];
export type AlmTool = (typeof ALM_TOOLS)[number];
/** `scanner`: only the release types of this run's scanners (all types when the run has no scanner). */
export type ReleaseCriteria = { kind: 'on' | 'off' | 'scanner' } | { kind: 'types'; types: ReleaseType[] };

export interface CodeHostCredentials {
  githubToken?: string;
  gitlabToken?: string;
  bitbucketToken?: string;
  bitbucketEmail?: string;
  bitbucketApiToken?: string;
}

export interface ProjectCreation {
  enabled: boolean;
  /** Defaults to the CI repository URL. */
  repoUrl?: string;
  /** Defaults to the CI platform when create-project is on. */
  almTool?: AlmTool;
  team?: string;
  labels: string[];
  defaultBranch?: string;
}

export interface ScanConfig {
  host: string;
  token: string;
  apiMode: ApiModeSetting;
  caCert?: string;
  insecure: boolean;
  requestTimeoutMs: number;
  verbose: boolean;
  /** Sent as `X-Invicti-OrganizationId` on every request. */
  organizationId?: string;
  /** Unset only in mode wait. */
  project?: string;
  scanners: string[];
  /** With `scanners` empty: run the project's scanners of these types; else an assertion on their types. */
  scannerTypes: ScannerType[];
  branch?: string;
  targetBranch?: string;
  /** The pull or merge request: `pr-number`, else the CI context's, checked once here (adapters use it as is). */
  prNumber?: number;
  file?: string;
  image?: string;
  metaData?: string;
  scanTag?: string;
  environment?: ScanEnvironment;
  /** A rescan-only scanner with nothing to re-run on a pushed branch compares it with the default branch. */
  defaultBranchFallback: boolean;
  mode: ScanMode;
  eventIds: string[];
  async: boolean;
  /** Only the severities the user limited; a count above the number fails. */
  thresholds: Partial<Record<Severity, number>>;
  newFindingsOnly: boolean;
  changedOnly: ChangedOnly;
  changedOnlyFallback: ChangedOnlyFallback;
  failOnRiskIncrease: boolean;
  releaseCriteria: ReleaseCriteria;
  warnOnly: boolean;
  onTimeout: Policy;
  onError: Policy;
  timeoutMs: number;
  outputJson?: string;
  sarif?: string;
  summaryMarkdown?: string;
  comment: CommentMode;
  maxFindings: number;
  codeHost: CodeHostCredentials;
  createProject: ProjectCreation;
}

export interface ParseOptions {
  /** How the user names a setting in this packaging (`input "x"`, `--x`); default `"x"`. */
  describe?: (name: string) => string;
  /** How the user names a mode: a setting in CI (`mode wait`), a command on the CLI (`the wait command`). */
  modeWords?: ModeWords;
}

/** Phrases for the mode in error messages, so each packaging speaks in its own terms. */
export interface ModeWords {
  /** `in mode wait` / `by the wait command`. */
  requiredIn(mode: ScanMode): string;
  /** `mode scan` / `the scan command`. */
  name(mode: ScanMode): string;
  /** What to do to run in that mode: `set input "mode" to scan` / `run invicti-appsec scan`. */
  switchTo(mode: ScanMode, label: (name: string) => string): string;
}

const SETTING_MODE_WORDS: ModeWords = {
  requiredIn: (mode) => `in mode ${mode}`,
  name: (mode) => `mode ${mode}`,
  switchTo: (mode, label) => `set ${label('mode')} to ${mode}`,
};

const SEVERITY_OPTIONS: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function releaseCriteria(r: FieldReader): ReleaseCriteria {
  const items = r.list('release-criteria').map((item) => item.toLowerCase());
  const [first] = items;
  if (items.length === 1 && (first === 'on' || first === 'off' || first === 'scanner')) return { kind: first };
  const types: ReleaseType[] = [];
  for (const item of items) {
    if ((RELEASE_TYPES as readonly string[]).includes(item)) types.push(item as ReleaseType);
    else
      r.add(
        'release-criteria',
        `must be on, off, scanner, or a comma list of ${RELEASE_TYPES.join(', ')} ("${item}" is not one).${didYouMean(item, ['on', 'off', 'scanner', ...RELEASE_TYPES])}`,
      );
  }
  return types.length > 0 ? { kind: 'types', types } : { kind: 'scanner' };
}

function scannerTypes(r: FieldReader): ScannerType[] {
  const types: ScannerType[] = [];
  for (const item of r.list('scanner-type').map((t) => t.toLowerCase())) {
    if ((SCANNER_TYPES as readonly string[]).includes(item)) {
      if (!types.includes(item as ScannerType)) types.push(item as ScannerType);
    } else r.add('scanner-type', `must be a comma list of ${SCANNER_TYPES.join(', ')} ("${item}" is not one).${didYouMean(item, SCANNER_TYPES)}`);
  }
  return types;
}

/** The project-creation ALM tool of the CI we run in, when it is one of the platform's. */
function almFromContext(context: RunContext): AlmTool | undefined {
  switch (context.ci) {
    case 'github':
      return context.serverUrl === undefined || context.serverUrl === 'https://github.com' ? 'github' : 'githubenterprise';
    case 'gitlab':
      return context.serverUrl === undefined || context.serverUrl === 'https://gitlab.com' ? 'gitlabcloud' : 'gitlabonprem';
    case 'bitbucket':
      return 'bitbucket';
    case 'local':
      return undefined;
  }
}

/** What GitHub, GitLab and Bitbucket number pull and merge requests with: 1 and up, a safe integer. */
const REQUEST_NUMBER = /^[1-9]\d{0,9}$/;

/**
 * The pull or merge request number, parsed once for every adapter: `pr-number`, else the number the CI context
 * carries. A bad one is an error naming where it came from (the setting, or the CI variable and the setting that
 * overrides it).
 */
function prNumber(r: FieldReader, context: RunContext): number | undefined {
  const explicit = r.string('pr-number');
  const text = explicit ?? context.pullRequest?.number;
  if (text === undefined || REQUEST_NUMBER.test(text)) return text === undefined ? undefined : Number(text);
  const got = `(got ${JSON.stringify(text.slice(0, 20))})`;
  if (explicit !== undefined) r.add('pr-number', `must be a pull or merge request number such as 42 ${got}.`);
  else {
    const variable = PR_NUMBER_VARIABLES[context.ci] ?? 'the CI context';
    r.add('pr-number', `is not set, and ${variable} holds no pull or merge request number ${got}: leave ${variable} to the CI, or set ${r.label('pr-number')} to the number.`);
  }
  return undefined;
}

/** The connection group, shared by the scan flow and the list commands. */
function readConnection(r: FieldReader): ConnectionConfig {
  return {
    host: r.url('host') ?? '',
    token: r.string('token') ?? '',
    apiMode: r.enumValue<ApiModeSetting>('api-mode') ?? 'auto',
    caCert: r.path('ca-cert'),
    insecure: r.boolean('insecure'),
    requestTimeoutMs: r.duration('request-timeout') ?? 30_000,
    verbose: r.boolean('verbose'),
    organizationId: r.string('organization-id'),
  };
}

/**
 * Every field read once. The reader already falls back to the registry default; the `??` fallbacks below only
 * apply when a value was invalid, and then an error is thrown before the config is used.
 */
function readAll(r: FieldReader, context: RunContext): ScanConfig {
  const thresholds: Partial<Record<Severity, number>> = {};
  for (const severity of SEVERITY_OPTIONS) {
    const limit = r.integer(`threshold-${severity}`, '; leave it empty for no limit');
    if (limit !== undefined) thresholds[severity] = limit;
  }
  const createProject = r.boolean('create-project');
  return {
    ...readConnection(r),
    project: r.string('project'),
    scanners: r.list('scanner'),
    scannerTypes: scannerTypes(r),
    branch: r.string('branch') ?? context.pullRequest?.sourceBranch ?? context.branch,
    targetBranch: r.string('target-branch') ?? context.pullRequest?.targetBranch ?? context.targetBranch,
    prNumber: prNumber(r, context),
    file: r.path('file'),
    image: r.string('image'),
    metaData: r.string('meta-data'),
    scanTag: r.string('scan-tag'),
    environment: r.enumValue<ScanEnvironment>('environment'),
    defaultBranchFallback: r.boolean('default-branch-fallback'),
    mode: r.enumValue<ScanMode>('mode') ?? 'scan',
    eventIds: r.list('event-id'),
    async: r.boolean('async'),
    thresholds,
    newFindingsOnly: r.boolean('new-findings-only'),
    changedOnly: r.enumValue<ChangedOnly>('changed-only') ?? 'off',
    changedOnlyFallback: r.enumValue<ChangedOnlyFallback>('changed-only-fallback') ?? 'unscoped',
    failOnRiskIncrease: r.boolean('fail-on-risk-increase'),
    releaseCriteria: releaseCriteria(r),
    warnOnly: r.boolean('warn-only'),
    onTimeout: r.enumValue<Policy>('on-timeout') ?? 'fail',
    onError: r.enumValue<Policy>('on-error') ?? 'fail',
    timeoutMs: r.duration('timeout') ?? 30 * 60_000,
    outputJson: r.path('output-json'),
    sarif: r.path('sarif'),
    summaryMarkdown: r.path('summary-markdown'),
    comment: r.enumValue<CommentMode>('comment') ?? 'update',
    maxFindings: r.integer('max-findings') ?? 20,
    codeHost: {
      githubToken: r.string('github-token'),
      gitlabToken: r.string('gitlab-token'),
      bitbucketToken: r.string('bitbucket-token'),
      bitbucketEmail: r.string('bitbucket-email'),
      bitbucketApiToken: r.string('bitbucket-api-token'),
    },
    createProject: {
      enabled: createProject,
      repoUrl: r.url('repo-url') ?? (createProject ? context.repositoryUrl : undefined),
      almTool: r.enumValue<AlmTool>('alm-tool') ?? (createProject ? almFromContext(context) : undefined),
      team: r.string('team'),
      labels: r.list('labels'),
      defaultBranch: r.string('default-branch'),
    },
  };
}

/** Rules that involve more than one setting, or a setting and the mode. Field errors are already recorded. */
function requireConnection(r: FieldReader): void {
  if (!r.given('host')) r.add('host', 'is required: set it to the URL of your Invicti AppSec instance, such as https://aspm.example.com.');
  if (!r.given('token')) r.add('token', 'is required: store an Invicti AppSec API token as a secret (a masked variable) and pass it.');
  // The client refuses such a token as well, but only here can the message name the setting as the user writes it.
  else if (!/^[\x21-\x7e]+$/.test(r.string('token') ?? '')) r.add('token', 'contains spaces, line breaks or non-ASCII characters: copy the API token again.');
  const organization = r.string('organization-id');
  if (organization !== undefined && !/^[\x21-\x7e]+$/.test(organization))
    r.add('organization-id', 'contains spaces, line breaks or non-ASCII characters: copy the organization ID again from the Invicti Platform.');
}

function crossCheck(c: ScanConfig, r: FieldReader, words: ModeWords): void {
  const fix = (setting: string, message: string): void => r.add(setting, message);
  const l = r.label;
  const onlyIn = (mode: ScanMode): string => `applies only to ${words.name(mode)}, not ${words.name(c.mode)}`;
  requireConnection(r);
  if (c.mode !== 'wait' && !r.given('project')) fix('project', `is required ${words.requiredIn(c.mode)}: set the project ID or its exact name.`);
  if (c.mode === 'scan' && c.scanners.length === 0 && c.scannerTypes.length === 0)
    fix(
      'scanner',
      `is required ${words.requiredIn('scan')}: name the scanner slug(s), such as semgrep (list them with: invicti-appsec scanners), or set ${l('scanner-type')} (such as sast) to run the project's scanners of that type.`,
    );
  for (const slug of c.scanners) {
    if (/\s/.test(slug)) fix('scanner', `${JSON.stringify(slug.slice(0, 60))} is not a scanner slug: separate several scanners with commas.`);
  }
  if (c.file !== undefined && c.image !== undefined) fix('file', `and ${l('image')} exclude each other: import a file or scan an image, not both.`);
  const single = c.file !== undefined ? 'file' : c.image !== undefined ? 'image' : undefined;
  if (single && c.scanners.length === 0 && c.mode === 'scan') fix(single, `needs ${l('scanner')}: name the one scanner it is for (scanner-type alone may choose several).`);
  if (single && c.scanners.length > 1) fix(single, `takes exactly one scanner, but ${l('scanner')} names ${c.scanners.length}: use one step per scanner.`);
  if (single && c.mode !== 'scan') fix(single, `${onlyIn('scan')}: remove it or ${words.switchTo('scan', l)}.`);
  const [imageScanner] = c.scanners;
  const knownType = c.image !== undefined && c.file === undefined && c.scanners.length === 1 && imageScanner !== undefined ? knownScannerType(imageScanner) : undefined;
  if (knownType !== undefined && knownType !== 'cs') {
    fix(
      'image',
      `needs a container scanner (type CS), but ${l('scanner')} "${imageScanner}" is a ${knownType.toUpperCase()} scanner: name a container scanner such as trivy (invicti-appsec scanners lists the types), or remove ${l('image')}.`,
    );
  }
  if (c.mode === 'wait' && c.eventIds.length === 0) fix('event-id', `is required ${words.requiredIn('wait')}: pass the event ID(s) an async run printed.`);
  if (c.mode !== 'wait' && c.eventIds.length > 0) fix('event-id', `${onlyIn('wait')}: ${words.switchTo('wait', l)}, or remove it.`);
  for (const id of c.eventIds) {
    if (!isObjectId(id)) fix('event-id', `${JSON.stringify(id.slice(0, 60))} is not an event ID: event IDs are 24 hexadecimal characters, as an async run prints them.`);
  }
  // A line break would end a header, a log line or a report field early, and no platform name contains one.
  const lines: [string, readonly (string | undefined)[]][] = [
    ['branch', [c.branch]],
    ['target-branch', [c.targetBranch]],
    ['meta-data', [c.metaData]],
    ['labels', c.createProject.labels],
  ];
  for (const [name, values] of lines) {
    if (values.some((v) => v !== undefined && /[\r\n]/.test(v))) fix(name, 'must be on one line: remove the line break.');
  }
  if (c.async && c.mode !== 'scan') fix('async', `${onlyIn('scan')}: remove it.`);
  const { bitbucketToken, bitbucketEmail, bitbucketApiToken } = c.codeHost;
  if (bitbucketEmail !== undefined && bitbucketApiToken === undefined)
    fix('bitbucket-api-token', `is required with ${l('bitbucket-email')}: add the Atlassian API token as a secured variable.`);
  if (bitbucketApiToken !== undefined && bitbucketEmail === undefined)
    fix('bitbucket-email', `is required with ${l('bitbucket-api-token')}: set the Atlassian account email.`);
  if (bitbucketToken !== undefined && (bitbucketEmail !== undefined || bitbucketApiToken !== undefined))
    fix('bitbucket-token', `excludes ${l('bitbucket-email')} and ${l('bitbucket-api-token')}: keep one way to authenticate.`);
  if (c.timeoutMs === 0) fix('timeout', 'must be more than 0, such as 30m.');
  if (c.requestTimeoutMs === 0) fix('request-timeout', 'must be more than 0, such as 30s.');
}

function unknownSettings(raw: RawSettings, r: FieldReader): void {
  for (const name of Object.keys(raw)) {
    if (OPTION_NAMES.includes(name)) continue;
    r.add(name, `is not a setting.${didYouMean(name, OPTION_NAMES)}`);
  }
}

/** One error for all issues; `setting` lists every bad setting. */
function toError(issues: readonly ConfigIssue[], describe: (name: string) => string): ConfigError {
  const lines = issues.map((issue) => `${describe(issue.setting)} ${issue.message}`);
  const settings = [...new Set(issues.map((i) => i.setting))].join(', ');
  if (lines.length === 1) return new ConfigError(settings, lines[0] ?? '');
  return new ConfigError(settings, `${lines.length} settings need fixing:\n${lines.map((l) => `- ${l}`).join('\n')}`);
}

/**
 * Parse raw settings into a ScanConfig. `raw` is keyed by option name; `''` or blank means unset.
 * Throws one ConfigError listing every problem (never a secret value).
 */
export function parseConfig(raw: RawSettings, context: RunContext, options: ParseOptions = {}): ScanConfig {
  const describe = options.describe ?? ((name: string) => `"${name}"`);
  const known = Object.entries(raw).filter(([name]) => OPTION_NAMES.includes(name));
  const reader = new FieldReader(Object.fromEntries(known), describe);
  unknownSettings(raw, reader);
  const config = readAll(reader, context);
  crossCheck(config, reader, options.modeWords ?? SETTING_MODE_WORDS);
  if (reader.issues.length > 0) throw toError(reader.issues, describe);
  return config;
}

/** Every secret value in a config, for `redact()` and for masking in CI logs. */
export function configSecrets(config: ScanConfig): string[] {
  const { githubToken, gitlabToken, bitbucketToken, bitbucketApiToken } = config.codeHost;
  return [config.token, githubToken, gitlabToken, bitbucketToken, bitbucketApiToken].filter((v): v is string => v !== undefined && v !== '');
}

/** The connection settings alone: what `ping`, `projects` and `scanners` need. */
export type ConnectionConfig = Pick<ScanConfig, 'host' | 'token' | 'apiMode' | 'caCert' | 'insecure' | 'requestTimeoutMs' | 'verbose' | 'organizationId'>;

/**
 * Parse only the connection group (host, token, api-mode, ca-cert, insecure, request-timeout, verbose, organization-id);
 * other settings given alongside are ignored, since list commands take filters the scan flow would reject.
 */
export function parseConnectionConfig(raw: RawSettings, options: ParseOptions = {}): ConnectionConfig {
  const describe = options.describe ?? ((name: string) => `"${name}"`);
  const names = ['host', 'token', 'api-mode', 'ca-cert', 'insecure', 'request-timeout', 'verbose', 'organization-id'];
  const r = new FieldReader(Object.fromEntries(Object.entries(raw).filter(([name]) => names.includes(name))), describe);
  const config = readConnection(r);
  requireConnection(r);
  if (r.issues.length > 0) throw toError(r.issues, describe);
  return config;
}
