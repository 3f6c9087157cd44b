export const id = 321;
export const ids = [321,478];
export const modules = {

/***/ 5407:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var map = {
	"./BurstyRateLimiter": [
		5860
	],
	"./BurstyRateLimiter.js": [
		5860
	],
	"./ExpressBruteFlexible": [
		3966,
		966
	],
	"./ExpressBruteFlexible.js": [
		3966,
		966
	],
	"./RLWrapperBlackAndWhite": [
		7383
	],
	"./RLWrapperBlackAndWhite.js": [
		7383
	],
	"./RLWrapperTimeouts": [
		4016
	],
	"./RLWrapperTimeouts.js": [
		4016
	],
	"./RateLimiterAbstract": [
		8569
	],
	"./RateLimiterAbstract.js": [
		8569
	],
	"./RateLimiterCluster": [
		565
	],
	"./RateLimiterCluster.js": [
		565
	],
	"./RateLimiterDrizzle": [
		673
	],
	"./RateLimiterDrizzle.js": [
		673
	],
	"./RateLimiterDrizzleNonAtomic": [
		5347
	],
	"./RateLimiterDrizzleNonAtomic.js": [
		5347
	],
	"./RateLimiterDynamo": [
		2309
	],
	"./RateLimiterDynamo.js": [
		2309
	],
	"./RateLimiterEtcd": [
		6481
	],
	"./RateLimiterEtcd.js": [
		6481
	],
	"./RateLimiterEtcdNonAtomic": [
		5299
	],
	"./RateLimiterEtcdNonAtomic.js": [
		5299
	],
	"./RateLimiterInsuredAbstract": [
		3847
	],
	"./RateLimiterInsuredAbstract.js": [
		3847
	],
	"./RateLimiterMemcache": [
		3250
	],
	"./RateLimiterMemcache.js": [
		3250
	],
	"./RateLimiterMemory": [
		4544
	],
	"./RateLimiterMemory.js": [
		4544
	],
	"./RateLimiterMongo": [
		8439
	],
	"./RateLimiterMongo.js": [
		8439
	],
	"./RateLimiterMySQL": [
		7793
	],
	"./RateLimiterMySQL.js": [
		7793
	],
	"./RateLimiterPostgres": [
		3740
	],
	"./RateLimiterPostgres.js": [
		3740
	],
	"./RateLimiterPrisma": [
		6323
	],
	"./RateLimiterPrisma.js": [
		6323
	],
	"./RateLimiterQueue": [
		2860
	],
	"./RateLimiterQueue.js": [
		2860
	],
	"./RateLimiterRedis": [
		4336
	],
	"./RateLimiterRedis.js": [
		4336
	],
	"./RateLimiterRes": [
		449
	],
	"./RateLimiterRes.js": [
		449
	],
	"./RateLimiterSQLite": [
		3283
	],
	"./RateLimiterSQLite.js": [
		3283
	],
	"./RateLimiterStoreAbstract": [
		5140
	],
	"./RateLimiterStoreAbstract.js": [
		5140
	],
	"./RateLimiterUnion": [
		244
	],
	"./RateLimiterUnion.js": [
		244
	],
	"./RateLimiterValkey": [
		2193
	],
	"./RateLimiterValkey.js": [
		2193
	],
	"./RateLimiterValkeyGlide": [
		3756
	],
	"./RateLimiterValkeyGlide.js": [
		3756
	],
	"./component/BlockedKeys": [
		8830
	],
	"./component/BlockedKeys/": [
		8830
	],
	"./component/BlockedKeys/BlockedKeys": [
		5202
	],
	"./component/BlockedKeys/BlockedKeys.js": [
		5202
	],
	"./component/BlockedKeys/index": [
		8830
	],
	"./component/BlockedKeys/index.js": [
		8830
	],
	"./component/MemoryStorage": [
		8178,
		178
	],
	"./component/MemoryStorage/": [
		8178,
		178
	],
	"./component/MemoryStorage/MemoryStorage": [
		1534
	],
	"./component/MemoryStorage/MemoryStorage.js": [
		1534
	],
	"./component/MemoryStorage/Record": [
		749
	],
	"./component/MemoryStorage/Record.js": [
		749
	],
	"./component/MemoryStorage/index": [
		8178,
		178
	],
	"./component/MemoryStorage/index.js": [
		8178,
		178
	],
	"./component/RateLimiterEtcdTransactionFailedError": [
		3184
	],
	"./component/RateLimiterEtcdTransactionFailedError.js": [
		3184
	],
	"./component/RateLimiterQueueError": [
		7948
	],
	"./component/RateLimiterQueueError.js": [
		7948
	],
	"./component/RateLimiterSetupError": [
		2922
	],
	"./component/RateLimiterSetupError.js": [
		2922
	],
	"./constants": [
		3880,
		880
	],
	"./constants.js": [
		3880,
		880
	]
};
function webpackAsyncContext(req) {
	if(!__webpack_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__webpack_require__.e)).then(() => {
		return __webpack_require__.t(id, 7 | 16);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 5407;
module.exports = webpackAsyncContext;

/***/ }),

/***/ 9888:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitlabClient: () => (/* binding */ gitlabClient),
/* harmony export */   gitlabHost: () => (/* binding */ gitlabHost)
/* harmony export */ });
/* harmony import */ var _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(342);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7208);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4692);




/** gitbeaker wants the instance root and appends `/api/v4` itself: anything else would reach the wrong URLs. */
function gitlabHost(apiUrl) {
    const trimmed = apiUrl.replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(trimmed) || !trimmed.endsWith('/api/v4')) {
        // The value is not echoed: a URL can carry credentials.
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL('CI_API_V4_URL', 'CI_API_V4_URL must be the GitLab API v4 URL, such as https://gitlab.example.com/api/v4.');
    }
    return trimmed.slice(0, -'/api/v4'.length);
}
/** A client for `options.apiUrl`; throws a ConfigError naming CI_API_V4_URL when that is no API v4 URL. */
function gitlabClient(options) {
    const host = gitlabHost(options.apiUrl);
    const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyFor */ .iJ)(options.apiUrl, options.proxy);
    // gitbeaker's types say node:http Agent, but it passes the value to fetch as `dispatcher`.
    const agent = proxy ? new undici__WEBPACK_IMPORTED_MODULE_1__/* .ProxyAgent */ .kT(proxy) : undefined;
    const common = { host, queryTimeout: options.timeoutMs ?? 60_000, ...(agent ? { agent } : {}) };
    return options.token !== undefined ? new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Gitlab */ .mJr({ ...common, token: options.token }) : new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Gitlab */ .mJr({ ...common, oauthToken: options.oauthToken ?? '' });
}


/***/ }),

/***/ 5027:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitlabPublisher: () => (/* binding */ gitlabPublisher)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/shared/errors.js + 1 modules
var errors = __webpack_require__(7208);
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

// EXTERNAL MODULE: ./build/shared/core/output-variables.js
var output_variables = __webpack_require__(9045);
;// CONCATENATED MODULE: ./build/gitlab-templates/src/dotenv.js



// Caps that keep the whole file well under GitLab's 5 KB even with multi-byte text: a 300-character summary is
// at most 1.2 KB of UTF-8, ID lists and URLs are ASCII.
const MAX_SUMMARY = 300;
const MAX_IDS = 400;
const MAX_URL = 500;
/** One line, no control characters, bounded: what a dotenv value may hold. */
function oneLine(text, max) {
    return (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text).replace(/\s+/g, ' ').trim(), max);
}
/** Plain IDs only, comma-separated, as many whole ones as fit. */
function joinIds(values) {
    let out = '';
    for (const id of values) {
        if (id === undefined || !/^[A-Za-z0-9._:-]{1,100}$/.test(id))
            continue;
        const next = out === '' ? id : `${out},${id}`;
        if (next.length > MAX_IDS)
            break;
        out = next;
    }
    return out;
}
const boundedUrl = (url) => {
    const safe = (0,render_escape/* safeHttpUrl */.vH)(url);
    return safe !== undefined && safe.length <= MAX_URL ? safe : '';
};
/** The outputs of a finished run; every one is present, empty when it does not apply. */
function gitlabOutputs(result, extras = {}) {
    const t = runTotals(result);
    return {
        INVICTI_STATUS: result.status,
        INVICTI_EXIT_CODE: String(result.exitCode),
        INVICTI_SUMMARY: oneLine(result.summary, MAX_SUMMARY),
        INVICTI_EVENT_IDS: joinIds(t.eventIds),
        INVICTI_SCAN_IDS: joinIds(t.scanIds),
        // Empty when a scanner's counts are unknown: not a 0 that reads as clean (`runTotals` says why).
        INVICTI_CRITICAL: outputNumber(t.counts?.critical),
        INVICTI_HIGH: outputNumber(t.counts?.high),
        INVICTI_MEDIUM: outputNumber(t.counts?.medium),
        INVICTI_LOW: outputNumber(t.counts?.low),
        INVICTI_INFO: outputNumber(t.counts?.info),
        INVICTI_TOTAL: outputNumber(t.total),
        INVICTI_NEW_TOTAL: outputNumber(t.newTotal),
        INVICTI_FIXED_TOTAL: outputNumber(t.fixedTotal),
        INVICTI_RISK_SCORE: outputNumber(t.riskScore),
        INVICTI_RELEASE_STATUS: oneLine(t.releaseStatus, 40),
        INVICTI_REPORT_URL: boundedUrl(t.reportUrl),
        INVICTI_NOTE_URL: boundedUrl(extras.noteUrl),
    };
}
/** `KEY=value` lines in the order of `OUTPUT_VARIABLES`. */
function renderDotenv(outputs) {
    return Object.keys(output_variables/* OUTPUT_VARIABLES */.g).map((name) => `${name}=${outputs[name]}`).join('\n') + '\n';
}

// EXTERNAL MODULE: ./build/shared/ci/context.js
var ci_context = __webpack_require__(6378);
// EXTERNAL MODULE: ./build/shared/core/options.js
var options = __webpack_require__(3768);
;// CONCATENATED MODULE: ./build/shared/platforms/errors.js
/**
 * Errors from a code host (GitHub, GitLab, Bitbucket) while commenting or reporting.
 *
 * The message is built by us from the method, the path and the host's own short message, never from a raw
 * request, so it cannot carry the token; `redact` runs over the host's text anyway as a last line of defence.
 */

const HOST_LABEL = {
    github: 'GitHub',
    gitlab: 'GitLab',
    bitbucket: 'Bitbucket',
};
class CodeHostError extends errors/* AppError */.uV {
    host;
    endpoint;
    status;
    hint;
    exitCode = errors/* EXIT_CODES */.ai.platform;
    kind = 'code-host';
    constructor(host, 
    /** `METHOD /path` of the request, without host or query. */
    endpoint, message, 
    /** HTTP status, when the host answered at all. */
    status, 
    /** What the user can do about it (a permission to grant, a token type to use). */
    hint) {
        super(message);
        this.host = host;
        this.endpoint = endpoint;
        this.status = status;
        this.hint = hint;
        this.name = 'CodeHostError';
    }
}
/** Longest piece of a host's own error text we repeat; enough for "Resource not accessible by integration". */
const MAX_HOST_TEXT = 200;
/** Build a `CodeHostError` from an answer; `secrets` are scrubbed from the host's text. */
function codeHostError(args) {
    const text = args.hostMessage ? errors_oneLine((0,errors/* redact */.E$)(args.hostMessage, args.secrets)) : '';
    const what = args.status === undefined ? 'failed' : `answered ${args.status}`;
    const message = `${HOST_LABEL[args.host]} ${args.endpoint} ${what}${text ? `: ${text}` : ''}`;
    return new CodeHostError(args.host, args.endpoint, message, args.status, args.hint);
}
/**
 * 403 and 404 on a comment route mean "this token may not see or write here": a fork pull request, a read-only
 * token, a token without the comment scope. Commenting is a courtesy, so these are skipped, not failed.
 */
function isPermissionProblem(err) {
    return err instanceof CodeHostError && (err.status === 403 || err.status === 404);
}
function errors_oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_HOST_TEXT ? `${flat.slice(0, MAX_HOST_TEXT - 1)}…` : flat;
}

// EXTERNAL MODULE: ./build/shared/platforms/marker.js
var marker = __webpack_require__(3805);
;// CONCATENATED MODULE: ./build/shared/platforms/truncate.js
/**
 * Safety net for comment bodies over a host's size limit (GitHub refuses bodies over 65,536 characters).
 * Renderers should already keep the comment short (top-N findings, full detail in the job summary); this only
 * makes sure an oversized body still posts, still renders, and still carries its marker.
 */

/**
 * Cut `body` to at most `maxChars` characters, appending `note` (say where the full report is).
 * Keeps marker lines (otherwise the next run could not find the comment), closes an open code fence or
 * `<details>` block so the note is not swallowed by it, prefers a line boundary and never splits a
 * surrogate pair. Bodies that fit are returned unchanged.
 */
function truncateBody(body, maxChars, note) {
    if (body.length <= maxChars)
        return body;
    const markers = body.split('\n').filter(marker/* isMarkerLine */.rf).map((l) => l.trim());
    let budget = maxChars;
    // A few passes: what we append (closers, markers) depends on where the cut lands.
    for (let attempt = 0; attempt < 4 && budget > 0; attempt += 1) {
        const head = cutAt(body, budget);
        const keptMarkers = markers.filter((m) => !head.split('\n').some((l) => l.trim() === m));
        const out = [head.replace(/\s+$/, ''), ...closers(head), '', note, ...keptMarkers].join('\n');
        if (out.length <= maxChars)
            return out;
        budget = Math.min(budget, head.length) - (out.length - maxChars);
    }
    // The note and markers alone do not fit: the marker matters most, then as much note as fits.
    const minimal = [...markers, note].join('\n');
    return cutAt(minimal, maxChars);
}
function cutAt(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, Math.max(0, max));
    const lastNewline = cut.lastIndexOf('\n');
    // A line boundary is nicer, but not at the price of throwing away more than a fifth of the budget.
    if (lastNewline > max * 0.8)
        cut = cut.slice(0, lastNewline);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return cut;
}
/** Closing lines for constructs left open by the cut: a fenced code block and `<details>` elements. */
function closers(head) {
    const parts = [];
    let fence;
    for (const line of head.split('\n')) {
        const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (open === undefined)
            continue;
        if (fence === undefined)
            fence = open;
        else if (open.startsWith(fence))
            fence = undefined;
    }
    if (fence !== undefined)
        parts.push(fence);
    const opened = (head.match(/<details[\s>]/gi) ?? []).length;
    const closed = (head.match(/<\/details>/gi) ?? []).length;
    for (let i = closed; i < opened; i += 1)
        parts.push('</details>');
    return parts;
}

;// CONCATENATED MODULE: ./build/shared/platforms/comment.js
/**
 * The sticky comment: one comment per project and scanner set on a pull/merge request, updated in place.
 *
 * Host-independent; each host implements the small `CommentStore` port over its real client. The rule
 * (after sticky-pull-request-comment, danger and renovate): a comment is ours when it carries our marker on
 * a line of its own AND was written by the token's own identity; every page is read; nothing is written when
 * the body is unchanged; permission problems are skipped with a reason, never failed.
 */






const DEFAULT_TRUNCATED_NOTE = '_This comment was shortened to fit the size limit. The full report is in the pipeline summary and artifacts._';
async function upsertComment(store, options) {
    if (!(0,marker/* hasMarker */.xY)(options.body, options.markerId)) {
        // A programming error in the caller: without the marker the comment could never be found again.
        throw new Error('comment body does not carry its marker line; render markerLine(markerId, style) into it');
    }
    const body = truncateBody(options.body, options.maxChars, options.truncatedNote ?? DEFAULT_TRUNCATED_NOTE);
    try {
        if (options.mode === 'new')
            return { action: 'created', ...(await store.create(body)) };
        const existing = await findOwnComment(store, options.markerId);
        if (!existing)
            return { action: 'created', ...(await store.create(body)) };
        if (sameBody(existing.body, body)) {
            return { action: 'unchanged', id: existing.id, ...(existing.url ? { url: existing.url } : {}) };
        }
        return { action: 'updated', ...(await store.update(existing.id, body)) };
    }
    catch (err) {
        if (!isPermissionProblem(err))
            throw err;
        const reason = `Not commenting: ${(0,errors/* describeError */.Uc)(err)}.${err.hint ? ` ${err.hint}` : ''}`;
        options.notice?.(reason);
        return { action: 'skipped', reason, ...(err.status === undefined ? {} : { status: err.status }) };
    }
}
/** The most recent comment carrying the marker and written by the token's own identity, if any. */
async function findOwnComment(store, markerId) {
    const me = await store.whoAmI();
    let found;
    for await (const comment of store.list()) {
        if (comment.system === true || comment.authorId === '' || comment.authorId !== me.id)
            continue;
        if ((0,marker/* hasMarker */.xY)(comment.body, markerId))
            found = comment;
    }
    return found;
}
/** Hosts may hand back `\r\n` or drop trailing whitespace; neither is a change worth a write. */
function sameBody(a, b) {
    const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();
    return norm(a) === norm(b);
}

// EXTERNAL MODULE: ./build/shared/proxy.js
var proxy = __webpack_require__(4692);
// EXTERNAL MODULE: ./build/shared/render/markdown.js + 1 modules
var markdown = __webpack_require__(1359);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./build/gitlab-templates/src/gitlab-client.js
var gitlab_client = __webpack_require__(9888);
;// CONCATENATED MODULE: ./build/gitlab-templates/src/notes.js
/**
 * `CommentStore` for GitLab merge requests, over `@gitbeaker/rest` (MR notes), through the adapter's one client.
 *
 * CI_JOB_TOKEN cannot write notes, so this takes a project/group access token or a bot user's PAT
 * (`token`, sent as PRIVATE-TOKEN) or an OAuth token (`oauthToken`, sent as `Authorization: Bearer`).
 */




/** GitLab's limit on a note body. */
const GITLAB_NOTE_MAX_CHARS = 1_000_000;
const WRITE_HINT = 'Use a project or group access token (or a bot user PAT) with the `api` scope and at least the Reporter role; ' +
    'CI_JOB_TOKEN cannot write merge request notes.';
const User = schemas/* object */.Ikc({ id: schemas/* number */.aig(), username: schemas/* string */.YjP().optional() });
const Note = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    body: schemas/* string */.YjP().nullish(),
    system: schemas/* boolean */.zMY().optional(),
    author: schemas/* object */.Ikc({ id: schemas/* number */.aig() }).nullish(),
});
const Notes = schemas/* array */.YOg(Note);
const RequestFailure = schemas/* object */.Ikc({ cause: schemas/* object */.Ikc({ response: schemas/* object */.Ikc({ status: schemas/* number */.aig() }) }) });
function gitlabNoteStore(options) {
    const secret = options.token ?? options.oauthToken;
    if (!secret || (options.token && options.oauthToken)) {
        throw new errors/* ConfigError */.xL('gitlab-token', 'Set exactly one GitLab token for merge request comments (an access token or an OAuth token).');
    }
    const api = (0,gitlab_client.gitlabClient)(options);
    const { projectId, mrIid } = options;
    const notesPath = `/projects/${encodeURIComponent(String(projectId))}/merge_requests/${mrIid}/notes`;
    const noteUrl = (id) => options.projectWebUrl ? `${options.projectWebUrl.replace(/\/+$/, '')}/-/merge_requests/${mrIid}#note_${id}` : undefined;
    async function call(endpoint, fn, hint) {
        try {
            return await fn();
        }
        catch (err) {
            const failure = RequestFailure.safeParse(err);
            const status = failure.success ? failure.data.cause.response.status : undefined;
            const hostMessage = err instanceof Error ? err.message : String(err);
            const withHint = status === 403 || status === 404 ? hint : undefined;
            throw codeHostError({
                host: 'gitlab',
                endpoint,
                status,
                hostMessage,
                secrets: [secret ?? ''],
                ...(withHint ? { hint: withHint } : {}),
            });
        }
    }
    const ref = (raw) => {
        const note = Note.parse(raw);
        const url = noteUrl(note.id);
        return { id: String(note.id), ...(url ? { url } : {}) };
    };
    return {
        async whoAmI() {
            const user = User.parse(await call('GET /user', () => api.Users.showCurrentUser()));
            return { id: String(user.id), ...(user.username ? { login: user.username } : {}) };
        },
        async *list() {
            // Newest first, so a page cap drops the oldest notes rather than our latest one; yielded oldest first.
            const raw = await call(`GET ${notesPath}`, () => api.MergeRequestNotes.all(projectId, mrIid, {
                sort: 'desc',
                orderBy: 'created_at',
                perPage: 100,
                maxPages: options.maxPages ?? 50,
            }), WRITE_HINT);
            for (const note of Notes.parse(raw).reverse()) {
                const url = noteUrl(note.id);
                yield {
                    id: String(note.id),
                    body: note.body ?? '',
                    authorId: note.author ? String(note.author.id) : '',
                    system: note.system === true,
                    ...(url ? { url } : {}),
                };
            }
        },
        async create(body) {
            return ref(await call(`POST ${notesPath}`, () => api.MergeRequestNotes.create(projectId, mrIid, body), WRITE_HINT));
        },
        async update(id, body) {
            const raw = await call(`PUT ${notesPath}/${id}`, () => api.MergeRequestNotes.edit(projectId, mrIid, Number(id), { body }), WRITE_HINT);
            return ref(raw);
        },
    };
}

;// CONCATENATED MODULE: ./build/gitlab-templates/src/mr-note.js







const TOKEN_VARIABLE = (0,options/* getOption */.om)('gitlab-token').env;
function planNote(config, context, env) {
    if (config.comment === 'off')
        return { post: false, reason: 'comment is off', level: 'debug' };
    if (config.async)
        return { post: false, reason: 'async run: the job that waits for the scans writes the note', level: 'debug' };
    const mr = context.pullRequest;
    if (mr === undefined) {
        // A branch pipeline of a branch with an open MR: say how to get the note, since the user likely expects one.
        const open = context.openMergeRequests;
        return open !== undefined && open.length > 0
            ? {
                post: false,
                level: 'info',
                reason: `No merge request note: this is a branch pipeline (open merge request !${open.join(', !')}). Notes are written in ` +
                    'merge request pipelines: add a rule such as `if: $CI_PIPELINE_SOURCE == "merge_request_event"`.',
            }
            : { post: false, reason: `not a merge request pipeline (${context.eventName ?? 'unknown source'})`, level: 'debug' };
    }
    const token = config.codeHost.gitlabToken;
    if (token === undefined || token === '') {
        return {
            post: false,
            level: 'info',
            reason: `No merge request note: set the masked CI/CD variable ${TOKEN_VARIABLE} to a project access token (or a bot ` +
                'user token) with the api scope and at least the Reporter role. CI_JOB_TOKEN cannot write notes.',
        };
    }
    // The MR belongs to the target project, which is not this one in a fork's pipeline.
    const projectId = (0,ci_context/* read */.LF)(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? context.projectId;
    // parseConfig checked the number: the MR's IID, or pr-number when set (as the other adapters comment on it).
    const mrIid = config.prNumber;
    if (context.apiUrl === undefined || projectId === undefined || mrIid === undefined) {
        return { post: false, level: 'warn', reason: 'No merge request note: CI_API_V4_URL, CI_PROJECT_ID or CI_MERGE_REQUEST_IID is missing.' };
    }
    const projectWebUrl = (0,ci_context/* read */.LF)(env, 'CI_MERGE_REQUEST_PROJECT_URL') ?? context.repositoryUrl;
    return {
        post: true,
        store: {
            token,
            apiUrl: context.apiUrl,
            projectId,
            mrIid,
            ...(projectWebUrl ? { projectWebUrl } : {}),
            // gitbeaker uses fetch, which ignores HTTPS_PROXY by itself: the store turns these into a dispatcher.
            proxy: (0,proxy/* proxySettingsFromEnv */.zH)(env),
        },
    };
}
/** The note's identity: project as the user named it (or as resolved) and the scanners of the run. */
function noteMarker(config, result) {
    const project = config.project ?? result.project.name;
    const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
    return (0,marker/* commentKey */.Td)(project, scanners);
}
/** Write (or update, or leave alone) the note; undefined when none was due or it could not be written. */
async function publishNote(result, config, context, deps) {
    const { logger } = deps;
    const plan = planNote(config, context, deps.env);
    if (!plan.post) {
        if (plan.level === 'debug')
            logger.debug(`no merge request note: ${plan.reason}`);
        else
            logger[plan.level](plan.reason);
        return undefined;
    }
    const markerId = noteMarker(config, result);
    const body = (0,markdown/* renderMarkdown */.Gc)(result, {
        flavour: 'gitlab',
        marker: markerId,
        maxFindings: config.maxFindings,
        ...(context.jobUrl ? { jobUrl: context.jobUrl } : {}),
    });
    try {
        const store = (deps.createStore ?? gitlabNoteStore)(plan.store);
        const outcome = await upsertComment(store, {
            markerId,
            body,
            mode: config.comment === 'new' ? 'new' : 'update',
            maxChars: GITLAB_NOTE_MAX_CHARS,
            notice: (message) => logger.warn(message),
        });
        if (outcome.action !== 'skipped') {
            logger.info(`merge request note ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}`);
        }
        return outcome;
    }
    catch (err) {
        logger.warn(`could not write the merge request note: ${(0,errors/* describeError */.Uc)(err)}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./build/shared/render/format.js
var format = __webpack_require__(8794);
;// CONCATENATED MODULE: ./build/shared/render/code-quality.js


const SEVERITY = {
    critical: 'blocker',
    high: 'critical',
    medium: 'major',
    low: 'minor',
    info: 'info',
};
function renderCodeQuality(result) {
    const issues = [];
    const seen = new Set();
    const findings = result.scanners.flatMap((s) => s.findings.map((f) => ({ f, scanner: s.scanner })));
    findings.sort((a, b) => (0,format/* compareFindings */.Eg)(a.f, b.f));
    for (const { f, scanner } of findings) {
        const path = (0,format/* repoPath */.qN)(f.path);
        if (path === '')
            continue;
        const fingerprint = (0,format/* sha256Hex */.fg)(`${scanner}\u0000${f.id}`);
        // GitLab wants unique fingerprints; the same finding listed twice is reported once.
        if (seen.has(fingerprint))
            continue;
        seen.add(fingerprint);
        const cwe = f.cweId !== undefined && Number.isSafeInteger(f.cweId) && f.cweId > 0 ? ` (CWE-${f.cweId})` : '';
        issues.push({
            description: (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(`${f.isNew ? '[new] ' : ''}${f.name}${cwe}`), 1000),
            check_name: (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(f.ruleId), 255) || `${scanner}/unknown`,
            fingerprint,
            severity: SEVERITY[f.severity] ?? 'info',
            location: { path, lines: { begin: (0,format/* validLine */.$c)(f.line) ?? 1 } },
        });
    }
    return issues;
}

;// CONCATENATED MODULE: ./build/shared/render/junit.js


const attr = (value, max = 1000) => (0,render_escape/* escapeXml */.X)((0,render_escape/* truncate */.xv)(value, max));
const seconds = (ms) => (Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0');
function caseOfReason(reason) {
    const isError = reason.rule === 'error' || reason.rule === 'timeout';
    const outcome = reason.outcome === 'pass' ? 'pass' : reason.outcome === 'warn' ? 'warn' : isError ? 'error' : 'failure';
    const numbers = [
        reason.actual === undefined ? '' : `actual: ${reason.actual}`,
        reason.limit === undefined ? '' : `limit: ${reason.limit}`,
    ].filter((s) => s !== '');
    return { name: reason.rule, outcome, message: reason.message, ...(numbers.length > 0 ? { detail: numbers.join(', ') } : {}) };
}
function casesOf(s) {
    const cases = s.reasons.map(caseOfReason);
    const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
    if ((s.status === 'error' || s.status === 'timeout') && !explained) {
        cases.push({ name: s.status, outcome: 'error', message: s.error ?? `The scan ended with status ${s.status}.` });
    }
    if (cases.length === 0) {
        cases.push(s.status === 'skipped'
            ? { name: 'gate', outcome: 'skipped', message: 'The scanner was skipped.' }
            : { name: 'gate', outcome: 'pass', message: 'No gate rule applied.' });
    }
    return cases;
}
function runCase(result) {
    const outcome = result.status === 'error' || result.status === 'timeout'
        ? 'error'
        : result.status === 'failed'
            ? 'failure'
            : result.status === 'skipped'
                ? 'skipped'
                : result.status === 'warned'
                    ? 'warn'
                    : 'pass';
    return { name: 'run', outcome, message: result.summary || `The run ended with status ${result.status}.` };
}
function caseXml(c, classname) {
    const open = `    <testcase classname="${attr(classname, 300)}" name="${attr(c.name, 200)}" time="0"`;
    const body = (0,render_escape/* escapeXml */.X)((0,render_escape/* truncate */.xv)(c.detail === undefined ? c.message : `${c.message}\n${c.detail}`, 10_000));
    switch (c.outcome) {
        case 'pass':
            return `${open}/>`;
        case 'warn':
            return `${open}>\n      <system-out>${(0,render_escape/* escapeXml */.X)('warning: ')}${body}</system-out>\n    </testcase>`;
        case 'skipped':
            return `${open}>\n      <skipped message="${attr(c.message)}"/>\n    </testcase>`;
        case 'failure':
        case 'error':
            return `${open}>\n      <${c.outcome} message="${attr(c.message)}" type="${attr(c.name, 200)}">${body}</${c.outcome}>\n    </testcase>`;
    }
}
const count = (cases, outcome) => cases.filter((c) => c.outcome === outcome).length;
function suiteXml(suite) {
    const { cases } = suite;
    const head = `  <testsuite name="${attr(suite.name, 300)}" tests="${cases.length}" failures="${count(cases, 'failure')}"` +
        ` errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" time="${seconds(suite.durationMs)}"` +
        ` timestamp="${attr(suite.timestamp, 40)}">`;
    return [head, ...cases.map((c) => caseXml(c, suite.classname)), '  </testsuite>'].join('\n');
}
function renderJunit(result) {
    const suites = result.scanners.length === 0
        ? [{ name: format/* PRODUCT_NAME */.KR, classname: format/* PRODUCT_ID */.OI, cases: [runCase(result)], durationMs: 0, timestamp: result.startedAt }]
        : result.scanners.map((s) => ({
            name: `${format/* PRODUCT_NAME */.KR}: ${s.scanner}`,
            classname: `${format/* PRODUCT_ID */.OI}.${s.scanner}`,
            cases: casesOf(s),
            durationMs: s.timings.durationMs,
            timestamp: s.timings.startedAt,
        }));
    const all = suites.flatMap((s) => s.cases);
    const totalMs = suites.reduce((sum, s) => sum + (Number.isFinite(s.durationMs) ? s.durationMs : 0), 0);
    const head = `<testsuites name="${attr(format/* PRODUCT_NAME */.KR)}" tests="${all.length}" failures="${count(all, 'failure')}"` +
        ` errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${seconds(totalMs)}">`;
    return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map(suiteXml), '</testsuites>', ''].join('\n');
}

;// CONCATENATED MODULE: ./build/shared/render/gitlab.js




const GITLAB_REPORT_VERSION = '15.2.1';
const plain = (text, max) => (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text), max);
function identifiers(f, scanner) {
    const rule = plain(f.ruleId, 255) || `${scanner}/unknown`;
    const list = [{ type: 'invicti_appsec_rule', name: `${format/* PRODUCT_NAME */.KR} rule ${rule}`, value: rule }];
    const cwe = (0,format/* cweUrl */.xj)(f.cweId);
    if (cwe !== undefined)
        list.push({ type: 'cwe', name: `CWE-${f.cweId}`, value: String(f.cweId), url: cwe });
    return list;
}
function description(f) {
    const parts = [f.name];
    if (f.cweName !== undefined && f.cweName !== '')
        parts.push(`CWE: ${f.cweName}`);
    if (f.cvss !== undefined && Number.isFinite(f.cvss))
        parts.push(`CVSS: ${f.cvss}`);
    parts.push(`Scanner: ${f.scanner}`, f.isNew ? 'New in this change.' : 'Already present.');
    return (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(parts.join('\n'), true), 10_000);
}
function vulnerability(f, scanner, location) {
    const link = (0,render_escape/* safeHttpUrl */.vH)(f.link);
    return {
        id: (0,format/* uuidFrom */.k8)(`${scanner.scanner}\u0000${f.id}`),
        name: plain(f.name, 255) || plain(f.ruleId, 255) || 'Finding',
        description: description(f),
        severity: (0,format/* capitalise */.sK)(f.severity),
        identifiers: identifiers(f, scanner.scanner),
        location,
        ...(link === undefined ? {} : { links: [{ name: format/* PRODUCT_NAME */.KR, url: link }] }),
    };
}
function sastLocation(f) {
    const file = (0,format/* repoPath */.qN)(f.path);
    if (file === '')
        return {};
    const line = (0,format/* validLine */.$c)(f.line);
    return line === undefined ? { file } : { file, start_line: line };
}
function dastLocation(f) {
    const url = (0,render_escape/* safeHttpUrl */.vH)(f.url);
    const method = plain(f.method ?? '', 20).toUpperCase();
    const param = plain(f.parameter ?? '', 500);
    const location = {};
    if (url !== undefined) {
        const parsed = new URL(url);
        location.hostname = parsed.origin;
        location.path = parsed.pathname;
    }
    if (method !== '')
        location.method = method;
    if (param !== '')
        location.param = param;
    return location;
}
function tool(version) {
    const v = plain(version, 50) || '0.0.0';
    return { id: format/* PRODUCT_ID */.OI, name: format/* PRODUCT_NAME */.KR, url: format/* PRODUCT_URL */.IQ, version: v, vendor: { name: format/* VENDOR_NAME */.NX } };
}
function scanOf(result, scanners, type) {
    const messages = [];
    for (const s of scanners) {
        if (s.status === 'error' || s.status === 'timeout') {
            messages.push({ level: 'fatal', value: plain(`${s.scanner}: ${s.error ?? s.status}`, 1000) });
        }
        if (s.findingsTruncated) {
            messages.push({ level: 'warn', value: plain(`${s.scanner}: the findings list is incomplete; see the platform for all.`, 1000) });
        }
    }
    const failed = scanners.some((s) => s.status === 'error' || s.status === 'timeout');
    return {
        analyzer: tool(result.toolVersion),
        scanner: tool(result.toolVersion),
        type,
        start_time: (0,format/* gitlabTime */.zS)(result.startedAt),
        end_time: (0,format/* gitlabTime */.zS)(result.finishedAt),
        status: failed ? 'failure' : 'success',
        messages,
    };
}
const findingsOf = (scanners) => scanners.flatMap((s) => s.findings.map((f) => ({ f, s }))).sort((a, b) => (0,format/* compareFindings */.Eg)(a.f, b.f));
function renderGitlabSast(result) {
    const scanners = result.scanners.filter((s) => (0,format/* isSastType */.Qy)(s.scannerType));
    return {
        version: GITLAB_REPORT_VERSION,
        scan: scanOf(result, scanners, 'sast'),
        vulnerabilities: findingsOf(scanners).map(({ f, s }) => vulnerability(f, s, sastLocation(f))),
    };
}
function renderGitlabDast(result) {
    const scanners = result.scanners.filter((s) => (0,format/* isDastType */.jR)(s.scannerType));
    const findings = findingsOf(scanners);
    // The attack surface we know of: the resources findings were reported on (query strings left out).
    const resources = new Map();
    for (const { f } of findings) {
        const url = (0,render_escape/* safeHttpUrl */.vH)(f.url);
        if (url === undefined)
            continue;
        const parsed = new URL(url);
        const method = plain(f.method ?? '', 20).toUpperCase() || 'GET';
        const resourceUrl = `${parsed.origin}${parsed.pathname}`;
        resources.set(`${method} ${resourceUrl}`, { method, url: resourceUrl, type: 'url' });
    }
    return {
        version: GITLAB_REPORT_VERSION,
        scan: { ...scanOf(result, scanners, 'dast'), scanned_resources: [...resources.values()] },
        vulnerabilities: findings.map(({ f, s }) => vulnerability(f, s, dastLocation(f))),
    };
}

// EXTERNAL MODULE: ./build/shared/render/json.js
var json = __webpack_require__(4931);
;// CONCATENATED MODULE: ./build/gitlab-templates/src/report-files.js
/**
 * The GitLab report artifacts of a run, under the names the component's `artifacts:reports` lists (a test keeps
 * the template and these names equal). Security reports are written only when the run has scanners of that
 * type, so that GitLab does not show an empty SAST or DAST scan; Code Quality (shown on every tier) and JUnit
 * (one test case per gate rule) are always written.
 */




/** File names, keyed by the `artifacts:reports` entry that picks each one up. */
const GITLAB_REPORT_FILES = {
    sast: 'gl-sast-report.json',
    dast: 'gl-dast-report.json',
    codequality: 'gl-code-quality-report.json',
    junit: 'invicti-appsec-junit.xml',
    dotenv: 'invicti-appsec.env',
};
const report_files_json = json/* reportFileText */.oA;
/** The report files due for `result` (all but the dotenv, which waits for the note's URL), as name and text. */
function gitlabReports(result) {
    const reports = [];
    if (result.scanners.some((s) => (0,format/* isSastType */.Qy)(s.scannerType)))
        reports.push({ kind: 'sast', text: report_files_json(renderGitlabSast(result)) });
    if (result.scanners.some((s) => (0,format/* isDastType */.jR)(s.scannerType)))
        reports.push({ kind: 'dast', text: report_files_json(renderGitlabDast(result)) });
    reports.push({ kind: 'codequality', text: report_files_json(renderCodeQuality(result)) });
    reports.push({ kind: 'junit', text: renderJunit(result) });
    return reports;
}
/** Write the reports into `dir` (the job's working directory, where `artifacts:` looks). */
async function writeGitlabReports(result, dir, write) {
    const written = [];
    for (const report of gitlabReports(result)) {
        const path = (0,external_node_path_.join)(dir, GITLAB_REPORT_FILES[report.kind]);
        await write(path, report.text);
        written.push({ kind: report.kind, path });
    }
    return written;
}

;// CONCATENATED MODULE: ./build/gitlab-templates/src/publish.js
/**
 * The GitLab packaging's own output, run by `runScanCommand` after the gate has decided: the report artifacts,
 * the merge request note, then the dotenv outputs (last, since they carry the note's link).
 *
 * Each step stands alone: a failed write or an unreachable GitLab API is logged and the next step still runs.
 * Nothing here changes the exit code.
 */





function gitlabPublisher(deps) {
    return async ({ result, config, context, logger }) => {
        try {
            for (const file of await writeGitlabReports(result, deps.dir, deps.writeFile))
                logger.info(`wrote GitLab ${file.kind} report: ${file.path}`);
        }
        catch (err) {
            logger.warn(`could not write the GitLab reports: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        const note = await publishNote(result, config, context, {
            env: deps.env,
            logger,
            ...(deps.createStore ? { createStore: deps.createStore } : {}),
        });
        const noteUrl = note !== undefined && note.action !== 'skipped' ? note.url : undefined;
        const path = (0,external_node_path_.join)(deps.dir, GITLAB_REPORT_FILES.dotenv);
        try {
            await deps.writeFile(path, renderDotenv(gitlabOutputs(result, noteUrl ? { noteUrl } : {})));
            logger.info(`wrote GitLab dotenv outputs: ${path}`);
        }
        catch (err) {
            logger.warn(`could not write the dotenv outputs: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    };
}


/***/ })

};
