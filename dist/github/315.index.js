export const id = 315;
export const ids = [315];
export const modules = {

/***/ 5315:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_COMMENT_MAX_CHARS: () => (/* reexport safe */ _shared_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__._4),
/* harmony export */   githubCommentStore: () => (/* binding */ githubCommentStore)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6856);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9691);
/* harmony import */ var _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3036);
/* harmony import */ var _shared_version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7416);
/* harmony import */ var _shared_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1359);
/**
 * `CommentStore` for GitHub pull requests, over `@actions/github`'s Octokit (REST).
 *
 * A pull request's conversation comment is an issue comment. Identity: `GET /user` works for PATs and user
 * tokens, but the workflow's GITHUB_TOKEN (an installation token) is refused there (403 "Resource not
 * accessible by integration"). Comments made with GITHUB_TOKEN are authored by `github-actions[bot]`, so on a
 * 401/403 from `/user` we look that bot up with `GET /users/github-actions[bot]` and match on its numeric id.
 * Another GitHub App's installation token comments as `<app-slug>[bot]`: pass it as `botLogin`.
 * A genuinely bad token fails the fallback too; then the original `/user` error is thrown.
 */






/** Server errors (5xx) are retried this often, after 1 s, then 4 s (plugin-retry's quadratic backoff). */
const COMMENT_RETRIES = 2;
/** A rate limit is waited out at most this often, and only when GitHub asks for at most this many seconds. */
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_MAX_WAIT_S = 60;
/** GitHub's limit on a comment body (the renderer keeps to it too). */

const WRITE_HINT = 'Give the workflow `permissions: pull-requests: write`; on pull requests from forks GITHUB_TOKEN is read-only ' +
    '(post the comment from a `workflow_run` workflow instead).';
const OctokitFailure = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
    response: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J() }).optional(),
});
const MessageBody = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ message: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() });
function githubCommentStore(options) {
    // A rate limit (primary or secondary) is waited out when short; longer ones fail the comment, not the job.
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const wait = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_S;
        options.log?.(`GitHub ${kind} rate limit on ${request.method ?? ''} ${request.url ?? ''}: ${wait ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return wait;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit)(options.token, {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: _shared_version_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._,
        retry: { retries: COMMENT_RETRIES },
        throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_6__/* .throttling */ .A);
    const { owner, repo, issueNumber: issue_number } = options;
    const botLogin = options.botLogin ?? 'github-actions[bot]';
    const secrets = [options.token];
    /** Run one call; turn Octokit's RequestError into a CodeHostError that names the endpoint, not the token. */
    async function call(endpoint, fn, hint) {
        try {
            return await fn();
        }
        catch (err) {
            const failure = OctokitFailure.safeParse(err);
            const status = failure.success ? failure.data.status : undefined;
            const data = failure.success ? failure.data.response?.data : undefined;
            const parsed = MessageBody.safeParse(data);
            const hostMessage = parsed.success ? parsed.data.message : err instanceof Error ? err.message : String(err);
            const withHint = status === 403 || status === 404 ? hint : undefined;
            throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'github', endpoint, status, hostMessage, secrets, ...(withHint ? { hint: withHint } : {}) });
        }
    }
    return {
        async whoAmI() {
            try {
                const { data } = await call('GET /user', () => octokit.rest.users.getAuthenticated());
                return { id: String(data.id), login: data.login };
            }
            catch (err) {
                if (!(err instanceof _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CodeHostError */ .kX) || (err.status !== 401 && err.status !== 403))
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


/***/ })

};
