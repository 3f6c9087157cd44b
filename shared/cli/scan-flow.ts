/**
 * The part of a scan every packaging shares, the GitHub Action and the CLI path (CLI, GitLab component,
 * Bitbucket pipe) alike: setting names → CI context → settings → local file checks → the core run. Each packaging
 * keeps only what is its own: where settings come from, how it logs, and what it publishes afterwards. Nothing
 * here reaches the platform before the local checks have passed.
 */
import { detectContext, type Env, type RunContext } from '../ci/index.js';
import { parseConfig, type ScanConfig } from '../core/config.js';
import type { RawSettings } from '../core/config-fields.js';
import { checkSettingNames } from '../core/env-names.js';
import { executeRun } from '../core/execute.js';
import { findingsNeed, type PackagingReads } from '../core/findings.js';
import { settingLabel, type CiKind } from '../core/options.js';
import type { RunResult } from '../core/result.js';
import type { DiffSource } from '../diff/change-set.js';
import type { Clock, Logger, Random } from '../ports.js';
import { COMMAND_WORDS } from './command-words.js';
import { preflightFiles } from './preflight.js';

export interface ScanFlowInput {
  ci: CiKind;
  env: Env;
  /** The merged settings (environment, inputs, flags). */
  raw: RawSettings;
  /** GitHub's event payload, when running there. */
  event?: unknown;
  /** The local branch, for runs outside CI. */
  localBranch?: string;
  /** `INVICTI_*` variables the packaging reads besides the registry's settings (not typos). */
  knownEnv?: readonly string[];
  /** What the packaging's own outputs read of the findings. */
  reads: PackagingReads;
  /** Warnings found before the logger exists (near-typo names, an unrecognised import format). */
  warn(text: string): void;
}

export interface ScanFlowDeps {
  /** The packaging's logger for the run, made once the settings (verbosity, secrets) are known. */
  logger(config: ScanConfig): Logger;
  /** Where `changed-only` reads the change (undefined: not needed or no source). */
  diff?(config: ScanConfig, context: RunContext): DiffSource | undefined;
  clock?: Clock;
  random?: Random;
  signal?: AbortSignal;
}

export type ScanFlowOutcome =
  /** A setting or a local file is wrong: no request was made. */
  | { stage: 'config'; error: unknown }
  /** The run threw (a ConfigError the platform revealed, such as an unknown project). */
  | { stage: 'run'; error: unknown; config: ScanConfig; context: RunContext; logger: Logger }
  | { stage: 'done'; result: RunResult; config: ScanConfig; context: RunContext; logger: Logger };

/** Settings and local checks; throws the first problem (a ConfigError naming the setting in the packaging's spelling). */
function configureScan(input: ScanFlowInput): { config: ScanConfig; context: RunContext } {
  const label = settingLabel(input.ci);
  const names = checkSettingNames(input.env, input.ci, input.knownEnv ?? []);
  for (const warning of names.warnings) input.warn(warning);
  if (names.error) throw names.error;
  const context = detectContext(input.env, input.event, input.localBranch ? { branch: input.localBranch } : undefined);
  // The CLI's messages say commands (`scan`, `wait`) where the CI packagings say the `mode` setting.
  const config = parseConfig(input.raw, context, { describe: label, ...(input.ci === 'cli' ? { modeWords: COMMAND_WORDS } : {}) });
  for (const warning of preflightFiles(config, label)) input.warn(warning);
  return { config, context };
}

/** The whole shared flow; the caller turns the outcome into its exit code and publishes the result. */
export async function runScanFlow(input: ScanFlowInput, deps: ScanFlowDeps): Promise<ScanFlowOutcome> {
  let configured: { config: ScanConfig; context: RunContext };
  try {
    configured = configureScan(input);
  } catch (error) {
    return { stage: 'config', error };
  }
  const { config, context } = configured;
  const logger = deps.logger(config);
  try {
    const diff = config.changedOnly === 'off' ? undefined : deps.diff?.(config, context);
    const result = await executeRun(config, context, {
      env: input.env,
      logger,
      clock: deps.clock,
      random: deps.random,
      signal: deps.signal,
      findings: findingsNeed(config, input.reads),
      ...(diff ? { diff } : {}),
    });
    return { stage: 'done', result, config, context, logger };
  } catch (error) {
    return { stage: 'run', error, config, context, logger };
  }
}
