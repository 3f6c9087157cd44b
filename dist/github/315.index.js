export const id = 315;
export const ids = [315,191];
export const modules = {

/***/ 5315:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_COMMENT_MAX_CHARS: () => (/* reexport safe */ _shared_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__._4),
/* harmony export */   githubCommentStore: () => (/* binding */ githubCommentStore)
/* harmony export */ });
/* harmony import */ var _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3036);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4191);
/* harmony import */ var _shared_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1359);


/** GitHub's limit on a comment body (the renderer keeps to it too). */

const WRITE_HINT = 'Give the workflow `permissions: pull-requests: write`; on pull requests from forks GITHUB_TOKEN is read-only ' +
    '(post the comment from a `workflow_run` workflow instead).';
function githubCommentStore(options) {
    // 5xx retries and rate-limit waits are the client's (octokit.ts); a call that still fails fails the comment, not the job.
    const octokit = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__.githubClient)(options);
    const { owner, repo, issueNumber: issue_number } = options;
    const botLogin = options.botLogin ?? 'github-actions[bot]';
    const secrets = [options.token];
    const call = (endpoint, fn, hint) => (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__.githubCall)(endpoint, fn, { secrets, ...(hint ? { hint } : {}) });
    return {
        async whoAmI() {
            try {
                const { data } = await call('GET /user', () => octokit.rest.users.getAuthenticated());
                return { id: String(data.id), login: data.login };
            }
            catch (err) {
                if (!(err instanceof _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CodeHostError */ .kX) || (err.status !== 401 && err.status !== 403))
                    throw err;
                try {
                    const { data } = await call(`GET /users/${botLogin}`, () => octokit.rest.users.getByUsername({ username: botLogin }));
                    return { id: String(data.id), login: data.login };
                }
                catch {
                    throw err;
                }
            }
        },
        async *list() {
            const endpoint = `GET /repos/${owner}/${repo}/issues/${issue_number}/comments`;
            const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number,
                per_page: 100,
            });
            const iterator = pages[Symbol.asyncIterator]();
            for (;;) {
                const page = await call(endpoint, () => iterator.next(), WRITE_HINT);
                if (page.done === true)
                    return;
                for (const c of page.value.data) {
                    yield { id: String(c.id), body: c.body ?? '', authorId: c.user ? String(c.user.id) : '', url: c.html_url };
                }
            }
        },
        async create(body) {
            const endpoint = `POST /repos/${owner}/${repo}/issues/${issue_number}/comments`;
            const { data } = await call(endpoint, () => octokit.rest.issues.createComment({ owner, repo, issue_number, body }), WRITE_HINT);
            return { id: String(data.id), url: data.html_url };
        },
        async update(id, body) {
            const endpoint = `PATCH /repos/${owner}/${repo}/issues/comments/${id}`;
            const { data } = await call(endpoint, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: Number(id), body }), WRITE_HINT);
            return { id: String(data.id), url: data.html_url };
        },
    };
}


/***/ }),

/***/ 4191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubCall: () => (/* binding */ githubCall),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6856);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9691);
/* harmony import */ var _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3036);
/* harmony import */ var _shared_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7416);
/**
 * The GitHub adapter's Octokit (`@actions/github`) with one policy for every REST call it makes (the pull request
 * comment and the pull request diff): server errors (5xx) retried twice, after 1 s and 4 s (plugin-retry's
 * quadratic backoff); a rate limit (primary or secondary) waited out when GitHub asks for a short wait, else the
 * call fails (a comment or a diff is not worth a stalled job). Failures become `CodeHostError`s that name the
 * endpoint and the host's short message, never the token.
 */






/** Server errors (5xx) are retried this often, after 1 s, then 4 s. */
const SERVER_ERROR_RETRIES = 2;
/** A rate limit is waited out at most this often, and only when GitHub asks for at most this many seconds. */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_S = 60;
function githubClient(options) {
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_S;
        options.log?.(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return wait;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: _shared_version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._,
        retry: { retries: SERVER_ERROR_RETRIES },
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
}
const OctokitFailure = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(),
    response: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J() }).optional(),
});
const MessageBody = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ message: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() });
/**
 * Run one call; turn Octokit's RequestError into a CodeHostError that names the endpoint, not the token. `hint`
 * (what permission to grant) is attached to a 403 or 404.
 */
async function githubCall(endpoint, fn, options) {
    try {
        return await fn();
    }
    catch (err) {
        const failure = OctokitFailure.safeParse(err);
        const status = failure.success ? failure.data.status : undefined;
        const parsed = MessageBody.safeParse(failure.success ? failure.data.response?.data : undefined);
        const hostMessage = parsed.success ? parsed.data.message : err instanceof Error ? err.message : String(err);
        const hint = status === 403 || status === 404 ? options.hint : undefined;
        throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'github', endpoint, status, hostMessage, secrets: options.secrets, ...(hint ? { hint } : {}) });
    }
}


/***/ })

};
