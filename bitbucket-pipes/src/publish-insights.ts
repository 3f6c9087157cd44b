/**
 * Sends the Code Insights reports: one per scanner on the build's commit, each followed by its annotations.
 * A report that cannot be sent is logged and the others still go; decoration never changes the exit code.
 */
import type { ScanConfig } from '../../shared/core/config.js';
import type { Logger } from '../../shared/ports.js';
import type { RunResult } from '../../shared/core/result.js';
import { describeError } from '../../shared/errors.js';
import type { BitbucketInsights, RepoRef } from './bitbucket-api.js';
import { errorReport, insightReportId, scannerAnnotations, scannerReport } from './insights-report.js';

export interface InsightsTarget {
  repo: RepoRef;
  commit: string;
}

export interface InsightsInput {
  result: RunResult;
  config: Pick<ScanConfig, 'project' | 'scanners'>;
  jobUrl?: string;
}

export interface InsightsSent {
  reportId: string;
  result: string;
  annotations: number;
}

export async function publishInsights(
  insights: BitbucketInsights,
  target: InsightsTarget,
  input: InsightsInput,
  logger: Logger,
): Promise<InsightsSent[]> {
  const { result, config, jobUrl } = input;
  // The project as the user named it: the same key whether the run resolved the project or failed before.
  const project = config.project ?? (result.project.name || undefined);
  const jobs =
    result.scanners.length > 0
      ? result.scanners.map((s) => ({ id: insightReportId(s.scanner, project), report: scannerReport(result, s, jobUrl), annotations: scannerAnnotations(s) }))
      : config.scanners.map((name) => ({ id: insightReportId(name, project), report: errorReport(result, name, jobUrl), annotations: [] }));
  if (jobs.length === 0) logger.info('Code Insights: no scanner in this run, no report to send.');

  const sent: InsightsSent[] = [];
  for (const job of jobs) {
    try {
      await insights.putReport(target.repo, target.commit, job.id, job.report);
      const posted = job.annotations.length > 0 ? await insights.postAnnotations(target.repo, target.commit, job.id, job.annotations) : undefined;
      const dropped = posted && posted.dropped > 0 ? ` (${posted.dropped} left out: a report holds at most 1000)` : '';
      logger.info(`Code Insights: report ${job.id} ${job.report.result}, ${posted?.posted ?? 0} annotation(s)${dropped}.`);
      sent.push({ reportId: job.id, result: job.report.result, annotations: posted?.posted ?? 0 });
    } catch (err) {
      logger.warn(`Code Insights: could not send report ${job.id}: ${describeError(err)}`);
    }
  }
  return sent;
}
