export const id = 936;
export const ids = [936];
export const modules = {

/***/ 7936:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubDiffSource: () => (/* binding */ githubDiffSource)
/* harmony export */ });
/* harmony import */ var _shared_diff_unified_diff_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(646);
/* harmony import */ var _shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6217);
/* harmony import */ var _shared_diff_chain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1807);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
/* harmony import */ var _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3036);
/**
 * The pull request's change from GitHub's API: `GET /pulls/{n}` for the file count, then `GET /pulls/{n}/files`
 * pages (100 files each, a few in parallel) with each file's `patch` hunks. GitHub lists at most 3,000 files and
 * leaves out the patch of large or binary files: past the cap the API is no answer (the local checkout is asked
 * next), and a file without a patch counts as changed throughout. Calls go through the adapter's one client
 * (octokit.ts: 5xx retried, rate limits waited out when short), loaded only when a diff is asked for.
 */





/** GitHub's documented cap on `GET /pulls/{n}/files`. */
const GITHUB_MAX_PR_FILES = 3_000;
const PER_PAGE = 100;
const CONCURRENCY = 4;
const READ_HINT = 'give the workflow `permissions: pull-requests: read` (and `contents: read` in a private repository)';
function githubDiffSource(options) {
    return {
        async changes() {
            const { githubCall, githubClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(191)]).then(__webpack_require__.bind(__webpack_require__, 4191));
            const octokit = githubClient(options);
            const where = { owner: options.owner, repo: options.repo, pull_number: options.pullNumber };
            const path = `/repos/${options.owner}/${options.repo}/pulls/${options.pullNumber}`;
            const call = (endpoint, fn) => githubCall(endpoint, fn, { secrets: [options.token], hint: READ_HINT });
            try {
                const pr = await call(`GET ${path}`, () => octokit.rest.pulls.get(where));
                const count = pr.data.changed_files;
                if (count > GITHUB_MAX_PR_FILES)
                    throw new _shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__/* .DiffUnavailable */ .EL(`the pull request changes ${count} files and the API lists only ${GITHUB_MAX_PR_FILES}`);
                const pages = Math.max(1, Math.ceil(count / PER_PAGE));
                const lists = await (0,_shared_diff_chain_js__WEBPACK_IMPORTED_MODULE_3__/* .inParallel */ .HN)(Array.from({ length: pages }, (_, i) => async () => (await call(`GET ${path}/files`, () => octokit.rest.pulls.listFiles({ ...where, per_page: PER_PAGE, page: i + 1 }))).data), CONCURRENCY);
                const files = new Map();
                for (const f of lists.flat()) {
                    if (f.status === 'removed')
                        continue;
                    files.set((0,_shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__/* .normalisePath */ .qb)(f.filename), (0,_shared_diff_unified_diff_js__WEBPACK_IMPORTED_MODULE_4__/* .fileFromHunks */ .ye)(f.patch));
                }
                return { files, source: `GitHub pull request files API (${files.size} files)` };
            }
            catch (err) {
                if (err instanceof _shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__/* .DiffUnavailable */ .EL)
                    throw err;
                // The token may not read the pull request: say so and how to allow it (the token itself is never named).
                if ((0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isPermissionProblem */ .nj)(err))
                    throw new _shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__/* .DiffUnavailable */ .EL(`${err.status === 404 ? `pull request #${options.pullNumber} was not found, or the token may not read it` : 'no permission to read the pull request'} (${err.message}): ${err.hint ?? READ_HINT}${err.status === 404 ? '; check pr-number if it is set' : ''}`);
                throw new _shared_diff_change_set_js__WEBPACK_IMPORTED_MODULE_2__/* .DiffUnavailable */ .EL((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err));
            }
        },
    };
}


/***/ }),

/***/ 646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rj: () => (/* binding */ parseUnifiedDiff),
/* harmony export */   ye: () => (/* binding */ fileFromHunks)
/* harmony export */ });
/* unused harmony export addHunks */
/* harmony import */ var _change_set_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6217);
/**
 * Unified diffs (`git diff`, Bitbucket's pull request diff, GitHub's `patch` and GitLab's `diff` fields) → the
 * new-side line ranges each file's hunks added or modified. A pure deletion marks the lines either side of it, so
 * a finding next to removed code counts as touched.
 */

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Hunks of one file (no `diff --git` header: GitHub `patch`, GitLab `diff`) into `file`. The header's counts say
 * where a hunk ends, so an empty context line (trailing spaces stripped on the way) does not end it early.
 */
function addHunks(file, hunks) {
    let line = 0;
    let oldLeft = 0;
    let newLeft = 0;
    // A run of removed lines with no added line after it: mark the lines either side of the gap it left.
    let removedOnly = false;
    const settle = () => {
        if (removedOnly)
            (0,_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .addRange */ .bV)(file, Math.max(1, line - 1), Math.max(1, line));
        removedOnly = false;
    };
    for (const text of hunks.split('\n')) {
        if (oldLeft <= 0 && newLeft <= 0) {
            settle();
            const header = HUNK.exec(text);
            if (header) {
                oldLeft = header[1] === undefined ? 1 : Number(header[1]);
                line = Number(header[2]);
                newLeft = header[3] === undefined ? 1 : Number(header[3]);
            }
            continue;
        }
        const mark = text[0];
        if (mark === '+') {
            removedOnly = false;
            (0,_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .addRange */ .bV)(file, line, line);
            line += 1;
            newLeft -= 1;
        }
        else if (mark === '-') {
            removedOnly = true;
            oldLeft -= 1;
        }
        else if (mark === ' ' || mark === undefined) {
            settle();
            line += 1;
            oldLeft -= 1;
            newLeft -= 1;
        }
        // `\ No newline at end of file` and anything else: not a line of either side.
    }
    settle();
}
/**
 * One file's change from its own hunks (GitHub's `patch`, GitLab's `diff`). No hunks (a binary file, a patch the
 * host left out), or `whole` (the host cut the diff), counts every line as changed.
 */
function fileFromHunks(hunks, whole = false) {
    const file = { ranges: [], whole: whole || !hunks };
    if (hunks)
        addHunks(file, hunks);
    return file;
}
const unquote = (name) => (name.startsWith('"') && name.endsWith('"') ? JSON.parse(name) : name);
/** The new-side path of a `+++ b/path` line, or undefined for `/dev/null` (a deleted file). */
function newPath(line) {
    const name = unquote(line.slice(4).replace(/\t.*$/, '').trim());
    if (name === '/dev/null')
        return undefined;
    return (0,_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .normalisePath */ .qb)(name.replace(/^b\//, ''));
}
/** Whether line `i` starts the next file: `diff --git`, or a `---`/`+++` pair of a plain multi-file diff. */
function startsFile(lines, i) {
    const line = lines[i] ?? '';
    return line.startsWith('diff --git ') || (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '));
}
/** A whole multi-file unified diff. */
function parseUnifiedDiff(text, source) {
    const files = new Map();
    const lines = text.split('\n');
    let gitPath;
    let deleted = false;
    for (let i = 0; i < lines.length; i += 1) {
        const line = lines[i] ?? '';
        if (line.startsWith('diff --git ')) {
            // `diff --git a/x b/y`: y is the fallback name for a change without hunks (binary, mode, pure rename).
            const match = / b\/(.+)$/.exec(line);
            gitPath = match?.[1] ? (0,_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .normalisePath */ .qb)(unquote(match[1])) : undefined;
            deleted = false;
        }
        else if (line.startsWith('deleted file mode')) {
            deleted = true;
        }
        else if (line.startsWith('rename to ')) {
            gitPath = (0,_change_set_js__WEBPACK_IMPORTED_MODULE_0__/* .normalisePath */ .qb)(line.slice('rename to '.length));
        }
        else if (line.startsWith('Binary files ') && gitPath && !deleted) {
            files.set(gitPath, { ranges: [], whole: true });
        }
        else if (line.startsWith('+++ ')) {
            const path = newPath(line);
            if (!path)
                continue;
            const body = [];
            while (i + 1 < lines.length && !startsFile(lines, i + 1))
                body.push(lines[(i += 1)] ?? '');
            const file = files.get(path) ?? { ranges: [], whole: false };
            addHunks(file, body.join('\n'));
            files.set(path, file);
        }
    }
    return { files, source };
}


/***/ }),

/***/ 3036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ codeHostError),
/* harmony export */   kX: () => (/* binding */ CodeHostError),
/* harmony export */   nj: () => (/* binding */ isPermissionProblem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7208);
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
class CodeHostError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AppError */ .uV {
    host;
    endpoint;
    status;
    hint;
    exitCode = _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_CODES */ .ai.platform;
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
    const text = args.hostMessage ? oneLine((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(args.hostMessage, args.secrets)) : '';
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
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_HOST_TEXT ? `${flat.slice(0, MAX_HOST_TEXT - 1)}…` : flat;
}


/***/ })

};
