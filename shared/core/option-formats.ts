/**
 * Generators that render the option registry in each packaging's format. Tests compare action.yml, the GitLab
 * component's `spec:inputs`, pipe.yml and the README tables with these, so the registry stays the one source.
 *
 * Format decisions:
 * - GitHub inputs are strings; an unset default is omitted. `required: true` only for host and token
 *   (the runner does not enforce it; parseConfig does, with a better message).
 * - GitLab: an input without `default` is mandatory and fails pipeline creation, and a `number` input cannot
 *   be empty. So every input has a default, and a setting without one (a threshold, the branch) is a
 *   `string` input defaulting to `''` ("unset"); parseConfig validates it. Integers with a default are
 *   `number`, booleans `boolean`, lists comma-separated `string`s (an `array` would reach the job as JSON).
 *   Enums list their values in `options`, with `''` first when the setting has no default.
 * - Bitbucket: every pipe variable is named after the option's environment variable.
 */
import { OPTIONS, describeOption, type CiKind, type OptionDef, type OptionGroup } from './options.js';

export interface ActionInput {
  description: string;
  required: boolean;
  default?: string;
}

export interface GitlabSpecInput {
  type: 'string' | 'number' | 'boolean' | 'array';
  default: string | number | boolean;
  description: string;
  options?: string[];
}

export interface PipeVariable {
  name: string;
  description: string;
  required: boolean;
  default?: string;
  secret?: true;
  allowed_values?: string[];
}

export interface CliFlag {
  name: string;
  flag: string;
  short?: string;
  env: string;
  type: OptionDef['type'];
  /** False for boolean switches (`--async`, `--no-async`). */
  takesValue: boolean;
  description: string;
  default?: string;
  values?: readonly string[];
  secret: boolean;
}

/** The description plus the allowed values of an enum, as one text. */
function longDescription(option: OptionDef, ci: CiKind = 'github'): string {
  const description = describeOption(option, ci);
  return option.values && option.type === 'enum' ? `${description} One of: ${option.values.join(', ')}.` : description;
}

/** `inputs:` of action.yml, keyed by input id, in registry order. */
export function actionInputs(): Record<string, ActionInput> {
  const out: Record<string, ActionInput> = {};
  for (const option of OPTIONS) {
    if (option.github !== 'input') continue;
    const input: ActionInput = { description: longDescription(option), required: option.required };
    const def = option.githubDefault ?? option.default;
    if (def !== undefined) input.default = def;
    out[option.name] = input;
  }
  return out;
}

function gitlabInput(option: OptionDef): GitlabSpecInput {
  const description = option.description;
  if (option.type === 'boolean') return { type: 'boolean', default: option.default === 'true', description };
  if (option.type === 'integer' && option.default !== undefined) return { type: 'number', default: Number(option.default), description };
  const input: GitlabSpecInput = { type: 'string', default: option.default ?? '', description };
  if (option.type === 'enum' && option.values) input.options = option.default === undefined ? ['', ...option.values] : [...option.values];
  return input;
}

/** `spec:inputs` of the GitLab component, keyed by input id, in registry order (inputs only; secrets are variables). */
export function gitlabSpecInputs(): Record<string, GitlabSpecInput> {
  const out: Record<string, GitlabSpecInput> = {};
  for (const option of OPTIONS) if (option.gitlab === 'input') out[option.name] = gitlabInput(option);
  return out;
}

// In the registry's module, so that reading settings at start does not load these generators.
export { gitlabInputVariable } from './options.js';

/** `variables:` of the Bitbucket pipe.yml, in registry order. */
export function pipeVariables(): PipeVariable[] {
  return OPTIONS.filter((o) => o.bitbucket === 'variable').map((option) => {
    const variable: PipeVariable = { name: option.env, description: longDescription(option), required: option.required };
    if (option.default !== undefined) variable.default = option.default;
    if (option.secret) variable.secret = true;
    if (option.type === 'enum' && option.values) variable.allowed_values = [...option.values];
    return variable;
  });
}

/** Flags of the CLI (options read from the environment only are not flags), in registry order. */
export function cliFlags(): CliFlag[] {
  return OPTIONS.filter((o) => o.cli === 'flag').map((option) => {
    const flag: CliFlag = {
      name: option.name,
      flag: `--${option.name}`,
      env: option.env,
      type: option.type,
      takesValue: option.type !== 'boolean',
      description: describeOption(option, 'cli'),
      secret: option.secret,
    };
    if (option.short !== undefined) flag.short = `-${option.short}`;
    if (option.default !== undefined) flag.default = option.default;
    if (option.values !== undefined) flag.values = option.values;
    return flag;
  });
}

/** Text safe inside a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function defaultCell(option: OptionDef, ci: CiKind): string {
  if (option.required) return '**required**';
  const def = ci === 'github' ? (option.githubDefault ?? option.default) : option.default;
  if (def !== undefined) return `\`${def}\``;
  if (option.contextDefault !== undefined) return cell(`from the CI: ${option.contextDefault}`);
  return 'unset';
}

function nameCell(option: OptionDef, ci: CiKind): string {
  switch (ci) {
    case 'github':
      return `\`${option.name}\``;
    case 'gitlab':
      return option.gitlab === 'input' ? `\`${option.name}\`` : `\`${option.env}\` (masked variable)`;
    case 'bitbucket':
      return `\`${option.env}\``;
    case 'cli':
      return option.cli === 'flag' ? `\`--${option.name}\`` : '(environment only)';
  }
}

/**
 * The README settings table of one packaging (optionally one group): every option that packaging exposes.
 * The CLI table has an extra column for the environment variable.
 */
export function markdownTable(ci: CiKind, group?: OptionGroup): string {
  const rows = OPTIONS.filter((o) => o[ci] !== 'none' && (group === undefined || o.group === group));
  const head =
    ci === 'cli'
      ? ['| Flag | Environment variable | Default | Description |', '| --- | --- | --- | --- |']
      : [`| ${ci === 'github' ? 'Input' : ci === 'gitlab' ? 'Input or variable' : 'Variable'} | Default | Description |`, '| --- | --- | --- |'];
  const body = rows.map((option) => {
    const description = cell(longDescription(option, ci) + (option.secret ? ' Secret.' : ''));
    return ci === 'cli'
      ? `| ${nameCell(option, ci)} | \`${option.env}\` | ${defaultCell(option, ci)} | ${description} |`
      : `| ${nameCell(option, ci)} | ${defaultCell(option, ci)} | ${description} |`;
  });
  return [...head, ...body].join('\n');
}

