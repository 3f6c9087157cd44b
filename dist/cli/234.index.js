export const id = 234;
export const ids = [234];
export const modules = {

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

/***/ 853:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeReportFiles: () => (/* binding */ writeReportFiles)
});

// EXTERNAL MODULE: ./build/shared/core/release.js
var release = __webpack_require__(931);
;// CONCATENATED MODULE: ./build/shared/render/json.js

/** 2: a scanner's `counts` is left out when it has no finished scan (unknown), as `newCounts` is when not read. */
const JSON_SCHEMA_VERSION = 2;
/** Drops keys whose value is undefined, so optional fields are absent rather than `null`-ish. */
function compact(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
const counts = (c) => ({
    critical: c.critical,
    high: c.high,
    medium: c.medium,
    low: c.low,
    info: c.info,
});
const reason = (r) => compact({ rule: r.rule, outcome: r.outcome, message: r.message, actual: r.actual, limit: r.limit });
const finding = (f) => compact({
    id: f.id,
    ruleId: f.ruleId,
    name: f.name,
    severity: f.severity,
    scanner: f.scanner,
    scannerType: f.scannerType,
    isNew: f.isNew,
    cweId: f.cweId,
    cweName: f.cweName,
    cvss: f.cvss,
    path: f.path,
    line: f.line,
    url: f.url,
    method: f.method,
    parameter: f.parameter,
    link: f.link,
    inChange: f.inChange,
});
const scanner = (s) => compact({
    scanner: s.scanner,
    scannerType: s.scannerType,
    status: s.status,
    mode: s.mode,
    branch: s.branch,
    targetBranch: s.targetBranch,
    eventId: s.eventId,
    scanId: s.scanId,
    counts: s.counts === undefined ? undefined : counts(s.counts),
    newCounts: s.newCounts === undefined ? undefined : counts(s.newCounts),
    fixedCounts: s.fixedCounts === undefined ? undefined : counts(s.fixedCounts),
    fixedFindings: s.fixedFindings?.map(finding),
    scope: s.scope === undefined ? undefined : { ...s.scope },
    chosenBecause: s.chosenBecause,
    riskScore: s.riskScore,
    previousRiskScore: s.previousRiskScore,
    releaseStatus: s.release === undefined ? undefined : (0,release/* gatedReleaseStatus */.hu)(s.release),
    release: s.release === undefined
        ? undefined
        : { status: s.release.status, types: { ...s.release.types }, failingTypes: [...s.release.failingTypes] },
    reasons: s.reasons.map(reason),
    findings: s.findings.map(finding),
    findingsTruncated: s.findingsTruncated,
    links: compact({ scan: s.links.scan, event: s.links.event, project: s.links.project }),
    timings: { startedAt: s.timings.startedAt, finishedAt: s.timings.finishedAt, durationMs: s.timings.durationMs },
    error: s.error,
    note: s.note,
});
/** The report as an object (for callers that embed it). */
function toJsonReport(result) {
    return compact({
        schemaVersion: JSON_SCHEMA_VERSION,
        status: result.status,
        exitCode: result.exitCode,
        project: compact({ id: result.project.id, name: result.project.name, link: result.project.link }),
        branch: result.branch,
        targetBranch: result.targetBranch,
        pullRequest: result.pullRequest,
        scanners: result.scanners.map(scanner),
        summary: result.summary,
        warnOnly: result.warnOnly,
        newFindingsOnly: result.newFindingsOnly,
        changedOnly: result.changedOnly === undefined ? undefined : { ...result.changedOnly },
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        reportUrl: result.reportUrl,
        toolVersion: result.toolVersion,
    });
}
/** Pretty JSON with a trailing newline. */
function renderJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
/**
 * The text of a machine-read report file (SARIF, GitLab security reports): compact JSON and a final newline.
 * Indentation would double a 100,000-finding SARIF file (95 MB to about 60) for no reader that needs it.
 */
function reportFileText(report) {
    return `${JSON.stringify(report)}\n`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
;// CONCATENATED MODULE: ./build/shared/platforms/marker.js
/**
 * The hidden marker that lets a run find its own comment again.
 *
 * Versioned and namespaced (`invicti-appsec:v1 id=<key>`), encoded as an HTML comment on GitHub and GitLab and
 * as a markdown link-reference definition on Bitbucket, whose renderer drops raw HTML comments into the text.
 */

const NAMESPACE = 'invicti-appsec:v1';
/** What a key may contain: nothing that can close `-->` or `)` or start a new line. */
const KEY_PATTERN = /^[A-Za-z0-9._~%/,-]{1,256}$/;
const MAX_KEY = 200;
/**
 * A stable key for one project and set of scanners: order and duplicates of scanners do not matter.
 * Every character outside `[A-Za-z0-9._~-]` is percent-encoded, so user text (a project called `x -->`)
 * cannot break out of the comment syntax, and distinct inputs stay distinct.
 */
function commentKey(project, scanners = []) {
    const parts = [...new Set(scanners.map(encodePart))].filter((s) => s !== '').sort();
    const key = parts.length > 0 ? `${encodePart(project)}/${parts.join(',')}` : encodePart(project);
    if (key === '')
        return 'default';
    if (key.length <= MAX_KEY)
        return key;
    // Very long names: keep a readable prefix and a digest of the whole so the key stays unique and bounded.
    const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
    return `${key.slice(0, MAX_KEY - 17)}.${digest}`;
}
/** The marker line for a key. Throws on a key `commentKey` could not have produced. */
function markerLine(markerId, style) {
    if (!KEY_PATTERN.test(markerId)) {
        throw new Error(`invalid comment marker id ${JSON.stringify(markerId.slice(0, 40))}`);
    }
    const text = `${NAMESPACE} id=${markerId}`;
    return style === 'html' ? `<!-- ${text} -->` : `[//]: # (${text})`;
}
/**
 * True when the body carries the marker for this key on a line of its own, in either encoding.
 * A quoted copy (`> <!-- ... -->`) does not count.
 */
function hasMarker(body, markerId) {
    if (!KEY_PATTERN.test(markerId))
        return false;
    const wanted = new Set([markerLine(markerId, 'html'), markerLine(markerId, 'bitbucket')]);
    return body.split('\n').some((line) => wanted.has(line.trim()));
}
/** True for a line that is any of our markers (whatever the key); used to keep markers through truncation. */
function isMarkerLine(line) {
    const t = line.trim();
    return ((t.startsWith(`<!-- ${NAMESPACE} id=`) && t.endsWith(' -->')) ||
        (t.startsWith(`[//]: # (${NAMESPACE} id=`) && t.endsWith(')')));
}
function encodePart(text) {
    let out = '';
    for (const byte of Buffer.from(text.trim(), 'utf8')) {
        const ch = String.fromCharCode(byte);
        out += /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}

// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(318);
// EXTERNAL MODULE: ./build/shared/api/types.js
var types = __webpack_require__(190);
// EXTERNAL MODULE: ./build/shared/core/result.js
var core_result = __webpack_require__(641);
;// CONCATENATED MODULE: ./build/shared/render/format.js
/** Small helpers shared by the renderers: ordering, wording, hashing, sizes. */




const PRODUCT_NAME = 'Invicti AppSec';
const PRODUCT_ID = 'invicti-appsec';
const VENDOR_NAME = 'Invicti';
const PRODUCT_URL = 'https://www.invicti.com/';
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const severityRank = (severity) => SEVERITY_RANK[severity] ?? types/* SEVERITIES */.oC.length;
/**
 * Findings on the lines a change touched first (with `changed-only`: what the reviewer is looking at, kept when a
 * host's limit cuts the list), then most severe, then new before existing, then higher CVSS; otherwise the input
 * order is kept.
 */
function compareFindings(a, b) {
    return (Number(b.inChange === true) - Number(a.inChange === true) ||
        severityRank(a.severity) - severityRank(b.severity) ||
        Number(b.isNew) - Number(a.isNew) ||
        (b.cvss ?? -1) - (a.cvss ?? -1));
}
/** All findings of a run, most severe first (a stable sort of a copy). */
function sortedFindings(result) {
    return result.scanners.flatMap((s) => s.findings).sort(compareFindings);
}
const STATUS_EMOJI = {
    passed: '✅',
    failed: '❌',
    warned: '⚠️',
    error: '💥',
    timeout: '⏱️',
    skipped: '⏭️',
};
const SEVERITY_EMOJI = {
    critical: '🔴',
    high: '🟠',
    medium: '🟡',
    low: '🔵',
    info: '⚪',
};
const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);
function cweUrl(cweId) {
    return cweId !== undefined && Number.isSafeInteger(cweId) && cweId > 0
        ? `https://cwe.mitre.org/data/definitions/${cweId}.html`
        : undefined;
}
/** A positive integer line number, or undefined. */
const validLine = (line) => line !== undefined && Number.isSafeInteger(line) && line >= 1 ? line : undefined;
/** Which scanners feed which GitLab security report (by the platform's scanner type). */
const isDastType = (type) => type.toLowerCase() === 'dast';
const isSastType = (type) => type.toLowerCase() === 'sast';
function sha256Hex(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
}
/**
 * A deterministic UUID-shaped id (RFC 9562 version 8, "custom") derived from `text`, so the same finding
 * gets the same id in every report.
 */
function uuidFrom(text) {
    const hex = sha256Hex(text);
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** `yyyy-mm-ddThh:mm:ss` in UTC (GitLab security reports); the epoch when the input is no valid date. */
function gitlabTime(iso) {
    const date = new Date(iso);
    const text = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text) ? text : '1970-01-01T00:00:00';
}
/** UTF-8 size of a string without allocating; never less than its UTF-16 length. */
function utf8Length(text) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80)
            bytes += 1;
        else if (code < 0x800)
            bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                bytes += 4;
                i++;
            }
            else
                bytes += 3;
        }
        else
            bytes += 3;
    }
    return bytes;
}
/** The longest prefix of `text` whose UTF-8 size is at most `maxBytes`, never splitting a surrogate pair. */
function clipUtf8(text, maxBytes) {
    if (utf8Length(text) <= maxBytes)
        return text;
    let bytes = 0;
    let i = 0;
    while (i < text.length) {
        const code = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        i += size === 4 ? 2 : 1;
    }
    return text.slice(0, i);
}
/** A lowercase id fragment for categories and ids: letters, digits, `.`, `_`, `-` only. */
function slug(text) {
    const s = text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 64);
    return s === '' ? 'scanner' : s;
}
/** Total findings the run knows of: the larger of the fetched list and the platform's counts (none when unknown). */
function totalFindings(scanners) {
    let total = 0;
    for (const s of scanners) {
        const counted = s.counts === undefined ? 0 : (0,core_result/* countTotal */.I)(s.counts);
        total += Math.max(counted, s.findings.length);
    }
    return total;
}
/** Longer paths are garbage rather than files (PATH_MAX is 4096 bytes); cut so reports stay bounded. */
const MAX_PATH = 1024;
/** A repository-relative path as reports want it: clean text, `/` separators, no leading `./` or `/`. */
function repoPath(path) {
    if (path === undefined)
        return '';
    const relative = (0,render_escape/* cleanText */.X5)(path).trim().replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
    return (0,render_escape/* truncate */.xv)(relative, MAX_PATH);
}

;// CONCATENATED MODULE: ./build/shared/render/markdown-sections.js
/**
 * The sections of the markdown report, each a list of lines. Every scanner-provided string passes through
 * `text()` (clean, cut, escape) and every link through `markdownLink` (http(s) only).
 */




function sectionContext(flavour, compact, fullReportUrl, codeHost) {
    const host = flavour === 'summary' ? codeHost : flavour;
    return {
        flavour,
        ...(host === undefined ? {} : { codeHost: host }),
        dialect: flavour === 'bitbucket' ? 'bitbucket' : 'commonmark',
        html: flavour !== 'bitbucket',
        compact,
        ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
    };
}
/** Untrusted text as inert inline markdown, cut to a length that depends on the pass. */
function markdown_sections_text(ctx, value, normal, compact = Math.min(normal, 80)) {
    return (0,render_escape/* escapeMarkdown */.FV)((0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(value), ctx.compact ? compact : normal), ctx.dialect);
}
const num = (n) => (n !== undefined && Number.isFinite(n) ? String(n) : '—');
function riskCell(s) {
    if (s.riskScore === undefined || !Number.isFinite(s.riskScore))
        return '—';
    if (s.previousRiskScore === undefined || !Number.isFinite(s.previousRiskScore))
        return num(s.riskScore);
    const delta = Math.round((s.riskScore - s.previousRiskScore) * 100) / 100;
    const change = delta > 0 ? `▲ +${delta}` : delta < 0 ? `▼ ${delta}` : '±0';
    return `${num(s.riskScore)} (${change})`;
}
const statusText = (status) => `${STATUS_EMOJI[status] ?? ''} ${status}`;
/** Each host's own notation: GitLab's "Merge request !12", GitHub's and Bitbucket's "Pull request #12". */
function changeRequest(ctx, number) {
    switch (ctx.codeHost) {
        case 'gitlab':
            return `**Merge request** !${number}`;
        case 'github':
        case 'bitbucket':
            return `**Pull request** #${number}`;
        case undefined:
            return `**Pull/merge request:** ${number}`;
    }
}
function headerLines(result, ctx) {
    const project = (0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, result.project.name, 200), result.project.link);
    const branch = markdown_sections_text(ctx, result.branch, 200);
    const target = result.targetBranch === undefined ? '' : ` → ${markdown_sections_text(ctx, result.targetBranch, 200)}`;
    const pr = result.pullRequest === undefined ? '' : ` · ${changeRequest(ctx, markdown_sections_text(ctx, result.pullRequest, 50))}`;
    const lines = [
        `## ${STATUS_EMOJI[result.status] ?? ''} ${PRODUCT_NAME}: ${result.status}`,
        '',
        `**Project:** ${project} · **Branch:** ${branch}${target}${pr}`,
    ];
    if (result.summary.trim() !== '')
        lines.push('', markdown_sections_text(ctx, result.summary, 1000, 300));
    const modes = [];
    if (result.warnOnly)
        modes.push('Warn-only mode: findings are reported but do not fail the build.');
    if (result.newFindingsOnly)
        modes.push('The gate counts new findings only.');
    const scope = result.changedOnly;
    if (scope?.applied) {
        const where = scope.mode === 'lines' ? 'on the lines this change touched (✏️)' : 'in the files this change touched (✏️)';
        modes.push(`The gate counts findings ${where}, and findings without a file location as usual; diff from the ${scope.detail}.`);
    }
    else if (scope) {
        modes.push(`changed-only ${scope.mode} was not applied (${scope.detail}): the gate counts all findings.`);
    }
    if (modes.length > 0)
        lines.push('', `_${modes.join(' ')}_`);
    return lines;
}
const SCANNER_HEADER = [
    '| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
function scannerLines(result, ctx) {
    if (result.scanners.length === 0)
        return ['### Scanners', '', '_No scanner ran._'];
    const cap = ctx.compact ? 50 : Infinity;
    const rows = result.scanners.slice(0, cap).map((s) => {
        const name = (0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, s.scanner, 100, 40), s.links.scan ?? s.links.event);
        const counts = types/* SEVERITIES */.oC.map((sev) => num(s.counts?.[sev]));
        const newTotal = s.newCounts === undefined ? undefined : (0,core_result/* countTotal */.I)(s.newCounts);
        return `| ${name} | ${markdown_sections_text(ctx, s.scannerType, 30)} | ${statusText(s.status)} | ${counts.join(' | ')} | ${num(newTotal)} | ${riskCell(s)} |`;
    });
    const lines = ['### Scanners', '', ...SCANNER_HEADER, ...rows];
    const hidden = result.scanners.length - rows.length;
    if (hidden > 0)
        lines.push('', `_… and ${hidden} more scanners._`);
    // A dash is not a zero: say so once, so that nobody reads a scanner without a finished scan as clean.
    if (result.scanners.some((s) => s.counts === undefined))
        lines.push('', '_— not known: no finished scan to count._');
    const fixed = result.scanners.flatMap((s) => (s.fixedCounts === undefined ? [] : [{ s, c: s.fixedCounts }]));
    if (fixed.length > 0) {
        const each = fixed.map(({ s, c }) => {
            const bySeverity = types/* SEVERITIES */.oC.filter((sev) => c[sev] > 0).map((sev) => `${c[sev]} ${sev}`);
            return `**${markdown_sections_text(ctx, s.scanner, 100, 40)}** ${bySeverity.length > 0 ? bySeverity.join(', ') : 'none'}`;
        });
        lines.push('', `Fixed by this change: ${each.join(' · ')}`);
    }
    const chosen = result.scanners.slice(0, cap).filter((s) => s.chosenBecause !== undefined);
    if (chosen.length > 0) {
        const why = chosen.map((s) => `**${markdown_sections_text(ctx, s.scanner, 100, 40)}**: ${markdown_sections_text(ctx, s.chosenBecause ?? '', 200, 80)}`);
        lines.push('', `Chosen by scanner type: ${why.join(' · ')}`);
    }
    const notes = result.scanners.slice(0, cap).filter((s) => s.note !== undefined);
    if (notes.length > 0)
        lines.push('', ...notes.map((s) => `- ℹ️ **${markdown_sections_text(ctx, s.scanner, 100, 40)}**: ${markdown_sections_text(ctx, s.note ?? '', 500, 200)}`));
    return lines;
}
const OUTCOME_EMOJI = { fail: '❌', warn: '⚠️', pass: '✅' };
const OUTCOME_ORDER = { fail: 0, warn: 1, pass: 2 };
function reasonLine(ctx, scanner, reason) {
    return `- ${OUTCOME_EMOJI[reason.outcome] ?? ''} **${markdown_sections_text(ctx, scanner, 100, 40)}** · ${reason.rule}: ${markdown_sections_text(ctx, reason.message, 500, 160)}`;
}
function gateLines(result, ctx) {
    const items = [];
    for (const s of result.scanners) {
        for (const reason of s.reasons)
            items.push({ scanner: s.scanner, reason });
        const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
        if (s.error !== undefined && !explained) {
            const rule = s.status === 'timeout' ? 'timeout' : 'error';
            items.push({ scanner: s.scanner, reason: { rule, outcome: 'fail', message: s.error } });
        }
    }
    if (items.length === 0)
        return [];
    items.sort((a, b) => (OUTCOME_ORDER[a.reason.outcome] ?? 3) - (OUTCOME_ORDER[b.reason.outcome] ?? 3));
    const open = items.filter((i) => i.reason.outcome !== 'pass');
    const passing = items.filter((i) => i.reason.outcome === 'pass');
    const lines = ['### Gate', ''];
    const shown = ctx.compact ? open.slice(0, 20) : open;
    lines.push(...shown.map((i) => reasonLine(ctx, i.scanner, i.reason)));
    if (shown.length < open.length)
        lines.push(`- _… and ${open.length - shown.length} more._`);
    if (ctx.compact || passing.length === 0) {
        if (passing.length > 0)
            lines.push(`- ✅ ${passing.length} rules passed.`);
        return lines;
    }
    const passLines = passing.map((i) => reasonLine(ctx, i.scanner, i.reason));
    if (!ctx.html)
        return [...lines, ...passLines];
    // Passing rules are detail: folded away where the platform renders HTML.
    const summary = (0,render_escape/* escapeHtml */.ZD)(`${passing.length} passing ${passing.length === 1 ? 'rule' : 'rules'}`);
    return [...lines, '', `<details><summary>${summary}</summary>`, '', ...passLines, '', '</details>'];
}
const RELEASE_EMOJI = { success: '✅', fail: '❌' };
const releaseWord = (status) => status === '' || status === 'undefined' ? '— no release criteria set' : `${RELEASE_EMOJI[status] ?? ''} ${status}`.trim();
function releaseLines(result, ctx) {
    // Release criteria belong to the project and branch, so scanners share them; only which failing types count
    // differs (each scanner gates on its own types by default). Show each distinct set of statuses once, with the
    // types that were evaluated and which scanners they gate.
    const distinct = new Map();
    for (const s of result.scanners) {
        if (s.release === undefined)
            continue;
        const key = JSON.stringify([s.release.status, s.release.types]);
        const entry = distinct.get(key) ?? { release: s.release, gatedBy: new Map() };
        for (const type of s.release.failingTypes)
            entry.gatedBy.set(type, [...(entry.gatedBy.get(type) ?? []), s.scanner]);
        distinct.set(key, entry);
    }
    if (distinct.size === 0)
        return [];
    const lines = ['### Release criteria'];
    for (const { release, gatedBy } of distinct.values()) {
        lines.push('', `Overall: ${markdown_sections_text(ctx, releaseWord(release.status), 60)}`);
        const types = Object.entries(release.types)
            .filter(([, status]) => status !== '' && status !== 'undefined')
            .slice(0, ctx.compact ? 20 : 100);
        if (types.length === 0)
            continue;
        lines.push('', '| Type | Status | Fails the gate of |', '| --- | --- | --- |');
        for (const [type, status] of types) {
            const gated = gatedBy.get(type)?.join(', ') ?? '—';
            lines.push(`| ${markdown_sections_text(ctx, type, 30)} | ${markdown_sections_text(ctx, releaseWord(status), 60)} | ${markdown_sections_text(ctx, gated, 200, 60)} |`);
        }
    }
    return lines;
}
function locationText(f) {
    if (f.path !== undefined && f.path !== '') {
        const line = validLine(f.line);
        return line === undefined ? f.path : `${f.path}:${line}`;
    }
    if (f.url !== undefined && f.url !== '') {
        const method = f.method === undefined || f.method === '' ? '' : `${f.method} `;
        const param = f.parameter === undefined || f.parameter === '' ? '' : ` (${f.parameter})`;
        return `${method}${f.url}${param}`;
    }
    return '';
}
function findingRow(f, ctx) {
    const severity = `${SEVERITY_EMOJI[f.severity] ?? ''} ${capitalise(f.severity)}`;
    const name = `${f.inChange ? '✏️ ' : ''}${f.isNew ? '🆕 ' : ''}${(0,render_escape/* markdownLink */.iQ)(markdown_sections_text(ctx, f.name, 200), f.link)}`;
    const location = locationText(f);
    const where = location === '' ? '—' : markdown_sections_text(ctx, location, 200);
    const cwe = cweUrl(f.cweId);
    const cweCell = cwe === undefined ? '—' : (0,render_escape/* markdownLink */.iQ)(`CWE\\-${f.cweId}`, cwe);
    return `| ${severity} | ${name} | ${where} | ${cweCell} | ${markdown_sections_text(ctx, f.scanner, 60, 30)} |`;
}
/** The findings section with the first `rows.length` rows; empty when there are none to show. */
function findingsLines(rows, total, ctx) {
    if (rows.length === 0)
        return [];
    const note = rows.length < total
        ? [`_Showing the ${rows.length} most severe of ${total} findings._ ${(0,render_escape/* markdownLink */.iQ)('Full report', ctx.fullReportUrl)}`.trim()]
        : [];
    const table = ['| Severity | Finding | Location | CWE | Scanner |', '| --- | --- | --- | --- | --- |', ...rows];
    if (!ctx.html)
        return ['### Top findings', '', ...table, ...(note.length > 0 ? ['', ...note] : [])];
    return [
        '<details open><summary><b>Top findings</b></summary>',
        '',
        ...table,
        ...(note.length > 0 ? ['', ...note] : []),
        '',
        '</details>',
    ];
}
function footerLines(result, ctx, jobUrl) {
    const links = [];
    const project = (0,render_escape/* safeHttpUrl */.vH)(result.project.link);
    if (project !== undefined)
        links.push((0,render_escape/* markdownLink */.iQ)(`Open the project in ${PRODUCT_NAME}`, project));
    const report = (0,render_escape/* safeHttpUrl */.vH)(result.reportUrl);
    if (report !== undefined && report !== project)
        links.push((0,render_escape/* markdownLink */.iQ)('Full report', report));
    const job = (0,render_escape/* safeHttpUrl */.vH)(jobUrl);
    if (job !== undefined)
        links.push((0,render_escape/* markdownLink */.iQ)('CI job', job));
    const version = `${PRODUCT_NAME} CI ${markdown_sections_text(ctx, result.toolVersion, 40)}`;
    return [...(links.length > 0 ? [links.join(' · '), ''] : []), ctx.html ? `<sub>${version}</sub>` : `_${version}_`];
}
function shortenedNotice(ctx) {
    const link = (0,render_escape/* markdownLink */.iQ)('See the full report', ctx.fullReportUrl);
    const where = ctx.fullReportUrl === undefined ? 'See the CI job log for the full report.' : `${link}.`;
    return `> ⚠️ This report was shortened to fit the size limit. ${where}`;
}

;// CONCATENATED MODULE: ./build/shared/render/markdown.js




/** GitHub issue/PR comment body. */
const GITHUB_COMMENT_LIMIT = 65_536;
/** GitHub step summary (`GITHUB_STEP_SUMMARY`), 1 MiB. */
const GITHUB_SUMMARY_LIMIT = 1_048_576;
/** GitLab note body. */
const GITLAB_NOTE_LIMIT = 1_000_000;
/** Bitbucket pull-request comment (kept conservative). */
const BITBUCKET_COMMENT_LIMIT = 32_768;
const MARKDOWN_LIMITS = {
    github: GITHUB_COMMENT_LIMIT,
    summary: GITHUB_SUMMARY_LIMIT,
    gitlab: GITLAB_NOTE_LIMIT,
    bitbucket: BITBUCKET_COMMENT_LIMIT,
};
const DEFAULT_MAX_FINDINGS = 25;
function buildParts(result, options, compact, top, budget) {
    const fullReportUrl = [options.jobUrl, result.reportUrl, result.project.link].map(render_escape/* safeHttpUrl */.vH).find((u) => u !== undefined);
    const ctx = sectionContext(options.flavour, compact, fullReportUrl, options.codeHost);
    const head = [
        ...(options.marker === undefined ? [] : [markerLine(options.marker, options.flavour === 'bitbucket' ? 'bitbucket' : 'html')]),
        ...headerLines(result, ctx),
    ];
    const body = [];
    for (const section of [scannerLines(result, ctx), gateLines(result, ctx), releaseLines(result, ctx)]) {
        if (section.length > 0)
            body.push('', ...section);
    }
    return { ctx, head, body, footer: footerLines(result, ctx, options.jobUrl), rows: findingRows(top, ctx, budget) };
}
/** Rows for the top findings, stopping once they alone exceed the budget (more could never fit). */
function findingRows(top, ctx, budget) {
    const rows = [];
    let bytes = 0;
    for (const f of top) {
        const row = findingRow(f, ctx);
        bytes += utf8Length(row) + 1;
        if (bytes > budget)
            break;
        rows.push(row);
    }
    return rows;
}
function assemble(parts, rowCount, total, notice) {
    const findings = findingsLines(parts.rows.slice(0, rowCount), total, parts.ctx);
    const lines = [...parts.head, ...parts.body];
    if (findings.length > 0)
        lines.push('', ...findings);
    if (notice)
        lines.push('', shortenedNotice(parts.ctx));
    lines.push('', ...parts.footer);
    return `${lines.join('\n')}\n`;
}
/** The most rows that fit with the notice, or -1 when not even the report without rows fits. */
function mostRowsThatFit(parts, total, budget) {
    if (utf8Length(assemble(parts, 0, total, true)) > budget)
        return -1;
    let low = 0;
    let high = parts.rows.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (utf8Length(assemble(parts, mid, total, true)) <= budget)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
/** Last resort: keep whole leading lines (the marker and status come first) and add the notice. */
function hardCut(parts, total, budget) {
    const notice = `\n${shortenedNotice(parts.ctx)}\n`;
    const full = assemble(parts, 0, total, false);
    const room = budget - utf8Length(notice);
    if (room <= 0)
        return clipUtf8(notice.trimStart(), budget);
    // Whole lines only, and no heading left dangling without its content.
    const lines = clipUtf8(full, room).split('\n').slice(0, -1);
    while (lines.length > 0 && /^(#|\s*$)/.test(lines[lines.length - 1] ?? ''))
        lines.pop();
    const kept = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    return clipUtf8(`${kept}${notice}`, budget);
}
function renderMarkdown(result, options) {
    const budget = Math.max(0, Math.floor(options.maxChars ?? MARKDOWN_LIMITS[options.flavour]));
    const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? DEFAULT_MAX_FINDINGS));
    const total = totalFindings(result.scanners);
    const top = maxFindings === 0 ? [] : sortedFindings(result).slice(0, maxFindings);
    const full = buildParts(result, options, false, top, budget);
    if (full.rows.length === top.length) {
        const complete = assemble(full, full.rows.length, total, false);
        if (utf8Length(complete) <= budget)
            return complete;
    }
    const rows = mostRowsThatFit(full, total, budget);
    if (rows >= 0)
        return assemble(full, rows, total, true);
    const compact = buildParts(result, options, true, top, budget);
    const compactRows = mostRowsThatFit(compact, total, budget);
    if (compactRows >= 0)
        return assemble(compact, compactRows, total, true);
    return hardCut(compact, total, budget);
}

;// CONCATENATED MODULE: ./build/shared/render/sarif.js


const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub accepts at most 25,000 results per run (and shows the first 5,000). */
const SARIF_MAX_RESULTS_PER_RUN = 25_000;
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    info: '0.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note',
};
const plain = (text, max) => (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text), max);
function securitySeverity(f) {
    return f.cvss !== undefined && Number.isFinite(f.cvss) && f.cvss >= 0 && f.cvss <= 10
        ? f.cvss.toFixed(1)
        : SECURITY_SEVERITY[f.severity];
}
/** Percent-encodes what is not allowed in a relative URI path (and `:`, which would read as a scheme). */
function uriPath(path) {
    return path.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=@/%]/gu, (ch) => encodeURIComponent(ch));
}
function locationOf(f, scanner) {
    const path = repoPath(f.path);
    if (path !== '') {
        const line = validLine(f.line);
        return {
            physicalLocation: {
                artifactLocation: { uri: uriPath(path), uriBaseId: '%SRCROOT%' },
                ...(line === undefined ? {} : { region: { startLine: line } }),
            },
        };
    }
    const synthetic = { physicalLocation: { artifactLocation: { uri: `${PRODUCT_ID}/${slug(scanner)}` } } };
    const request = requestOf(f);
    if (request === undefined)
        return synthetic;
    const method = request.method === undefined ? '' : `${request.method} `;
    const param = request.parameter === undefined ? '' : ` (${request.parameter})`;
    return { ...synthetic, logicalLocations: [{ kind: 'resource', fullyQualifiedName: `${method}${request.url}${param}` }] };
}
/**
 * A DAST finding's request (no repository path, an http(s) URL), cleaned: the location's logical name and the
 * result's properties (the URL is not a repository file).
 */
function requestOf(f) {
    const url = repoPath(f.path) === '' ? (0,render_escape/* safeHttpUrl */.vH)(f.url) : undefined;
    if (url === undefined)
        return undefined;
    return {
        url: (0,render_escape/* truncate */.xv)(url, 2000),
        ...(f.method === undefined || f.method.trim() === '' ? {} : { method: plain(f.method, 20).toUpperCase() }),
        ...(f.parameter === undefined || f.parameter === '' ? {} : { parameter: plain(f.parameter, 200) }),
    };
}
function messageOf(f) {
    const cwe = f.cweId !== undefined && cweUrl(f.cweId) !== undefined ? ` (CWE-${f.cweId})` : '';
    const where = f.path !== undefined && f.path !== ''
        ? ` in ${f.path}${validLine(f.line) === undefined ? '' : `:${f.line}`}`
        : f.url !== undefined && f.url !== ''
            ? ` at ${f.method ?? ''} ${f.url}${f.parameter === undefined ? '' : ` (parameter ${f.parameter})`}`
            : '';
    return plain(`${capitalSeverity(f.severity)}: ${f.name}${cwe}${where}`, 2000);
}
const capitalSeverity = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function ruleOf(f, ruleId) {
    const cwe = cweUrl(f.cweId);
    const helpUri = cwe ?? (0,render_escape/* safeHttpUrl */.vH)(f.link);
    const tags = ['security', ...(cwe === undefined ? [] : [`CWE-${f.cweId}`, `external/cwe/cwe-${f.cweId}`])];
    const title = plain(f.name, 300) || ruleId;
    const weakness = f.cweName === undefined ? '' : plain(f.cweName, 1000);
    // A CWE-keyed rule is described by its weakness: the titles of its findings may differ, the weakness does not.
    const short = cwe !== undefined && weakness !== '' ? `CWE-${f.cweId}: ${weakness}` : title;
    // Something the title does not say already, or nothing: a rule keyed by a title says no more than it.
    const full = cwe === undefined && weakness !== '' ? `${title}: ${weakness}.` : undefined;
    return {
        id: ruleId,
        shortDescription: { text: short },
        ...(full === undefined ? {} : { fullDescription: { text: full } }),
        ...(helpUri === undefined ? {} : { helpUri }),
        help: { text: helpUri === undefined ? (full ?? short) : `${full ?? short}\n\n${helpUri}` },
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { tags, 'security-severity': securitySeverity(f), precision: 'high' },
    };
}
function runOf(scanner, toolVersion, maxResults) {
    const findings = [...scanner.findings].sort(compareFindings).slice(0, maxResults);
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((f) => {
        const ruleId = plain(f.ruleId, 255) || `${slug(scanner.scanner)}/unknown`;
        let index = ruleIndex.get(ruleId);
        if (index === undefined) {
            // Findings are most severe first, so a rule takes the severity of its worst finding.
            index = rules.push(ruleOf(f, ruleId)) - 1;
            ruleIndex.set(ruleId, index);
        }
        return {
            ruleId,
            ruleIndex: index,
            level: LEVEL[f.severity],
            kind: 'fail',
            message: { text: messageOf(f) },
            locations: [locationOf(f, scanner.scanner)],
            partialFingerprints: { 'invictiFindingId/v1': sha256Hex(`${scanner.scanner}\u0000${f.id}`) },
            baselineState: f.isNew ? 'new' : 'unchanged',
            properties: { severity: f.severity, scanner: plain(scanner.scanner, 200), isNew: f.isNew, ...requestOf(f) },
        };
    });
    return {
        tool: {
            driver: {
                name: plain(`${PRODUCT_NAME}: ${scanner.scanner}`, 200),
                informationUri: PRODUCT_URL,
                version: plain(toolVersion, 50) || '0.0.0',
                rules,
            },
        },
        automationDetails: { id: `${PRODUCT_ID}/${slug(scanner.scanner)}/` },
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
            scannerType: plain(scanner.scannerType, 50),
            status: scanner.status,
            findingsTruncated: scanner.findingsTruncated || scanner.findings.length > findings.length,
        },
    };
}
function renderSarif(result, options = {}) {
    const maxResults = Math.max(0, Math.floor(options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN));
    const reported = result.scanners.filter((s) => s.status === 'passed' || s.status === 'failed' || s.status === 'warned');
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: reported.map((s) => runOf(s, result.toolVersion, maxResults)),
    };
}

;// CONCATENATED MODULE: ./build/shared/core/report-files.js
/**
 * The report files a run can leave behind (`output-json`, `sarif`, `summary-markdown`), written through an
 * injected writer so that every packaging writes them the same way.
 */



/** Write every report file asked for; returns what was written, as `{ kind, path }`. */
async function writeReportFiles(result, settings, write) {
    const written = [];
    if (settings.outputJson) {
        await write(settings.outputJson, renderJson(result));
        written.push({ kind: 'json', path: settings.outputJson });
    }
    if (settings.sarif) {
        await write(settings.sarif, reportFileText(renderSarif(result)));
        written.push({ kind: 'sarif', path: settings.sarif });
    }
    if (settings.summaryMarkdown) {
        const markdown = renderMarkdown(result, {
            flavour: 'summary',
            maxFindings: settings.maxFindings,
            ...(settings.jobUrl ? { jobUrl: settings.jobUrl } : {}),
            ...(settings.reportHost ? { codeHost: settings.reportHost } : {}),
        });
        await write(settings.summaryMarkdown, markdown);
        written.push({ kind: 'summary-markdown', path: settings.summaryMarkdown });
    }
    return written;
}


/***/ }),

/***/ 318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   iQ: () => (/* binding */ markdownLink),
/* harmony export */   vH: () => (/* binding */ safeHttpUrl),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export escapeXml */
/**
 * Making scanner text inert. Finding names, paths, URLs and messages come from third-party scanners and
 * may be crafted: they must never become markup, mentions, links to odd schemes, or reordered text.
 */
/** Characters that reorder or hide text direction ("Trojan Source"): embeddings, overrides, isolates, marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF]/g;
/** Line breaks and tabs, including the Unicode line/paragraph separators and NEL. */
const BREAKS = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Strips control characters, bidi overrides and direction marks, and repairs lone surrogates.
 * Line breaks and tabs become spaces unless `keepNewlines` (then they become `\n`; tabs stay).
 */
function cleanText(text, keepNewlines = false) {
    let out = text.replace(LONE_SURROGATE, '\uFFFD').replace(BIDI, '');
    out = keepNewlines
        ? out.replace(BREAKS, (m) => (m === '\t' ? '\t' : '\n'))
        : out.replace(BREAKS, ' ');
    return out.replace(CONTROL, '');
}
/**
 * Cuts `text` to at most `maxChars` UTF-16 units, ending with an ellipsis when cut.
 * Never leaves half of a surrogate pair.
 */
function truncate(text, maxChars) {
    const max = Math.max(0, Math.floor(maxChars));
    if (text.length <= max)
        return text;
    if (max === 0)
        return '';
    let end = max - 1;
    const last = text.charCodeAt(end - 1);
    if (end > 0 && last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}…`;
}
// CommonMark lets any ASCII punctuation be backslash-escaped. Besides structure (`*_[]()#|` ...), `.` and `:`
// are escaped so bare URLs and domains are not auto-linked, `~` so GitLab labels and strikethrough do not fire,
// `$` so GitHub math does not render, `%` for GitLab milestones.
const COMMONMARK_SPECIAL = /[\\`*_{}[\]()#+\-.!|~$:%&<>@]/g;
// Python-Markdown (Bitbucket) only honours these escapes (plus `|` in tables); others would show a backslash.
const BITBUCKET_SPECIAL = /[\\`*_{}[\]()#+\-.!|&<>@]/g;
function escapeChar(ch) {
    switch (ch) {
        case '&':
            return '&amp;';
        case '<':
            return '&lt;';
        case '>':
            return '&gt;';
        // A joiner after `@` keeps "@user" readable but stops it from notifying anyone (mention filters work
        // on the rendered text, where a backslash escape is already gone).
        case '@':
            return '@\u200D';
        default:
            return `\\${ch}`;
    }
}
/** Inline markdown text (also safe inside a table cell): one line, no markup, no mentions, no autolinks. */
function escapeMarkdown(text, dialect = 'commonmark') {
    const special = dialect === 'bitbucket' ? BITBUCKET_SPECIAL : COMMONMARK_SPECIAL;
    return cleanText(text).replace(special, escapeChar);
}
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value inside HTML. Newlines are kept (they are whitespace in HTML). */
function escapeHtml(text) {
    return cleanText(text, true).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}
/** Characters XML 1.0 does not allow at all, even as references (lone surrogates are handled by cleanText). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES = {
    ...HTML_ENTITIES,
    "'": '&apos;',
    '\n': '&#10;',
    '\r': '&#13;',
    '\t': '&#9;',
};
/**
 * Text or attribute value in XML (JUnit). Drops characters XML 1.0 forbids; line breaks and tabs become
 * character references so they survive attribute-value normalisation.
 */
function escapeXml(text) {
    return cleanText(text, true)
        .replace(XML_INVALID, '')
        .replace(/[&<>"'\n\r\t]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}
/** URLs longer than this are shown as text: no real link is this long, and it would blow the size budget. */
const MAX_URL_LENGTH = 2048;
/**
 * The URL in canonical form when it is an absolute http(s) URL, else undefined. Credentials in the URL are
 * dropped (they must never reach a report).
 */
function safeHttpUrl(url) {
    if (url === undefined)
        return undefined;
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.length > MAX_URL_LENGTH)
        return undefined;
    let parsed;
    try {
        parsed = new URL(trimmed);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return undefined;
    if (parsed.hostname === '')
        return undefined;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
}
/**
 * A markdown link destination: characters that could close the link, split a table row or start markup are
 * percent-encoded (WHATWG `href` already encodes spaces, quotes and non-ASCII).
 */
function linkDestination(href) {
    return href.replace(/[^A-Za-z0-9\-._~:/?#&=%+,;@!$*]/g, (ch) => {
        const code = ch.charCodeAt(0);
        return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
    });
}
/**
 * `[label](url)` when `url` is an absolute http(s) URL, else just `label`. `label` must already be
 * escaped markdown; the URL is checked and encoded here.
 */
function markdownLink(label, url) {
    const href = safeHttpUrl(url);
    return href === undefined ? label : `[${label}](${linkDestination(href)})`;
}


/***/ })

};
