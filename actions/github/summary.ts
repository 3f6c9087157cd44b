/**
 * The job summary: the full markdown report (per-scanner table with counts per severity, gate reasons,
 * release criteria, top findings, links), bounded to what GitHub accepts for one step's summary (1 MiB;
 * over that the upload fails and the step's summary is lost).
 */
import type { RunResult } from '../../shared/core/result.js';
import { GITHUB_SUMMARY_LIMIT, renderMarkdown } from '../../shared/render/index.js';

/** Room left for the line break the toolkit appends. */
export const SUMMARY_MAX_BYTES = GITHUB_SUMMARY_LIMIT - 16;

export function jobSummary(result: RunResult, options: { maxFindings: number; jobUrl?: string }): string {
  return renderMarkdown(result, {
    flavour: 'summary',
    codeHost: 'github',
    maxChars: SUMMARY_MAX_BYTES,
    maxFindings: options.maxFindings,
    ...(options.jobUrl ? { jobUrl: options.jobUrl } : {}),
  });
}
