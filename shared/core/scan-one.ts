/**
 * One scanner's whole path: start (or resume) → wait → read the scan and its findings → gate.
 * Platform trouble for one scanner becomes that scanner's `error`/`timeout` result, so the other scanners of
 * the run still report; configuration errors are thrown (they stop the run with exit 2).
 */
import type { PlatformApi, Project, ReleaseStatus, Scan, Scanner } from '../api/types.js';
import { ConfigError, DeadlineError, CancelledError, describeError, InternalError } from '../errors.js';
import { durationHistory, type DurationHistory } from './history.js';
import { countBySeverity, gatherFindings, MAX_FIXED_LISTED, type FindingsNeed } from './findings.js';
import { scopeFindings, scopeSentence, type RunScope } from './change-scope.js';
import { evaluateGate, gateStatus, type GateSettings } from './gate.js';
import type { Clock, Logger, Random } from '../ports.js';
import { readReleaseStatus, summarizeRelease, type ReleaseScope, type ReleaseTicket } from './release.js';
import type { GateReason, ScannerResult } from './result.js';
import { startScan, type TriggerRequest } from './trigger.js';
import { waitForEvent } from './wait.js';

export type FailurePolicy = 'fail' | 'warn' | 'pass';

export interface ScanOneDeps {
  api: PlatformApi;
  clock: Clock;
  random: Random;
  logger: Logger;
  signal?: AbortSignal;
  /** The platform's scan durations, read once per run (the waiter's hint). */
  history?: DurationHistory;
  /** This scanner's share of the run's one release read (read directly when absent). */
  release?: ReleaseTicket;
}

export interface ScanOneSettings {
  gate: GateSettings;
  /** Undefined when release criteria are off. */
  releaseScope?: ReleaseScope;
  onTimeout: FailurePolicy;
  onError: FailurePolicy;
  deadline: number;
  async: boolean;
  /** Compare with the merge target's findings to tell new from existing, and to find the fixed ones. */
  baselineBranch?: string;
  /** What the run's outputs read of the findings; default: none (the gate adds the new counts it counts). */
  findings?: FindingsNeed;
  /** `changed-only`: the change the gate is limited to (read once per run). */
  scope?: RunScope;
}

export interface ScanOneTarget {
  project: Project;
  scanner: Scanner;
  request: TriggerRequest;
  /** Why the scanner was chosen by type (`last scanned on main 2 days ago`); unset when it was named. */
  chosenBecause?: string;
  /** Resume this event instead of starting a scan (`wait` mode). */
  eventId?: string;
  /** `wait` mode: learn project, scanner and release scope from the finished scan. */
  identify?: (scan: Scan) => Promise<{ project: Project; scanner: Scanner; releaseScope: ReleaseScope | undefined }>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function policyOutcome(policy: FailurePolicy): GateReason['outcome'] {
  return policy === 'fail' ? 'fail' : policy === 'warn' ? 'warn' : 'pass';
}

export async function scanOne(target: ScanOneTarget, settings: ScanOneSettings, deps: ScanOneDeps): Promise<ScannerResult> {
  const { api, clock, logger } = deps;
  let { project, scanner } = target;
  const { request } = target;
  let releaseScope = settings.releaseScope;
  let tag = `[${scanner.slug}]`;
  const startedMs = clock.now();
  const result: ScannerResult = {
    scanner: scanner.slug,
    scannerType: scanner.type,
    status: 'passed',
    mode: target.eventId ? 'wait' : 'create',
    branch: request.branch,
    ...(request.targetBranch ? { targetBranch: request.targetBranch } : {}),
    ...(target.chosenBecause ? { chosenBecause: target.chosenBecause } : {}),
    // No counts and no new-findings split until a finished scan is read: a scanner that errs or times out before
    // (or is not waited for) has none, not zeros.
    reasons: [],
    findings: [],
    findingsTruncated: false,
    links: project.link ? { project: project.link } : {},
    timings: { startedAt: iso(startedMs), finishedAt: iso(startedMs), durationMs: 0 },
  };
  const finish = (): ScannerResult => {
    // Whatever happened, the run's release read no longer waits for this scanner.
    deps.release?.leave();
    const end = clock.now();
    result.timings = { startedAt: iso(startedMs), finishedAt: iso(end), durationMs: end - startedMs };
    return result;
  };

  try {
    const history = deps.history ?? durationHistory(api, logger);
    let eventId = target.eventId;
    if (eventId === undefined) {
      const triggered = await startScan(api, project, scanner, request);
      // The guard read the completed list just before the start: the waiter's history needs no read of its own.
      if (triggered.completedBefore) history.known(triggered.completedBefore);
      eventId = triggered.eventId;
      result.mode = triggered.mode;
      if (triggered.comparedWith !== undefined) result.targetBranch = triggered.comparedWith;
      if (triggered.note !== undefined) {
        result.note = triggered.note;
        logger.info(`${tag} ${triggered.note}`);
      }
      logger.info(`${tag} ${triggered.mode === 'rescan' ? 'restarted the latest scan' : `started (${triggered.mode})`}: event ${eventId}`);
    }
    result.eventId = eventId;
    if (settings.async) {
      result.status = 'skipped';
      result.reasons.push({ rule: 'timeout', outcome: 'pass', message: `started without waiting (async), event ${eventId}` });
      return finish();
    }

    let lastText = '';
    const { event } = await waitForEvent(api, eventId, {
      deadline: settings.deadline,
      expectedDuration: () => history.estimate(project.id, scanner.slug, request.branch),
      clock,
      random: deps.random,
      ...(deps.signal ? { signal: deps.signal } : {}),
      onPoll: (ev, elapsedMs) => {
        if (ev.link) result.links.event = ev.link;
        const text = ev.statusText || `status ${ev.status}`;
        if (text !== lastText) logger.info(`${tag} ${Math.round(elapsedMs / 1000)}s  ${text}`);
        lastText = text;
      },
    });
    result.scanId = event.scanId;
    const scan = await api.getScan(event.scanId);
    if (target.identify) {
      ({ project, scanner, releaseScope } = await target.identify(scan));
      result.scanner = scanner.slug;
      result.scannerType = scanner.type;
      if (project.link) result.links.project = project.link;
      tag = `[${scanner.slug}]`;
    }
    result.counts = scan.summary;
    result.riskScore = scan.score;
    result.branch = scan.branch || result.branch;
    if (scan.link) result.links.scan = scan.link;

    // Counts and score come from the scan summary; findings are read only as far as the outputs need them, all
    // of them when changed-only places them in the change, and the new/existing split when the gate counts it.
    const need = settings.findings ?? { all: false, top: 0, newCounts: false };
    const gathered = await gatherFindings(api, {
      projectId: project.id,
      scanner,
      branch: result.branch,
      counts: result.counts,
      ...(settings.baselineBranch ? { baselineBranch: settings.baselineBranch } : {}),
      need: { ...need, all: need.all || settings.scope?.kind === 'scoped', newCounts: need.newCounts || settings.gate.newFindingsOnly },
    });
    result.findings = gathered.findings;
    result.findingsTruncated = gathered.truncated;
    // Not read (no output shows the split, the gate does not count it): left unset, unknown rather than zero.
    if (gathered.newCounts) result.newCounts = gathered.newCounts;
    if (gathered.fixed) {
      result.fixedCounts = countBySeverity(gathered.fixed);
      result.fixedFindings = gathered.fixed.slice(0, MAX_FIXED_LISTED);
      const n = gathered.fixed.length;
      if (n > 0) logger.info(`${tag} ${n} ${n === 1 ? 'finding' : 'findings'} of ${settings.baselineBranch ?? 'the target'} fixed by this change`);
    }
    let gateCounts = result.counts;
    let gateNewCounts = result.newCounts;
    if (settings.scope?.kind === 'scoped') {
      const scoped = scopeFindings(result.findings, settings.scope, result.findingsTruncated);
      gateCounts = scoped.counts;
      gateNewCounts = scoped.newCounts;
      result.scope = scoped.summary;
      logger.info(`${tag} ${scopeSentence(scoped.summary)}`);
    }

    let risk: { current: number; previous?: number } | undefined;
    if (settings.gate.failOnRiskIncrease) {
      const last = await api.lastResults(scan.id);
      risk = { current: last.last?.score ?? scan.score, ...(last.previous ? { previous: last.previous.score } : {}) };
      if (last.previous) result.previousRiskScore = last.previous.score;
    }
    if (releaseScope) {
      const releaseProject = scan.infraSourceProjectId || scan.project || project.name;
      const read = (): Promise<ReleaseStatus> =>
        readReleaseStatus(api, releaseProject, result.branch, {
          clock,
          deadline: settings.deadline,
          ...(deps.signal ? { signal: deps.signal } : {}),
        });
      const status = await (deps.release ? deps.release.read(`${releaseProject}\u0000${result.branch}`, read) : read());
      result.release = summarizeRelease(status, releaseScope);
    }
    result.reasons = evaluateGate(result.scope ? { ...settings.gate, scope: result.scope.mode } : settings.gate, {
      counts: gateCounts,
      newCounts: gateNewCounts,
      ...(risk ? { risk } : {}),
      ...(result.release ? { release: result.release } : {}),
    });
    result.status = gateStatus(result.reasons);
    return finish();
  } catch (err) {
    // Settings to fix and bugs stop the run: neither is this scanner's platform trouble for on-error to excuse.
    if (err instanceof ConfigError || err instanceof InternalError) {
      deps.release?.leave();
      throw err;
    }
    // A page that exists: the scan, else the project (an event has no page of its own).
    const follow = result.links.scan ?? result.links.project;
    const started = result.eventId !== undefined;
    const where = started
      ? ` Resume with: invicti-appsec wait --event-id ${result.eventId}.${follow ? ` Follow it at ${follow}` : ''}`
      : '';
    if (err instanceof DeadlineError) {
      result.status = 'timeout';
      result.error = started ? `${err.message}; the scan goes on on the platform.${where}` : `${err.message}; no scan was started.`;
      result.reasons.push({ rule: 'timeout', outcome: policyOutcome(settings.onTimeout), message: result.error });
    } else {
      result.status = 'error';
      result.error =
        err instanceof CancelledError
          ? started
            ? `cancelled; the scan goes on on the platform.${where}`
            : 'cancelled before a scan was started.'
          : `${describeError(err)}${where}`;
      result.reasons.push({ rule: 'error', outcome: policyOutcome(settings.onError), message: result.error });
    }
    logger.error(`${tag} ${result.error}`);
    return finish();
  }
}
