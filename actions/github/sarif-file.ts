/**
 * The SARIF file for `github/codeql-action/upload-sarif`. One run per scanner, each with its own category,
 * so several scanners (or a matrix of steps) never close each other's alerts.
 *
 * A log without runs is not written: uploading it would tell code scanning nothing useful, and an empty run
 * would mark every open alert of that category as fixed. The `sarif-file` output then stays empty, so the
 * upload step can be skipped with `if: steps.<id>.outputs.sarif-file != ''`.
 */
import type { WriteText } from '../../shared/core/report-files.js';
import type { RunResult } from '../../shared/core/result.js';
import { renderSarif, reportFileText } from '../../shared/render/index.js';

export type SarifOutcome = { written: true; path: string; runs: number; results: number } | { written: false; reason: string };

export async function writeSarifFile(result: RunResult, path: string, write: WriteText): Promise<SarifOutcome> {
  const log = renderSarif(result);
  if (log.runs.length === 0) {
    return { written: false, reason: `not writing ${path}: no scanner finished with results (status ${result.status})` };
  }
  await write(path, reportFileText(log));
  const results = log.runs.reduce((n, run) => n + run.results.length, 0);
  return { written: true, path, runs: log.runs.length, results };
}
