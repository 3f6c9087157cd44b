export const id = 638;
export const ids = [638];
export const modules = {

/***/ 657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   No: () => (/* binding */ scopeFindings),
/* harmony export */   hx: () => (/* binding */ readScope),
/* harmony export */   i9: () => (/* binding */ scopeSentence)
/* harmony export */ });
/* harmony import */ var _diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(217);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(208);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(641);



/** Read the change once for the run; under fallback `fail`, a diff that cannot be had stops the run (exit 2). */
async function readScope(request, diff, logger) {
    const mode = request.mode;
    if (mode === 'off')
        return { kind: 'off' };
    const unscoped = (why) => {
        if (request.fallback === 'fail') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('changed-only', `cannot limit the gate to the change: ${why}. Give the code-host token, fetch the target branch in the checkout, or set changed-only-fallback to unscoped.`);
        }
        logger.warn(`changed-only ${mode}: ${why}; the gate counts all findings (changed-only-fallback is unscoped)`);
        return { kind: 'unscoped', mode, why };
    };
    if (!request.isPullRequest || !request.targetBranch) {
        logger.info(`changed-only ${mode} applies to pull/merge request runs; this run counts all findings`);
        return { kind: 'unscoped', mode, why: 'not a pull/merge request run' };
    }
    if (!diff)
        return unscoped('no way to read the diff here (no code-host token and no git checkout)');
    try {
        const changes = await diff.changes({
            targetBranch: request.targetBranch,
            sourceBranch: request.sourceBranch,
            ...(request.prNumber ? { number: request.prNumber } : {}),
            ...(request.signal ? { signal: request.signal } : {}),
        });
        logger.info(`changed-only ${mode}: ${changes.files.size} changed files, from the ${changes.source}`);
        return { kind: 'scoped', mode, changes };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL)
            throw err;
        const why = err instanceof _diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL ? err.message : `the diff could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)})`;
        return unscoped(why);
    }
}
/**
 * Mark each finding in or out of the change and count what the gate sees: findings in the change, and findings
 * without a file location. `truncated` says the platform had more findings than were fetched.
 */
function scopeFindings(findings, scope, truncated) {
    const counts = (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .zeroCounts */ .N)();
    const newCounts = (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .zeroCounts */ .N)();
    const summary = { mode: scope.mode, source: scope.changes.source, inChange: 0, outside: 0, unlocated: 0, ...(truncated ? { partial: true } : {}) };
    for (const f of findings) {
        const located = f.path !== undefined && f.path !== '';
        if (located) {
            f.inChange = (0,_diff_change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .touches */ .yI)(scope.changes, scope.mode, f.path ?? '', f.line);
            if (!f.inChange) {
                summary.outside += 1;
                continue;
            }
            summary.inChange += 1;
        }
        else
            summary.unlocated += 1;
        counts[f.severity] += 1;
        if (f.isNew)
            newCounts[f.severity] += 1;
    }
    return { counts, newCounts, summary };
}
/** One sentence on the scope of a scanner's gate, for logs and reports. */
function scopeSentence(s) {
    const where = s.mode === 'lines' ? 'on the changed lines' : 'in the changed files';
    const parts = [`${s.inChange} ${where}`, `${s.outside} outside the change (not counted)`];
    if (s.unlocated > 0)
        parts.push(`${s.unlocated} without a file location (counted as usual)`);
    return `changed-only ${s.mode}: ${parts.join(', ')}${s.partial ? '; only the findings fetched were placed' : ''}`;
}


/***/ }),

/***/ 447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   XT: () => (/* binding */ countedReleaseFailures),
/* harmony export */   _O: () => (/* binding */ gateStatus)
/* harmony export */ });
/* harmony import */ var _api_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(190);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(208);
/**
 * The merge gate: pure functions from what a scan found to the reasons it passes or fails.
 * Every rule that was asked for is reported (passing ones too), in a fixed order, so that reports and JUnit
 * test cases are stable from run to run (the official CLI stops at the first failure, in random order).
 */


const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function evaluateGate(settings, input) {
    const reasons = [];
    const failOutcome = settings.warnOnly ? 'warn' : 'fail';
    const counts = settings.newFindingsOnly ? input.newCounts : input.counts;
    const limited = _api_types_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.some((severity) => settings.thresholds[severity] !== undefined);
    // The caller reads what the thresholds count (scan-one: the scan's counts, and the split under new-findings-only);
    // a gate on unknown counts would be a guess, so a caller that did not is a bug.
    if (limited && counts === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InternalError */ .Gd(`the gate has thresholds but the ${settings.newFindingsOnly ? 'new-findings ' : ''}counts were not read`);
    }
    const adjective = settings.newFindingsOnly ? 'new ' : '';
    const where = settings.scope === 'lines' ? ' on the changed lines' : settings.scope === 'files' ? ' in the changed files' : '';
    for (const severity of _api_types_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC) {
        const limit = settings.thresholds[severity];
        if (limit === undefined || counts === undefined)
            continue;
        const actual = counts[severity];
        const over = actual > limit;
        reasons.push({
            rule: `threshold-${severity}`,
            outcome: over ? failOutcome : 'pass',
            actual,
            limit,
            message: over
                ? `${plural(actual, `${adjective}${severity} finding`)}${where}, more than the allowed ${limit}`
                : `${plural(actual, `${adjective}${severity} finding`)}${where}, within the allowed ${limit}`,
        });
    }
    if (settings.failOnRiskIncrease && input.risk) {
        const { current, previous } = input.risk;
        if (previous === undefined) {
            reasons.push({ rule: 'risk-score', outcome: 'pass', actual: current, message: `risk score ${current} (first scan, nothing to compare)` });
        }
        else {
            const up = current > previous;
            reasons.push({
                rule: 'risk-score',
                outcome: up ? failOutcome : 'pass',
                actual: current,
                limit: previous,
                message: up ? `risk score rose from ${previous} to ${current}` : `risk score ${current} (previous ${previous})`,
            });
        }
    }
    if (input.release) {
        const failing = input.release.failingTypes;
        const failed = failing.length > 0;
        reasons.push({
            rule: 'release-criteria',
            outcome: failed ? failOutcome : 'pass',
            message: `${failed ? `release criteria fail for ${upper(failing)}` : releasePassMessage(input.release)}${
            // Thresholds then count new findings only, but the project's criteria judge every open finding.
            settings.newFindingsOnly ? '; release criteria judge all open findings, old ones too, even with new-findings-only (release-criteria off skips them)' : ''}`,
        });
    }
    return reasons;
}
const upper = (types) => types.map((t) => t.toUpperCase()).join(', ');
/** Why release criteria did not fail this run, saying so when other types fail outside its scope. */
function releasePassMessage(release) {
    const elsewhere = Object.entries(release.types)
        .filter(([, status]) => status === 'fail')
        .map(([type]) => type)
        .sort();
    if (elsewhere.length > 0) {
        return release.scope === 'types'
            ? `release criteria pass for the listed types (${upper(elsewhere)} fail outside the listed types)`
            : `release criteria pass for this scanner's type (${upper(elsewhere)} fail outside its scope)`;
    }
    if (release.status === '' || release.status === 'undefined')
        return 'no release criteria set on the project';
    return `release criteria: ${release.status}`;
}
/** The status a set of gate reasons gives. */
function gateStatus(reasons) {
    if (reasons.some((r) => r.outcome === 'fail'))
        return 'failed';
    if (reasons.some((r) => r.outcome === 'warn'))
        return 'warned';
    return 'passed';
}
/**
 * Which failing release types count for this run. `on`: all of them (and a bare overall `fail` too);
 * `scanner`: only the types of this run's scanners; a list: only those types.
 */
function countedReleaseFailures(scope, overall, perType) {
    const failing = Object.entries(perType)
        .filter(([, status]) => status === 'fail')
        .map(([type]) => type)
        .sort();
    if (scope.kind === 'on') {
        // The platform can say `fail` without naming a type; under `on` that still fails, and says so.
        if (failing.length === 0 && overall === 'fail')
            return ['overall'];
        return failing;
    }
    const wanted = new Set(scope.types.map((t) => t.toLowerCase()));
    return failing.filter((t) => wanted.has(t));
}


/***/ }),

/***/ 931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ summarizeRelease),
/* harmony export */   _z: () => (/* binding */ sharedReleaseReads),
/* harmony export */   hu: () => (/* binding */ gatedReleaseStatus),
/* harmony export */   i8: () => (/* binding */ readReleaseStatus)
/* harmony export */ });
/* unused harmony export DEFAULT_RELEASE_POLICY */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(208);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(447);


const DEFAULT_RELEASE_POLICY = { firstDelayMs: 500, maxDelayMs: 5_000 };
async function readReleaseStatus(api, project, branch, options) {
    const policy = options.policy ?? DEFAULT_RELEASE_POLICY;
    let delay = policy.firstDelayMs;
    for (;;) {
        const status = await api.releaseStatus(project, branch);
        if (status.progressStatus !== 'in_progress')
            return status;
        const remaining = options.deadline - options.clock.now();
        if (remaining <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeadlineError */ .j3('release criteria were still being computed when the timeout was reached');
        if (options.signal?.aborted)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .abortedError */ .ip)(options.signal);
        await options.clock.sleep(Math.min(delay, remaining), options.signal).catch((err) => {
            if (options.signal?.aborted)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .abortedError */ .ip)(options.signal);
            throw err;
        });
        delay = Math.min(policy.maxDelayMs, delay * 2);
    }
}
/**
 * The release status of a project and branch, read once for all the scanners of a run, after the last of them
 * has finished: release criteria reflect every scan of the run, and N scanners cost one read instead of N.
 */
function sharedReleaseReads(scanners) {
    let waiting = scanners;
    let open;
    const everyone = new Promise((resolve) => (open = resolve));
    if (waiting <= 0)
        open();
    const reads = new Map();
    return () => {
        let left = false;
        const leave = () => {
            if (left)
                return;
            left = true;
            waiting -= 1;
            if (waiting === 0)
                open();
        };
        return {
            leave,
            async read(key, read) {
                leave();
                await everyone;
                let status = reads.get(key);
                if (status === undefined)
                    reads.set(key, (status = read()));
                return status;
            },
        };
    };
}
function summarizeRelease(status, scope) {
    const types = {};
    // The platform says `undefined` for "no criteria set": that word must not reach a report as if it were a value.
    const word = (value) => (value === 'undefined' ? '' : value);
    for (const [type, value] of Object.entries(status.types))
        types[type] = word(value.status);
    return { status: word(status.status), types, failingTypes: (0,_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .countedReleaseFailures */ .XT)(scope, status.status, types), scope: scope.kind };
}
/**
 * One scanner's release status as its gate line reads it, in the platform's words (`success`, `fail`): `fail`
 * only when a failure counted for it; a project that fails only outside the scanner's scope is `success` for
 * it; `` when no criteria are set.
 */
function gatedReleaseStatus(release) {
    if (release === undefined)
        return '';
    if (release.failingTypes.length > 0)
        return 'fail';
    return release.status === 'fail' ? 'success' : release.status;
}


/***/ }),

/***/ 638:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  combinedExitCode: () => (/* reexport */ combinedExitCode),
  combinedStatus: () => (/* reexport */ combinedStatus),
  evaluateGate: () => (/* reexport */ gate/* evaluateGate */.DR),
  gateStatus: () => (/* reexport */ gate/* gateStatus */._O),
  readReleaseStatus: () => (/* reexport */ release/* readReleaseStatus */.i8),
  readScope: () => (/* reexport */ change_scope/* readScope */.hx),
  resolveScannersByType: () => (/* reexport */ resolveScannersByType),
  scanOne: () => (/* reexport */ scanOne),
  sharedReleaseReads: () => (/* reexport */ release/* sharedReleaseReads */._z),
  summarize: () => (/* reexport */ summarize),
  summarizeRelease: () => (/* reexport */ release/* summarizeRelease */.Np)
});

// EXTERNAL MODULE: ./build/shared/errors.js + 1 modules
var errors = __webpack_require__(208);
;// CONCATENATED MODULE: ./build/shared/core/combine.js
/**
 * One decision from several scanners' results: the overall status and the exit code.
 * An error or timeout under a `fail` policy (exit 3) outranks a failed gate (exit 1): a pipeline that lets
 * exit 1 through (`allow_failure: exit_codes: [1]`) must not also let a broken run through.
 */

const STATUS_ORDER = ['error', 'timeout', 'failed', 'warned', 'passed', 'skipped'];
function combinedStatus(results) {
    if (results.length === 0)
        return 'skipped';
    if (results.every((r) => r.status === 'skipped'))
        return 'skipped';
    for (const status of STATUS_ORDER)
        if (results.some((r) => r.status === status))
            return status;
    return 'passed';
}
function combinedExitCode(results) {
    const brokenAndFailing = results.some((r) => (r.status === 'error' || r.status === 'timeout') && r.reasons.some((reason) => reason.outcome === 'fail'));
    if (brokenAndFailing)
        return errors/* EXIT_CODES */.ai.platform;
    if (results.some((r) => r.status === 'failed'))
        return errors/* EXIT_CODES */.ai.gateFailed;
    return errors/* EXIT_CODES */.ai.passed;
}
/** A one-line summary: the failing reasons first, else the overall status. */
function summarize(results) {
    const lines = [];
    for (const r of results) {
        const bad = r.reasons.filter((reason) => reason.outcome !== 'pass');
        if (bad.length > 0)
            lines.push(`${r.scanner}: ${bad.map((b) => b.message).join('; ')}`);
    }
    const status = combinedStatus(results);
    return lines.length > 0 ? `${status}: ${lines.join(' | ')}` : `${status}: ${results.map((r) => `${r.scanner} ${r.status}`).join(', ') || 'nothing to do'}`;
}

// EXTERNAL MODULE: ./build/shared/core/change-scope.js
var change_scope = __webpack_require__(657);
// EXTERNAL MODULE: ./build/shared/core/gate.js
var gate = __webpack_require__(447);
// EXTERNAL MODULE: ./build/shared/core/release.js
var release = __webpack_require__(931);
;// CONCATENATED MODULE: ./build/shared/core/resolve-by-type.js

const UNITS = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
];
/** "2 days ago", "1 hour ago", "just now". */
function ago(ms) {
    for (const [size, unit] of UNITS) {
        const n = Math.floor(ms / size);
        if (n >= 1)
            return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
    }
    return 'just now';
}
async function usage(api, project, scanner, branches, metaData, now) {
    for (const branch of branches) {
        const [scan] = (await api.listScans(project.name, { tool: scanner.slug, branch, metaData, limit: 1 })).items;
        if (scan) {
            const when = Date.parse(scan.date);
            return `last scanned on ${branch}${Number.isNaN(when) ? '' : ` ${ago(now - when)}`}`;
        }
        const [saved] = (await api.listScanparams(project.name, { toolId: scanner.id, branch, metaData, limit: 1 })).items;
        if (saved)
            return `saved scan configuration on ${branch}`;
    }
    return undefined;
}
const upper = (types) => types.map((t) => t.toUpperCase()).join('/');
/** The project's scanners grouped by type (`sast: codethreat, semgrep; dast: saltsecurity`), from its scans. */
async function projectScannersByType(api, project) {
    const scans = (await api.listScans(project.name, { limit: 100 })).items;
    const byType = new Map();
    for (const scan of scans) {
        const type = scan.scannerType.toLowerCase() || 'unknown';
        byType.set(type, (byType.get(type) ?? new Set()).add(scan.tool));
    }
    if (byType.size === 0)
        return `Project "${project.name}" has no scans yet.`;
    const groups = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, tools]) => `${type}: ${[...tools].sort().join(', ')}`);
    return `Project "${project.name}" uses ${groups.join('; ')}.`;
}
async function resolveScannersByType(api, project, request, clock) {
    const types = request.types.map((t) => t.toLowerCase());
    const branches = [...new Set(request.branches.filter((b) => b !== ''))];
    const active = (await api.listActiveScanners({ types, limit: 0 })).items.filter((s) => !s.disabled && types.includes(s.type.toLowerCase()));
    const now = clock.now();
    const reasons = await Promise.all(active.map((scanner) => usage(api, project, scanner, branches, request.metaData, now)));
    const chosen = [];
    active.forEach((scanner, i) => {
        const reason = reasons[i];
        if (reason !== undefined)
            chosen.push({ scanner, reason });
    });
    if (chosen.length > 0)
        return chosen;
    const where = branches.map((b) => `"${b}"`).join(' or ');
    const available = active.length > 0 ? ` Active ${upper(types)} scanners on the platform: ${active.map((s) => s.slug).join(', ')}.` : ` The platform has no active ${upper(types)} scanner.`;
    const example = active[0]?.slug ?? 'its-slug';
    throw new errors/* ConfigError */.xL('scanner-type', `project "${project.name}" uses no active ${upper(types)} scanner: none has a scan or a saved scan configuration on ${where}. ${await projectScannersByType(api, project)}${available} Set scanner to a slug (such as ${example}) to run it and save its configuration, or run it once on the project from the platform.`);
}

// EXTERNAL MODULE: ./build/shared/core/history.js
var core_history = __webpack_require__(402);
// EXTERNAL MODULE: ./build/shared/core/findings.js
var findings = __webpack_require__(478);
// EXTERNAL MODULE: ./build/shared/api/paging.js
var paging = __webpack_require__(967);
// EXTERNAL MODULE: ./build/shared/core/resolve.js
var resolve = __webpack_require__(234);
;// CONCATENATED MODULE: ./build/shared/core/trigger.js



/** What a start hands on: its event, and the completed list its guard read. */
const handedOn = (started) => ({
    eventId: started.eventId,
    ...(started.completedBefore ? { completedBefore: started.completedBefore } : {}),
});
/** Scans read per lookup page, and at most this many: a branch's scans with other meta data are few. */
const LOOKUP_PAGE = 20;
const LOOKUP_CAP = 100;
/** A field the platform did not return cannot disagree; one it returned must be what was asked for. */
const agrees = (got, want) => got === undefined || got === want;
/**
 * The latest scan of the branch with exactly the meta data and environment meant. Both are sent as filters; a
 * platform that reads an empty filter as "any" returns other scans too, so each answer is checked, and pages are
 * read (by the items received, up to the total) until one matches.
 */
async function latestScan(api, project, scanner, branch, wanted) {
    const matches = (s) => s.branch === branch && s.metaData === wanted.metaData && agrees(s.environment, wanted.environment);
    const { items } = await (0,paging/* readPages */.n)((start, limit) => api.listScans(project.name, { tool: scanner.slug, branch, metaData: wanted.metaData, environment: wanted.environment, limit, ...(start > 0 ? { start } : {}) }), { pageSize: LOOKUP_PAGE, cap: LOOKUP_CAP, concurrency: 1, enough: (page) => page.some(matches) });
    return items.find(matches);
}
/** The platform's steps to create a scanner's scan once by hand, filling in what CI cannot. */
function createOnceSteps(project, scanner, branch, fillIn, save = 'save') {
    return (`Create the scan once in Invicti AppSec: open project "${project.name}", Settings > Scanners, choose ` +
        `${scanner.type.toUpperCase()} > ${scanner.displayName || scanner.slug}, Add, fill in ${fillIn} and Branch "${branch}", and ${save}. ` +
        'CI re-runs it from then on.');
}
/** The setup steps for a scanner whose scans are bound to an integration (the seeds' "Bind to"). */
function bindSteps(project, scanner, branch) {
    const bindTo = `"Bind to" (the ${scanner.displayName || scanner.slug} project or scan to bind to)`;
    return createOnceSteps(project, scanner, branch, bindTo, 'save (Scheduler: Now)');
}
/**
 * A new configuration carries no scanner parameters (there is no setting for them), so a scanner that declares
 * one required (not optional, no default value) cannot get one from CI: stop before the create, naming them,
 * instead of a platform 400 or a scan made without them.
 */
function assertNoRequiredParams(project, scanner, branch) {
    const missing = Object.entries(scanner.params)
        .filter(([, p]) => !p.optional && p.defaultValue === '')
        .map(([key, p]) => (p.description ? `${key} (${p.description})` : key))
        .sort();
    if (missing.length === 0)
        return;
    throw new errors/* ConfigError */.xL('scanner', `project "${project.name}" has no ${scanner.slug} scan or scan configuration on branch "${branch}", and a new one needs the scanner ` +
        `parameter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which this tool does not pass. ` +
        createOnceSteps(project, scanner, branch, missing.length === 1 ? 'that parameter' : 'those parameters'));
}
function prOptions(request) {
    if (!request.targetBranch)
        return undefined;
    return {
        ok: true,
        target: request.targetBranch,
        prNumber: request.prNumber ?? '',
        noDecoration: false,
        decorationScannerTypes: '',
    };
}
async function startScan(api, project, scanner, request) {
    const metaData = request.metaData ?? '';
    const key = { projectId: project.id, tool: scanner.slug, branch: request.branch, metaData, ...(request.environment !== undefined ? { environment: request.environment } : {}) };
    const wanted = { metaData, environment: request.environment ?? '' };
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
        const started = await api.importScan({
            filePath: request.file,
            project: project.name,
            tool: scanner.slug,
            branch: request.branch,
            ...common,
            ...(request.targetBranch ? { target: request.targetBranch } : {}),
            ...(request.prNumber ? { prNumber: request.prNumber } : {}),
        }, key);
        return { ...handedOn(started), mode: 'import' };
    }
    const pr = prOptions(request);
    if (pr && request.targetBranch) {
        // A PR/MR scan re-runs an existing configuration with from/to: the source branch's own scan if it has
        // one, else the merge target's, so the platform analyses the change against the target.
        const base = (await latestScan(api, project, scanner, request.branch, wanted)) ??
            (await latestScan(api, project, scanner, request.targetBranch, wanted));
        if (base) {
            const started = await api.restartScanWithOption(base.id, {
                from: request.branch,
                to: request.targetBranch,
                prNumber: request.prNumber ?? '',
                ...(request.environment !== undefined ? { environment: request.environment } : {}),
            }, key);
            return { ...handedOn(started), mode: 'pr', restartedScanId: base.id };
        }
    }
    else {
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
        if ((0,resolve/* isRescanOnly */.dH)(scanner))
            return compareWithDefaultBranch(api, project, scanner, request, wanted, key);
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
    const started = await api.createScan({
        project: project.name,
        branch: request.branch,
        toolId: scanner.id,
        scanparamsId: scanparams.id,
        ...common,
        ...(pr ? { pr } : {}),
        custom: scanparams.custom,
    }, key);
    return { ...handedOn(started), mode: pr ? 'pr' : 'create' };
}
/**
 * A rescan-only scanner with nothing to re-run on a pushed branch: re-run the latest scan of the project's default
 * branch with from = this branch and to = the default branch, the call `kdt --merge-target` makes. The platform
 * scans this branch and compares it with the default branch; the output says so.
 */
async function compareWithDefaultBranch(api, project, scanner, request, wanted, key) {
    const nothing = `project "${project.name}" has no ${scanner.slug} scan or scan configuration on branch "${request.branch}"`;
    const bound = `scanner "${scanner.slug}" is bound to an integration on the platform (rescan-only: CI cannot create its scans)`;
    const defaultBranch = project.defaultBranch;
    const fallbackAllowed = request.defaultBranchFallback !== false && request.targetBranch === undefined && defaultBranch !== '' && defaultBranch !== request.branch;
    if (!fallbackAllowed) {
        const why = request.defaultBranchFallback === false ? ' (default-branch-fallback is off)' : '';
        throw new errors/* ConfigError */.xL('scanner', `${bound}, and ${nothing}${why}. ${bindSteps(project, scanner, request.branch)}`);
    }
    const base = await latestScan(api, project, scanner, defaultBranch, wanted);
    if (!base) {
        throw new errors/* ConfigError */.xL('scanner', `${bound}, and ${nothing} nor on the default branch "${defaultBranch}". ${bindSteps(project, scanner, defaultBranch)}`);
    }
    const started = await api.restartScanWithOption(base.id, { from: request.branch, to: defaultBranch, ...(request.environment !== undefined ? { environment: request.environment } : {}) }, key);
    const note = `no ${scanner.slug} scan or scan configuration on branch "${request.branch}", and the scanner is rescan-only: ` +
        `re-ran the default branch's scan with from "${request.branch}" to "${defaultBranch}", a comparison against the default branch ` +
        `(set default-branch-fallback to false to stop instead)`;
    return { ...handedOn(started), mode: 'compare', restartedScanId: base.id, comparedWith: defaultBranch, note };
}

;// CONCATENATED MODULE: ./build/shared/core/phases.js
/**
 * What an event's status phases tell about when its scan ends (reference §4: 0 waiting, 1 starting, 2 running,
 * 3 retrieving results, 4 analyzing, 5 notifying, then 6 finished).
 *
 * The platform does not document how long each phase lasts, so this is a model, stated as an assumption and
 * dropped as soon as the platform contradicts it: phase 0 (waiting in a queue) may last any time; phases 1 to 5
 * last equally long. With `s` the moment phase 1 began and `p` one phase's length, phase k begins at
 * `s + (k - 1)p` and the scan ends at `s + 5p`. Every poll bounds these: the phase it saw had begun, the next had
 * not. The `(s, p)` that fit every poll form a convex polygon, and the earliest and latest ends are found on its
 * corners. Only the schedule of polls depends on it, never a decision: a wrong model costs polls or lateness,
 * and the waiter bounds both (see `nextDelay` in wait.ts).
 */
/** Beyond this the model is taken to know nothing (about 11 days of ms). */
const HORIZON_MS = 1e9;
/** Slack for the corners' arithmetic, in ms. */
const EPSILON_MS = 1e-6;
class PhaseModel {
    /** For k = 1..6 (6: the end): a moment the event was seen before phase k, so phase k began later. */
    before = new Array(7).fill(-Infinity);
    /** For k = 1..6: the first moment the event was seen in phase k or later, so phase k began by then. */
    since = new Array(7).fill(Infinity);
    lastPhase = 0;
    broken = false;
    /** The polygon's corners for the polls so far, found once per poll and read for both windows; null when stale. */
    polygon = null;
    /**
     * A poll sent at `sentMs` and answered at `answeredMs` saw the event still running, in `phase`. The platform
     * looked somewhere between the two: the phase had begun by the answer, the next had not begun at the sending.
     */
    observe(sentMs, answeredMs, phase) {
        // A phase outside 0..5, or one going backwards (a retry on the platform), is not what the model describes.
        if (!Number.isInteger(phase) || phase < 0 || phase > 5 || phase < this.lastPhase) {
            this.broken = true;
            return;
        }
        this.lastPhase = phase;
        this.polygon = null;
        for (let k = 1; k <= 6; k++) {
            if (k <= phase)
                this.since[k] = Math.min(this.since[k], answeredMs);
            else
                this.before[k] = Math.max(this.before[k], sentMs);
        }
    }
    /** True once the polls cannot all be explained by the model: the waiter then stops using it. */
    get contradicted() {
        if (!this.broken && this.endWindow() === 'contradicted')
            this.broken = true;
        return this.broken;
    }
    /**
     * Since when (at the latest) the event is past its scanner's own work, in phases 3-5 (retrieving results,
     * analyzing, notifying): the moment it was last seen before phase 3, or the wait's start. Undefined before then.
     * Read without the model: the phases' names say this much, whatever their lengths.
     */
    finishingSince() {
        if (this.since[3] === Infinity)
            return undefined;
        return Math.max(0, this.before[3]);
    }
    /** When the scan ends, by the model; undefined until a poll saw it past phase 0. */
    endWindow() {
        return this.startOf(6);
    }
    /** When the phase after the last one seen begins (the end, after phase 5). */
    nextWindow() {
        return this.startOf(this.lastPhase + 1);
    }
    startOf(k) {
        if (this.broken)
            return 'contradicted';
        // In the queue (phase 0) nothing is known of the scan's pace.
        if (this.since[1] === Infinity)
            return undefined;
        this.polygon ??= this.corners();
        return this.polygon === 'contradicted' ? 'contradicted' : range(this.polygon, k - 1);
    }
    corners() {
        const constraints = [];
        for (let j = 1; j <= 6; j++) {
            if (this.before[j] > -Infinity)
                constraints.push({ slope: j - 1, bound: this.before[j], kind: 'min' });
            if (this.since[j] < Infinity)
                constraints.push({ slope: j - 1, bound: this.since[j], kind: 'max' });
        }
        const found = corners(constraints);
        return found.length === 0 ? 'contradicted' : found;
    }
}
/** The corners of the polygon of the constraints, `0 <= y` and the horizon box; none when they cannot all hold. */
function corners(constraints) {
    // Each boundary as a line a*x + b*y = c; the box keeps the polygon bounded, and a corner on it means "unbounded".
    const lines = [
        ...constraints.map((c) => [1, c.slope, c.bound]),
        [1, 0, -HORIZON_MS],
        [1, 0, HORIZON_MS],
        [0, 1, 0],
        [0, 1, HORIZON_MS],
    ];
    const fits = (x, y) => y >= -EPSILON_MS &&
        y <= HORIZON_MS + EPSILON_MS &&
        Math.abs(x) <= HORIZON_MS + EPSILON_MS &&
        constraints.every((c) => (c.kind === 'min' ? x + c.slope * y >= c.bound - EPSILON_MS : x + c.slope * y <= c.bound + EPSILON_MS));
    const found = [];
    for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
            const [a1, b1, c1] = lines[i];
            const [a2, b2, c2] = lines[j];
            const det = a1 * b2 - a2 * b1;
            if (det === 0)
                continue;
            const x = (c1 * b2 - c2 * b1) / det;
            const y = (a1 * c2 - a2 * c1) / det;
            if (fits(x, y))
                found.push({ x, y, onBox: Math.abs(Math.abs(x) - HORIZON_MS) < 1 || Math.abs(y - HORIZON_MS) < 1 });
        }
    }
    return found;
}
/** The lowest and highest `x + m * y` over the polygon (its corners). */
function range(polygon, m) {
    const values = polygon.map((c) => ({ value: c.x + m * c.y, onBox: c.onBox }));
    const low = Math.min(...values.map((v) => v.value));
    const high = Math.max(...values.map((v) => v.value));
    // The highest corner on the box means the polls set no upper bound.
    const unbounded = values.some((v) => v.onBox && v.value >= high - EPSILON_MS);
    if (low <= -HORIZON_MS / 2)
        return undefined;
    return { lowMs: low, highMs: unbounded ? Infinity : high };
}

;// CONCATENATED MODULE: ./build/shared/core/wait.js


const DEFAULT_POLL_POLICY = {
    initialDelayMs: 250,
    multiplier: 1.5,
    maxDelayMs: 10_000,
    jitter: 0.15,
    tailDelayMs: 500,
    tailWindowMs: 5_000,
    expectedEndMarginMs: 0,
    inactiveDelayMs: 1_000,
    // Trade-off with no history: a gap of at most f x the time waited is a geometric schedule of ratio 1 + f, and a
    // scan ending at D is seen about f / (2(1 + f)) x D late in the median (1.30 s on a 20 s scan for f = 0.15, 1.67 s
    // for 0.2), plus the run's own reads and exit after that poll (0.2-0.3 s on a loaded machine), against a goal of
    // 2 s. The polls are spent mostly in the first seconds, where f x elapsed is below the floor: computed over 201
    // jitter draws (median lateness / polls on scans of 2 s, 20 s, 120 s):
    //   f 0.15, floor 250 ms (before): 0.01 s / 8, 1.39 s / 25, 4.6 s / 38
    //   f 0.15, floor 500 ms:           0.29 s / 5, 1.45 s / 21, 4.6 s / 35
    //   f 0.15, floor 1 s (chosen):     0.53 s / 4, 1.48 s / 17, 4.8 s / 31
    //   f 0.2,  floor 1 s:              0.53 s / 4, 1.77 s / 15, 5.3 s / 27 (too close to 2 s once the run's exit adds)
    // A short scan then costs at most a second of lateness, and the 20 s scan 8 polls fewer at the same lateness.
    unknownGapFraction: 0.15,
    unknownMinDelayMs: 1_000,
    windowPolls: 10,
    // With history, the polls to the median end are about 1 + windowPolls x (0.5 - low) / (high - low), and the
    // median lateness half a window step: with past scans of 11-29 s (uniform), [0.25, 0.9] and 10 polls give 6 polls
    // to the median end and 0.90 s median lateness (mean 1.2 s); [0.1, 0.9] gives 0.94 s but 8 polls; 8 polls over
    // [0.25, 0.9] give 1.09 s and 6. Both goals at once (<= 6 polls, <= 1 s) sit at this edge: a window of 18 s
    // covered with 5 polls to its middle cannot be seen in less than about 0.9 s in the median.
    windowQuantiles: [0.25, 0.9],
    leadMaxDelayMs: 20_000,
    // With no history and phases as the model describes them (the emulator's equal sixths), computed with
    // `PollSchedule` over 301 jitter draws (median lateness / polls, scans of 2 s, 20 s, 120 s):
    //   phases not read:                       0.37 s / 4, 1.59 s / 17, 4.3 s / 31
    //   floor 0.75 s, learn until 2 s:         0.58 s / 5, 0.40 s / 16, 0.36 s / 33
    //   floor 1 s, learn until 2 s (chosen):   0.32 s / 4, 0.52 s / 15, 0.50 s / 32
    //   floor 1.5 s, learn until 2 s:          0.32 s / 4, 0.71 s / 15, 0.82 s / 32
    //   floor 2 s, learn until 2 s:            0.32 s / 4, 1.31 s / 15, 0.98 s / 32
    // Most polls are spent in phase 0, where nothing is known and a platform that reports no phases must still be
    // served, so the phases buy lateness (under a second) far more than polls. Phases the model does not describe,
    // on the 20 s scan: a long running phase 0.58 s / 18, a queue five phases long 0.41 s / 19, a long start and a
    // long running phase with nothing after 2.9 s / 12 (the model's worst of those tried: 0.3 of the time waited
    // bounds any, against 0.15 without phases).
    phaseGapFraction: 0.3,
    phaseMinDelayMs: 1_000,
    phaseEndWidthMs: 2_000,
};
/** Events are finished when `active=0` and `status=6`, failed when `active=-1` (reference §4). */
function eventState(event) {
    if (event.active === -1 || event.status === -1)
        return 'failed';
    if (event.active === 0 && event.status === 6)
        return 'finished';
    if (event.active === 0)
        return 'inactive';
    return 'running';
}
/**
 * The delay before the next poll. Pure: depends only on its arguments, so the schedule can be tested and
 * benchmarked without a server.
 */
function nextDelay(policy, state, random) {
    const { previousDelayMs, elapsedMs, expectedDurationMs } = state;
    if (state.inactive)
        return policy.inactiveDelayMs;
    let delay;
    const points = state.samplesMs !== undefined && state.samplesMs.length >= 3 ? windowPoints(policy, state.samplesMs) : undefined;
    if (points !== undefined) {
        const windowStart = points[0];
        if (elapsedMs + policy.initialDelayMs < windowStart)
            return gridDelay(policy, elapsedMs, windowStart, policy.leadMaxDelayMs);
        // A poll whose timer fired a little early counts as on its point (no extra poll just after it).
        const next = points.find((p) => p > elapsedMs + policy.initialDelayMs / 2);
        if (next !== undefined)
            return Math.max(policy.initialDelayMs, next - elapsedMs);
        // Past the likely end (the scan runs long): back off from the window's last step.
        delay = previousDelayMs === undefined ? policy.initialDelayMs : previousDelayMs * policy.multiplier;
    }
    else if (expectedDurationMs !== undefined && expectedDurationMs > 0) {
        const spread = Math.min(state.spreadMs ?? 0, expectedDurationMs);
        // The likely end is a window, not a point: polls reach its start on a grid, cover it densely in proportion
        // to its width, and back off once past it (the scan runs long).
        const windowStart = expectedDurationMs - spread + policy.expectedEndMarginMs;
        const windowEnd = expectedDurationMs + spread + policy.expectedEndMarginMs;
        const remaining = windowStart - elapsedMs;
        if (remaining > 0)
            return gridDelay(policy, elapsedMs, windowStart, policy.maxDelayMs);
        const windowGap = spread > 0 ? Math.max(policy.initialDelayMs, Math.min(policy.maxDelayMs, (windowEnd - windowStart) / policy.windowPolls)) : policy.tailDelayMs;
        const tailEnd = spread > 0 ? windowEnd : windowStart + policy.tailWindowMs;
        if (elapsedMs < tailEnd)
            return windowGap;
        // Past the likely end: back off from the window's pace to the ordinary backoff.
        delay = previousDelayMs === undefined ? windowGap : previousDelayMs * policy.multiplier;
    }
    else {
        // The backoff used when nothing is known: a gap growing from the last, at most a fraction of the time waited.
        delay = previousDelayMs === undefined ? policy.initialDelayMs : previousDelayMs * policy.multiplier;
        delay = Math.min(delay, Math.max(policy.unknownMinDelayMs, elapsedMs * policy.unknownGapFraction));
        // A window without an upper bound whose earliest end is already past (the first poll saw phase 4 or 5, so the
        // pace was never seen) says only "not yet", at every poll: polling at the phase floor on that would last as long
        // as the phase does. Then the phases give no more than the pace past phase 3, below.
        const phaseEnd = state.phaseEnd !== undefined && (Number.isFinite(state.phaseEnd.highMs) || state.phaseEnd.lowMs > elapsedMs) ? state.phaseEnd : undefined;
        if (phaseEnd !== undefined) {
            // No jitter: the poll times come from this event's own phases, so pipelines do not poll in lockstep anyway.
            const cap = Math.min(policy.maxDelayMs, Math.max(policy.unknownMinDelayMs, elapsedMs * policy.phaseGapFraction));
            const end = phaseEnd;
            const next = state.phaseNext ?? end;
            const learn = end.highMs - end.lowMs > policy.phaseEndWidthMs && Number.isFinite(next.highMs);
            const target = learn ? Math.min(end.lowMs, (next.lowMs + next.highMs) / 2) : end.lowMs;
            // Where the end may be near, never sparser than the backoff (a short scan is still seen at once).
            return Math.max(Math.min(policy.phaseMinDelayMs, delay), Math.min(cap, target - elapsedMs));
        }
        // Past the scanner's own work (phases 3-5), the rest is the platform's processing: its length is unknown too, so
        // the gap follows the time spent in it rather than the whole wait.
        if (state.finishingMs !== undefined && policy.phaseGapFraction > 0)
            delay = Math.min(delay, Math.max(policy.phaseMinDelayMs, state.finishingMs * policy.phaseGapFraction));
    }
    delay = Math.min(delay, policy.maxDelayMs);
    const jitter = delay * policy.jitter * (2 * random() - 1);
    return Math.max(policy.initialDelayMs, Math.min(policy.maxDelayMs, delay + jitter));
}
/**
 * Poll on a grid fixed from the start: the time to `target` cut into equal steps of at most `maxStepMs`, so that
 * one poll lands on it. A fixed grid absorbs the lateness of each poll (round trips, timers) instead of adding a
 * step for it, as re-planning from the current time would. A poll whose timer fired a little early counts as on its
 * grid point (no extra poll just after it).
 */
function gridDelay(policy, elapsedMs, target, maxStepMs) {
    const gap = target / Math.ceil(target / maxStepMs);
    const next = Math.min(target, (Math.floor((elapsedMs + policy.initialDelayMs) / gap) + 1) * gap);
    return Math.max(policy.initialDelayMs, next - elapsedMs);
}
/** Linear interpolation between the sorted samples, so that the quantiles of few samples are not only the samples. */
function quantileOf(sorted, q) {
    const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
    const i = Math.floor(at);
    const lo = sorted[i];
    const hi = sorted[Math.min(sorted.length - 1, i + 1)];
    return lo + (at - i) * (hi - lo);
}
/** The window's poll times: `windowPolls + 1` points at equal steps of probability between its two quantiles. */
function windowPoints(policy, sortedSamplesMs) {
    const [low, high] = policy.windowQuantiles;
    return Array.from({ length: policy.windowPolls + 1 }, (_, j) => quantileOf(sortedSamplesMs, low + ((high - low) * j) / policy.windowPolls) + policy.expectedEndMarginMs);
}
/**
 * The schedule of one wait, with what it has learnt: the previous gap, the history once read, and the status
 * phases seen (used only while there is no history). `waitForEvent` drives it against the platform; a benchmark
 * can drive it against a simulated scan.
 */
class PollSchedule {
    policy;
    random;
    previousDelayMs;
    inactive = false;
    expectedDurationMs;
    samplesMs;
    phases = new PhaseModel();
    constructor(policy, random, expectedDurationMs) {
        this.policy = policy;
        this.random = random;
        this.expectedDurationMs = expectedDurationMs;
    }
    /** True once a duration is known (given, or read from the history). */
    get knowsDuration() {
        return this.expectedDurationMs !== undefined;
    }
    /** The history's estimate, read after the first poll. */
    know(estimate) {
        this.expectedDurationMs = estimate?.expectedMs;
        this.samplesMs = estimate?.samplesMs;
    }
    /** How long to wait before the next poll, `elapsedMs` into the wait. */
    delay(elapsedMs) {
        const usePhases = this.expectedDurationMs === undefined && this.samplesMs === undefined && this.policy.phaseGapFraction > 0;
        const phaseEnd = usePhases ? this.phases.endWindow() : undefined;
        const phaseNext = usePhases ? this.phases.nextWindow() : undefined;
        const finishingSince = usePhases ? this.phases.finishingSince() : undefined;
        // Both when known: `nextDelay` falls back on the pace past phase 3 when the window bounds nothing ahead.
        const phaseState = {
            ...(typeof phaseEnd === 'object' ? { phaseEnd, ...(typeof phaseNext === 'object' ? { phaseNext } : {}) } : {}),
            ...(finishingSince !== undefined ? { finishingMs: Math.max(0, elapsedMs - finishingSince) } : {}),
        };
        this.previousDelayMs = nextDelay(this.policy, {
            previousDelayMs: this.previousDelayMs,
            elapsedMs,
            expectedDurationMs: this.expectedDurationMs,
            ...(this.samplesMs !== undefined ? { samplesMs: this.samplesMs } : {}),
            ...phaseState,
            inactive: this.inactive,
        }, this.random);
        return this.previousDelayMs;
    }
    /** A poll sent `sentMs` and answered `answeredMs` into the wait found the event not finished. */
    saw(event, sentMs, answeredMs) {
        const state = eventState(event);
        this.inactive = state === 'inactive';
        if (state === 'running')
            this.phases.observe(sentMs, answeredMs, event.status);
    }
}
/**
 * Poll `events/{id}/status` until the event finishes. Throws `ScanFailedError` when it fails,
 * `DeadlineError` when the deadline passes first, `CancelledError` when the signal aborts.
 */
async function waitForEvent(api, eventId, options) {
    const { clock, signal } = options;
    const schedule = new PollSchedule(options.policy ?? DEFAULT_POLL_POLICY, options.random, options.expectedDurationMs);
    const startedAt = clock.now();
    let polls = 0;
    for (;;) {
        if (polls === 1 && !schedule.knowsDuration && options.expectedDuration)
            schedule.know(await options.expectedDuration());
        const delay = schedule.delay(clock.now() - startedAt);
        const remaining = options.deadline - clock.now();
        if (remaining <= 0)
            throw new errors/* DeadlineError */.j3(`the scan did not finish before the timeout (event ${eventId})`);
        await sleepOrCancel(clock, Math.min(delay, remaining), signal);
        const sentMs = clock.now() - startedAt;
        const event = await api.getEventStatus(eventId);
        polls += 1;
        options.onPoll?.(event, clock.now() - startedAt);
        const state = eventState(event);
        if (state === 'finished')
            return { event, polls, elapsedMs: clock.now() - startedAt };
        if (state === 'failed') {
            const why = event.message.trim() || event.statusText.trim() || 'no reason given';
            throw new errors/* ScanFailedError */.$5(`the scan failed on the platform: ${why}`, eventId);
        }
        schedule.saw(event, sentMs, clock.now() - startedAt);
        // The last poll happens at the deadline itself, so a scan finishing just in time still counts.
        if (clock.now() >= options.deadline) {
            throw new errors/* DeadlineError */.j3(`the scan did not finish before the timeout (event ${eventId}, last status: ${event.statusText || event.status})`);
        }
    }
}
async function sleepOrCancel(clock, ms, signal) {
    if (signal?.aborted)
        throw (0,errors/* abortedError */.ip)(signal);
    try {
        await clock.sleep(ms, signal);
    }
    catch (err) {
        if (signal?.aborted)
            throw (0,errors/* abortedError */.ip)(signal);
        throw err;
    }
}

;// CONCATENATED MODULE: ./build/shared/core/scan-one.js








const iso = (ms) => new Date(ms).toISOString();
function policyOutcome(policy) {
    return policy === 'fail' ? 'fail' : policy === 'warn' ? 'warn' : 'pass';
}
async function scanOne(target, settings, deps) {
    const { api, clock, logger } = deps;
    let { project, scanner } = target;
    const { request } = target;
    let releaseScope = settings.releaseScope;
    let tag = `[${scanner.slug}]`;
    const startedMs = clock.now();
    const result = {
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
    const finish = () => {
        // Whatever happened, the run's release read no longer waits for this scanner.
        deps.release?.leave();
        const end = clock.now();
        result.timings = { startedAt: iso(startedMs), finishedAt: iso(end), durationMs: end - startedMs };
        return result;
    };
    try {
        const history = deps.history ?? (0,core_history/* durationHistory */.J)(api, logger);
        let eventId = target.eventId;
        if (eventId === undefined) {
            const triggered = await startScan(api, project, scanner, request);
            // The guard read the completed list just before the start: the waiter's history needs no read of its own.
            if (triggered.completedBefore)
                history.known(triggered.completedBefore);
            eventId = triggered.eventId;
            result.mode = triggered.mode;
            if (triggered.comparedWith !== undefined)
                result.targetBranch = triggered.comparedWith;
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
                if (ev.link)
                    result.links.event = ev.link;
                const text = ev.statusText || `status ${ev.status}`;
                if (text !== lastText)
                    logger.info(`${tag} ${Math.round(elapsedMs / 1000)}s  ${text}`);
                lastText = text;
            },
        });
        result.scanId = event.scanId;
        const scan = await api.getScan(event.scanId);
        if (target.identify) {
            ({ project, scanner, releaseScope } = await target.identify(scan));
            result.scanner = scanner.slug;
            result.scannerType = scanner.type;
            if (project.link)
                result.links.project = project.link;
            tag = `[${scanner.slug}]`;
        }
        result.counts = scan.summary;
        result.riskScore = scan.score;
        result.branch = scan.branch || result.branch;
        if (scan.link)
            result.links.scan = scan.link;
        // Counts and score come from the scan summary; findings are read only as far as the outputs need them, all
        // of them when changed-only places them in the change, and the new/existing split when the gate counts it.
        const need = settings.findings ?? { all: false, top: 0, newCounts: false };
        const gathered = await (0,findings/* gatherFindings */.I1)(api, {
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
        if (gathered.newCounts)
            result.newCounts = gathered.newCounts;
        if (gathered.fixed) {
            result.fixedCounts = (0,findings/* countBySeverity */.Ot)(gathered.fixed);
            result.fixedFindings = gathered.fixed.slice(0, findings/* MAX_FIXED_LISTED */.qw);
            const n = gathered.fixed.length;
            if (n > 0)
                logger.info(`${tag} ${n} ${n === 1 ? 'finding' : 'findings'} of ${settings.baselineBranch ?? 'the target'} fixed by this change`);
        }
        let gateCounts = result.counts;
        let gateNewCounts = result.newCounts;
        if (settings.scope?.kind === 'scoped') {
            const scoped = (0,change_scope/* scopeFindings */.No)(result.findings, settings.scope, result.findingsTruncated);
            gateCounts = scoped.counts;
            gateNewCounts = scoped.newCounts;
            result.scope = scoped.summary;
            logger.info(`${tag} ${(0,change_scope/* scopeSentence */.i9)(scoped.summary)}`);
        }
        let risk;
        if (settings.gate.failOnRiskIncrease) {
            const last = await api.lastResults(scan.id);
            risk = { current: last.last?.score ?? scan.score, ...(last.previous ? { previous: last.previous.score } : {}) };
            if (last.previous)
                result.previousRiskScore = last.previous.score;
        }
        if (releaseScope) {
            const releaseProject = scan.infraSourceProjectId || scan.project || project.name;
            const read = () => (0,release/* readReleaseStatus */.i8)(api, releaseProject, result.branch, {
                clock,
                deadline: settings.deadline,
                ...(deps.signal ? { signal: deps.signal } : {}),
            });
            const status = await (deps.release ? deps.release.read(`${releaseProject}\u0000${result.branch}`, read) : read());
            result.release = (0,release/* summarizeRelease */.Np)(status, releaseScope);
        }
        result.reasons = (0,gate/* evaluateGate */.DR)(result.scope ? { ...settings.gate, scope: result.scope.mode } : settings.gate, {
            counts: gateCounts,
            newCounts: gateNewCounts,
            ...(risk ? { risk } : {}),
            ...(result.release ? { release: result.release } : {}),
        });
        result.status = (0,gate/* gateStatus */._O)(result.reasons);
        return finish();
    }
    catch (err) {
        // Settings to fix and bugs stop the run: neither is this scanner's platform trouble for on-error to excuse.
        if (err instanceof errors/* ConfigError */.xL || err instanceof errors/* InternalError */.Gd) {
            deps.release?.leave();
            throw err;
        }
        // A page that exists: the scan, else the project (an event has no page of its own).
        const follow = result.links.scan ?? result.links.project;
        const started = result.eventId !== undefined;
        const where = started
            ? ` Resume with: invicti-appsec wait --event-id ${result.eventId}.${follow ? ` Follow it at ${follow}` : ''}`
            : '';
        if (err instanceof errors/* DeadlineError */.j3) {
            result.status = 'timeout';
            result.error = started ? `${err.message}; the scan goes on on the platform.${where}` : `${err.message}; no scan was started.`;
            result.reasons.push({ rule: 'timeout', outcome: policyOutcome(settings.onTimeout), message: result.error });
        }
        else {
            result.status = 'error';
            result.error =
                err instanceof errors/* CancelledError */.cc
                    ? started
                        ? `cancelled; the scan goes on on the platform.${where}`
                        : 'cancelled before a scan was started.'
                    : `${(0,errors/* describeError */.Uc)(err)}${where}`;
            result.reasons.push({ rule: 'error', outcome: policyOutcome(settings.onError), message: result.error });
        }
        logger.error(`${tag} ${result.error}`);
        return finish();
    }
}

;// CONCATENATED MODULE: ./build/shared/core/run-steps.js
/**
 * What a run needs once its project is known: the scanners' own flow (trigger, wait, findings, gate, release), the
 * change scope and the combined result. run-scan imports this module dynamically, after the project's request, so
 * that a bundle starts without loading or compiling any of it before its first request (bench: cold start).
 */








/***/ })

};
