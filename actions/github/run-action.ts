/**
 * The GitHub Action's flow, with every outside effect behind a port so it runs in-process in tests:
 * inputs → masks → context and config → the core run → report files, SARIF, job summary, annotations, pull
 * request comment, outputs → the exit code (0 passed or warned, 1 gate failed, 2 configuration, 3 platform).
 * It never exits and never calls `setFailed`; the entry sets `process.exitCode`.
 */
import type { Env, RunContext } from '../../shared/ci/index.js';
import { read } from '../../shared/ci/context.js';
import type { DiffSource } from '../../shared/diff/change-set.js';
import { loadedWhenRead, unavailableSource, withLocalCheckout, type NamedSource } from '../../shared/diff/chain.js';
import { configSecrets, type ScanConfig } from '../../shared/core/config.js';
import type { PackagingReads } from '../../shared/core/findings.js';
import type { Clock, Random } from '../../shared/ports.js';
import type { WriteText } from '../../shared/core/report-files.js';
import { describeError, exitCodeForError, InternalError } from '../../shared/errors.js';
import { FINDING_ANNOTATION_LIMITS } from './annotation-limits.js';
import { maskedForms, readActionInputs } from './inputs.js';
import { runScanFlow } from '../../shared/cli/scan-flow.js';
import { redactingToolkit, toolkitLogger } from './logger.js';
import type { CommentStoreFactory } from './pr-comment.js';
import type { ActionsToolkit } from './toolkit.js';

export interface ActionIo {
  env: Env;
  /** The parsed `GITHUB_EVENT_PATH` payload; undefined when there is none or it is unreadable. */
  event?: unknown;
  toolkit: ActionsToolkit;
  writeFile: WriteText;
  /** Default: `githubCommentStore` (Octokit against `GITHUB_API_URL`). */
  createCommentStore?: CommentStoreFactory;
  signal?: AbortSignal;
  clock?: Clock;
  random?: Random;
}

/**
 * Where `changed-only` reads the change: the pull request files API with the token, else the workspace checkout.
 * When the API cannot be asked, its source says why, so the run's changed-only line names it.
 */
function githubDiff(config: ScanConfig, context: RunContext, env: Env, log: (message: string) => void): DiffSource | undefined {
  const sources: NamedSource[] = [];
  const [owner, repo] = (context.repository ?? '').split('/');
  const { prNumber: pullNumber } = config;
  const token = config.codeHost.githubToken;
  if (pullNumber !== undefined) {
    if (!token) sources.push(unavailableSource('GitHub API', 'no token (input "github-token" is empty)'));
    else if (!context.apiUrl || !owner || !repo) sources.push(unavailableSource('GitHub API', 'GITHUB_API_URL or GITHUB_REPOSITORY is missing'));
    else {
      // The client's rate-limit waits (up to a minute each) are logged, so a pause before the scans start is explained.
      const options = { token, apiUrl: context.apiUrl, owner, repo, pullNumber, log };
      sources.push({ name: 'GitHub API', source: loadedWhenRead(async () => (await import('./pr-diff.js')).githubDiffSource(options)) });
    }
  }
  return withLocalCheckout(sources, read(env, 'GITHUB_WORKSPACE'), env);
}

/**
 * What the action's own outputs read of the findings: the comment and summary show the top max-findings; the check
 * annotations the most severe of each level; the `new-*` outputs are always set, so the new/existing split is
 * always read.
 */
export const GITHUB_READS: PackagingReads = { annotated: FINDING_ANNOTATION_LIMITS.error + FINDING_ANNOTATION_LIMITS.warning, newCounts: true };

export async function runAction(io: ActionIo): Promise<number> {
  const inputs = readActionInputs(io.env);
  // Masks first: nothing may be logged before the runner knows what to hide.
  for (const secret of inputs.secrets) for (const form of maskedForms(secret)) io.toolkit.setSecret(form);
  let secrets: readonly string[] = inputs.secrets;
  const kit = redactingToolkit(io.toolkit, () => secrets);

  const outcome = await runScanFlow(
    {
      ci: 'github',
      env: io.env,
      raw: inputs.raw,
      event: io.event,
      reads: GITHUB_READS,
      warn: (warning) => kit.warning(warning),
    },
    {
      logger: (config) => {
        secrets = configSecrets(config);
        return toolkitLogger(kit, config.verbose);
      },
      diff: (config, context) => githubDiff(config, context, io.env, (message) => kit.info(message)),
      clock: io.clock,
      random: io.random,
      signal: io.signal,
    },
  );
  if (outcome.stage !== 'done') {
    // Before the run, a setting or local file; during it, a ConfigError the platform revealed (an unknown project
    // or scanner): the user's to fix either way. Or, during it, an internal error (a bug: exit 3).
    const code = exitCodeForError(outcome.error);
    const title = outcome.error instanceof InternalError ? 'Invicti AppSec internal error' : 'Invicti AppSec configuration';
    kit.error(describeError(outcome.error), { title });
    const { failedOutputs, setOutputs } = await import('./outputs.js');
    setOutputs(kit, failedOutputs('error', code, `error: ${describeError(outcome.error)}`));
    return code;
  }
  const { result, config, context } = outcome;
  // Report files, SARIF, summary, annotations, comment and the text report load once the run has decided.
  const { announce, publish } = await import('./publish.js');
  const exitCode = await publish(result, config, context, io, kit);
  announce(result, exitCode, kit);
  return exitCode;
}
