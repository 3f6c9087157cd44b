/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF consumer): one run per scanner, each with its own
 * `automationDetails.id` category so `upload-sarif` keeps scanners apart.
 *
 * Decisions, from what GitHub's ingestion rejects:
 * - Every result needs a location with a physical artifact ("expected at least one location", "expected
 *   artifact location"), and an absolute `http(s)` URI there is refused ("URI scheme did not match the
 *   checkout URI scheme"). A DAST finding is not in the repository, and a URL turned into a relative path
 *   would be shown as a file of it: its artifact is the synthetic `invicti-appsec/<scanner>` (no `%SRCROOT%`),
 *   the exact request (method, full URL, parameter) is a `logicalLocations` entry of that location, and the
 *   URL, method and parameter are result properties. Findings without any location get the synthetic
 *   artifact alone.
 * - Rule descriptions add to the finding's title rather than repeat it: a CWE-keyed rule (several titles may
 *   share it) is described by its weakness; `fullDescription` is left out when nothing more is known.
 * - Scanners that errored, timed out or were skipped get no run: an empty run would tell GitHub that all
 *   open alerts of that category are fixed.
 */
import type { Severity } from '../api/types.js';
import type { Finding, RunResult, ScannerResult } from '../core/result.js';
import { cleanText, safeHttpUrl, truncate } from './escape.js';
import { compareFindings, cweUrl, PRODUCT_ID, PRODUCT_NAME, PRODUCT_URL, repoPath, sha256Hex, slug, validLine } from './format.js';
import type { SarifLocation, SarifLog, SarifResult, SarifRule, SarifRun } from './sarif-types.js';

export type { SarifLog } from './sarif-types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub accepts at most 25,000 results per run (and shows the first 5,000). */
export const SARIF_MAX_RESULTS_PER_RUN = 25_000;

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

const LEVEL: Record<Severity, SarifResult['level']> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const plain = (text: string, max: number): string => truncate(cleanText(text), max);

function securitySeverity(f: Finding): string {
  return f.cvss !== undefined && Number.isFinite(f.cvss) && f.cvss >= 0 && f.cvss <= 10
    ? f.cvss.toFixed(1)
    : SECURITY_SEVERITY[f.severity];
}

/** Percent-encodes what is not allowed in a relative URI path (and `:`, which would read as a scheme). */
function uriPath(path: string): string {
  return path.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=@/%]/gu, (ch) => encodeURIComponent(ch));
}

function locationOf(f: Finding, scanner: string): SarifLocation {
  const path = repoPath(f.path);
  if (path !== '') {
    const line = validLine(f.line);
    return {
      physicalLocation: {
        artifactLocation: { uri: uriPath(path), uriBaseId: '%SRCROOT%' },
        ...(line === undefined ? {} : { region: { startLine: line } }),
      },
    };
  }
  const synthetic = { physicalLocation: { artifactLocation: { uri: `${PRODUCT_ID}/${slug(scanner)}` } } };
  const request = requestOf(f);
  if (request === undefined) return synthetic;
  const method = request.method === undefined ? '' : `${request.method} `;
  const param = request.parameter === undefined ? '' : ` (${request.parameter})`;
  return { ...synthetic, logicalLocations: [{ kind: 'resource', fullyQualifiedName: `${method}${request.url}${param}` }] };
}

/**
 * A DAST finding's request (no repository path, an http(s) URL), cleaned: the location's logical name and the
 * result's properties (the URL is not a repository file).
 */
function requestOf(f: Finding): { url: string; method?: string; parameter?: string } | undefined {
  const url = repoPath(f.path) === '' ? safeHttpUrl(f.url) : undefined;
  if (url === undefined) return undefined;
  return {
    url: truncate(url, 2000),
    ...(f.method === undefined || f.method.trim() === '' ? {} : { method: plain(f.method, 20).toUpperCase() }),
    ...(f.parameter === undefined || f.parameter === '' ? {} : { parameter: plain(f.parameter, 200) }),
  };
}

function messageOf(f: Finding): string {
  const cwe = f.cweId !== undefined && cweUrl(f.cweId) !== undefined ? ` (CWE-${f.cweId})` : '';
  const where =
    f.path !== undefined && f.path !== ''
      ? ` in ${f.path}${validLine(f.line) === undefined ? '' : `:${f.line}`}`
      : f.url !== undefined && f.url !== ''
        ? ` at ${f.method ?? ''} ${f.url}${f.parameter === undefined ? '' : ` (parameter ${f.parameter})`}`
        : '';
  return plain(`${capitalSeverity(f.severity)}: ${f.name}${cwe}${where}`, 2000);
}

const capitalSeverity = (s: Severity): string => s.charAt(0).toUpperCase() + s.slice(1);

function ruleOf(f: Finding, ruleId: string): SarifRule {
  const cwe = cweUrl(f.cweId);
  const helpUri = cwe ?? safeHttpUrl(f.link);
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

function runOf(scanner: ScannerResult, toolVersion: string, maxResults: number): SarifRun {
  const findings = [...scanner.findings].sort(compareFindings).slice(0, maxResults);
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = findings.map((f) => {
    const ruleId = plain(f.ruleId, 255) || `${slug(scanner.scanner)}/unknown`;
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
      partialFingerprints: { 'invictiFindingId/v1': sha256Hex(`${scanner.scanner}\u0000${f.id}`) },
      baselineState: f.isNew ? 'new' : 'unchanged',
      properties: { severity: f.severity, scanner: plain(scanner.scanner, 200), isNew: f.isNew, ...requestOf(f) },
    };
  });
  return {
    tool: {
      driver: {
        name: plain(`${PRODUCT_NAME}: ${scanner.scanner}`, 200),
        informationUri: PRODUCT_URL,
        version: plain(toolVersion, 50) || '0.0.0',
        rules,
      },
    },
    automationDetails: { id: `${PRODUCT_ID}/${slug(scanner.scanner)}/` },
    invocations: [{ executionSuccessful: true }],
    results,
    properties: {
      scannerType: plain(scanner.scannerType, 50),
      status: scanner.status,
      findingsTruncated: scanner.findingsTruncated || scanner.findings.length > findings.length,
    },
  };
}

export interface SarifOptions {
  /** Cap of results per run (GitHub's limit by default). */
  maxResultsPerRun?: number;
}

export function renderSarif(result: RunResult, options: SarifOptions = {}): SarifLog {
  const maxResults = Math.max(0, Math.floor(options.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN));
  const reported = result.scanners.filter((s) => s.status === 'passed' || s.status === 'failed' || s.status === 'warned');
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: reported.map((s) => runOf(s, result.toolVersion, maxResults)),
  };
}
