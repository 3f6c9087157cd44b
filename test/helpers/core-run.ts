/**
 * Runs the core in-process against an emulator, with settings given as raw strings exactly as users type
 * them, and captures every log line (for token-leak checks).
 */
import { createPlatformClient } from '../../shared/api/index.js';
import { detectContext, type RunContext } from '../../shared/ci/index.js';
import { parseConfig } from '../../shared/core/config.js';
import type { FindingsNeed } from '../../shared/core/findings.js';
import { systemClock, type Logger } from '../../shared/ports.js';
import type { RunResult } from '../../shared/core/result.js';
import { runScan } from '../../shared/core/run-scan.js';
import type { Emulator } from '../emulator/index.js';

export interface CoreRun {
  result: RunResult;
  logs: string[];
}

export function captureLogger(logs: string[]): Logger {
  return {
    debug: (m) => logs.push(`debug: ${m}`),
    info: (m) => logs.push(m),
    warn: (m) => logs.push(`warning: ${m}`),
    error: (m) => logs.push(`error: ${m}`),
  };
}

export async function runCore(
  emu: Emulator,
  raw: Record<string, string>,
  /** `findings`: what the outputs read of the findings; default every finding, as a run that writes SARIF. */
  options: { context?: RunContext; signal?: AbortSignal; findings?: FindingsNeed } = {},
): Promise<CoreRun> {
  const logs: string[] = [];
  const logger = captureLogger(logs);
  const context = options.context ?? detectContext({});
  const config = parseConfig({ host: emu.url, token: emu.token, ...raw }, context);
  const api = createPlatformClient({
    host: config.host,
    token: config.token,
    apiMode: config.apiMode,
    timeoutMs: config.requestTimeoutMs,
    logger,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...(config.organizationId ? { organizationId: config.organizationId } : {}),
    // Real time here: a short look for a start that may have arrived keeps fault tests quick.
    startGraceMs: 500,
  });
  const result = await runScan(config, context, {
    api,
    clock: systemClock,
    random: Math.random,
    logger,
    findings: options.findings ?? { all: true, top: 0, newCounts: true },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { result, logs };
}

/** The API path of a request that starts a scan (create, restart, image, import). */
export const START_PATH = /\/scans\/(create|image|import|[0-9a-f]{24}\/restart(_with_option)?)$/;

/** How many scans the emulator was asked to start and accepted (2xx), from log index `since` on. */
export function startRequests(emu: Emulator, since = 0): number {
  return emu.requests(since).filter((r) => r.status !== null && r.status >= 200 && r.status < 300 && START_PATH.test(r.apiPath)).length;
}
