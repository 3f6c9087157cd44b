/**
 * Raw settings from environment variables, shared by the GitLab component, the Bitbucket pipe and the CLI
 * (and by the GitHub adapter, which may read `INPUT_*` this way instead of through the toolkit).
 */
import { OPTIONS, type CiKind, type OptionDef } from './options.js';

export interface RawFromEnv {
  /** Keyed by option name; only settings that are present and not blank. */
  raw: Record<string, string>;
  /** One line per deprecated variable in use, to print as a warning. */
  warnings: string[];
}

/**
 * The `INPUT_*` variable the GitHub runner sets for an input: spaces become `_`, the id is upper-cased and
 * dashes are kept (`INPUT_THRESHOLD-CRITICAL`), exactly as `core.getInput` looks it up.
 */
export function githubInputEnv(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function readsFrom(option: OptionDef, ci: CiKind): boolean {
  return option[ci] !== 'none';
}

/**
 * Build raw settings from `env` for a CI packaging: each option that packaging exposes is read from its
 * variable (`INVICTI_*`; on GitHub the `INPUT_*` of the input). The legacy `KONDUKTO_HOST`/`KONDUKTO_TOKEN`
 * are read when the new name is unset, with a deprecation warning (never the value).
 */
export function readRawFromEnv(env: Readonly<Record<string, string | undefined>>, ci: CiKind): RawFromEnv {
  const raw: Record<string, string> = {};
  const warnings: string[] = [];
  for (const option of OPTIONS) {
    if (!readsFrom(option, ci)) continue;
    const key = ci === 'github' ? githubInputEnv(option.name) : option.env;
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') {
      raw[option.name] = value;
      continue;
    }
    if (ci === 'github' || option.deprecatedEnv === undefined) continue;
    const legacy = env[option.deprecatedEnv]?.trim();
    if (legacy !== undefined && legacy !== '') {
      raw[option.name] = legacy;
      warnings.push(`${option.deprecatedEnv} is deprecated (Kondukto is now Invicti AppSec): rename it to ${option.env}.`);
    }
  }
  return { raw, warnings };
}

/** Layers of raw settings, later ones winning where they have a non-blank value (env, then flags). */
export function mergeRaw(...layers: readonly Readonly<Record<string, string | undefined>>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) {
      if (value !== undefined && value.trim() !== '') out[name] = value;
    }
  }
  return out;
}
