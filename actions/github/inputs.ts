/**
 * Inputs: the one place the action reads its settings. The runner exports every declared input as `INPUT_<ID>`
 * (upper-cased, dashes kept) with the action.yml default filled in, so the registry's reader does the work;
 * `parseConfig` then validates them and names each bad one as `input "<id>"`.
 */
import type { Env } from '../../shared/ci/index.js';
import { readRawFromEnv } from '../../shared/core/config.js';
import { OPTIONS } from '../../shared/core/options.js';

export interface ActionInputs {
  /** Raw settings keyed by option name; blank inputs are left out. */
  raw: Record<string, string>;
  /** Every secret input value given (Invicti token, GitHub token), to mask and redact. */
  secrets: string[];
}

export function readActionInputs(env: Env): ActionInputs {
  const { raw } = readRawFromEnv(env, 'github');
  // Re-running a job with debug logging sets RUNNER_DEBUG=1: that asks for more detail whatever the input says
  // (the runner always passes the input, default `false`, so an explicit `false` cannot be told apart).
  if (env.RUNNER_DEBUG === '1') raw.verbose = 'true';
  const secrets = OPTIONS.filter((o) => o.secret)
    .map((o) => raw[o.name])
    .filter((v): v is string => v !== undefined && v !== '');
  return { raw, secrets };
}

/**
 * The values to mask for a secret: the value itself and the forms it travels in (base64 for Basic auth and
 * `x-access-token:<token>` headers), so a client that logs a header cannot leak it either.
 */
export function maskedForms(secret: string): string[] {
  const forms = [secret, Buffer.from(secret).toString('base64'), Buffer.from(`x-access-token:${secret}`).toString('base64')];
  return [...new Set(forms)];
}
