/**
 * Starting a scan, the way the official CLI decides (reference §3), minus its traps:
 * - a PR/MR scan looks for the latest scan on the source branch, then on the target, never "any branch";
 * - a failed lookup is an error, not a silent "not found" that changes the decision path;
 * - with no scan and no saved configuration, a configuration is created; a rescan-only scanner (bound to an
 *   integration on the platform) instead re-runs the default branch's scan with this branch as `from`
 *   (a comparison, as `kdt --merge-target` does), unless that fallback is off;
 * - what the platform does with an empty `meta_data=`/`environment=` filter ("empty" or "any") is not documented,
 *   so every answer is checked against the meta data and environment meant: the same scan either way.
 */
import type { PlatformApi, PrOptions, Project, QueuedScan, Scan, Scanner, Started, StartKey } from '../api/types.js';
import { readPages } from '../api/paging.js';
import { ConfigError } from '../errors.js';
import type { ScannerResult } from './result.js';
import { isRescanOnly } from './resolve.js';

export interface TriggerRequest {
  branch: string;
  /** Set for a PR/MR run: the merge target. */
  targetBranch?: string;
  prNumber?: string;
  metaData?: string;
  /** Sent where the API takes a tag (create, image, import, new configuration); a rescan keeps the saved one. */
  scanTag?: string;
  environment?: string;
  /** Import this result file instead of scanning. */
  file?: string;
  /** Scan this container image. */
  image?: string;
  /**
   * A rescan-only scanner with no scan or configuration on the branch (and no PR): re-run the default branch's
   * scan with from = this branch. Default on; off, the run stops with the platform setup steps (exit 2).
   */
  defaultBranchFallback?: boolean;
}

export interface Triggered {
  eventId: string;
  mode: ScannerResult['mode'];
  /** The scan that was restarted, when one was. */
  restartedScanId?: string;
  /** The branch a `compare` run is compared against (the project's default branch). */
  comparedWith?: string;
  /** Why the run did something other than what the settings named, for the output. */
  note?: string;
  /** The completed scans read just before the start (`Started.completedBefore`): the run's scan history. */
  completedBefore?: QueuedScan[];
}

/** What a start hands on: its event, and the completed list its guard read. */
const handedOn = (started: Started): Pick<Triggered, 'eventId' | 'completedBefore'> => ({
  eventId: started.eventId,
  ...(started.completedBefore ? { completedBefore: started.completedBefore } : {}),
});

/** What a lookup means: the exact meta data, and the exact environment (`''` = none). */
interface Wanted {
  metaData: string;
  environment: string;
}

/** Scans read per lookup page, and at most this many: a branch's scans with other meta data are few. */
const LOOKUP_PAGE = 20;
const LOOKUP_CAP = 100;

/** A field the platform did not return cannot disagree; one it returned must be what was asked for. */
const agrees = (got: string | undefined, want: string): boolean => got === undefined || got === want;

/**
 * The latest scan of the branch with exactly the meta data and environment meant. Both are sent as filters; a
 * platform that reads an empty filter as "any" returns other scans too, so each answer is checked, and pages are
 * read (by the items received, up to the total) until one matches.
 */
async function latestScan(api: PlatformApi, project: Project, scanner: Scanner, branch: string, wanted: Wanted): Promise<Scan | undefined> {
  const matches = (s: Scan): boolean => s.branch === branch && s.metaData === wanted.metaData && agrees(s.environment, wanted.environment);
  const { items } = await readPages(
    (start, limit) =>
      api.listScans(project.name, { tool: scanner.slug, branch, metaData: wanted.metaData, environment: wanted.environment, limit, ...(start > 0 ? { start } : {}) }),
    { pageSize: LOOKUP_PAGE, cap: LOOKUP_CAP, concurrency: 1, enough: (page) => page.some(matches) },
  );
  return items.find(matches);
}

/** The platform's steps to create a scanner's scan once by hand, filling in what CI cannot. */
function createOnceSteps(project: Project, scanner: Scanner, branch: string, fillIn: string, save = 'save'): string {
  return (
    `Create the scan once in Invicti AppSec: open project "${project.name}", Settings > Scanners, choose ` +
    `${scanner.type.toUpperCase()} > ${scanner.displayName || scanner.slug}, Add, fill in ${fillIn} and Branch "${branch}", and ${save}. ` +
    'CI re-runs it from then on.'
  );
}

/** The setup steps for a scanner whose scans are bound to an integration (the seeds' "Bind to"). */
function bindSteps(project: Project, scanner: Scanner, branch: string): string {
  const bindTo = `"Bind to" (the ${scanner.displayName || scanner.slug} project or scan to bind to)`;
  return createOnceSteps(project, scanner, branch, bindTo, 'save (Scheduler: Now)');
}

/**
 * A new configuration carries no scanner parameters (there is no setting for them), so a scanner that declares
 * one required (not optional, no default value) cannot get one from CI: stop before the create, naming them,
 * instead of a platform 400 or a scan made without them.
 */
function assertNoRequiredParams(project: Project, scanner: Scanner, branch: string): void {
  const missing = Object.entries(scanner.params)
    .filter(([, p]) => !p.optional && p.defaultValue === '')
    .map(([key, p]) => (p.description ? `${key} (${p.description})` : key))
    .sort();
  if (missing.length === 0) return;
  throw new ConfigError(
    'scanner',
    `project "${project.name}" has no ${scanner.slug} scan or scan configuration on branch "${branch}", and a new one needs the scanner ` +
      `parameter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which this tool does not pass. ` +
      createOnceSteps(project, scanner, branch, missing.length === 1 ? 'that parameter' : 'those parameters'),
  );
}

function prOptions(request: TriggerRequest): PrOptions | undefined {
  if (!request.targetBranch) return undefined;
  return {
    ok: true,
    target: request.targetBranch,
    prNumber: request.prNumber ?? '',
    noDecoration: false,
    decorationScannerTypes: '',
  };
}

export async function startScan(api: PlatformApi, project: Project, scanner: Scanner, request: TriggerRequest): Promise<Triggered> {
  const metaData = request.metaData ?? '';
  const key: StartKey = { projectId: project.id, tool: scanner.slug, branch: request.branch, metaData, ...(request.environment !== undefined ? { environment: request.environment } : {}) };
  const wanted: Wanted = { metaData, environment: request.environment ?? '' };
  const common = {
    ...(request.metaData !== undefined ? { metaData: request.metaData } : {}),
    ...(request.scanTag !== undefined ? { scanTag: request.scanTag } : {}),
    ...(request.environment !== undefined ? { environment: request.environment } : {}),
  };

  if (request.image) {
    const started = await api.scanImage({ projectId: project.id, tool: scanner.slug, image: request.image, branch: request.branch, ...common }, key);
    return { ...handedOn(started), mode: 'image' };
  }
  if (request.file) {
    const started = await api.importScan(
      {
        filePath: request.file,
        project: project.name,
        tool: scanner.slug,
        branch: request.branch,
        ...common,
        ...(request.targetBranch ? { target: request.targetBranch } : {}),
        ...(request.prNumber ? { prNumber: request.prNumber } : {}),
      },
      key,
    );
    return { ...handedOn(started), mode: 'import' };
  }

  const pr = prOptions(request);
  if (pr && request.targetBranch) {
    // A PR/MR scan re-runs an existing configuration with from/to: the source branch's own scan if it has
    // one, else the merge target's, so the platform analyses the change against the target.
    const base =
      (await latestScan(api, project, scanner, request.branch, wanted)) ??
      (await latestScan(api, project, scanner, request.targetBranch, wanted));
    if (base) {
      const started = await api.restartScanWithOption(
        base.id,
        {
          from: request.branch,
          to: request.targetBranch,
          prNumber: request.prNumber ?? '',
          ...(request.environment !== undefined ? { environment: request.environment } : {}),
        },
        key,
      );
      return { ...handedOn(started), mode: 'pr', restartedScanId: base.id };
    }
  } else {
    const previous = await latestScan(api, project, scanner, request.branch, wanted);
    if (previous) {
      const started = await api.restartScan(previous.id, key);
      return { ...handedOn(started), mode: 'rescan', restartedScanId: previous.id };
    }
  }

  const params = await api.listScanparams(project.name, {
    toolId: scanner.id,
    branch: request.branch,
    metaData,
    ...(request.environment !== undefined ? { environment: request.environment } : {}),
    pr: pr !== undefined,
    target: request.targetBranch ?? '',
    limit: 1,
  });
  let scanparams = params.items.find((sp) => sp.branch === request.branch && agrees(sp.metaData, metaData) && agrees(sp.environment, wanted.environment));
  if (!scanparams) {
    if (isRescanOnly(scanner)) return compareWithDefaultBranch(api, project, scanner, request, wanted, key);
    assertNoRequiredParams(project, scanner, request.branch);
    scanparams = await api.createScanparams({
      projectId: project.id,
      toolId: scanner.id,
      branch: request.branch,
      ...common,
      ...(pr ? { pr } : {}),
      custom: { type: scanner.customType, params: null },
    });
  }
  const started = await api.createScan(
    {
      project: project.name,
      branch: request.branch,
      toolId: scanner.id,
      scanparamsId: scanparams.id,
      ...common,
      ...(pr ? { pr } : {}),
      custom: scanparams.custom,
    },
    key,
  );
  return { ...handedOn(started), mode: pr ? 'pr' : 'create' };
}

/**
 * A rescan-only scanner with nothing to re-run on a pushed branch: re-run the latest scan of the project's default
 * branch with from = this branch and to = the default branch, the call `kdt --merge-target` makes. The platform
 * scans this branch and compares it with the default branch; the output says so.
 */
async function compareWithDefaultBranch(
  api: PlatformApi,
  project: Project,
  scanner: Scanner,
  request: TriggerRequest,
  wanted: Wanted,
  key: StartKey,
): Promise<Triggered> {
  const nothing = `project "${project.name}" has no ${scanner.slug} scan or scan configuration on branch "${request.branch}"`;
  const bound = `scanner "${scanner.slug}" is bound to an integration on the platform (rescan-only: CI cannot create its scans)`;
  const defaultBranch = project.defaultBranch;
  const fallbackAllowed = request.defaultBranchFallback !== false && request.targetBranch === undefined && defaultBranch !== '' && defaultBranch !== request.branch;
  if (!fallbackAllowed) {
    const why = request.defaultBranchFallback === false ? ' (default-branch-fallback is off)' : '';
    throw new ConfigError('scanner', `${bound}, and ${nothing}${why}. ${bindSteps(project, scanner, request.branch)}`);
  }
  const base = await latestScan(api, project, scanner, defaultBranch, wanted);
  if (!base) {
    throw new ConfigError('scanner', `${bound}, and ${nothing} nor on the default branch "${defaultBranch}". ${bindSteps(project, scanner, defaultBranch)}`);
  }
  const started = await api.restartScanWithOption(
    base.id,
    { from: request.branch, to: defaultBranch, ...(request.environment !== undefined ? { environment: request.environment } : {}) },
    key,
  );
  const note =
    `no ${scanner.slug} scan or scan configuration on branch "${request.branch}", and the scanner is rescan-only: ` +
    `re-ran the default branch's scan with from "${request.branch}" to "${defaultBranch}", a comparison against the default branch ` +
    `(set default-branch-fallback to false to stop instead)`;
  return { ...handedOn(started), mode: 'compare', restartedScanId: base.id, comparedWith: defaultBranch, note };
}
