export const id = 56;
export const ids = [56,646];
export const modules = {

/***/ 9056:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitDiffSource: () => (/* binding */ gitDiffSource)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var _change_set_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6217);
/* harmony import */ var _unified_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(646);
/**
 * The change from the local checkout, when no code-host token is given. CI checkouts are shallow (GitHub's
 * default is one commit) and often lack the target branch, so: fetch the target with limited depth when it is
 * missing, find the merge base, deepen both sides once when the shallow history has none, and as a last resort
 * diff against the target's tip. The source says which of these happened. git is spawned without a shell, with
 * prompts off and a time limit per command.
 */



const MAX_OUTPUT = 256 * 1024 * 1024;
function git(args, options, signal) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', args, {
            cwd: options.cwd,
            env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', LC_ALL: 'C' },
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
            timeout: options.timeoutMs ?? 60_000,
            ...(signal ? { signal } : {}),
        });
        const out = [];
        const err = [];
        let size = 0;
        child.stdout.on('data', (chunk) => {
            size += chunk.length;
            if (size <= MAX_OUTPUT)
                out.push(chunk);
        });
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (e) => reject(new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL(`git could not run (${e.message})`)));
        child.on('close', (code) => {
            if (size > MAX_OUTPUT)
                reject(new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL('the git diff is larger than 256 MB'));
            else
                resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
    });
}
/** A branch name git will take as a ref, never as an option. */
function safeBranch(name) {
    const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    if (name.startsWith('-') || control || /[\s~^:?*[\\]|\.\.|@\{/.test(name))
        throw new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL(`"${name}" is not a branch name git accepts`);
    return name;
}
function gitDiffSource(options) {
    const remote = options.remote ?? 'origin';
    const depth = options.depth ?? 200;
    return {
        async changes(request) {
            const run = (args) => git(args, options, request.signal);
            const ok = async (args) => {
                const r = await run(args);
                return r.code === 0 ? r.stdout.trim() : undefined;
            };
            if ((await ok(['rev-parse', '--is-inside-work-tree'])) !== 'true')
                throw new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL(`${options.cwd} is not a git checkout`);
            const target = safeBranch(request.targetBranch);
            const steps = [];
            const remoteRef = `refs/remotes/${remote}/${target}`;
            const fetchTarget = async (extra) => (await run(['fetch', '--no-tags', '--quiet', extra, remote, `+refs/heads/${target}:${remoteRef}`])).code === 0;
            let targetRef;
            for (const ref of [remoteRef, `refs/heads/${target}`]) {
                if (await ok(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) {
                    targetRef = ref;
                    break;
                }
            }
            if (!targetRef) {
                if (!(await fetchTarget(`--depth=${depth}`)))
                    throw new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL(`the checkout has no "${target}" and fetching it from ${remote} failed`);
                targetRef = remoteRef;
                steps.push(`fetched ${target} (depth ${depth})`);
            }
            let base = await ok(['merge-base', targetRef, 'HEAD']);
            if (!base && (await ok(['rev-parse', '--is-shallow-repository'])) === 'true') {
                // Deepen from the shallow boundary along the source branch when it is on the remote, else along the default refspec.
                const source = request.sourceBranch ? safeBranch(request.sourceBranch) : undefined;
                const along = source ? [`+refs/heads/${source}:refs/remotes/${remote}/${source}`] : [];
                const deepened = (await run(['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, remote, ...along])).code === 0;
                await fetchTarget(`--deepen=${depth}`);
                if (deepened)
                    steps.push(`deepened the shallow clone by ${depth} commits`);
                base = await ok(['merge-base', targetRef, 'HEAD']);
            }
            const from = base ?? targetRef;
            if (!base)
                steps.push(`no merge base in the history, so compared with the tip of ${target}`);
            const diff = await run(['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '--no-renames', '--unified=0', from, 'HEAD', '--']);
            if (diff.code !== 0)
                throw new _change_set_js__WEBPACK_IMPORTED_MODULE_1__/* .DiffUnavailable */ .EL(`git diff failed: ${diff.stderr.trim().split('\n')[0] ?? ''}`);
            const changes = (0,_unified_diff_js__WEBPACK_IMPORTED_MODULE_2__.parseUnifiedDiff)(diff.stdout, '');
            const how = steps.length > 0 ? `; ${steps.join(', ')}` : '';
            changes.source = `local checkout (git diff ${base ? `merge base with ${target}` : target}..HEAD, ${changes.files.size} files${how})`;
            return changes;
        },
    };
}


/***/ }),

/***/ 646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addHunks: () => (/* binding */ addHunks),
/* harmony export */   fileFromHunks: () => (/* binding */ fileFromHunks),
/* harmony export */   parseUnifiedDiff: () => (/* binding */ parseUnifiedDiff)
/* harmony export */ });
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


/***/ })

};
