/**
 * The scan flow as every non-GitHub packaging runs it: settings from the environment (and flags), CI context,
 * the core run, report files, a plain-text decision on stdout, then the packaging's own publishing (GitLab
 * notes and reports, Bitbucket Code Insights, ...). Returns the exit code; never exits.
 */
import { detectContext, type Env, type RunContext } from '../ci/index.js';
import { parseConfig, readRawFromEnv, mergeRaw, configSecrets, type ScanConfig } from '../core/config.js';
import { checkSettingNames } from '../core/env-names.js';
import { preflightFiles } from './preflight.js';
import { GITLAB_OUTPUTS } from '../core/output-variables.js';
import { settingLabel, type CiKind } from '../core/options.js';
import type { Clock, Logger, Random } from '../ports.js';
import { writeReportFiles, type WriteText } from '../core/report-files.js';
import type { RunResult } from '../core/result.js';
import { executeRun } from '../core/execute.js';
import { findingsNeed } from '../core/findings.js';
import { describeError, EXIT_CODES, exitCodeForError, redact } from '../errors.js';
import { consoleLogger } from './console-logger.js';
import { withLocalCheckout, type NamedSource } from '../diff/chain.js';
import { textReport } from './text-report.js';
import { COMMAND_WORDS } from './command-words.js';

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
  /** The code host's own diff of the pull/merge request, tried before the local checkout (`changed-only`). */
  hostDiff?: (config: ScanConfig, context: RunContext) => NamedSource[];
}

/** The GitLab component's dotenv outputs: later jobs of the pipeline see them as variables, whatever runs there. */
export const KNOWN_OUTPUTS: readonly string[] = Object.keys(GITLAB_OUTPUTS);

export async function runScanCommand(io: ScanIo, options: ScanCommandOptions): Promise<number> {
  let secrets: string[] = [];
  const say = (text: string): void => io.stderr(redact(text, secrets));
  const fromEnv = readRawFromEnv(io.env, options.ci);
  const raw = mergeRaw(fromEnv.raw, options.flags ?? {});
  secrets = [raw.token, raw['github-token'], raw['gitlab-token'], raw['bitbucket-token'], raw['bitbucket-api-token']].filter(
    (v): v is string => v !== undefined && v !== '',
  );
  for (const warning of fromEnv.warnings) say(`warning: ${warning}\n`);

  let config: ScanConfig;
  let context: RunContext;
  try {
    const names = checkSettingNames(io.env, options.ci, [...KNOWN_OUTPUTS, ...(options.knownEnv ?? [])]);
    for (const warning of names.warnings) say(`warning: ${warning}\n`);
    if (names.error) throw names.error;
    const branch = io.gitBranch?.();
    context = detectContext(io.env, io.readGithubEvent?.(), branch ? { branch } : undefined);
    config = parseConfig(raw, context, { describe: settingLabel(options.ci), ...(options.ci === 'cli' ? { modeWords: COMMAND_WORDS } : {}) });
    preflightFiles(config, settingLabel(options.ci));
  } catch (err) {
    say(`error: ${describeError(err)}\n`);
    return exitCodeForError(err);
  }
  secrets = configSecrets(config);
  const logger = consoleLogger((line) => io.stderr(line), { verbose: config.verbose, secrets: () => secrets });
  let result: RunResult;
  try {
    const diff = config.changedOnly === 'off' ? undefined : withLocalCheckout(options.hostDiff?.(config, context) ?? [], io.cwd, io.env);
    result = await executeRun(config, context, {
      env: io.env,
      logger,
      clock: io.clock,
      random: io.random,
      signal: io.signal,
      findings: findingsNeed(config, options.ci),
      ...(diff ? { diff } : {}),
    });
  } catch (err) {
    logger.error(describeError(err));
    return exitCodeForError(err);
  }

  try {
    for (const file of await writeReportFiles(result, { ...config, ...(context.jobUrl ? { jobUrl: context.jobUrl } : {}) }, io.writeFile)) {
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
