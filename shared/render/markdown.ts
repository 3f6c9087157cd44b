/**
 * The PR/MR comment and job summary. Size-bounded: the output never exceeds `maxChars`, measured in UTF-8
 * bytes (never less than the character count, so one bound serves the character-limited comment APIs and the
 * byte-limited job summary). When cut, findings rows go first, then cells and lists get shorter, and as a
 * last resort whole lines are dropped from the end; a notice then points to the full report.
 */
import type { Finding, RunResult } from '../core/result.js';
import { markerLine } from '../platforms/marker.js';
import { safeHttpUrl } from './escape.js';
import { clipUtf8, sortedFindings, totalFindings, utf8Length } from './format.js';
import type { CodeHost, MarkdownFlavour, SectionContext } from './markdown-sections.js';
import {
  findingRow,
  findingsLines,
  footerLines,
  gateLines,
  headerLines,
  releaseLines,
  scannerLines,
  sectionContext,
  shortenedNotice,
} from './markdown-sections.js';

export type { MarkdownFlavour } from './markdown-sections.js';

/** GitHub issue/PR comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** GitHub step summary (`GITHUB_STEP_SUMMARY`), 1 MiB. */
export const GITHUB_SUMMARY_LIMIT = 1_048_576;
/** GitLab note body. */
export const GITLAB_NOTE_LIMIT = 1_000_000;
/** Bitbucket pull-request comment (kept conservative). */
export const BITBUCKET_COMMENT_LIMIT = 32_768;

export const MARKDOWN_LIMITS: Readonly<Record<MarkdownFlavour, number>> = {
  github: GITHUB_COMMENT_LIMIT,
  summary: GITHUB_SUMMARY_LIMIT,
  gitlab: GITLAB_NOTE_LIMIT,
  bitbucket: BITBUCKET_COMMENT_LIMIT,
};

export const DEFAULT_MAX_FINDINGS = 25;

export interface MarkdownOptions {
  flavour: MarkdownFlavour;
  /** Upper bound of the output (UTF-8 bytes); defaults to the flavour's limit. */
  maxChars?: number;
  /** Most findings rows to list; defaults to 25. */
  maxFindings?: number;
  /** Key (from `commentKey`) of the hidden marker line put first, so the adapter finds its own comment again. */
  marker?: string;
  /** The CI job page, linked in the footer and used as the "full report" when the report is cut. */
  jobUrl?: string;
  /** Where a `summary` is read (a comment's flavour names its host): how the pull/merge request is named. */
  codeHost?: CodeHost;
}

interface Parts {
  ctx: SectionContext;
  head: string[];
  body: string[];
  footer: string[];
  rows: string[];
}

function buildParts(result: RunResult, options: MarkdownOptions, compact: boolean, top: readonly Finding[], budget: number): Parts {
  const fullReportUrl = [options.jobUrl, result.reportUrl, result.project.link].map(safeHttpUrl).find((u) => u !== undefined);
  const ctx = sectionContext(options.flavour, compact, fullReportUrl, options.codeHost);
  const head = [
    ...(options.marker === undefined ? [] : [markerLine(options.marker, options.flavour === 'bitbucket' ? 'bitbucket' : 'html')]),
    ...headerLines(result, ctx),
  ];
  const body: string[] = [];
  for (const section of [scannerLines(result, ctx), gateLines(result, ctx), releaseLines(result, ctx)]) {
    if (section.length > 0) body.push('', ...section);
  }
  return { ctx, head, body, footer: footerLines(result, ctx, options.jobUrl), rows: findingRows(top, ctx, budget) };
}

/** Rows for the top findings, stopping once they alone exceed the budget (more could never fit). */
function findingRows(top: readonly Finding[], ctx: SectionContext, budget: number): string[] {
  const rows: string[] = [];
  let bytes = 0;
  for (const f of top) {
    const row = findingRow(f, ctx);
    bytes += utf8Length(row) + 1;
    if (bytes > budget) break;
    rows.push(row);
  }
  return rows;
}

function assemble(parts: Parts, rowCount: number, total: number, notice: boolean): string {
  const findings = findingsLines(parts.rows.slice(0, rowCount), total, parts.ctx);
  const lines = [...parts.head, ...parts.body];
  if (findings.length > 0) lines.push('', ...findings);
  if (notice) lines.push('', shortenedNotice(parts.ctx));
  lines.push('', ...parts.footer);
  return `${lines.join('\n')}\n`;
}

/** The most rows that fit with the notice, or -1 when not even the report without rows fits. */
function mostRowsThatFit(parts: Parts, total: number, budget: number): number {
  if (utf8Length(assemble(parts, 0, total, true)) > budget) return -1;
  let low = 0;
  let high = parts.rows.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (utf8Length(assemble(parts, mid, total, true)) <= budget) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Last resort: keep whole leading lines (the marker and status come first) and add the notice. */
function hardCut(parts: Parts, total: number, budget: number): string {
  const notice = `\n${shortenedNotice(parts.ctx)}\n`;
  const full = assemble(parts, 0, total, false);
  const room = budget - utf8Length(notice);
  if (room <= 0) return clipUtf8(notice.trimStart(), budget);
  // Whole lines only, and no heading left dangling without its content.
  const lines = clipUtf8(full, room).split('\n').slice(0, -1);
  while (lines.length > 0 && /^(#|\s*$)/.test(lines[lines.length - 1] ?? '')) lines.pop();
  const kept = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  return clipUtf8(`${kept}${notice}`, budget);
}

export function renderMarkdown(result: RunResult, options: MarkdownOptions): string {
  const budget = Math.max(0, Math.floor(options.maxChars ?? MARKDOWN_LIMITS[options.flavour]));
  const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? DEFAULT_MAX_FINDINGS));
  const total = totalFindings(result.scanners);

  const top = maxFindings === 0 ? [] : sortedFindings(result).slice(0, maxFindings);

  const full = buildParts(result, options, false, top, budget);
  if (full.rows.length === top.length) {
    const complete = assemble(full, full.rows.length, total, false);
    if (utf8Length(complete) <= budget) return complete;
  }

  const rows = mostRowsThatFit(full, total, budget);
  if (rows >= 0) return assemble(full, rows, total, true);

  const compact = buildParts(result, options, true, top, budget);
  const compactRows = mostRowsThatFit(compact, total, budget);
  if (compactRows >= 0) return assemble(compact, compactRows, total, true);
  return hardCut(compact, total, budget);
}
