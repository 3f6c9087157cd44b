/**
 * GitLab security reports (`artifacts:reports:sast` and `:dast`, schema 15.2.1). SAST-type scanners go to
 * the SAST report, DAST-type to the DAST report; other types (SCA, IaC, ...) appear in neither.
 * Text fields are plain text for GitLab's own (escaping) UI: we strip control and bidi characters and keep
 * within the schema's lengths; links are kept only when http(s).
 */
import type { Finding, RunResult, ScannerResult } from '../core/result.js';
import { cleanText, safeHttpUrl, truncate } from './escape.js';
import {
  capitalise,
  compareFindings,
  cweUrl,
  gitlabTime,
  isDastType,
  isSastType,
  PRODUCT_ID,
  PRODUCT_NAME,
  PRODUCT_URL,
  repoPath,
  uuidFrom,
  validLine,
  VENDOR_NAME,
} from './format.js';

export { renderCodeQuality } from './code-quality.js';
export type { CodeQualityIssue } from './code-quality.js';
export { renderJunit } from './junit.js';

export const GITLAB_REPORT_VERSION = '15.2.1';

export interface GitlabIdentifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

export interface GitlabVulnerability {
  id: string;
  name: string;
  description: string;
  severity: 'Critical' | 'High' | 'Medium' | 'Low' | 'Info';
  identifiers: GitlabIdentifier[];
  location: Record<string, string | number>;
  links?: { name: string; url: string }[];
}

interface Tool {
  id: string;
  name: string;
  url: string;
  version: string;
  vendor: { name: string };
}

export interface GitlabScan {
  analyzer: Tool;
  scanner: Tool;
  type: 'sast' | 'dast';
  start_time: string;
  end_time: string;
  status: 'success' | 'failure';
  messages: { level: 'info' | 'warn' | 'fatal'; value: string }[];
  scanned_resources?: { method: string; url: string; type: 'url' }[];
}

export interface GitlabSecurityReport {
  version: string;
  scan: GitlabScan;
  vulnerabilities: GitlabVulnerability[];
}

const plain = (text: string, max: number): string => truncate(cleanText(text), max);

function identifiers(f: Finding, scanner: string): GitlabIdentifier[] {
  const rule = plain(f.ruleId, 255) || `${scanner}/unknown`;
  const list: GitlabIdentifier[] = [{ type: 'invicti_appsec_rule', name: `${PRODUCT_NAME} rule ${rule}`, value: rule }];
  const cwe = cweUrl(f.cweId);
  if (cwe !== undefined) list.push({ type: 'cwe', name: `CWE-${f.cweId}`, value: String(f.cweId), url: cwe });
  return list;
}

function description(f: Finding): string {
  const parts = [f.name];
  if (f.cweName !== undefined && f.cweName !== '') parts.push(`CWE: ${f.cweName}`);
  if (f.cvss !== undefined && Number.isFinite(f.cvss)) parts.push(`CVSS: ${f.cvss}`);
  parts.push(`Scanner: ${f.scanner}`, f.isNew ? 'New in this change.' : 'Already present.');
  return truncate(cleanText(parts.join('\n'), true), 10_000);
}

function vulnerability(f: Finding, scanner: ScannerResult, location: GitlabVulnerability['location']): GitlabVulnerability {
  const link = safeHttpUrl(f.link);
  return {
    id: uuidFrom(`${scanner.scanner}\u0000${f.id}`),
    name: plain(f.name, 255) || plain(f.ruleId, 255) || 'Finding',
    description: description(f),
    severity: capitalise(f.severity) as GitlabVulnerability['severity'],
    identifiers: identifiers(f, scanner.scanner),
    location,
    ...(link === undefined ? {} : { links: [{ name: PRODUCT_NAME, url: link }] }),
  };
}

function sastLocation(f: Finding): GitlabVulnerability['location'] {
  const file = repoPath(f.path);
  if (file === '') return {};
  const line = validLine(f.line);
  return line === undefined ? { file } : { file, start_line: line };
}

function dastLocation(f: Finding): GitlabVulnerability['location'] {
  const url = safeHttpUrl(f.url);
  const method = plain(f.method ?? '', 20).toUpperCase();
  const param = plain(f.parameter ?? '', 500);
  const location: GitlabVulnerability['location'] = {};
  if (url !== undefined) {
    const parsed = new URL(url);
    location.hostname = parsed.origin;
    location.path = parsed.pathname;
  }
  if (method !== '') location.method = method;
  if (param !== '') location.param = param;
  return location;
}

function tool(version: string): Tool {
  const v = plain(version, 50) || '0.0.0';
  return { id: PRODUCT_ID, name: PRODUCT_NAME, url: PRODUCT_URL, version: v, vendor: { name: VENDOR_NAME } };
}

function scanOf(result: RunResult, scanners: ScannerResult[], type: 'sast' | 'dast'): GitlabScan {
  const messages: GitlabScan['messages'] = [];
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

const findingsOf = (scanners: ScannerResult[]): { f: Finding; s: ScannerResult }[] =>
  scanners.flatMap((s) => s.findings.map((f) => ({ f, s }))).sort((a, b) => compareFindings(a.f, b.f));

export function renderGitlabSast(result: RunResult): GitlabSecurityReport {
  const scanners = result.scanners.filter((s) => isSastType(s.scannerType));
  return {
    version: GITLAB_REPORT_VERSION,
    scan: scanOf(result, scanners, 'sast'),
    vulnerabilities: findingsOf(scanners).map(({ f, s }) => vulnerability(f, s, sastLocation(f))),
  };
}

export function renderGitlabDast(result: RunResult): GitlabSecurityReport {
  const scanners = result.scanners.filter((s) => isDastType(s.scannerType));
  const findings = findingsOf(scanners);
  // The attack surface we know of: the resources findings were reported on (query strings left out).
  const resources = new Map<string, { method: string; url: string; type: 'url' }>();
  for (const { f } of findings) {
    const url = safeHttpUrl(f.url);
    if (url === undefined) continue;
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
