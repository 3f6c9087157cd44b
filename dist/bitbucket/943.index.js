export const id = 943;
export const ids = [943];
export const modules = {

/***/ 2943:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bitbucketHttp: () => (/* binding */ bitbucketHttp)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4469);
/* harmony import */ var _shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3036);
/* harmony import */ var _shared_proxy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4692);
/* harmony import */ var _shared_version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7416);
/**
 * The transport under our Bitbucket Cloud client: undici's fetch with an explicit dispatcher.
 *
 * Why fetch and not @actions/http-client: the Pipelines auth proxy is a plain HTTP forward proxy that Atlassian
 * documents with `curl --proxy http://localhost:29418 http://api.bitbucket.org/2.0/...`, i.e. absolute-form
 * requests, no CONNECT tunnel. undici's `ProxyAgent` with `proxyTunnel: false` sends exactly that, whereas
 * http-client tunnels (CONNECT) through `tunnel` and picks proxies from the process env on its own. undici's
 * fetch also matches the GitLab store (gitbeaker is fetch-based), keeping one proxy story for both.
 */






function bitbucketHttp(connection) {
    const proxyMode = connection.mode === 'pipelines-proxy';
    const apiUrl = (connection.apiUrl ?? (proxyMode ? _endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .PIPELINES_API_URL */ .rd : _endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .BITBUCKET_API_URL */ .hR)).replace(/\/+$/, '');
    const origin = new URL(apiUrl).origin;
    const timeoutMs = connection.timeoutMs ?? 30_000;
    const secrets = connection.mode === 'rest' ? authSecrets(connection.auth) : [];
    const authorization = connection.mode === 'rest' ? authHeader(connection.auth) : undefined;
    let dispatcher;
    const getDispatcher = () => {
        if (dispatcher)
            return dispatcher;
        if (connection.mode === 'pipelines-proxy') {
            dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT({ uri: connection.proxyUrl ?? _endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .PIPELINES_PROXY_URL */ .n$, proxyTunnel: false });
        }
        else {
            const proxy = (0,_shared_proxy_js__WEBPACK_IMPORTED_MODULE_3__/* .proxyFor */ .iJ)(apiUrl, connection.proxy);
            dispatcher = proxy ? new undici__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT(proxy) : new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6();
        }
        return dispatcher;
    };
    return {
        apiUrl,
        async request(method, pathOrUrl, schema, body, hint) {
            const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${apiUrl}${pathOrUrl}`;
            const target = new URL(url);
            const endpoint = `${method} ${target.pathname}`;
            // Never send credentials to another origin, whatever a `next` link says.
            if (target.origin !== origin) {
                throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, hostMessage: 'refused a link to another origin', secrets });
            }
            const headers = { accept: 'application/json', 'user-agent': _shared_version_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._ };
            if (authorization)
                headers.authorization = authorization;
            if (body !== undefined)
                headers['content-type'] = 'application/json';
            let response;
            try {
                response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(target, {
                    method,
                    headers,
                    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
                    dispatcher: getDispatcher(),
                    signal: AbortSignal.timeout(timeoutMs),
                });
            }
            catch (err) {
                throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
            }
            const text = await response.text();
            if (!response.ok) {
                const failedHint = response.status === 403 || response.status === 404 ? hint : undefined;
                throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({
                    host: 'bitbucket',
                    endpoint,
                    status: response.status,
                    hostMessage: errorText(text),
                    secrets,
                    ...(failedHint ? { hint: failedHint } : {}),
                });
            }
            const parsed = schema.safeParse(text === '' ? {} : safeJson(text));
            if (!parsed.success) {
                const hostMessage = 'unexpected response shape';
                throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, status: response.status, hostMessage, secrets });
            }
            return parsed.data;
        },
        async getText(pathOrUrl, maxChars) {
            let url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${apiUrl}${pathOrUrl}`;
            // Bitbucket answers the pull request diff with a redirect to the commit-range diff: follow a few, by hand,
            // so a redirect elsewhere never gets the credentials.
            for (let hop = 0; hop < 5; hop += 1) {
                const target = new URL(url);
                const endpoint = `GET ${target.pathname}`;
                if (target.origin !== origin) {
                    throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, hostMessage: 'refused a redirect to another origin', secrets });
                }
                const headers = { accept: 'text/plain', 'user-agent': _shared_version_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._ };
                if (authorization)
                    headers.authorization = authorization;
                let response;
                try {
                    response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(target, { headers, redirect: 'manual', dispatcher: getDispatcher(), signal: AbortSignal.timeout(timeoutMs) });
                }
                catch (err) {
                    throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
                }
                const location = response.headers.get('location');
                if (response.status >= 300 && response.status < 400 && location) {
                    await response.body?.cancel();
                    url = new URL(location, target).toString();
                    continue;
                }
                const declared = Number(response.headers.get('content-length') ?? '0');
                if (declared > maxChars) {
                    await response.body?.cancel();
                    return undefined;
                }
                const text = await response.text();
                if (!response.ok)
                    throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint, status: response.status, hostMessage: errorText(text), secrets });
                return text.length > maxChars ? undefined : text;
            }
            throw (0,_shared_platforms_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .codeHostError */ .GW)({ host: 'bitbucket', endpoint: `GET ${new URL(url).pathname}`, hostMessage: 'too many redirects', secrets });
        },
    };
}
function authHeader(auth) {
    return auth.kind === 'bearer'
        ? `Bearer ${auth.token}`
        : `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`).toString('base64')}`;
}
/** Everything that could leak into a message: the token, and the Basic credential pair in both forms. */
function authSecrets(auth) {
    return auth.kind === 'bearer' ? [auth.token] : [auth.apiToken, `${auth.email}:${auth.apiToken}`];
}
/** Bitbucket errors look like `{"type":"error","error":{"message":"..."}}`. */
function errorText(text) {
    const json = safeJson(text);
    const message = json?.error?.message ?? json?.message;
    return typeof message === 'string' ? message : text.slice(0, 200);
}
function networkMessage(err) {
    if (err instanceof Error && err.name === 'TimeoutError')
        return 'timed out';
    const cause = err instanceof Error ? err.cause : undefined;
    return typeof cause?.code === 'string' ? `network error (${cause.code})` : 'network error';
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
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
