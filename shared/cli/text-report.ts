/** The plain-text decision the CLI prints on stdout: one header line, one block per scanner. */
import { SEVERITIES } from '../api/types.js';
import { countTotal, type RunResult } from '../core/result.js';
import { cleanText } from '../render/escape.js';
import { scopeSentence } from '../core/change-scope.js';
import { shellWord } from './kdt-args.js';

const MARK = { pass: 'ok  ', fail: 'FAIL', warn: 'warn' } as const;

/** Scanner text reaches a terminal: no control characters that could move the cursor or recolour. */
const plain = (text: string): string => cleanText(text);

export function textReport(result: RunResult): string {
  const lines: string[] = [];
  const where = result.targetBranch ? `${result.branch} -> ${result.targetBranch}` : result.branch;
  lines.push(`Invicti AppSec: ${result.status.toUpperCase()} (exit ${result.exitCode}) - project ${plain(result.project.name)}, branch ${plain(where)}`);
  const scope = result.changedOnly;
  if (scope) lines.push(`  changed-only ${scope.mode}: ${scope.applied ? `diff from the ${plain(scope.detail)}` : `not applied (${plain(scope.detail)}); all findings count`}`);
  for (const s of result.scanners) {
    if (s.status === 'skipped') {
      // Started without waiting: nothing was counted, and zeros would read as "no findings".
      lines.push(`  ${plain(s.scanner)}${s.scannerType ? ` (${s.scannerType})` : ''}: started, not waited for${s.eventId ? ` (event ${plain(s.eventId)})` : ''}`);
      continue;
    }
    // No finished scan (an error, a timeout): nothing was counted, and zeros would read as "no findings". Release
    // mode counts nothing by design: no counts to speak of.
    const known = s.counts;
    const counts = known ? `  ${SEVERITIES.map((sev) => `${sev} ${known[sev]}`).join('  ')}` : s.mode === 'release' ? '' : '  counts unknown';
    // The new/existing split is read only when something asked for it: unknown is left out, not printed as 0.
    const fresh = s.newCounts ? `  new ${countTotal(s.newCounts)}` : '';
    const risk = s.riskScore !== undefined ? `  risk ${s.riskScore}` : '';
    lines.push(`  ${plain(s.scanner)}${s.scannerType ? ` (${s.scannerType})` : ''}: ${s.status}${counts}${fresh}${risk}`);
    if (s.chosenBecause) lines.push(`    chosen by scanner type: ${plain(s.chosenBecause)}`);
    if (s.fixedCounts) lines.push(`    fixed by this change: ${countTotal(s.fixedCounts)}`);
    if (s.scope) lines.push(`    ${plain(scopeSentence(s.scope))}`);
    if (s.note) lines.push(`    note: ${plain(s.note)}`);
    for (const reason of s.reasons) lines.push(`    ${MARK[reason.outcome]} ${plain(reason.message)}`);
    const link = s.links.scan ?? s.links.event;
    if (link) lines.push(`    report: ${plain(link)}`);
  }
  // Scans still running on the platform (async, a timeout, a cancellation): one command gates them later.
  const open = result.scanners.filter((s) => s.eventId && (s.status === 'skipped' || s.status === 'timeout' || s.error?.startsWith('cancelled')));
  const ids = open.map((s) => plain(s.eventId ?? ''));
  const project = result.project.name ? ` --project ${shellWord(plain(result.project.name))}` : '';
  if (ids.length > 0) lines.push(`Resume and gate with: invicti-appsec wait${project} --event-id ${ids.join(',')}`);
  return `${lines.join('\n')}\n`;
}
