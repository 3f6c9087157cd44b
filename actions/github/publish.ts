/**
 * What a GitHub run leaves behind once it has decided: report files, SARIF, job summary, annotations, the pull
 * request comment, outputs, and the text report last in the log. run-action loads this module after the run, so
 * that none of the renderers is loaded before the run's first request.
 */
import type { RunContext } from '../../shared/ci/index.js';
import { textReport } from '../../shared/cli/text-report.js';
import { configSecrets, type ScanConfig } from '../../shared/core/config.js';
import { writeReportFiles } from '../../shared/core/report-files.js';
import type { RunResult } from '../../shared/core/result.js';
import { describeError, EXIT_CODES, redact } from '../../shared/errors.js';
import { findingAnnotations } from './annotations.js';
import { actionOutputs, setOutputs } from './outputs.js';
import { publishComment } from './pr-comment.js';
import type { ActionIo } from './run-action.js';
import { writeSarifFile } from './sarif-file.js';
import { jobSummary } from './summary.js';
import type { ActionsToolkit } from './toolkit.js';

/** Everything the run leaves behind; returns the exit code (a report file that cannot be written makes it 2). */
export async function publish(result: RunResult, config: ScanConfig, context: RunContext, io: ActionIo, kit: ActionsToolkit): Promise<number> {
  let exitCode = result.exitCode;
  const jobUrl = context.jobUrl ? { jobUrl: context.jobUrl } : {};
  try {
    const files = await writeReportFiles(result, { ...config, sarif: undefined, ...jobUrl, reportHost: 'github' }, io.writeFile);
    for (const file of files) kit.info(`wrote ${file.kind}: ${file.path}`);
  } catch (err) {
    kit.error(`Could not write a report file: ${describeError(err)}`);
    exitCode = EXIT_CODES.config;
  }

  let sarifFile: string | undefined;
  if (config.sarif) {
    try {
      const sarif = await writeSarifFile(result, config.sarif, io.writeFile);
      if (sarif.written) {
        sarifFile = sarif.path;
        kit.info(`wrote SARIF: ${sarif.path} (${sarif.runs} runs, ${sarif.results} results)`);
      } else {
        kit.notice(`SARIF: ${sarif.reason}; output sarif-file is empty.`);
      }
    } catch (err) {
      kit.error(`Could not write the SARIF file (input "sarif"): ${describeError(err)}`);
      exitCode = EXIT_CODES.config;
    }
  }

  try {
    const summary = jobSummary(result, { maxFindings: config.maxFindings, ...jobUrl });
    if (!(await kit.appendSummary(summary))) kit.debug('no GITHUB_STEP_SUMMARY: job summary not written');
  } catch (err) {
    kit.warning(`Could not write the job summary: ${describeError(err)}`);
  }

  for (const a of findingAnnotations(result)) kit[a.level](a.message, a.props);

  const comment = await publishComment(result, config, context, {
    // Octokit loads only when a comment is to be written: it is most of the bundle's start-up cost.
    createStore: io.createCommentStore ?? (async (options) => (await import('./comment.js')).githubCommentStore(options)),
    redact: (text) => redact(text, configSecrets(config)),
    notice: (m) => kit.notice(m),
    warning: (m) => kit.warning(m),
    debug: (m) => kit.debug(m),
  });
  const commentUrl = comment && comment.action !== 'skipped' ? comment.url : undefined;
  if (comment && comment.action !== 'skipped') kit.info(`pull request comment ${comment.action}${commentUrl ? `: ${commentUrl}` : ''}`);

  setOutputs(kit, actionOutputs({ ...result, exitCode }, { ...(sarifFile ? { sarifFile } : {}), ...(commentUrl ? { commentUrl } : {}) }));
  return exitCode;
}

/**
 * The decision, last in the log: the plain report, then one annotation line when the step fails or warns
 * (exit 2 after a run means a report file could not be written, which is already reported as such).
 */
export function announce(result: RunResult, exitCode: number, kit: ActionsToolkit): void {
  for (const line of textReport(result).trimEnd().split('\n')) kit.info(line);
  if (exitCode === EXIT_CODES.gateFailed) kit.error(`Invicti AppSec gate failed: ${result.summary}`, { title: 'Invicti AppSec' });
  else if (exitCode === EXIT_CODES.platform) kit.error(`Invicti AppSec could not decide: ${result.summary}`, { title: 'Invicti AppSec' });
  else if (result.status === 'warned' || result.status === 'error' || result.status === 'timeout') {
    kit.warning(`Invicti AppSec: ${result.summary}`, { title: 'Invicti AppSec' });
  }
}
