export const id = 581;
export const ids = [581];
export const modules = {

/***/ 3581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bitbucketHttp: () => (/* reexport */ bitbucketHttp),
  bitbucketPublisher: () => (/* reexport */ bitbucketPublisher)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./build/bitbucket-pipes/src/endpoints.js
var endpoints = __webpack_require__(4469);
// EXTERNAL MODULE: ./build/shared/errors.js + 1 modules
var errors = __webpack_require__(7208);
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
    const text = args.hostMessage ? oneLine((0,errors/* redact */.E$)(args.hostMessage, args.secrets)) : '';
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

// EXTERNAL MODULE: ./build/shared/proxy.js
var shared_proxy = __webpack_require__(4692);
// EXTERNAL MODULE: ./build/shared/version.js
var version = __webpack_require__(7416);
;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/bitbucket-http.js
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
    const apiUrl = (connection.apiUrl ?? (proxyMode ? endpoints/* PIPELINES_API_URL */.rd : endpoints/* BITBUCKET_API_URL */.hR)).replace(/\/+$/, '');
    const origin = new URL(apiUrl).origin;
    const timeoutMs = connection.timeoutMs ?? 30_000;
    const secrets = connection.mode === 'rest' ? authSecrets(connection.auth) : [];
    const authorization = connection.mode === 'rest' ? authHeader(connection.auth) : undefined;
    let dispatcher;
    const getDispatcher = () => {
        if (dispatcher)
            return dispatcher;
        if (connection.mode === 'pipelines-proxy') {
            dispatcher = new undici/* ProxyAgent */.kT({ uri: connection.proxyUrl ?? endpoints/* PIPELINES_PROXY_URL */.n$, proxyTunnel: false });
        }
        else {
            const proxy = (0,shared_proxy/* proxyFor */.iJ)(apiUrl, connection.proxy);
            dispatcher = proxy ? new undici/* ProxyAgent */.kT(proxy) : new undici/* Agent */.g6();
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
                throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: 'refused a link to another origin', secrets });
            }
            const headers = { accept: 'application/json', 'user-agent': version/* USER_AGENT */._ };
            if (authorization)
                headers.authorization = authorization;
            if (body !== undefined)
                headers['content-type'] = 'application/json';
            let response;
            try {
                response = await (0,undici/* fetch */.hd)(target, {
                    method,
                    headers,
                    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
                    dispatcher: getDispatcher(),
                    signal: AbortSignal.timeout(timeoutMs),
                });
            }
            catch (err) {
                throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
            }
            const text = await response.text();
            if (!response.ok) {
                const failedHint = response.status === 403 || response.status === 404 ? hint : undefined;
                throw codeHostError({
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
                throw codeHostError({ host: 'bitbucket', endpoint, status: response.status, hostMessage, secrets });
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
                    throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: 'refused a redirect to another origin', secrets });
                }
                const headers = { accept: 'text/plain', 'user-agent': version/* USER_AGENT */._ };
                if (authorization)
                    headers.authorization = authorization;
                let response;
                try {
                    response = await (0,undici/* fetch */.hd)(target, { headers, redirect: 'manual', dispatcher: getDispatcher(), signal: AbortSignal.timeout(timeoutMs) });
                }
                catch (err) {
                    throw codeHostError({ host: 'bitbucket', endpoint, hostMessage: networkMessage(err), secrets });
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
                    throw codeHostError({ host: 'bitbucket', endpoint, status: response.status, hostMessage: errorText(text), secrets });
                return text.length > maxChars ? undefined : text;
            }
            throw codeHostError({ host: 'bitbucket', endpoint: `GET ${new URL(url).pathname}`, hostMessage: 'too many redirects', secrets });
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

// EXTERNAL MODULE: ./build/shared/core/options.js
var options = __webpack_require__(3768);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./build/bitbucket-pipes/src/insights-limits.js
var insights_limits = __webpack_require__(9243);
;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/bitbucket-comments.js
/**
 * `CommentStore` for Bitbucket Cloud pull requests (REST 2.0). The Pipelines auth proxy does not cover
 * comments, so this always uses the REST API with an access token (Bearer) or email + API token (Basic).
 *
 * Identity: `GET /2.0/user` gives the token's account `uuid`, which is what comments carry as `user.uuid`.
 * Repository/project/workspace access tokens are not user accounts and may be refused there (403); pass the
 * token's bot `authorUuid` then (shown as the comment author's uuid in the API), or the comment is skipped.
 */



/** Bitbucket documents no limit for comment bodies; stay well inside what the UI handles. */
const BITBUCKET_COMMENT_MAX_CHARS = 32_000;
const WRITE_HINT = 'The token needs pull request write access: a repository access token with the `pullrequest:write` scope, ' +
    'or an API token with `write:pullrequest:bitbucket` used with the account email.';
const User = schemas/* object */.Ikc({ uuid: schemas/* string */.YjP(), account_id: schemas/* string */.YjP().optional(), nickname: schemas/* string */.YjP().optional() });
const Comment = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    content: schemas/* object */.Ikc({ raw: schemas/* string */.YjP().nullish() }).nullish(),
    user: schemas/* object */.Ikc({ uuid: schemas/* string */.YjP().optional() }).nullish(),
    deleted: schemas/* boolean */.zMY().optional(),
    links: schemas/* object */.Ikc({ html: schemas/* object */.Ikc({ href: schemas/* string */.YjP() }).optional() }).optional(),
});
const CommentPage = schemas/* object */.Ikc({ values: schemas/* array */.YOg(Comment), next: schemas/* string */.YjP().optional() });
function bitbucketCommentStore(options) {
    const http = bitbucketHttp({
        mode: 'rest',
        auth: options.auth,
        ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
        ...(options.proxy ? { proxy: options.proxy } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const base = `/repositories/${encodeURIComponent(options.workspace)}/${encodeURIComponent(options.repoSlug)}` +
        `/pullrequests/${options.prId}/comments`;
    const ref = (c) => ({
        id: String(c.id),
        ...(c.links?.html ? { url: c.links.html.href } : {}),
    });
    return {
        async whoAmI() {
            if (options.authorUuid)
                return { id: normaliseUuid(options.authorUuid) };
            try {
                const user = await http.request('GET', '/user', User);
                return { id: normaliseUuid(user.uuid), ...(user.nickname ? { login: user.nickname } : {}) };
            }
            catch (err) {
                if (err instanceof CodeHostError && err.status === 403) {
                    const hint = 'Access tokens may not read /2.0/user: set the token\'s author uuid (the `user.uuid` on a comment it ' +
                        'wrote) so its own comment can be found and updated.';
                    throw new CodeHostError('bitbucket', err.endpoint, err.message, 403, hint);
                }
                throw err;
            }
        },
        async *list() {
            let next = `${base}?pagelen=100`;
            for (let page = 0; next !== undefined && page < (options.maxPages ?? 100); page += 1) {
                const data = await http.request('GET', next, CommentPage, undefined, WRITE_HINT);
                for (const c of data.values) {
                    yield {
                        ...ref(c),
                        body: c.content?.raw ?? '',
                        authorId: c.user?.uuid ? normaliseUuid(c.user.uuid) : '',
                        system: c.deleted === true,
                    };
                }
                next = data.next;
            }
        },
        async create(body) {
            return ref(await http.request('POST', base, Comment, { content: { raw: body } }, WRITE_HINT));
        },
        async update(id, body) {
            const path = `${base}/${encodeURIComponent(id)}`;
            return ref(await http.request('PUT', path, Comment, { content: { raw: body } }, WRITE_HINT));
        },
    };
}
/** Bitbucket writes uuids as `{...}`; people paste them with or without braces, in any case. */
function normaliseUuid(uuid) {
    const bare = uuid.trim().replace(/^\{|\}$/g, '').toLowerCase();
    return `{${bare}}`;
}

;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/bitbucket-api.js
/**
 * A small Bitbucket Cloud REST client: Code Insights (a report per commit, with annotations) and, through
 * `bitbucketCommentStore`, the sticky pull request comment. Limits below are Bitbucket's documented ones.
 */







const Report = schemas/* object */.Ikc({ external_id: schemas/* string */.YjP().optional(), result: schemas/* string */.YjP().optional() }).loose();
const Anything = schemas/* unknown */.L5J();
function bitbucketInsights(connection) {
    const http = bitbucketHttp(connection);
    const reportPath = (repo, commit, reportId) => `/repositories/${seg(repo.workspace)}/${seg(repo.repoSlug)}/commit/${seg(commit)}/reports/${seg(reportId)}`;
    return {
        async putReport(repo, commit, reportId, report) {
            await http.request('PUT', reportPath(repo, commit, reportId), Report, reportBody(report));
        },
        async postAnnotations(repo, commit, reportId, annotations) {
            const unique = dedupe(annotations);
            const kept = [...unique]
                .sort((a, b) => Number(b.inChange === true) - Number(a.inChange === true) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
                .slice(0, insights_limits/* INSIGHTS_LIMITS */.l.annotationsPerReport);
            const path = `${reportPath(repo, commit, reportId)}/annotations`;
            let requests = 0;
            for (let i = 0; i < kept.length; i += insights_limits/* INSIGHTS_LIMITS */.l.annotationsPerRequest) {
                const chunk = kept.slice(i, i + insights_limits/* INSIGHTS_LIMITS */.l.annotationsPerRequest).map(annotationBody);
                await http.request('POST', path, Anything, chunk);
                requests += 1;
            }
            return { posted: kept.length, dropped: unique.length - kept.length, requests };
        },
    };
}
/** A stable annotation id from the parts that identify a finding (scanner, rule, path, line, ...). */
function annotationExternalId(...parts) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('hex');
    return `invicti-appsec-${digest.slice(0, 32)}`;
}
const SEVERITY_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };
function reportBody(report) {
    return {
        title: clip(report.title, 255),
        details: clip(report.details, insights_limits/* INSIGHTS_LIMITS */.l.reportDetails),
        report_type: 'SECURITY',
        reporter: report.reporter ?? 'Invicti AppSec',
        result: report.result,
        ...(report.link ? { link: report.link } : {}),
        ...(report.logoUrl ? { logo_url: report.logoUrl } : {}),
        data: (report.data ?? []).slice(0, insights_limits/* INSIGHTS_LIMITS */.l.reportData),
    };
}
function annotationBody(a) {
    const summary = clip(a.summary.replace(/\s+/g, ' ').trim(), insights_limits/* INSIGHTS_LIMITS */.l.annotationSummary);
    return {
        external_id: a.externalId,
        annotation_type: 'VULNERABILITY',
        // Bitbucket rejects an empty summary.
        summary: summary === '' ? 'Security finding' : summary,
        severity: a.severity,
        ...(a.details ? { details: clip(a.details, insights_limits/* INSIGHTS_LIMITS */.l.annotationDetails) } : {}),
        ...(a.path ? { path: a.path } : {}),
        ...(a.path && a.line !== undefined && Number.isInteger(a.line) && a.line > 0 ? { line: a.line } : {}),
        ...(a.link ? { link: a.link } : {}),
    };
}
/** One annotation per external id (Bitbucket keys them by it); the first wins. */
function dedupe(annotations) {
    const seen = new Set();
    return annotations.filter((a) => (seen.has(a.externalId) ? false : (seen.add(a.externalId), true)));
}
/** Cut to `max` characters with an ellipsis, without splitting a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, max - 1);
    const last = cut.charCodeAt(cut.length - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut = cut.slice(0, -1);
    return `${cut}…`;
}
function seg(value) {
    return encodeURIComponent(value);
}

// EXTERNAL MODULE: ./build/bitbucket-pipes/src/bitbucket-auth.js
var bitbucket_auth = __webpack_require__(8137);
// EXTERNAL MODULE: ./build/shared/api/types.js
var types = __webpack_require__(9190);
// EXTERNAL MODULE: ./build/shared/core/result.js
var result = __webpack_require__(4641);
// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(3318);
// EXTERNAL MODULE: ./build/shared/render/format.js
var format = __webpack_require__(8794);
;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/insights-report.js
/**
 * Code Insights content for one scanner: the report (verdict, counts, risk, link) and one annotation per
 * finding. Pure functions of the run result; `publish-insights.ts` sends them.
 *
 * The report id is stable for a project and scanner, so a re-run of the same commit replaces the report instead
 * of adding one, and two pipe steps scanning different projects of a monorepo do not overwrite each other.
 */





/** Bitbucket documents no limit for report ids; stay short enough for URLs and logs. */
const MAX_REPORT_ID = 100;
/** `invicti-appsec-<scanner>-<project>`, lower-case; a digest keeps long or clashing names apart. */
function insightReportId(scanner, project) {
    const parts = [format/* PRODUCT_ID */.OI, (0,format/* slug */.yR)(scanner), ...(project ? [(0,format/* slug */.yR)(project)] : [])];
    const id = parts.join('-');
    // Slugging folds case and punctuation: add a digest when it lost anything, or when the id is too long.
    const exact = (0,format/* slug */.yR)(scanner) === scanner && (project === undefined || (0,format/* slug */.yR)(project) === project);
    if (exact && id.length <= MAX_REPORT_ID)
        return id;
    const digest = (0,format/* sha256Hex */.fg)(`${scanner}\u0000${project ?? ''}`).slice(0, 8);
    return `${id.slice(0, MAX_REPORT_ID - 9)}-${digest}`;
}
const INSIGHT_SEVERITY = {
    critical: 'CRITICAL',
    high: 'HIGH',
    medium: 'MEDIUM',
    low: 'LOW',
    // Code Insights has no informational level.
    info: 'LOW',
};
/**
 * The report verdict follows the gate: FAILED when a rule failed for this scanner (thresholds, release criteria,
 * or an error or timeout under a `fail` policy); PENDING for a scan started without waiting; PASSED otherwise.
 */
function insightResult(scanner) {
    if (scanner.status === 'failed' || scanner.reasons.some((r) => r.outcome === 'fail'))
        return 'FAILED';
    if (scanner.status === 'skipped')
        return 'PENDING';
    return 'PASSED';
}
const VERDICT = {
    passed: 'Passed',
    failed: 'Gate failed',
    warned: 'Passed with warnings',
    error: 'Error',
    timeout: 'Timed out',
    skipped: 'Started without waiting',
};
function details(result, scanner) {
    const lines = [`${VERDICT[scanner.status]}.`];
    const failing = [...scanner.reasons].sort((a, b) => Number(b.outcome === 'fail') - Number(a.outcome === 'fail'));
    for (const reason of failing)
        lines.push(`${reason.outcome === 'pass' ? '' : `${reason.outcome}: `}${reason.message}`);
    if (scanner.error && !scanner.reasons.some((r) => r.message === scanner.error))
        lines.push(scanner.error);
    const where = scanner.targetBranch ? `${scanner.branch} -> ${scanner.targetBranch}` : scanner.branch;
    lines.push(`Project ${result.project.name || '(unknown)'}, branch ${where || '(unknown)'}.`);
    if (result.newFindingsOnly)
        lines.push('Thresholds count new findings only.');
    return (0,render_escape/* cleanText */.X5)(lines.join('\n'), true);
}
function data(scanner) {
    const out = [{ title: 'Status', type: 'TEXT', value: scanner.status }];
    const counts = scanner.counts;
    // No finished scan, nothing counted: one line that says so, not four zeros that read as a clean scan.
    if (counts === undefined) {
        out.push({ title: 'Findings', type: 'TEXT', value: 'not known (no finished scan)' });
    }
    else {
        for (const severity of types/* SEVERITIES */.oC.slice(0, 4)) {
            out.push({ title: severity.charAt(0).toUpperCase() + severity.slice(1), type: 'NUMBER', value: counts[severity] });
        }
    }
    if (scanner.newCounts)
        out.push({ title: 'New findings', type: 'NUMBER', value: (0,result/* countTotal */.I)(scanner.newCounts) });
    if (scanner.riskScore !== undefined)
        out.push({ title: 'Risk score', type: 'NUMBER', value: scanner.riskScore });
    const scan = (0,render_escape/* safeHttpUrl */.vH)(scanner.links.scan ?? scanner.links.event);
    if (scan)
        out.push({ title: 'Scan', type: 'LINK', value: { text: 'Open in Invicti AppSec', href: scan } });
    return out;
}
/** The report of one scanner. `link` prefers the platform scan, then the project, then the pipeline run. */
function scannerReport(result, scanner, jobUrl) {
    const link = [scanner.links.scan, scanner.links.event, scanner.links.project, result.project.link, jobUrl]
        .map(render_escape/* safeHttpUrl */.vH)
        .find((u) => u !== undefined);
    return {
        title: (0,render_escape/* cleanText */.X5)(`${format/* PRODUCT_NAME */.KR}: ${scanner.scanner}`),
        details: details(result, scanner),
        result: insightResult(scanner),
        reporter: format/* PRODUCT_NAME */.KR,
        ...(link ? { link } : {}),
        data: data(scanner),
    };
}
/**
 * The report of a run that broke before any scanner reported (platform unreachable, token refused): one per
 * scanner asked for, so that a stale PASSED from an earlier run of the same commit does not stay.
 */
function errorReport(result, scanner, jobUrl) {
    const link = (0,render_escape/* safeHttpUrl */.vH)(jobUrl ?? result.reportUrl);
    return {
        title: (0,render_escape/* cleanText */.X5)(`${format/* PRODUCT_NAME */.KR}: ${scanner}`),
        details: (0,render_escape/* cleanText */.X5)(result.summary, true),
        result: result.exitCode === 0 ? 'PASSED' : 'FAILED',
        reporter: format/* PRODUCT_NAME */.KR,
        ...(link ? { link } : {}),
        data: [{ title: 'Status', type: 'TEXT', value: result.status }],
    };
}
/** A file path Bitbucket can place in the diff: relative, no scheme, no spaces (container layers have both). */
function annotationPath(finding) {
    if (finding.url !== undefined || finding.path === undefined)
        return undefined;
    const path = (0,format/* repoPath */.qN)(finding.path);
    return path !== '' && !/[\s:]/.test(path) && !path.split('/').includes('..') ? path : undefined;
}
function annotationDetails(finding) {
    const lines = [`Severity: ${finding.severity}${finding.isNew ? ' (new in this branch)' : ''}.`];
    if (finding.cweId !== undefined)
        lines.push(`CWE-${finding.cweId}${finding.cweName ? `: ${finding.cweName}` : ''}.`);
    if (finding.cvss !== undefined)
        lines.push(`CVSS ${finding.cvss}.`);
    if (finding.url !== undefined) {
        const target = [finding.method, finding.url].filter((p) => p !== undefined && p !== '').join(' ');
        lines.push(`Target: ${target}${finding.parameter ? `, parameter ${finding.parameter}` : ''}.`);
    }
    else if (finding.path !== undefined && annotationPath(finding) === undefined) {
        lines.push(`Location: ${finding.path}${(0,format/* validLine */.$c)(finding.line) ? `:${finding.line}` : ''}.`);
    }
    return (0,render_escape/* cleanText */.X5)(lines.join('\n'), true);
}
/** One annotation per finding, keyed by the finding's stable id so re-posting replaces rather than adds. */
function scannerAnnotations(scanner) {
    return scanner.findings.map((finding) => {
        const path = annotationPath(finding);
        const line = (0,format/* validLine */.$c)(finding.line);
        const link = (0,render_escape/* safeHttpUrl */.vH)(finding.link);
        const cwe = finding.cweId !== undefined ? ` (CWE-${finding.cweId})` : '';
        return {
            externalId: annotationExternalId(scanner.scanner, finding.id),
            summary: (0,render_escape/* cleanText */.X5)(`${finding.isNew ? 'New: ' : ''}${finding.name}${cwe}`),
            details: annotationDetails(finding),
            severity: INSIGHT_SEVERITY[finding.severity] ?? 'LOW',
            ...(path ? { path } : {}),
            ...(path && line ? { line } : {}),
            ...(link ? { link } : {}),
            ...(finding.inChange ? { inChange: true } : {}),
        };
    });
}

;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/publish-insights.js


async function publishInsights(insights, target, input, logger) {
    const { result, config, jobUrl } = input;
    // The project as the user named it: the same key whether the run resolved the project or failed before.
    const project = config.project ?? (result.project.name || undefined);
    const jobs = result.scanners.length > 0
        ? result.scanners.map((s) => ({ id: insightReportId(s.scanner, project), report: scannerReport(result, s, jobUrl), annotations: scannerAnnotations(s) }))
        : config.scanners.map((name) => ({ id: insightReportId(name, project), report: errorReport(result, name, jobUrl), annotations: [] }));
    if (jobs.length === 0)
        logger.info('Code Insights: no scanner in this run, no report to send.');
    const sent = [];
    for (const job of jobs) {
        try {
            await insights.putReport(target.repo, target.commit, job.id, job.report);
            const posted = job.annotations.length > 0 ? await insights.postAnnotations(target.repo, target.commit, job.id, job.annotations) : undefined;
            const dropped = posted && posted.dropped > 0 ? ` (${posted.dropped} left out: a report holds at most 1000)` : '';
            logger.info(`Code Insights: report ${job.id} ${job.report.result}, ${posted?.posted ?? 0} annotation(s)${dropped}.`);
            sent.push({ reportId: job.id, result: job.report.result, annotations: posted?.posted ?? 0 });
        }
        catch (err) {
            logger.warn(`Code Insights: could not send report ${job.id}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    return sent;
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

// EXTERNAL MODULE: ./build/shared/render/markdown.js + 1 modules
var markdown = __webpack_require__(1359);
// EXTERNAL MODULE: ./build/shared/render/sarif.js
var sarif = __webpack_require__(9152);
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
    findings.sort((a, b) => compareFindings(a.f, b.f));
    for (const { f, scanner } of findings) {
        const path = repoPath(f.path);
        if (path === '')
            continue;
        const fingerprint = sha256Hex(`${scanner}\u0000${f.id}`);
        // GitLab wants unique fingerprints; the same finding listed twice is reported once.
        if (seen.has(fingerprint))
            continue;
        seen.add(fingerprint);
        const cwe = f.cweId !== undefined && Number.isSafeInteger(f.cweId) && f.cweId > 0 ? ` (CWE-${f.cweId})` : '';
        issues.push({
            description: truncate(cleanText(`${f.isNew ? '[new] ' : ''}${f.name}${cwe}`), 1000),
            check_name: truncate(cleanText(f.ruleId), 255) || `${scanner}/unknown`,
            fingerprint,
            severity: SEVERITY[f.severity] ?? 'info',
            location: { path, lines: { begin: validLine(f.line) ?? 1 } },
        });
    }
    return issues;
}

;// CONCATENATED MODULE: ./build/shared/render/junit.js


const attr = (value, max = 1000) => escapeXml(truncate(value, max));
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
    const body = escapeXml(truncate(c.detail === undefined ? c.message : `${c.message}\n${c.detail}`, 10_000));
    switch (c.outcome) {
        case 'pass':
            return `${open}/>`;
        case 'warn':
            return `${open}>\n      <system-out>${escapeXml('warning: ')}${body}</system-out>\n    </testcase>`;
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
        ? [{ name: PRODUCT_NAME, classname: PRODUCT_ID, cases: [runCase(result)], durationMs: 0, timestamp: result.startedAt }]
        : result.scanners.map((s) => ({
            name: `${PRODUCT_NAME}: ${s.scanner}`,
            classname: `${PRODUCT_ID}.${s.scanner}`,
            cases: casesOf(s),
            durationMs: s.timings.durationMs,
            timestamp: s.timings.startedAt,
        }));
    const all = suites.flatMap((s) => s.cases);
    const totalMs = suites.reduce((sum, s) => sum + (Number.isFinite(s.durationMs) ? s.durationMs : 0), 0);
    const head = `<testsuites name="${attr(PRODUCT_NAME)}" tests="${all.length}" failures="${count(all, 'failure')}"` +
        ` errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="${seconds(totalMs)}">`;
    return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map(suiteXml), '</testsuites>', ''].join('\n');
}

;// CONCATENATED MODULE: ./build/shared/render/gitlab.js




const GITLAB_REPORT_VERSION = '15.2.1';
const plain = (text, max) => truncate(cleanText(text), max);
function identifiers(f, scanner) {
    const rule = plain(f.ruleId, 255) || `${scanner}/unknown`;
    const list = [{ type: 'invicti_appsec_rule', name: `${PRODUCT_NAME} rule ${rule}`, value: rule }];
    const cwe = cweUrl(f.cweId);
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
    return truncate(cleanText(parts.join('\n'), true), 10_000);
}
function vulnerability(f, scanner, location) {
    const link = safeHttpUrl(f.link);
    return {
        id: uuidFrom(`${scanner.scanner}\u0000${f.id}`),
        name: plain(f.name, 255) || plain(f.ruleId, 255) || 'Finding',
        description: description(f),
        severity: capitalise(f.severity),
        identifiers: identifiers(f, scanner.scanner),
        location,
        ...(link === undefined ? {} : { links: [{ name: PRODUCT_NAME, url: link }] }),
    };
}
function sastLocation(f) {
    const file = repoPath(f.path);
    if (file === '')
        return {};
    const line = validLine(f.line);
    return line === undefined ? { file } : { file, start_line: line };
}
function dastLocation(f) {
    const url = safeHttpUrl(f.url);
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
    return { id: PRODUCT_ID, name: PRODUCT_NAME, url: PRODUCT_URL, version: v, vendor: { name: VENDOR_NAME } };
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
        start_time: gitlabTime(result.startedAt),
        end_time: gitlabTime(result.finishedAt),
        status: failed ? 'failure' : 'success',
        messages,
    };
}
const findingsOf = (scanners) => scanners.flatMap((s) => s.findings.map((f) => ({ f, s }))).sort((a, b) => compareFindings(a.f, b.f));
function renderGitlabSast(result) {
    const scanners = result.scanners.filter((s) => isSastType(s.scannerType));
    return {
        version: GITLAB_REPORT_VERSION,
        scan: scanOf(result, scanners, 'sast'),
        vulnerabilities: findingsOf(scanners).map(({ f, s }) => vulnerability(f, s, sastLocation(f))),
    };
}
function renderGitlabDast(result) {
    const scanners = result.scanners.filter((s) => isDastType(s.scannerType));
    const findings = findingsOf(scanners);
    // The attack surface we know of: the resources findings were reported on (query strings left out).
    const resources = new Map();
    for (const { f } of findings) {
        const url = safeHttpUrl(f.url);
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
;// CONCATENATED MODULE: ./build/shared/render/index.js
/** The renderers: pure functions of a `RunResult` to comment text, reports and logs. */






// EXTERNAL MODULE: ./build/bitbucket-pipes/src/pipe-settings.js
var pipe_settings = __webpack_require__(8493);
;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/pr-comment.js





/** The marker key and body: one comment per project and scanner set. */
function commentBody(input) {
    const { result, config } = input;
    const scanners = config.scanners.length > 0 ? config.scanners : result.scanners.map((s) => s.scanner);
    const markerId = (0,marker/* commentKey */.Td)(config.project ?? result.project.name, scanners);
    const body = (0,markdown/* renderMarkdown */.Gc)(result, {
        flavour: 'bitbucket',
        marker: markerId,
        maxFindings: config.maxFindings,
        maxChars: BITBUCKET_COMMENT_MAX_CHARS,
        ...(input.jobUrl ? { jobUrl: input.jobUrl } : {}),
    });
    return { markerId, body };
}
async function publishPrComment(input, logger) {
    const { markerId, body } = commentBody(input);
    const store = bitbucketCommentStore({
        auth: input.auth,
        workspace: input.repo.workspace,
        repoSlug: input.repo.repoSlug,
        prId: input.prId,
        timeoutMs: input.config.requestTimeoutMs,
        ...(input.apiUrl ? { apiUrl: input.apiUrl } : {}),
        ...(input.proxy ? { proxy: input.proxy } : {}),
        ...(input.authorUuid ? { authorUuid: input.authorUuid } : {}),
    });
    const mode = input.config.comment === 'new' ? 'new' : 'update';
    let known = store;
    if (mode === 'update' && !input.authorUuid) {
        let me;
        try {
            me = await store.whoAmI();
        }
        catch (err) {
            if (!(err instanceof CodeHostError && err.status === 403))
                throw err;
            return withoutIdentity(store, markerId, body, logger);
        }
        // Asked once; the upsert asks again otherwise.
        known = { ...store, whoAmI: () => Promise.resolve(me) };
    }
    const outcome = await upsertComment(known, { markerId, body, mode, maxChars: BITBUCKET_COMMENT_MAX_CHARS });
    report(outcome, logger);
    return outcome;
}
function report(outcome, logger) {
    if (outcome.action === 'skipped')
        logger.warn(`PR comment: ${outcome.reason}`);
    else
        logger.info(`PR comment: ${outcome.action} ${outcome.url ?? `#${outcome.id}`}.`);
}
/**
 * The token may not say who it is. Updating a comment we cannot prove is ours would let anyone who copies the
 * marker steer our writes, and adding one per run is the noise users complain about most. So: create the first
 * comment only, then tell the user which uuid to set so the following runs update it.
 */
async function withoutIdentity(store, markerId, body, logger) {
    let existing;
    for await (const comment of store.list()) {
        if (comment.system !== true && (0,marker/* hasMarker */.xY)(comment.body, markerId))
            existing = comment;
    }
    if (existing) {
        const reason = `not updated: the token may not read /2.0/user, so comment #${existing.id} cannot be confirmed as its own. ` +
            `If the token wrote it, set ${pipe_settings/* AUTHOR_UUID_ENV */.CW} to ${existing.authorId || "the token's account uuid"}.`;
        logger.warn(`PR comment: ${reason}`);
        return { action: 'skipped', reason, status: 403 };
    }
    const created = await store.create(truncateBody(body, BITBUCKET_COMMENT_MAX_CHARS, DEFAULT_TRUNCATED_NOTE));
    let author = '';
    for await (const comment of store.list())
        if (comment.id === created.id)
            author = comment.authorId;
    logger.info(`PR comment: created ${created.url ?? `#${created.id}`}.`);
    logger.warn(`PR comment: the token may not read /2.0/user; set ${pipe_settings/* AUTHOR_UUID_ENV */.CW} to ${author || "the token's account uuid"} ` +
        '(a repository variable, not secret) so that the next runs update this comment instead of leaving it as it is.');
    return { action: 'created', ...created };
}

;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/publish.js






const env = (name) => (0,options/* getOption */.om)(name).env;
function insightsConnection(settings, auth, timeoutMs) {
    if (settings.inPipelines)
        return { mode: 'pipelines-proxy', proxyUrl: settings.proxyUrl, timeoutMs };
    if (!auth)
        return undefined;
    return { mode: 'rest', auth, proxy: settings.proxy, timeoutMs, ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}) };
}
function bitbucketPublisher(settings) {
    return async ({ result, config, context, logger }) => {
        const auth = (0,bitbucket_auth/* bitbucketAuth */.m)(config.codeHost);
        const jobUrl = context.jobUrl;
        const connection = insightsConnection(settings, auth, config.requestTimeoutMs);
        if (!settings.repo || !settings.commit) {
            logger.info('Code Insights: skipped, BITBUCKET_REPO_FULL_NAME and BITBUCKET_COMMIT do not name a commit.');
        }
        else if (!connection) {
            logger.info(`Code Insights: skipped outside Bitbucket Pipelines without credentials (${env('bitbucket-token')}).`);
        }
        else {
            const target = { repo: settings.repo, commit: settings.commit };
            await publishInsights(bitbucketInsights(connection), target, { result, config, ...(jobUrl ? { jobUrl } : {}) }, logger);
        }
        if (config.comment === 'off')
            return;
        const prId = config.prNumber;
        if (prId === undefined) {
            logger.debug('PR comment: not a pull request build (no BITBUCKET_PR_ID), nothing to comment on.');
            return;
        }
        if (!auth) {
            logger.info(`PR comment: skipped, no credentials. To get one, pass a repository access token with the pullrequest:write scope ` +
                `as ${env('bitbucket-token')}, or ${env('bitbucket-email')} with ${env('bitbucket-api-token')}, from secured variables.`);
            return;
        }
        if (!settings.repo) {
            logger.info('PR comment: skipped, BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG are not set.');
            return;
        }
        try {
            await publishPrComment({
                result,
                config,
                repo: settings.repo,
                prId,
                auth,
                proxy: settings.proxy,
                ...(jobUrl ? { jobUrl } : {}),
                ...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {}),
                ...(settings.authorUuid ? { authorUuid: settings.authorUuid } : {}),
            }, logger);
        }
        catch (err) {
            logger.warn(`PR comment: could not write it: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    };
}

;// CONCATENATED MODULE: ./build/bitbucket-pipes/src/lazy.js
/**
 * What the pipe loads only once it talks to Bitbucket: the HTTP client (undici) and the publisher built on it.
 * The pull request diff and the publisher both import this one module, so the bundler makes one lazy chunk of
 * them instead of copying the HTTP client into a chunk for each. The diff is read after the first platform
 * request (with the scanners), so loading the publisher with it costs the start-up nothing.
 */




/***/ })

};
