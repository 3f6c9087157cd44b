/**
 * The scan flow as every non-GitHub packaging runs it: settings from the environment (and flags), CI context,
 * the core run, report files, a plain-text decision on stdout, then the packaging's own publishing (GitLab
 * notes and reports, Bitbucket Code Insights, ...). Returns the exit code; never exits.
 */
import type { Env, RunContext } from '../ci/index.js';
import { readRawFromEnv, mergeRaw, configSecrets, type ScanConfig } from '../core/config.js';
import { runScanFlow } from './scan-flow.js';
import type { CiKind } from '../core/options.js';
import type { Clock, Logger, Random } from '../ports.js';
import type { WriteText } from '../core/report-files.js';
import type { RunResult } from '../core/result.js';
import { describeError, EXIT_CODES, exitCodeForError, redact } from '../errors.js';
import { consoleLogger } from './console-logger.js';
import { withLocalCheckout, type NamedSource } from '../diff/chain.js';
import type { PackagingReads } from '../core/findings.js';

export interface ScanIo {
  env: Env;
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile: WriteText;
  /** GitHub's event payload, when running there (the CLI can run in any CI). */
  readGithubEvent?(): unknown;
  /** The checkout `changed-only` diffs when the code host gives no diff (`CI_PROJECT_DIR`, `BITBUCKET_CLONE_DIR`, cwd). */
  cwd?: string;
  /** The local branch, for runs outside CI. */
  gitBranch?(): string | undefined;
  signal?: AbortSignal;
  clock?: Clock;
  random?: Random;
}

export interface PublishInput {
  result: RunResult;
  config: ScanConfig;
  context: RunContext;
  logger: Logger;
}

export interface ScanCommandOptions {
  /** Which names settings have in this packaging (environment variables, flags). */
  ci: CiKind;
  /** Settings from the command line; they win over the environment. */
  flags?: Readonly<Record<string, string>>;
  /** The packaging's own output: comments, CI reports. Its failures are reported, not fatal. */
  publish?: (input: PublishInput) => Promise<void>;
  /** `INVICTI_*` variables this packaging reads besides the registry's settings (not to be taken for typos). */
  knownEnv?: readonly string[];
  /** What this packaging's own outputs read of the findings (comments, annotations, reports). */
  reads: PackagingReads;
  /** The code host's own diff of the pull/merge request, tried before the local checkout (`changed-only`). */
  hostDiff?: (config: ScanConfig, context: RunContext) => NamedSource[];
}

export async function runScanCommand(io: ScanIo, options: ScanCommandOptions): Promise<number> {
  let secrets: string[] = [];
  const say = (text: string): void => io.stderr(redact(text, secrets));
  const fromEnv = readRawFromEnv(io.env, options.ci);
  const raw = mergeRaw(fromEnv.raw, options.flags ?? {});
  secrets = [raw.token, raw['github-token'], raw['gitlab-token'], raw['bitbucket-token'], raw['bitbucket-api-token']].filter(
    (v): v is string => v !== undefined && v !== '',
  );
  for (const warning of fromEnv.warnings) say(`warning: ${warning}\n`);

  const branch = io.gitBranch?.();
  const outcome = await runScanFlow(
    {
      ci: options.ci,
      env: io.env,
      raw,
      event: io.readGithubEvent?.(),
      ...(branch ? { localBranch: branch } : {}),
      knownEnv: options.knownEnv,
      reads: options.reads,
      warn: (warning) => say(`warning: ${warning}\n`),
    },
    {
      logger: (config) => {
        secrets = configSecrets(config);
        return consoleLogger((line) => io.stderr(line), { verbose: config.verbose, secrets: () => secrets });
      },
      diff: (config, context) => withLocalCheckout(options.hostDiff?.(config, context) ?? [], io.cwd, io.env),
      clock: io.clock,
      random: io.random,
      signal: io.signal,
    },
  );
  if (outcome.stage === 'config') {
    say(`error: ${describeError(outcome.error)}\n`);
    return exitCodeForError(outcome.error);
  }
  const { config, context, logger } = outcome;
  if (outcome.stage === 'run') {
    logger.error(describeError(outcome.error));
    return exitCodeForError(outcome.error);
  }
  const { result } = outcome;
  // The renderers load once the run has decided: none of them is needed before its first request.
  const [{ writeReportFiles }, { textReport }] = await Promise.all([import('../core/report-files.js'), import('./text-report.js')]);

  try {
    const where = { ...(context.jobUrl ? { jobUrl: context.jobUrl } : {}), ...(context.ci === 'local' ? {} : { reportHost: context.ci }) };
    for (const file of await writeReportFiles(result, { ...config, ...where }, io.writeFile)) {
      logger.info(`wrote ${file.kind}: ${file.path}`);
    }
  } catch (err) {
    logger.error(`could not write a report file: ${describeError(err)}`);
    io.stdout(redact(textReport(result), secrets));
    return EXIT_CODES.config;
  }
  io.stdout(redact(textReport(result), secrets));
  if (options.publish) {
    try {
      await options.publish({ result, config, context, logger });
    } catch (err) {
      // Decoration is a courtesy: the gate's decision stands even when a comment or report cannot be posted.
      logger.warn(`could not publish to the code host: ${describeError(err)}`);
    }
  }
  return result.exitCode;
}
