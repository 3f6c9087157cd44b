/**
 * Misspelled setting variables. A variable the reader does not know is silently ignored, so a typo in
 * `INVICTI_THRESHOLD_CRITICAL` (or `INPUT_THRESHOLD_CRITICAL` for the action's `INPUT_THRESHOLD-CRITICAL`) would
 * switch a gate off without a word. An unknown name within a couple of edits of a known one is therefore a
 * configuration error naming both; any other unknown `INVICTI_*` name gets a warning. Pure: takes the env object.
 */
import { ConfigError } from '../errors.js';
import { githubInputEnv } from './config-env.js';
import { gitlabInputVariable, OPTIONS, type CiKind } from './options.js';
import { OUTPUT_VARIABLES } from './output-variables.js';
import { editDistance } from './suggest.js';

/** Edits (insert, delete, substitute, swap, `_` for `-`) an unknown name may be from a known one to count as its typo. */
const MAX_TYPO_DISTANCE = 2;

/** `INVICTI_*` names the packagings read or set that are not settings of the registry. */
const OTHER_KNOWN = [
  'INVICTI_APPSEC_HOME', // where the GitLab image keeps the bundles (the template's script)
  'INVICTI_TEST_NODE24', // the Node 24 binary the action's bundle tests run with
  ...Object.keys(OUTPUT_VARIABLES), // a run's outputs, which later jobs of the pipeline see as variables
];

export interface SettingNameCheck {
  /** Set when a variable looks like a misspelled setting: the run must stop before any request. */
  error?: ConfigError;
  /** One line per other unknown `INVICTI_*` variable. */
  warnings: string[];
}

function knownNames(ci: CiKind, alsoKnown: readonly string[]): { prefix: string; settings: Map<string, string>; known: Set<string> } {
  const settings = new Map<string, string>();
  if (ci === 'github') {
    for (const option of OPTIONS) if (option.github !== 'none') settings.set(githubInputEnv(option.name), option.name);
    return { prefix: 'INPUT_', settings, known: new Set([...settings.keys(), ...alsoKnown]) };
  }
  // Every packaging's variables count as known: a Bitbucket job may well carry INVICTI_GITLAB_TOKEN.
  for (const option of OPTIONS) {
    settings.set(option.env, option.name);
    settings.set(gitlabInputVariable(option.name), option.name);
  }
  return { prefix: 'INVICTI_', settings, known: new Set([...settings.keys(), ...OTHER_KNOWN, ...alsoKnown]) };
}

/** The known setting variable `name` is a typo of, if any (closest first; `_`/`-` and case count as one edit at most). */
function typoOf(name: string, settings: ReadonlyMap<string, string>): string | undefined {
  const wanted = name.toUpperCase().replace(/-/g, '_');
  let best: { variable: string; distance: number } | undefined;
  for (const variable of settings.keys()) {
    const distance = editDistance(wanted, variable.toUpperCase().replace(/-/g, '_'));
    if (distance <= MAX_TYPO_DISTANCE && (best === undefined || distance < best.distance)) best = { variable, distance };
  }
  return best?.variable;
}

/**
 * Check the names of the setting variables in `env` for packaging `ci` (`INPUT_*` on GitHub, `INVICTI_*`
 * elsewhere). `alsoKnown` lists further legitimate names a packaging reads (e.g. the Bitbucket pipe's proxy and
 * API URL variables).
 */
export function checkSettingNames(env: Readonly<Record<string, string | undefined>>, ci: CiKind, alsoKnown: readonly string[] = []): SettingNameCheck {
  const { prefix, settings, known } = knownNames(ci, alsoKnown);
  const typos: string[] = [];
  const warnings: string[] = [];
  let first: { name: string; setting: string } | undefined;
  for (const name of Object.keys(env).sort()) {
    if (!name.toUpperCase().startsWith(prefix) || known.has(name)) continue;
    const variable = typoOf(name, settings);
    if (variable === undefined) {
      if (ci !== 'github') warnings.push(`${name} is not an Invicti AppSec setting and is ignored; see the settings table in the README for the names.`);
      continue;
    }
    const setting = settings.get(variable) ?? variable;
    first ??= { name, setting };
    typos.push(`${name} is not a setting; it looks like a misspelling of ${variable} (${setting}). Rename it to ${variable}: a misspelled setting would be ignored and could switch the gate off.`);
  }
  return first === undefined ? { warnings } : { error: new ConfigError(first.setting, typos.join(' ')), warnings };
}
