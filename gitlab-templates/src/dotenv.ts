/**
 * The job's outputs as an `artifacts:reports:dotenv` file: later jobs of the pipeline get them as variables.
 *
 * GitLab's dotenv rules shape this: at most 20 variables on some plans, under 5 KB in all, `KEY=value` on one
 * line each, no comments, no escapes, quotes kept as they are. So values are single-line, trimmed and bounded.
 * The names never equal a setting's variable (`INVICTI_EVENT_IDS`, not `INVICTI_EVENT_ID`): a dotenv variable
 * outranks a job's own `variables:`, so a clash would silently feed one job's result into the next job's
 * settings when the component is included twice.
 */
import type { RunResult } from '../../shared/core/result.js';
import { outputNumber, runTotals } from '../../shared/core/run-totals.js';
import { cleanText, safeHttpUrl, truncate } from '../../shared/render/escape.js';
import { OUTPUT_VARIABLES } from '../../shared/core/output-variables.js';

export type GitlabOutputName = keyof typeof OUTPUT_VARIABLES;

// Caps that keep the whole file well under GitLab's 5 KB even with multi-byte text: a 300-character summary is
// at most 1.2 KB of UTF-8, ID lists and URLs are ASCII.
const MAX_SUMMARY = 300;
const MAX_IDS = 400;
const MAX_URL = 500;

/** One line, no control characters, bounded: what a dotenv value may hold. */
function oneLine(text: string, max: number): string {
  return truncate(cleanText(text).replace(/\s+/g, ' ').trim(), max);
}

/** Plain IDs only, comma-separated, as many whole ones as fit. */
function joinIds(values: readonly (string | undefined)[]): string {
  let out = '';
  for (const id of values) {
    if (id === undefined || !/^[A-Za-z0-9._:-]{1,100}$/.test(id)) continue;
    const next = out === '' ? id : `${out},${id}`;
    if (next.length > MAX_IDS) break;
    out = next;
  }
  return out;
}

const boundedUrl = (url: string | undefined): string => {
  const safe = safeHttpUrl(url);
  return safe !== undefined && safe.length <= MAX_URL ? safe : '';
};

/** The outputs of a finished run; every one is present, empty when it does not apply. */
export function gitlabOutputs(result: RunResult, extras: { noteUrl?: string } = {}): Record<GitlabOutputName, string> {
  const t = runTotals(result);
  return {
    INVICTI_STATUS: result.status,
    INVICTI_EXIT_CODE: String(result.exitCode),
    INVICTI_SUMMARY: oneLine(result.summary, MAX_SUMMARY),
    INVICTI_EVENT_IDS: joinIds(t.eventIds),
    INVICTI_SCAN_IDS: joinIds(t.scanIds),
    // Empty when a scanner's counts are unknown: not a 0 that reads as clean (`runTotals` says why).
    INVICTI_CRITICAL: outputNumber(t.counts?.critical),
    INVICTI_HIGH: outputNumber(t.counts?.high),
    INVICTI_MEDIUM: outputNumber(t.counts?.medium),
    INVICTI_LOW: outputNumber(t.counts?.low),
    INVICTI_INFO: outputNumber(t.counts?.info),
    INVICTI_TOTAL: outputNumber(t.total),
    INVICTI_NEW_TOTAL: outputNumber(t.newTotal),
    INVICTI_FIXED_TOTAL: outputNumber(t.fixedTotal),
    INVICTI_RISK_SCORE: outputNumber(t.riskScore),
    INVICTI_RELEASE_STATUS: oneLine(t.releaseStatus, 40),
    INVICTI_REPORT_URL: boundedUrl(t.reportUrl),
    INVICTI_NOTE_URL: boundedUrl(extras.noteUrl),
  };
}

/** `KEY=value` lines in the order of `OUTPUT_VARIABLES`. */
export function renderDotenv(outputs: Readonly<Record<GitlabOutputName, string>>): string {
  return (Object.keys(OUTPUT_VARIABLES) as GitlabOutputName[]).map((name) => `${name}=${outputs[name]}`).join('\n') + '\n';
}
