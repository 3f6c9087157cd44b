/**
 * The component's inputs, as the job receives them: each input in its own `INVICTI_INPUT_<NAME>` job variable,
 * apart from the `INVICTI_*` setting variables, so that an input left at its default never hides a setting the
 * pipeline sets itself (top-level `variables:`, project, group or instance CI/CD variables). GitLab has no
 * "unset" for an input, so an input equal to its `spec:inputs` default counts as not given; one that differs
 * wins over the variable, like a command-line flag over the environment.
 */
import type { Env } from '../../shared/ci/index.js';
import { gitlabInputVariable, gitlabSpecInputs } from '../../shared/core/option-formats.js';

/** Settings the component's inputs give (keyed by option name), for `runScanCommand`'s `flags`. */
export function gitlabInputSettings(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(gitlabSpecInputs())) {
    const value = env[gitlabInputVariable(name)]?.trim();
    if (value !== undefined && value !== '' && value !== String(spec.default)) out[name] = value;
  }
  return out;
}
