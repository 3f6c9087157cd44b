/**
 * A whole run as every packaging performs it: build the platform client from the config (proxy settings from the
 * given environment object), run the core, and turn a failure that stopped the run before any scanner reported
 * into one error result under the on-error policy. Configuration errors are rethrown (exit 2).
 */
import { createPlatformClient } from '../api/index.js';
import type { Env, RunContext } from '../ci/context.js';
import { ConfigError } from '../errors.js';
import { proxySettingsFromEnv } from '../platforms/proxy.js';
import type { ScanConfig } from './config.js';
import { errorResult } from './error-result.js';
import { systemClock, type Clock, type Logger, type Random } from './ports.js';
import type { RunResult } from './result.js';
import { runScan } from './run-scan.js';

export interface ExecuteDeps {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from. */
  env: Env;
  logger: Logger;
  clock?: Clock;
  random?: Random;
  signal?: AbortSignal;
}

export async function executeRun(config: ScanConfig, context: RunContext, deps: ExecuteDeps): Promise<RunResult> {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const signal = deps.signal ? { signal: deps.signal } : {};
  try {
    const api = createPlatformClient({
      host: config.host,
      token: config.token,
      apiMode: config.apiMode,
      timeoutMs: config.requestTimeoutMs,
      insecure: config.insecure,
      ...(config.caCert ? { caFile: config.caCert } : {}),
      proxy: proxySettingsFromEnv(deps.env),
      logger: deps.logger,
      clock,
      random,
      ...signal,
    });
    return await runScan(config, context, { api, clock, random, logger: deps.logger, ...signal });
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const result = errorResult(config, context, err, clock.now());
    deps.logger.error(result.summary);
    return result;
  }
}
