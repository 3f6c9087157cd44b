export const id = 191;
export const ids = [191];
export const modules = {

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
