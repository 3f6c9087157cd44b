/** Small helpers shared by the renderers: ordering, wording, hashing, sizes. */
import { createHash } from 'node:crypto';
import type { Severity } from '../api/types.js';
import { SEVERITIES } from '../api/types.js';
import { countTotal, type Finding, type RunResult, type RunStatus, type ScannerResult } from '../core/result.js';
import { cleanText, truncate } from './escape.js';

export const PRODUCT_NAME = 'Invicti AppSec';
export const PRODUCT_ID = 'invicti-appsec';
export const VENDOR_NAME = 'Invicti';
export const PRODUCT_URL = 'https://www.invicti.com/';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export const severityRank = (severity: Severity): number => SEVERITY_RANK[severity] ?? SEVERITIES.length;

/**
 * Findings on the lines a change touched first (with `changed-only`: what the reviewer is looking at, kept when a
 * host's limit cuts the list), then most severe, then new before existing, then higher CVSS; otherwise the input
 * order is kept.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(b.inChange === true) - Number(a.inChange === true) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    Number(b.isNew) - Number(a.isNew) ||
    (b.cvss ?? -1) - (a.cvss ?? -1)
  );
}

/** All findings of a run, most severe first (a stable sort of a copy). */
export function sortedFindings(result: RunResult): Finding[] {
  return result.scanners.flatMap((s) => s.findings).sort(compareFindings);
}

export const STATUS_EMOJI: Record<RunStatus, string> = {
  passed: '✅',
  failed: '❌',
  warned: '⚠️',
  error: '💥',
  timeout: '⏱️',
  skipped: '⏭️',
};

export const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

export const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export function cweUrl(cweId: number | undefined): string | undefined {
  return cweId !== undefined && Number.isSafeInteger(cweId) && cweId > 0
    ? `https://cwe.mitre.org/data/definitions/${cweId}.html`
    : undefined;
}

/** A positive integer line number, or undefined. */
export const validLine = (line: number | undefined): number | undefined =>
  line !== undefined && Number.isSafeInteger(line) && line >= 1 ? line : undefined;

/** Which scanners feed which GitLab security report (by the platform's scanner type). */
export const isDastType = (type: string): boolean => type.toLowerCase() === 'dast';
export const isSastType = (type: string): boolean => type.toLowerCase() === 'sast';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A deterministic UUID-shaped id (RFC 9562 version 8, "custom") derived from `text`, so the same finding
 * gets the same id in every report.
 */
export function uuidFrom(text: string): string {
  const hex = sha256Hex(text);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `yyyy-mm-ddThh:mm:ss` in UTC (GitLab security reports); the epoch when the input is no valid date. */
export function gitlabTime(iso: string): string {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text) ? text : '1970-01-01T00:00:00';
}

/** UTF-8 size of a string without allocating; never less than its UTF-16 length. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The longest prefix of `text` whose UTF-8 size is at most `maxBytes`, never splitting a surrogate pair. */
export function clipUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += size === 4 ? 2 : 1;
  }
  return text.slice(0, i);
}

/** A lowercase id fragment for categories and ids: letters, digits, `.`, `_`, `-` only. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
  return s === '' ? 'scanner' : s;
}

/** Total findings the run knows of: the larger of the fetched list and the platform's counts (none when unknown). */
export function totalFindings(scanners: readonly ScannerResult[]): number {
  let total = 0;
  for (const s of scanners) {
    const counted = s.counts === undefined ? 0 : countTotal(s.counts);
    total += Math.max(counted, s.findings.length);
  }
  return total;
}

/** Longer paths are garbage rather than files (PATH_MAX is 4096 bytes); cut so reports stay bounded. */
const MAX_PATH = 1024;

/** A repository-relative path as reports want it: clean text, `/` separators, no leading `./` or `/`. */
export function repoPath(path: string | undefined): string {
  if (path === undefined) return '';
  const relative = cleanText(path).trim().replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return truncate(relative, MAX_PATH);
}
