/**
 * The sections of the markdown report, each a list of lines. Every scanner-provided string passes through
 * `text()` (clean, cut, escape) and every link through `markdownLink` (http(s) only).
 */
import { SEVERITIES } from '../api/types.js';
import { countTotal, type Finding, type GateReason, type ReleaseSummary, type RunResult, type ScannerResult } from '../core/result.js';
import type { EscapeDialect } from './escape.js';
import { cleanText, escapeHtml, escapeMarkdown, markdownLink, safeHttpUrl, truncate } from './escape.js';
import {
  capitalise,
  cweUrl,
  PRODUCT_NAME,
  SEVERITY_EMOJI,
  STATUS_EMOJI,
  validLine,
} from './format.js';

export type MarkdownFlavour = 'github' | 'gitlab' | 'bitbucket' | 'summary';
/** The code host the report is read on: it decides how a pull/merge request is named. */
export type CodeHost = 'github' | 'gitlab' | 'bitbucket';

export interface SectionContext {
  flavour: MarkdownFlavour;
  dialect: EscapeDialect;
  /** Bitbucket renders no HTML: no `<details>`, no `<sub>`. */
  html: boolean;
  /** Second pass when the full report does not fit: shorter cells, fewer list items. */
  compact: boolean;
  /** Where the full report lives (job page or platform), already checked to be http(s). */
  fullReportUrl?: string;
  /** Unset for a summary whose host is unknown (a CLI run outside CI). */
  codeHost?: CodeHost;
}

export function sectionContext(flavour: MarkdownFlavour, compact: boolean, fullReportUrl?: string, codeHost?: CodeHost): SectionContext {
  const host = flavour === 'summary' ? codeHost : flavour;
  return {
    flavour,
    ...(host === undefined ? {} : { codeHost: host }),
    dialect: flavour === 'bitbucket' ? 'bitbucket' : 'commonmark',
    html: flavour !== 'bitbucket',
    compact,
    ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
  };
}

/** Untrusted text as inert inline markdown, cut to a length that depends on the pass. */
function text(ctx: SectionContext, value: string, normal: number, compact = Math.min(normal, 80)): string {
  return escapeMarkdown(truncate(cleanText(value), ctx.compact ? compact : normal), ctx.dialect);
}

const num = (n: number | undefined): string => (n !== undefined && Number.isFinite(n) ? String(n) : '—');

function riskCell(s: ScannerResult): string {
  if (s.riskScore === undefined || !Number.isFinite(s.riskScore)) return '—';
  if (s.previousRiskScore === undefined || !Number.isFinite(s.previousRiskScore)) return num(s.riskScore);
  const delta = Math.round((s.riskScore - s.previousRiskScore) * 100) / 100;
  const change = delta > 0 ? `▲ +${delta}` : delta < 0 ? `▼ ${delta}` : '±0';
  return `${num(s.riskScore)} (${change})`;
}

const statusText = (status: ScannerResult['status']): string => `${STATUS_EMOJI[status] ?? ''} ${status}`;

/** Each host's own notation: GitLab's "Merge request !12", GitHub's and Bitbucket's "Pull request #12". */
function changeRequest(ctx: SectionContext, number: string): string {
  switch (ctx.codeHost) {
    case 'gitlab':
      return `**Merge request** !${number}`;
    case 'github':
    case 'bitbucket':
      return `**Pull request** #${number}`;
    case undefined:
      return `**Pull/merge request:** ${number}`;
  }
}

export function headerLines(result: RunResult, ctx: SectionContext): string[] {
  const project = markdownLink(text(ctx, result.project.name, 200), result.project.link);
  const branch = text(ctx, result.branch, 200);
  const target = result.targetBranch === undefined ? '' : ` → ${text(ctx, result.targetBranch, 200)}`;
  const pr = result.pullRequest === undefined ? '' : ` · ${changeRequest(ctx, text(ctx, result.pullRequest, 50))}`;
  const lines = [
    `## ${STATUS_EMOJI[result.status] ?? ''} ${PRODUCT_NAME}: ${result.status}`,
    '',
    `**Project:** ${project} · **Branch:** ${branch}${target}${pr}`,
  ];
  if (result.summary.trim() !== '') lines.push('', text(ctx, result.summary, 1000, 300));
  const modes: string[] = [];
  if (result.warnOnly) modes.push('Warn-only mode: findings are reported but do not fail the build.');
  if (result.newFindingsOnly) modes.push('The gate counts new findings only.');
  const scope = result.changedOnly;
  if (scope?.applied) {
    const where = scope.mode === 'lines' ? 'on the lines this change touched (✏️)' : 'in the files this change touched (✏️)';
    modes.push(`The gate counts findings ${where}, and findings without a file location as usual; diff from the ${scope.detail}.`);
  } else if (scope) {
    modes.push(`changed-only ${scope.mode} was not applied (${scope.detail}): the gate counts all findings.`);
  }
  if (modes.length > 0) lines.push('', `_${modes.join(' ')}_`);
  return lines;
}

const SCANNER_HEADER = [
  '| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

export function scannerLines(result: RunResult, ctx: SectionContext): string[] {
  if (result.scanners.length === 0) return ['### Scanners', '', '_No scanner ran._'];
  const cap = ctx.compact ? 50 : Infinity;
  const rows = result.scanners.slice(0, cap).map((s) => {
    const name = markdownLink(text(ctx, s.scanner, 100, 40), s.links.scan ?? s.links.event);
    const counts = SEVERITIES.map((sev) => num(s.counts?.[sev]));
    const newTotal = s.newCounts === undefined ? undefined : countTotal(s.newCounts);
    return `| ${name} | ${text(ctx, s.scannerType, 30)} | ${statusText(s.status)} | ${counts.join(' | ')} | ${num(newTotal)} | ${riskCell(s)} |`;
  });
  const lines = ['### Scanners', '', ...SCANNER_HEADER, ...rows];
  const hidden = result.scanners.length - rows.length;
  if (hidden > 0) lines.push('', `_… and ${hidden} more scanners._`);
  // A dash is not a zero: say so once, so that nobody reads a scanner without a finished scan as clean.
  if (result.scanners.some((s) => s.counts === undefined)) lines.push('', '_— not known: no finished scan to count._');
  const fixed = result.scanners.flatMap((s) => (s.fixedCounts === undefined ? [] : [{ s, c: s.fixedCounts }]));
  if (fixed.length > 0) {
    const each = fixed.map(({ s, c }) => {
      const bySeverity = SEVERITIES.filter((sev) => c[sev] > 0).map((sev) => `${c[sev]} ${sev}`);
      return `**${text(ctx, s.scanner, 100, 40)}** ${bySeverity.length > 0 ? bySeverity.join(', ') : 'none'}`;
    });
    lines.push('', `Fixed by this change: ${each.join(' · ')}`);
  }
  const chosen = result.scanners.slice(0, cap).filter((s) => s.chosenBecause !== undefined);
  if (chosen.length > 0) {
    const why = chosen.map((s) => `**${text(ctx, s.scanner, 100, 40)}**: ${text(ctx, s.chosenBecause ?? '', 200, 80)}`);
    lines.push('', `Chosen by scanner type: ${why.join(' · ')}`);
  }
  const notes = result.scanners.slice(0, cap).filter((s) => s.note !== undefined);
  if (notes.length > 0) lines.push('', ...notes.map((s) => `- ℹ️ **${text(ctx, s.scanner, 100, 40)}**: ${text(ctx, s.note ?? '', 500, 200)}`));
  return lines;
}

const OUTCOME_EMOJI: Record<GateReason['outcome'], string> = { fail: '❌', warn: '⚠️', pass: '✅' };
const OUTCOME_ORDER: Record<GateReason['outcome'], number> = { fail: 0, warn: 1, pass: 2 };

function reasonLine(ctx: SectionContext, scanner: string, reason: GateReason): string {
  return `- ${OUTCOME_EMOJI[reason.outcome] ?? ''} **${text(ctx, scanner, 100, 40)}** · ${reason.rule}: ${text(ctx, reason.message, 500, 160)}`;
}

export function gateLines(result: RunResult, ctx: SectionContext): string[] {
  const items: { scanner: string; reason: GateReason }[] = [];
  for (const s of result.scanners) {
    for (const reason of s.reasons) items.push({ scanner: s.scanner, reason });
    const explained = s.reasons.some((r) => r.rule === 'error' || r.rule === 'timeout');
    if (s.error !== undefined && !explained) {
      const rule = s.status === 'timeout' ? 'timeout' : 'error';
      items.push({ scanner: s.scanner, reason: { rule, outcome: 'fail', message: s.error } });
    }
  }
  if (items.length === 0) return [];
  items.sort((a, b) => (OUTCOME_ORDER[a.reason.outcome] ?? 3) - (OUTCOME_ORDER[b.reason.outcome] ?? 3));
  const open = items.filter((i) => i.reason.outcome !== 'pass');
  const passing = items.filter((i) => i.reason.outcome === 'pass');
  const lines = ['### Gate', ''];
  const shown = ctx.compact ? open.slice(0, 20) : open;
  lines.push(...shown.map((i) => reasonLine(ctx, i.scanner, i.reason)));
  if (shown.length < open.length) lines.push(`- _… and ${open.length - shown.length} more._`);
  if (ctx.compact || passing.length === 0) {
    if (passing.length > 0) lines.push(`- ✅ ${passing.length} rules passed.`);
    return lines;
  }
  const passLines = passing.map((i) => reasonLine(ctx, i.scanner, i.reason));
  if (!ctx.html) return [...lines, ...passLines];
  // Passing rules are detail: folded away where the platform renders HTML.
  const summary = escapeHtml(`${passing.length} passing ${passing.length === 1 ? 'rule' : 'rules'}`);
  return [...lines, '', `<details><summary>${summary}</summary>`, '', ...passLines, '', '</details>'];
}

const RELEASE_EMOJI: Record<string, string> = { success: '✅', fail: '❌' };
const releaseWord = (status: string): string =>
  status === '' || status === 'undefined' ? '— no release criteria set' : `${RELEASE_EMOJI[status] ?? ''} ${status}`.trim();

export function releaseLines(result: RunResult, ctx: SectionContext): string[] {
  // Release criteria belong to the project and branch, so scanners share them; only which failing types count
  // differs (each scanner gates on its own types by default). Show each distinct set of statuses once, with the
  // types that were evaluated and which scanners they gate.
  const distinct = new Map<string, { release: ReleaseSummary; gatedBy: Map<string, string[]> }>();
  for (const s of result.scanners) {
    if (s.release === undefined) continue;
    const key = JSON.stringify([s.release.status, s.release.types]);
    const entry = distinct.get(key) ?? { release: s.release, gatedBy: new Map<string, string[]>() };
    for (const type of s.release.failingTypes) entry.gatedBy.set(type, [...(entry.gatedBy.get(type) ?? []), s.scanner]);
    distinct.set(key, entry);
  }
  if (distinct.size === 0) return [];
  const lines = ['### Release criteria'];
  for (const { release, gatedBy } of distinct.values()) {
    lines.push('', `Overall: ${text(ctx, releaseWord(release.status), 60)}`);
    const types = Object.entries(release.types)
      .filter(([, status]) => status !== '' && status !== 'undefined')
      .slice(0, ctx.compact ? 20 : 100);
    if (types.length === 0) continue;
    lines.push('', '| Type | Status | Fails the gate of |', '| --- | --- | --- |');
    for (const [type, status] of types) {
      const gated = gatedBy.get(type)?.join(', ') ?? '—';
      lines.push(`| ${text(ctx, type, 30)} | ${text(ctx, releaseWord(status), 60)} | ${text(ctx, gated, 200, 60)} |`);
    }
  }
  return lines;
}

function locationText(f: Finding): string {
  if (f.path !== undefined && f.path !== '') {
    const line = validLine(f.line);
    return line === undefined ? f.path : `${f.path}:${line}`;
  }
  if (f.url !== undefined && f.url !== '') {
    const method = f.method === undefined || f.method === '' ? '' : `${f.method} `;
    const param = f.parameter === undefined || f.parameter === '' ? '' : ` (${f.parameter})`;
    return `${method}${f.url}${param}`;
  }
  return '';
}

export function findingRow(f: Finding, ctx: SectionContext): string {
  const severity = `${SEVERITY_EMOJI[f.severity] ?? ''} ${capitalise(f.severity)}`;
  const name = `${f.inChange ? '✏️ ' : ''}${f.isNew ? '🆕 ' : ''}${markdownLink(text(ctx, f.name, 200), f.link)}`;
  const location = locationText(f);
  const where = location === '' ? '—' : text(ctx, location, 200);
  const cwe = cweUrl(f.cweId);
  const cweCell = cwe === undefined ? '—' : markdownLink(`CWE\\-${f.cweId}`, cwe);
  return `| ${severity} | ${name} | ${where} | ${cweCell} | ${text(ctx, f.scanner, 60, 30)} |`;
}

/** The findings section with the first `rows.length` rows; empty when there are none to show. */
export function findingsLines(rows: readonly string[], total: number, ctx: SectionContext): string[] {
  if (rows.length === 0) return [];
  const note =
    rows.length < total
      ? [`_Showing the ${rows.length} most severe of ${total} findings._ ${markdownLink('Full report', ctx.fullReportUrl)}`.trim()]
      : [];
  const table = ['| Severity | Finding | Location | CWE | Scanner |', '| --- | --- | --- | --- | --- |', ...rows];
  if (!ctx.html) return ['### Top findings', '', ...table, ...(note.length > 0 ? ['', ...note] : [])];
  return [
    '<details open><summary><b>Top findings</b></summary>',
    '',
    ...table,
    ...(note.length > 0 ? ['', ...note] : []),
    '',
    '</details>',
  ];
}

export function footerLines(result: RunResult, ctx: SectionContext, jobUrl: string | undefined): string[] {
  const links: string[] = [];
  const project = safeHttpUrl(result.project.link);
  if (project !== undefined) links.push(markdownLink(`Open the project in ${PRODUCT_NAME}`, project));
  const report = safeHttpUrl(result.reportUrl);
  if (report !== undefined && report !== project) links.push(markdownLink('Full report', report));
  const job = safeHttpUrl(jobUrl);
  if (job !== undefined) links.push(markdownLink('CI job', job));
  const version = `${PRODUCT_NAME} CI ${text(ctx, result.toolVersion, 40)}`;
  return [...(links.length > 0 ? [links.join(' · '), ''] : []), ctx.html ? `<sub>${version}</sub>` : `_${version}_`];
}

export function shortenedNotice(ctx: SectionContext): string {
  const link = markdownLink('See the full report', ctx.fullReportUrl);
  const where = ctx.fullReportUrl === undefined ? 'See the CI job log for the full report.' : `${link}.`;
  return `> ⚠️ This report was shortened to fit the size limit. ${where}`;
}
