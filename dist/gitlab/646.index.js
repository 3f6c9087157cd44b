export const id = 646;
export const ids = [646];
export const modules = {

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
