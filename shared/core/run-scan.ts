/**
 * The core's entry: resolve → start or resume → wait → gate, for every scanner of the run concurrently,
 * then one combined decision. Everything it needs comes in through `config`, `context` and `deps`; it never
 * exits, never reads the environment, and returns a `RunResult` for the adapters to render.
 */
import type { PlatformApi, Project, Scanner } from '../api/types.js';
import type { RunContext } from '../ci/context.js';
import { ConfigError } from '../errors.js';
import { VERSION } from '../version.js';
import type { ScanConfig } from './config.js';
import type { Clock, Logger, Random } from '../ports.js';
import type { FindingsNeed } from './findings.js';
import type { ReleaseScope } from './release.js';
import { assertCanImport, assertCanScanImage, resolveProject, resolveScanners } from './resolve.js';
import type { ChosenScanner } from './resolve-by-type.js';
import { durationHistory } from './history.js';
import type { ChangeScope, RunResult, ScannerResult } from './result.js';
import type { RunScope } from './change-scope.js';
import type { DiffSource } from '../diff/change-set.js';
import type { ScanOneSettings } from './scan-one.js';

export interface RunDeps {
  api: PlatformApi;
  clock: Clock;
  random: Random;
  logger: Logger;
  /** What the packaging's outputs read of the findings (`findingsNeed`); default: only what the gate needs. */
  findings?: FindingsNeed;
  /** Aborted on SIGINT/SIGTERM: waits stop and the result says where the scan can be followed. */
  signal?: AbortSignal;
  /** Where `changed-only` reads the change: the code host's API or the local checkout (adapters choose). */
  diff?: DiffSource;
}

function releaseScope(config: ScanConfig, scannerTypes: readonly string[]): ReleaseScope | undefined {
  const rc = config.releaseCriteria;
  if (rc.kind === 'off') return undefined;
  if (rc.kind === 'on') return { kind: 'on' };
  if (rc.kind === 'types') return { kind: 'types', types: rc.types };
  return scannerTypes.length > 0 ? { kind: 'scanner', types: scannerTypes } : { kind: 'on' };
}

function projectRequest(config: ScanConfig, context: RunContext): Parameters<typeof resolveProject>[1] {
  const project = config.project ?? '';
  const c = config.createProject;
  if (!c.enabled) return { project };
  const repoUrl = c.repoUrl ?? context.repositoryUrl;
  return {
    project,
    create: {
      ...(repoUrl ? { repoUrl } : {}),
      ...(c.almTool ? { almTool: c.almTool } : {}),
      ...(c.team ? { team: c.team } : {}),
      labels: c.labels,
      ...(c.defaultBranch ? { defaultBranch: c.defaultBranch } : {}),
    },
  };
}

// Everything after the project's request comes from run-steps.js, imported where it is first needed: a bundle's start
// then loads none of it before that first request (the module is loaded once, then served from the module cache).
export async function runScan(config: ScanConfig, context: RunContext, runDeps: RunDeps): Promise<RunResult> {
  // One read of the platform's scan history serves every scanner of the run.
  const deps = { ...runDeps, history: durationHistory(runDeps.api, runDeps.logger) };
  const { api, clock, logger } = deps;
  const startedAt = new Date(clock.now()).toISOString();
  const deadline = clock.now() + config.timeoutMs;
  const isPullRequest = config.targetBranch !== undefined && config.targetBranch !== '';

  let project: Project;
  let results: ScannerResult[];
  let scope: RunScope = { kind: 'off' };

  if (config.mode === 'wait') {
    ({ project, results } = await resumeEvents(config, deps, deadline));
  } else {
    const resolved = await resolveProject(api, projectRequest(config, context));
    project = resolved.project;
    if (resolved.created) logger.info(`created project "${project.name}" on the platform`);
    const branch = config.branch ?? project.defaultBranch;
    if (config.branch === undefined) {
      logger.info(`no branch was given and none could be detected (no CI branch, no git checkout): using the project's default branch "${branch}"; set branch to choose another.`);
    }
    if (config.mode === 'release') {
      results = [await releaseOnly(config, project, branch, deps, deadline)];
    } else {
      const scopeRequest = {
        mode: config.changedOnly,
        fallback: config.changedOnlyFallback,
        isPullRequest,
        sourceBranch: branch,
        ...(isPullRequest ? { targetBranch: config.targetBranch } : {}),
        ...(config.prNumber !== undefined ? { prNumber: String(config.prNumber) } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      };
      // The diff is read while the scanners are resolved, and before any scan starts (fallback fail stops the run).
      const { readScope, scanOne, sharedReleaseReads } = await import('./run-steps.js');
      let scanners: ChosenScanner[];
      [scanners, scope] = await Promise.all([chooseScanners(config, project, branch, deps), readScope(scopeRequest, deps.diff, logger)]);
      const settings = { ...scanSettings(config, deadline, isPullRequest), ...(deps.findings ? { findings: deps.findings } : {}), scope };
      const ticket = sharedReleaseReads(scanners.length);
      const request = {
        branch,
        ...(isPullRequest ? { targetBranch: config.targetBranch } : {}),
        ...(config.prNumber !== undefined ? { prNumber: String(config.prNumber) } : {}),
        ...(config.metaData !== undefined ? { metaData: config.metaData } : {}),
        ...(config.scanTag !== undefined ? { scanTag: config.scanTag } : {}),
        ...(config.environment ? { environment: config.environment } : {}),
        ...(config.file ? { file: config.file } : {}),
        ...(config.image ? { image: config.image } : {}),
        defaultBranchFallback: config.defaultBranchFallback,
      };
      results = await runAll(
        scanners.map(({ scanner, reason }) => () =>
          scanOne(
            { project, scanner, request, ...(reason ? { chosenBecause: reason } : {}) },
            { ...settings, releaseScope: releaseScope(config, [scanner.type]) },
            { ...deps, release: ticket() },
          ),
        ),
      );
    }
  }

  const { combinedExitCode, combinedStatus, summarize } = await import('./run-steps.js');
  return {
    status: combinedStatus(results),
    exitCode: combinedExitCode(results),
    project: { id: project.id, name: project.name, ...(project.link ? { link: project.link } : {}) },
    branch: results[0]?.branch ?? config.branch ?? project.defaultBranch,
    ...(isPullRequest ? { targetBranch: config.targetBranch } : {}),
    ...(config.prNumber !== undefined ? { pullRequest: String(config.prNumber) } : {}),
    scanners: results,
    summary: summarize(results),
    warnOnly: config.warnOnly,
    newFindingsOnly: config.newFindingsOnly,
    ...(scope.kind === 'off' ? {} : { changedOnly: changeScope(scope) }),
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    ...((project.link ?? context.jobUrl) ? { reportUrl: project.link ?? context.jobUrl } : {}),
    toolVersion: VERSION,
  };
}

function changeScope(scope: Exclude<RunScope, { kind: 'off' }>): ChangeScope {
  if (scope.kind === 'unscoped') return { mode: scope.mode, applied: false, detail: scope.why };
  return { mode: scope.mode, applied: true, detail: scope.changes.source, files: scope.changes.files.size };
}

/** The named scanners (their type an assertion), or the project's scanners of the asked types, with why. */
async function chooseScanners(config: ScanConfig, project: Project, branch: string, deps: RunDeps): Promise<ChosenScanner[]> {
  const chosen = await resolveChosen(config, project, branch, deps);
  if (config.file !== undefined) for (const { scanner } of chosen) assertCanImport(scanner);
  if (config.image !== undefined) for (const { scanner } of chosen) assertCanScanImage(scanner);
  return chosen;
}

async function resolveChosen(config: ScanConfig, project: Project, branch: string, deps: RunDeps): Promise<ChosenScanner[]> {
  if (config.scanners.length > 0) return (await resolveScanners(deps.api, config.scanners, config.scannerTypes)).map((scanner) => ({ scanner }));
  const { resolveScannersByType } = await import('./run-steps.js');
  const chosen = await resolveScannersByType(
    deps.api,
    project,
    { types: config.scannerTypes, branches: [branch, config.targetBranch ?? '', project.defaultBranch], metaData: config.metaData ?? '' },
    deps.clock,
  );
  const types = config.scannerTypes.map((t) => t.toUpperCase()).join(', ');
  for (const { scanner, reason } of chosen) deps.logger.info(`scanner-type ${types}: ${scanner.slug} (${reason ?? 'named'})`);
  return chosen;
}

function scanSettings(config: ScanConfig, deadline: number, isPullRequest: boolean): Omit<ScanOneSettings, 'releaseScope'> {
  return {
    gate: {
      thresholds: config.thresholds,
      newFindingsOnly: config.newFindingsOnly,
      failOnRiskIncrease: config.failOnRiskIncrease,
      warnOnly: config.warnOnly,
    },
    onTimeout: config.onTimeout,
    onError: config.onError,
    deadline,
    async: config.async,
    ...(isPullRequest && config.targetBranch ? { baselineBranch: config.targetBranch } : {}),
  };
}

/**
 * Run every scanner concurrently and wait for all of them, so that one scanner's configuration error does
 * not leave the others' requests dangling; the first configuration error is then thrown.
 */
async function runAll(tasks: readonly (() => Promise<ScannerResult>)[]): Promise<ScannerResult[]> {
  const settled = await Promise.allSettled(tasks.map((task) => task()));
  const results: ScannerResult[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    results.push(outcome.value);
  }
  return results;
}

/** `wait` mode: resume events started earlier (for example with `async`), then gate as usual. */
async function resumeEvents(config: ScanConfig, deps: RunDeps, deadline: number): Promise<{ project: Project; results: ScannerResult[] }> {
  const { api } = deps;
  let project: Project | undefined = config.project ? (await resolveProject(api, { project: config.project })).project : undefined;
  const settings = { ...scanSettings(config, deadline, config.targetBranch !== undefined && config.targetBranch !== ''), ...(deps.findings ? { findings: deps.findings } : {}) };
  const { scanOne } = await import('./run-steps.js');
  const tasks = config.eventIds.map((eventId) => async (): Promise<ScannerResult> => {
    // Until the event has finished, all that is known of it is its id.
    const unknownScanner: Scanner = { id: '', slug: `event-${eventId}`, displayName: '', type: '', labels: [], customType: 0, disabled: false, params: {} };
    const unknownProject: Project = project ?? { id: '', name: '', defaultBranch: '', labels: [] };
    return scanOne(
      {
        project: unknownProject,
        scanner: unknownScanner,
        request: { branch: config.branch ?? '' },
        eventId,
        identify: async (scan) => {
          project ??= (await resolveProject(api, { project: scan.project })).project;
          const [scanner] = await resolveScanners(api, [scan.tool], []);
          return { project, scanner: scanner ?? unknownScanner, releaseScope: releaseScope(config, [scan.scannerType]) };
        },
      },
      { ...settings, releaseScope: undefined },
      deps,
    );
  });
  const results = await runAll(tasks);
  if (!project) throw new ConfigError('event-id', 'none of the events could be read; give project as well, or check the event ids.');
  return { project, results };
}

/** `release` mode: only the project's release criteria for the branch. */
async function releaseOnly(config: ScanConfig, project: Project, branch: string, deps: RunDeps, deadline: number): Promise<ScannerResult> {
  const { clock } = deps;
  const { evaluateGate, gateStatus, readReleaseStatus, summarizeRelease } = await import('./run-steps.js');
  const started = clock.now();
  const scope = releaseScope(config, []) ?? { kind: 'on' as const };
  const status = await readReleaseStatus(deps.api, project.name, branch, { clock, deadline, ...(deps.signal ? { signal: deps.signal } : {}) });
  const release = summarizeRelease(status, scope);
  const reasons = evaluateGate(
    { thresholds: {}, newFindingsOnly: false, failOnRiskIncrease: false, warnOnly: config.warnOnly },
    { release },
  );
  const end = clock.now();
  return {
    scanner: 'release-criteria',
    scannerType: '',
    status: gateStatus(reasons),
    mode: 'release',
    branch,
    // No scan, nothing counted: the counts are unknown (left out), not zeros that would read as a clean branch.
    release,
    reasons,
    findings: [],
    findingsTruncated: false,
    links: project.link ? { project: project.link } : {},
    timings: { startedAt: new Date(started).toISOString(), finishedAt: new Date(end).toISOString(), durationMs: end - started },
  };
}
