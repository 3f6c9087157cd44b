/**
 * The pipe's process contract: settings arrive as environment variables (pipe variables plus Bitbucket's
 * defaults), the decision is the exit code (0 passed, 1 gate failed, 2 settings, 3 platform), results go to
 * stdout and progress to stderr. `--version` exists for the image smoke test; a pipe takes no other arguments.
 */
import { runScanCommand, type ScanIo } from '../../shared/cli/run-scan-command.js';
import { describeError, EXIT_CODES, exitCodeForError } from '../../shared/errors.js';
import { VERSION } from '../../shared/version.js';
import { API_URL_ENV, PROXY_URL_ENV, readPipeSettings } from './pipe-settings.js';
import { bitbucketHostDiff } from './pr-diff.js';
import { INSIGHTS_LIMITS } from './insights-limits.js';
import type { PackagingReads } from '../../shared/core/findings.js';

/**
 * What the pipe's own outputs read of the findings: the comment shows the top max-findings; Code Insights
 * annotates the most severe, up to its cap, and its report shows "New findings" (made in every Pipelines run,
 * through the auth proxy).
 */
export const PIPE_READS: PackagingReads = { annotated: INSIGHTS_LIMITS.annotationsPerReport, newCounts: true };

export async function runPipe(argv: readonly string[], io: ScanIo): Promise<number> {
  if (argv.includes('--version')) {
    io.stdout(`${VERSION}\n`);
    return EXIT_CODES.passed;
  }
  if (argv.length > 0) {
    io.stderr('error: the pipe takes no arguments; set its variables instead (see the README of the pipe).\n');
    return EXIT_CODES.config;
  }
  let settings;
  try {
    settings = readPipeSettings(io.env);
  } catch (err) {
    io.stderr(`error: ${describeError(err)}\n`);
    return exitCodeForError(err);
  }
  return runScanCommand(io, {
    ci: 'bitbucket',
    knownEnv: [PROXY_URL_ENV, API_URL_ENV],
    reads: PIPE_READS,
    // changed-only reads the pull request's diff from the API when credentials are set, then the step's clone.
    hostDiff: bitbucketHostDiff(settings),
    // Code Insights and the comment (undici's fetch with them) load once the scan has decided, or with the diff.
    publish: async (input) => {
      const { bitbucketPublisher } = await import('./lazy.js');
      await bitbucketPublisher(settings)(input);
    },
  });
}
