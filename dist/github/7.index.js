export const id = 7;
export const ids = [7];
export const modules = {

/***/ 7007:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dr: () => (/* binding */ actionOutputs),
  failedOutputs: () => (/* binding */ failedOutputs),
  setOutputs: () => (/* binding */ setOutputs)
});

// UNUSED EXPORTS: ACTION_OUTPUTS, OUTPUT_NAMES

// EXTERNAL MODULE: ./build/shared/core/release.js
var release = __webpack_require__(931);
// EXTERNAL MODULE: ./build/shared/api/types.js
var types = __webpack_require__(9190);
// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(3318);
// EXTERNAL MODULE: ./build/shared/core/result.js
var core_result = __webpack_require__(4641);
;// CONCATENATED MODULE: ./build/shared/core/run-totals.js
/**
 * A run's figures as single values, for CI outputs (GitHub step outputs, GitLab dotenv): counts summed over the
 * scanners (unknown when any scanner's are), the highest risk score, the release status, the one link to follow.
 */




/** The sum of every scanner's counts; undefined when there are none or any is unknown (one rule for all totals). */
function sumAll(each) {
    if (each.length === 0)
        return undefined;
    const sum = (0,core_result/* zeroCounts */.N)();
    for (const counts of each) {
        if (counts === undefined)
            return undefined;
        for (const sev of types/* SEVERITIES */.oC)
            sum[sev] += counts[sev];
    }
    return sum;
}
/** A figure as a CI output (GitHub step output, GitLab dotenv): empty when it is not known, never a made-up 0. */
const outputNumber = (n) => (n === undefined ? '' : String(n));
function runTotals(result) {
    const counts = sumAll(result.scanners.map((s) => s.counts));
    const newCounts = sumAll(result.scanners.map((s) => s.newCounts));
    const scores = result.scanners.map((s) => s.riskScore).filter((n) => n !== undefined && Number.isFinite(n));
    const statuses = result.scanners.map((s) => (0,release/* gatedReleaseStatus */.hu)(s.release)).filter((s) => s !== '');
    const scanLinks = result.scanners.map((s) => (0,render_escape/* safeHttpUrl */.vH)(s.links.scan)).filter((l) => l !== undefined);
    const present = (v) => v !== undefined && v !== '';
    const fixed = sumAll(result.scanners.map((s) => s.fixedCounts));
    return {
        ...(counts ? { counts, total: (0,core_result/* countTotal */.I)(counts) } : {}),
        ...(newCounts ? { newCounts, newTotal: (0,core_result/* countTotal */.I)(newCounts) } : {}),
        ...(fixed ? { fixedTotal: (0,core_result/* countTotal */.I)(fixed) } : {}),
        ...(scores.length > 0 ? { riskScore: Math.max(...scores) } : {}),
        releaseStatus: statuses.includes('fail') ? 'fail' : (statuses[0] ?? ''),
        reportUrl: (result.scanners.length === 1 && scanLinks.length === 1 ? scanLinks[0] : (0,render_escape/* safeHttpUrl */.vH)(result.project.link)) ?? '',
        eventIds: result.scanners.map((s) => s.eventId).filter(present),
        scanIds: result.scanners.map((s) => s.scanId).filter(present),
    };
}

;// CONCATENATED MODULE: ./build/actions/github/outputs.js
/**
 * Step outputs: declared once here (action.yml and the docs are checked against this list) and computed from
 * the run's result. Every output is always set, empty when it does not apply, so that workflow expressions
 * never have to tell "unset" from "empty".
 */



/** Output id → description, in the order action.yml lists them. */
const ACTION_OUTPUTS = {
    status: 'Outcome of the run: passed, failed, warned, error, timeout or skipped (async runs).',
    'exit-code': 'Exit code of the step: 0 passed or warned, 1 gate failed, 2 configuration error, 3 platform error or timeout.',
    summary: 'One-line decision with the reasons.',
    'event-id': 'Platform event IDs of the scans, comma-separated (pass them to event-id with mode wait).',
    'scan-id': 'Platform scan IDs, comma-separated.',
    critical: 'Critical findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    high: 'High findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    medium: 'Medium findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    low: 'Low findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    info: 'Informational findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    total: 'All findings, summed over the scanners; empty when a scanner has no finished scan to count.',
    'new-critical': 'Critical findings new in this scan; empty when not known for every scanner.',
    'new-high': 'High findings new in this scan; empty when not known for every scanner.',
    'new-medium': 'Medium findings new in this scan; empty when not known for every scanner.',
    'new-low': 'Low findings new in this scan; empty when not known for every scanner.',
    'new-info': 'Informational findings new in this scan; empty when not known for every scanner.',
    'new-total': 'All findings new in this scan; empty when not known for every scanner.',
    'fixed-total': 'Pull request runs: findings of the target branch that this change fixes; empty when not known for every scanner.',
    'risk-score': 'Risk score of the scan (the highest of the scanners); empty when the platform gave none.',
    'release-status': "Release criteria status as the gate read it, success or fail (fail when a failure counted for one of this run's scanners, see release-criteria); empty when not evaluated.",
    'report-url': 'Link to the project (or, with one scanner, the scan) in Invicti ASPM.',
    'sarif-file': 'Path of the SARIF file written (input sarif); empty when none was written.',
    'comment-url': 'Link to the pull request comment; empty when none was written.',
    scanners: 'Per-scanner results as JSON: scanner, type, status, event and scan IDs, counts, new counts, risk score, release status, link.',
};
const OUTPUT_NAMES = Object.keys(ACTION_OUTPUTS);
/** Every output for a finished run. */
function actionOutputs(result, extras = {}) {
    const t = runTotals(result);
    // Empty, as any output that does not apply, when a scanner's counts are unknown (`runTotals` says why).
    const counts = Object.fromEntries(types/* SEVERITIES */.oC.map((sev) => [sev, outputNumber(t.counts?.[sev])]));
    // The GitHub packaging always reads the split (`reads.newCounts`); empty, as any output that does not apply, if not.
    const fresh = Object.fromEntries(types/* SEVERITIES */.oC.map((sev) => [`new-${sev}`, outputNumber(t.newCounts?.[sev])]));
    const scanners = result.scanners.map((s) => ({
        scanner: s.scanner,
        type: s.scannerType,
        status: s.status,
        eventId: s.eventId ?? '',
        scanId: s.scanId ?? '',
        counts: s.counts,
        newCounts: s.newCounts,
        ...(s.fixedCounts ? { fixedCounts: s.fixedCounts } : {}),
        riskScore: s.riskScore ?? null,
        releaseStatus: (0,release/* gatedReleaseStatus */.hu)(s.release),
        link: s.links.scan ?? s.links.event ?? '',
    }));
    return {
        status: result.status,
        'exit-code': String(result.exitCode),
        summary: result.summary,
        'event-id': t.eventIds.join(','),
        'scan-id': t.scanIds.join(','),
        ...counts,
        total: outputNumber(t.total),
        ...fresh,
        'new-total': outputNumber(t.newTotal),
        'fixed-total': outputNumber(t.fixedTotal),
        'risk-score': outputNumber(t.riskScore),
        'release-status': t.releaseStatus,
        'report-url': t.reportUrl,
        'sarif-file': extras.sarifFile ?? '',
        'comment-url': extras.commentUrl ?? '',
        scanners: JSON.stringify(scanners),
    };
}
/** The outputs of a run that never got a result (a configuration error): status and exit code, the rest empty. */
function failedOutputs(status, exitCode, summary) {
    const empty = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, '']));
    return { ...empty, status, 'exit-code': String(exitCode), summary, scanners: '[]' };
}
/** Sets every output on the step. */
function setOutputs(toolkit, outputs) {
    for (const [name, value] of Object.entries(outputs))
        toolkit.setOutput(name, value);
}


/***/ }),

/***/ 447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   XT: () => (/* binding */ countedReleaseFailures),
/* harmony export */   _O: () => (/* binding */ gateStatus)
/* harmony export */ });
/* harmony import */ var _api_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9190);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
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

/***/ 3318:
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
