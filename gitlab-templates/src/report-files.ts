/**
 * The GitLab report artifacts of a run, under the names the component's `artifacts:reports` lists (a test keeps
 * the template and these names equal). Security reports are written only when the run has scanners of that
 * type, so that GitLab does not show an empty SAST or DAST scan; Code Quality (shown on every tier) and JUnit
 * (one test case per gate rule) are always written.
 */
import { join } from 'node:path';
import type { WriteText } from '../../shared/core/report-files.js';
import type { RunResult } from '../../shared/core/result.js';
import { isDastType, isSastType } from '../../shared/render/format.js';
import { renderCodeQuality, renderGitlabDast, renderGitlabSast, renderJunit } from '../../shared/render/gitlab.js';
import { reportFileText } from '../../shared/render/json.js';

/** File names, keyed by the `artifacts:reports` entry that picks each one up. */
export const GITLAB_REPORT_FILES = {
  sast: 'gl-sast-report.json',
  dast: 'gl-dast-report.json',
  codequality: 'gl-code-quality-report.json',
  junit: 'invicti-appsec-junit.xml',
  dotenv: 'invicti-appsec.env',
} as const;

export type GitlabReportKind = keyof typeof GITLAB_REPORT_FILES;

export interface WrittenReport {
  kind: GitlabReportKind;
  path: string;
}

const json = reportFileText;

/** The report files due for `result` (all but the dotenv, which waits for the note's URL), as name and text. */
export function gitlabReports(result: RunResult): { kind: Exclude<GitlabReportKind, 'dotenv'>; text: string }[] {
  const reports: { kind: Exclude<GitlabReportKind, 'dotenv'>; text: string }[] = [];
  if (result.scanners.some((s) => isSastType(s.scannerType))) reports.push({ kind: 'sast', text: json(renderGitlabSast(result)) });
  if (result.scanners.some((s) => isDastType(s.scannerType))) reports.push({ kind: 'dast', text: json(renderGitlabDast(result)) });
  reports.push({ kind: 'codequality', text: json(renderCodeQuality(result)) });
  reports.push({ kind: 'junit', text: renderJunit(result) });
  return reports;
}

/** Write the reports into `dir` (the job's working directory, where `artifacts:` looks). */
export async function writeGitlabReports(result: RunResult, dir: string, write: WriteText): Promise<WrittenReport[]> {
  const written: WrittenReport[] = [];
  for (const report of gitlabReports(result)) {
    const path = join(dir, GITLAB_REPORT_FILES[report.kind]);
    await write(path, report.text);
    written.push({ kind: report.kind, path });
  }
  return written;
}
