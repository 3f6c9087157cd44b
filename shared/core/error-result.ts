/**
 * A run that broke before any scanner could report (the platform unreachable, the token refused, ...) still
 * gives one `RunResult`, so that outputs, comments and the exit code say what happened. The on-error policy
 * (or on-timeout, for a deadline) decides the exit code; the status always says `error` or `timeout`.
 */
import type { RunContext } from '../ci/context.js';
import { DeadlineError, describeError, EXIT_CODES } from '../errors.js';
import { VERSION } from '../version.js';
import type { ScanConfig } from './config.js';
import type { RunResult } from './result.js';

export function errorResult(config: ScanConfig, context: RunContext, err: unknown, nowMs: number): RunResult {
  const timedOut = err instanceof DeadlineError;
  const policy = timedOut ? config.onTimeout : config.onError;
  const status = timedOut ? 'timeout' : 'error';
  const message = describeError(err);
  const now = new Date(nowMs).toISOString();
  return {
    status,
    exitCode: policy === 'fail' ? EXIT_CODES.platform : EXIT_CODES.passed,
    project: { id: '', name: config.project ?? '' },
    branch: config.branch ?? '',
    ...(config.targetBranch ? { targetBranch: config.targetBranch } : {}),
    ...(config.prNumber !== undefined ? { pullRequest: String(config.prNumber) } : {}),
    scanners: [],
    summary: `${status}: ${message}`,
    warnOnly: config.warnOnly,
    newFindingsOnly: config.newFindingsOnly,
    startedAt: now,
    finishedAt: now,
    ...(context.jobUrl ? { reportUrl: context.jobUrl } : {}),
    toolVersion: VERSION,
  };
}
