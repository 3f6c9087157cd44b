export const id = 512;
export const ids = [512];
export const modules = {

/***/ 2512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeReportFiles: () => (/* binding */ writeReportFiles)
});

// EXTERNAL MODULE: ./build/shared/render/json.js
var json = __webpack_require__(4931);
// EXTERNAL MODULE: ./build/shared/render/markdown.js + 1 modules
var render_markdown = __webpack_require__(1359);
// EXTERNAL MODULE: ./build/shared/render/escape.js
var render_escape = __webpack_require__(3318);
// EXTERNAL MODULE: ./build/shared/render/format.js
var format = __webpack_require__(8794);
;// CONCATENATED MODULE: ./build/shared/render/sarif.js


const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub accepts at most 25,000 results per run (and shows the first 5,000). */
const SARIF_MAX_RESULTS_PER_RUN = 25_000;
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    info: '0.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'note',
};
const plain = (text, max) => (0,render_escape/* truncate */.xv)((0,render_escape/* cleanText */.X5)(text), max);
function securitySeverity(f) {
    return f.cvss !== undefined && Number.isFinite(f.cvss) && f.cvss >= 0 && f.cvss <= 10
        ? f.cvss.toFixed(1)
        : SECURITY_SEVERITY[f.severity];
}
/** Percent-encodes what is not allowed in a relative URI path (and `:`, which would read as a scheme). */
function uriPath(path) {
    return path.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=@/%]/gu, (ch) => encodeURIComponent(ch));
}
function locationOf(f, scanner) {
    const path = (0,format/* repoPath */.qN)(f.path);
    if (path !== '') {
        const line = (0,format/* validLine */.$c)(f.line);
        return {
            physicalLocation: {
                artifactLocation: { uri: uriPath(path), uriBaseId: '%SRCROOT%' },
                ...(line === undefined ? {} : { region: { startLine: line } }),
            },
        };
    }
    const synthetic = { physicalLocation: { artifactLocation: { uri: `${format/* PRODUCT_ID */.OI}/${(0,format/* slug */.yR)(scanner)}` } } };
    const request = requestOf(f);
    if (request === undefined)
        return synthetic;
    const method = request.method === undefined ? '' : `${request.method} `;
    const param = request.parameter === undefined ? '' : ` (${request.parameter})`;
    return { ...synthetic, logicalLocations: [{ kind: 'resource', fullyQualifiedName: `${method}${request.url}${param}` }] };
}
/**
 * A DAST finding's request (no repository path, an http(s) URL), cleaned: the location's logical name and the
 * result's properties (the URL is not a repository file).
 */
function requestOf(f) {
    const url = (0,format/* repoPath */.qN)(f.path) === '' ? (0,render_escape/* safeHttpUrl */.vH)(f.url) : undefined;
    if (url === undefined)
        return undefined;
    return {
        url: (0,render_escape/* truncate */.xv)(url, 2000),
        ...(f.method === undefined || f.method.trim() === '' ? {} : { method: plain(f.method, 20).toUpperCase() }),
        ...(f.parameter === undefined || f.parameter === '' ? {} : { parameter: plain(f.parameter, 200) }),
    };
}
function messageOf(f) {
    const cwe = f.cweId !== undefined && (0,format/* cweUrl */.xj)(f.cweId) !== undefined ? ` (CWE-${f.cweId})` : '';
    const where = f.path !== undefined && f.path !== ''
        ? ` in ${f.path}${(0,format/* validLine */.$c)(f.line) === undefined ? '' : `:${f.line}`}`
        : f.url !== undefined && f.url !== ''
            ? ` at ${f.method ?? ''} ${f.url}${f.parameter === undefined ? '' : ` (parameter ${f.parameter})`}`
            : '';
    return plain(`${capitalSeverity(f.severity)}: ${f.name}${cwe}${where}`, 2000);
}
const capitalSeverity = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function ruleOf(f, ruleId) {
    const cwe = (0,format/* cweUrl */.xj)(f.cweId);
    const helpUri = cwe ?? (0,render_escape/* safeHttpUrl */.vH)(f.link);
    const tags = ['security', ...(cwe === undefined ? [] : [`CWE-${f.cweId}`, `external/cwe/cwe-${f.cweId}`])];
    const title = plain(f.name, 300) || ruleId;
    const weakness = f.cweName === undefined ? '' : plain(f.cweName, 1000);
    // A CWE-keyed rule is described by its weakness: the titles of its findings may differ, the weakness does not.
    const short = cwe !== undefined && weakness !== '' ? `CWE-${f.cweId}: ${weakness}` : title;
    // Something the title does not say already, or nothing: a rule keyed by a title says no more than it.
    const full = cwe === undefined && weakness !== '' ? `${title}: ${weakness}.` : undefined;
    return {
        id: ruleId,
        shortDescription: { text: short },
        ...(full === undefined ? {} : { fullDescription: { text: full } }),
        ...(helpUri === undefined ? {} : { helpUri }),
        help: { text: helpUri === undefined ? (full ?? short) : `${full ?? short}\n\n${helpUri}` },
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { tags, 'security-severity': securitySeverity(f), precision: 'high' },
    };
}
function runOf(scanner, toolVersion, maxResults) {
    const findings = [...scanner.findings].sort(format/* compareFindings */.Eg).slice(0, maxResults);
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((f) => {
        const ruleId = plain(f.ruleId, 255) || `${(0,format/* slug */.yR)(scanner.scanner)}/unknown`;
        let index = ruleIndex.get(ruleId);
        if (index === undefined) {
            // Findings are most severe first, so a rule takes the severity of its worst finding.
            index = rules.push(ruleOf(f, ruleId)) - 1;
            ruleIndex.set(ruleId, index);
        }
        return {
            ruleId,
            ruleIndex: index,
            level: LEVEL[f.severity],
            kind: 'fail',
            message: { text: messageOf(f) },
            locations: [locationOf(f, scanner.scanner)],
            partialFingerprints: { 'invictiFindingId/v1': (0,format/* sha256Hex */.fg)(`${scanner.scanner}\u0000${f.id}`) },
            baselineState: f.isNew ? 'new' : 'unchanged',
            properties: { severity: f.severity, scanner: plain(scanner.scanner, 200), isNew: f.isNew, ...requestOf(f) },
        };
    });
    return {
        tool: {
            driver: {
                name: plain(`${format/* PRODUCT_NAME */.KR}: ${scanner.scanner}`, 200),
                informationUri: format/* PRODUCT_URL */.IQ,
                version: plain(toolVersion, 50) || '0.0.0',
                rules,
            },
        },
        automationDetails: { id: `${format/* PRODUCT_ID */.OI}/${(0,format/* slug */.yR)(scanner.scanner)}/` },
        invocations: [{ executionSuccessful: true }],
        results,
        properties: {
            scannerType: plain(scanner.scannerType, 50),
            status: scanner.status,
            findingsTruncated: scanner.findingsTruncated || scanner.findings.length > findings.length,
        },
    };
}
function renderSarif(result, options = {}) {
    const maxResults = Math.max(0, Math.floor(options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN));
    const reported = result.scanners.filter((s) => s.status === 'passed' || s.status === 'failed' || s.status === 'warned');
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: reported.map((s) => runOf(s, result.toolVersion, maxResults)),
    };
}

;// CONCATENATED MODULE: ./build/shared/core/report-files.js
/**
 * The report files a run can leave behind (`output-json`, `sarif`, `summary-markdown`), written through an
 * injected writer so that every packaging writes them the same way.
 */



/** Write every report file asked for; returns what was written, as `{ kind, path }`. */
async function writeReportFiles(result, settings, write) {
    const written = [];
    if (settings.outputJson) {
        await write(settings.outputJson, (0,json/* renderJson */.hF)(result));
        written.push({ kind: 'json', path: settings.outputJson });
    }
    if (settings.sarif) {
        await write(settings.sarif, (0,json/* reportFileText */.oA)(renderSarif(result)));
        written.push({ kind: 'sarif', path: settings.sarif });
    }
    if (settings.summaryMarkdown) {
        const markdown = (0,render_markdown/* renderMarkdown */.Gc)(result, {
            flavour: 'summary',
            maxFindings: settings.maxFindings,
            ...(settings.jobUrl ? { jobUrl: settings.jobUrl } : {}),
            ...(settings.reportHost ? { codeHost: settings.reportHost } : {}),
        });
        await write(settings.summaryMarkdown, markdown);
        written.push({ kind: 'summary-markdown', path: settings.summaryMarkdown });
    }
    return written;
}


/***/ })

};
