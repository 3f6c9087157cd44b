/**
 * A whole run as every packaging performs it: build the platform client from the config (proxy settings from the
 * given environment object), run the core, and turn a failure that stopped the run before any scanner reported
 * into one error result under the on-error policy. Configuration errors (exit 2) and internal errors (exit 3, a
 * bug that no policy excuses) are rethrown.
 */
import { createPlatformClient, type PlatformClient } from '../api/index.js';
import type { Env, RunContext } from '../ci/context.js';
import { ConfigError, DeadlineError, describeError, InternalError, redactDeep } from '../errors.js';
import { configSecrets, type ConnectionConfig, type ScanConfig } from './config.js';
import { proxySettingsFromEnv } from '../proxy.js';
import { errorResult } from './error-result.js';
import type { FindingsNeed } from './findings.js';
import { formatDuration } from './duration.js';
import { systemClock, type Clock, type Logger, type Random } from '../ports.js';
import type { RunResult } from './result.js';
import { runScan } from './run-scan.js';
import type { DiffSource } from '../diff/change-set.js';

export interface ExecuteDeps {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from. */
  env: Env;
  logger: Logger;
  clock?: Clock;
  random?: Random;
  signal?: AbortSignal;
  /** What the packaging's outputs read of the findings (`findingsNeed`). */
  findings?: FindingsNeed;
  /** Where `changed-only` reads the change of a pull/merge request. */
  diff?: DiffSource;
}

/**
 * Past the run's timeout the waits have already given up on their own; this short grace lets the last poll
 * finish. After it, whatever is still in flight (a stalled request, a retry loop) is aborted.
 */
export const DEADLINE_GRACE_MS = 1_000;

/**
 * An AbortSignal that fires with a `DeadlineError` once the run's timeout (plus grace) has passed, combined with the
 * caller's cancellation signal; `release()` stops its timer.
 */
function runDeadline(timeoutMs: number, clock: Clock, cancel: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const deadline = new AbortController();
  const stop = new AbortController();
  clock.sleep(timeoutMs + DEADLINE_GRACE_MS, stop.signal).then(
    () => deadline.abort(new DeadlineError(`the run reached its timeout (${formatDuration(timeoutMs)})`)),
    () => undefined,
  );
  return { signal: cancel ? AbortSignal.any([cancel, deadline.signal]) : deadline.signal, release: () => stop.abort() };
}

/** The platform client for a configuration: the one place settings become client options. */
export function platformClientFor(
  config: ConnectionConfig,
  deps: { env: Env; logger: Logger; clock?: Clock; random?: Random; signal?: AbortSignal },
): PlatformClient {
  return createPlatformClient({
    host: config.host,
    token: config.token,
    apiMode: config.apiMode,
    timeoutMs: config.requestTimeoutMs,
    insecure: config.insecure,
    ...(config.organizationId ? { organizationId: config.organizationId } : {}),
    ...(config.caCert ? { caFile: config.caCert } : {}),
    proxy: proxySettingsFromEnv(deps.env),
    logger: deps.logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
}

/**
 * The run's result with every form of every secret removed from every text in it: all sinks (stdout, files,
 * outputs, summaries, reports, comments, Code Insights) render from this, so none can show a secret that a
 * platform or code host echoed back in an error.
 */
export async function executeRun(config: ScanConfig, context: RunContext, deps: ExecuteDeps): Promise<RunResult> {
  return redactDeep(await runWithDeadline(config, context, deps), configSecrets(config));
}

async function runWithDeadline(config: ScanConfig, context: RunContext, deps: ExecuteDeps): Promise<RunResult> {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  // The timeout bounds the whole run, requests and retries included, not only the waits between polls.
  const deadline = runDeadline(config.timeoutMs, clock, deps.signal);
  const signal = { signal: deadline.signal };
  try {
    const api = platformClientFor(config, { ...deps, clock, random, ...signal });
    return await runScan(config, context, {
      api,
      clock,
      random,
      logger: deps.logger,
      ...signal,
      ...(deps.findings ? { findings: deps.findings } : {}),
      ...(deps.diff ? { diff: deps.diff } : {}),
    });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof InternalError) throw err;
    const result = errorResult(config, context, err, clock.now());
    // The logger adds its own "error: " prefix; a timeout keeps its word.
    deps.logger.error(result.status === 'error' ? describeError(err) : result.summary);
    return result;
  } finally {
    deadline.release();
  }
}
