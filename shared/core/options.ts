/**
 * The option registry: every user-facing setting, defined once. The GitHub action inputs, the GitLab
 * component `spec:inputs`, the Bitbucket pipe variables, the CLI flags, the README tables and the help text
 * are all generated from (or checked against) this list, so a setting cannot drift between packagings.
 *
 * Conventions:
 * - `name` is kebab-case: the GitHub/GitLab input id and the CLI flag `--name`.
 * - `env` is the environment variable (GitLab and Bitbucket read settings from it, and so does the CLI):
 *   `INVICTI_` + UPPER_SNAKE(name), except the connection pair `INVICTI_ASPM_HOST`/`INVICTI_ASPM_TOKEN`,
 *   the names the platform's own CLI uses.
 * - `default` is the string form every packaging shows; `undefined` means "unset" (no limit, no file, or
 *   taken from the CI context when `contextDefault` says so).
 * - Secrets are never GitLab inputs (inputs end up in the pipeline YAML): they are masked CI/CD variables.
 */
import { RELEASE_TYPES } from '../api/types.js';

export type OptionType = 'string' | 'boolean' | 'integer' | 'duration' | 'enum' | 'list' | 'path' | 'url';
export type OptionGroup = 'connection' | 'target' | 'gate' | 'output' | 'code-host' | 'project-creation';
export type CiKind = 'github' | 'gitlab' | 'bitbucket' | 'cli';

export const OPTION_GROUPS: readonly OptionGroup[] = ['connection', 'target', 'gate', 'output', 'code-host', 'project-creation'];

export interface OptionDef {
  readonly name: string;
  readonly type: OptionType;
  /** String form of the default; undefined = unset. */
  readonly default?: string;
  /** One user-facing sentence. */
  readonly description: string;
  readonly env: string;
  /** An older variable still read (with a deprecation warning) when `env` is unset. */
  readonly deprecatedEnv?: string;
  /** Allowed values of an `enum` (lower-case; matched case-insensitively). */
  readonly values?: readonly string[];
  readonly secret: boolean;
  readonly group: OptionGroup;
  /** Needed in every run (host, token). Other requirements depend on the mode and are checked by parseConfig. */
  readonly required: boolean;
  /** Where the value comes from when unset, for docs ("the CI branch"). */
  readonly contextDefault?: string;
  /** GitHub input default when it differs from `default` (an expression such as `${{ github.token }}`). */
  readonly githubDefault?: string;
  /** A one-letter CLI alias (`-p`). */
  readonly short?: string;
  readonly github: 'input' | 'none';
  readonly gitlab: 'input' | 'variable' | 'none';
  readonly bitbucket: 'variable' | 'none';
  readonly cli: 'flag' | 'env' | 'none';
}

type Spec = Omit<OptionDef, 'env' | 'secret' | 'required' | 'github' | 'gitlab' | 'bitbucket' | 'cli'> &
  Partial<Pick<OptionDef, 'env' | 'secret' | 'required' | 'github' | 'gitlab' | 'bitbucket' | 'cli'>>;

/** UPPER_SNAKE for an option name: `threshold-critical` → `THRESHOLD_CRITICAL`. */
export function upperSnake(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

/** Fill the usual exposure: everywhere, secrets as GitLab variables. Entries override what differs. */
function define(spec: Spec): OptionDef {
  const secret = spec.secret ?? false;
  return {
    env: `INVICTI_${upperSnake(spec.name)}`,
    secret,
    required: false,
    github: 'input',
    gitlab: secret ? 'variable' : 'input',
    bitbucket: 'variable',
    cli: 'flag',
    ...spec,
  };
}

// Enum values, shared with the ScanConfig types so the two cannot drift.
/**
 * The job variable through which the GitLab component hands an input to its program: `INVICTI_INPUT_<NAME>`
 * (`threshold-critical` → `INVICTI_INPUT_THRESHOLD_CRITICAL`), never the setting's own `INVICTI_*` variable,
 * which an empty input would otherwise override (see gitlab-templates/src/inputs.ts).
 */
export function gitlabInputVariable(name: string): string {
  return `INVICTI_INPUT_${name.replace(/-/g, '_').toUpperCase()}`;
}

export const API_MODES = ['auto', 'core', 'legacy'] as const;
export const SCAN_MODES = ['scan', 'release', 'wait'] as const;
export const POLICIES = ['fail', 'warn', 'pass'] as const;
export const COMMENT_MODES = ['update', 'new', 'off'] as const;
export const CHANGED_ONLY_MODES = ['off', 'files', 'lines'] as const;
export const CHANGED_ONLY_FALLBACKS = ['unscoped', 'fail'] as const;
export const SCAN_ENVIRONMENTS = ['production', 'staging', 'develop', 'feature'] as const;
export const ALM_TOOLS = ['github', 'githubenterprise', 'gitlabcloud', 'gitlabonprem', 'bitbucket', 'bitbucketserver', 'azurecloud', 'azureserver', 'git'] as const;
const CODE_HOST_ONLY = { github: 'none', gitlab: 'none', bitbucket: 'none', cli: 'env' } as const;

export const OPTIONS: readonly OptionDef[] = [
  // connection
  define({ name: 'host', type: 'url', group: 'connection', required: true, env: 'INVICTI_ASPM_HOST', deprecatedEnv: 'KONDUKTO_HOST',
    description: 'Base URL of your Invicti ASPM instance, such as https://aspm.example.com.' }),
  define({ name: 'token', type: 'string', group: 'connection', required: true, secret: true, env: 'INVICTI_ASPM_TOKEN', deprecatedEnv: 'KONDUKTO_TOKEN',
    description: 'API token of Invicti ASPM; keep it in a secret or masked variable (on the command line prefer the environment variable).' }),
  define({ name: 'api-mode', type: 'enum', group: 'connection', default: 'auto', values: API_MODES,
    description: 'Which API flavour to call: auto detects it, core or legacy skip the probe.' }),
  define({ name: 'ca-cert', type: 'path', group: 'connection',
    description: 'PEM file of extra certificate authorities to trust, for an instance behind a private CA.' }),
  define({ name: 'insecure', type: 'boolean', group: 'connection', default: 'false',
    description: 'Skip TLS certificate verification (testing only; prefer ca-cert).' }),
  define({ name: 'request-timeout', type: 'duration', group: 'connection', default: '30s',
    description: 'Time limit for each HTTP request to the platform, such as 30s or 2m.' }),
  define({ name: 'verbose', type: 'boolean', group: 'connection', default: 'false', short: 'v',
    description: 'Log each API call and decision, and the run\'s correlation ID (never tokens).' }),
  define({ name: 'organization-id', type: 'string', group: 'connection',
    description: 'Invicti organization ID, sent as the X-Invicti-OrganizationId header; required when the API token\'s account has access to several organizations.' }),
  // target
  define({ name: 'project', type: 'string', group: 'target', short: 'p',
    description: 'Invicti ASPM project ID or exact name; required except in mode wait.' }),
  define({ name: 'scanner', type: 'list', group: 'target', short: 's',
    description: 'Scanner slugs to run, comma-separated (such as codethreat,saltsecurity); in mode scan, this or scanner-type is required.' }),
  define({ name: 'scanner-type', type: 'list', group: 'target',
    description: `Scanner types, comma-separated (such as sast or sast,dast): without scanner, run every active scanner of these types the project uses (a scan or saved configuration on the branch, else on the default branch); with scanner, the run stops if a scanner is of another type.` }),
  define({ name: 'branch', type: 'string', group: 'target', short: 'b', contextDefault: 'the CI branch (the source branch of a pull/merge request)',
    description: 'Branch the scan belongs to.' }),
  define({ name: 'target-branch', type: 'string', group: 'target', contextDefault: 'the pull/merge request target branch',
    description: 'Merge target branch; with it the scan is a pull-request scan compared with that branch.' }),
  define({ name: 'pr-number', type: 'integer', group: 'target', contextDefault: 'the pull/merge request number',
    description: 'Pull or merge request number, for the platform\'s decoration and for the comment.' }),
  define({ name: 'file', type: 'path', group: 'target', short: 'f',
    description: 'Result file of one scanner to import instead of starting a scan.' }),
  define({ name: 'image', type: 'string', group: 'target',
    description: 'Container image to scan (such as registry.example.com/app:1.2) with one container scanner.' }),
  define({ name: 'meta-data', type: 'string', group: 'target',
    description: 'Free text stored with the scan, to tell apart scans of the same branch.' }),
  define({ name: 'scan-tag', type: 'string', group: 'target',
    description: 'Tag stored with a started scan, an image scan, an import or a new scan configuration (a rescan keeps the saved scan\'s tag).' }),
  define({ name: 'environment', type: 'enum', group: 'target', values: SCAN_ENVIRONMENTS,
    description: 'Environment the scan is recorded under.' }),
  define({ name: 'default-branch-fallback', type: 'boolean', group: 'target', default: 'true',
    description: 'When a rescan-only scanner (bound to an integration on the platform) has no scan or scan configuration on a pushed branch, re-run the default branch\'s scan for this branch, compared with the default branch; false stops with the setup steps instead (exit 2).' }),
  define({ name: 'mode', type: 'enum', group: 'target', default: 'scan', values: SCAN_MODES, cli: 'none',
    description: 'What to do: scan (scan, import the file or scan the image, then gate), release (gate on release criteria only) or wait (wait for event-id, then gate).' }),
  define({ name: 'event-id', type: 'list', group: 'target',
    description: 'Event IDs to wait for in mode wait (comma-separated), as printed by an async run.' }),
  define({ name: 'async', type: 'boolean', group: 'target', default: 'false',
    description: 'Start the scans and return their event IDs without waiting or gating.' }),
  // gate
  ...(['critical', 'high', 'medium', 'low', 'info'] as const).map((severity) =>
    define({ name: `threshold-${severity}`, type: 'integer', group: 'gate',
      description: `Fail when there are more than this many ${severity} findings; unset means no limit.` }),
  ),
  define({ name: 'new-findings-only', type: 'boolean', group: 'gate', default: 'false',
    description: 'Count only findings that are new in this scan against the thresholds; release criteria (checked by default) still judge every open finding, old ones too, so set release-criteria to off to gate on new findings alone.' }),
  define({ name: 'changed-only', type: 'enum', group: 'gate', default: 'off', values: CHANGED_ONLY_MODES,
    description: 'On pull/merge request runs, count toward the thresholds only findings in the files (files) or on and near the lines (lines) the change touched; findings without a file location still count.' }),
  define({ name: 'changed-only-fallback', type: 'enum', group: 'gate', default: 'unscoped', values: CHANGED_ONLY_FALLBACKS,
    description: 'When changed-only cannot read the diff: unscoped gates on all findings with a warning, fail stops the run (exit 2).' }),
  define({ name: 'fail-on-risk-increase', type: 'boolean', group: 'gate', default: 'false',
    description: 'Fail when the risk score rose since the previous scan (a first scan never fails).' }),
  define({ name: 'release-criteria', type: 'list', group: 'gate', default: 'scanner',
    description: `Release criteria to enforce: on (all), off, scanner (each scanner's own type) or a list of ${RELEASE_TYPES.join(', ')}.` }),
  define({ name: 'warn-only', type: 'boolean', group: 'gate', default: 'false',
    description: 'Report gate failures as warnings and pass.' }),
  define({ name: 'on-timeout', type: 'enum', group: 'gate', default: 'fail', values: POLICIES,
    description: 'What a scan that does not finish within timeout does to the build: fail, warn or pass.' }),
  define({ name: 'on-error', type: 'enum', group: 'gate', default: 'fail', values: POLICIES,
    description: 'What a platform or scan error does to the build: fail, warn or pass.' }),
  define({ name: 'timeout', type: 'duration', group: 'gate', default: '30m',
    description: 'How long to wait for the scans, such as 30m or 1h30m.' }),
  // output
  define({ name: 'output-json', type: 'path', group: 'output',
    description: 'Write the full result as JSON to this file.' }),
  define({ name: 'sarif', type: 'path', group: 'output',
    description: 'Write the findings as SARIF 2.1.0 to this file.' }),
  define({ name: 'summary-markdown', type: 'path', group: 'output',
    description: 'Write the markdown summary to this file.' }),
  define({ name: 'comment', type: 'enum', group: 'output', default: 'update', values: COMMENT_MODES,
    description: 'Pull/merge request comment: update one sticky comment, add a new one each run, or off.' }),
  define({ name: 'max-findings', type: 'integer', group: 'output', default: '20',
    description: 'How many findings the comment and summary list.' }),
  // code host
  define({ name: 'github-token', type: 'string', group: 'code-host', secret: true, githubDefault: '${{ github.token }}', ...CODE_HOST_ONLY, github: 'input',
    description: 'GitHub token for the pull request comment; needs pull-requests: write.' }),
  define({ name: 'gitlab-token', type: 'string', group: 'code-host', secret: true, ...CODE_HOST_ONLY, gitlab: 'variable',
    description: 'GitLab project access or bot token with api scope, for the merge request note (CI_JOB_TOKEN cannot write notes).' }),
  define({ name: 'bitbucket-token', type: 'string', group: 'code-host', secret: true, ...CODE_HOST_ONLY, bitbucket: 'variable',
    description: 'Bitbucket repository or workspace access token (Bearer) for the pull request comment.' }),
  define({ name: 'bitbucket-email', type: 'string', group: 'code-host', ...CODE_HOST_ONLY, bitbucket: 'variable',
    description: 'Atlassian account email, with bitbucket-api-token, as an alternative to bitbucket-token.' }),
  define({ name: 'bitbucket-api-token', type: 'string', group: 'code-host', secret: true, ...CODE_HOST_ONLY, bitbucket: 'variable',
    description: 'Atlassian API token that goes with bitbucket-email.' }),
  // Access tokens are bot accounts that GET /2.0/user may refuse; without this uuid the pipe cannot tell its own
  // comment from a copy and updates nothing. Read by the pipe itself (no ScanConfig field), so cli is 'none'.
  define({ name: 'bitbucket-author-uuid', type: 'string', group: 'code-host', ...CODE_HOST_ONLY, cli: 'none', bitbucket: 'variable',
    description: 'UUID of the access token\'s bot account (the user.uuid of a comment it wrote), so its pull request comment is found and updated when the token may not read /2.0/user.' }),
  // project creation
  define({ name: 'create-project', type: 'boolean', group: 'project-creation', default: 'false',
    description: 'Create the project when it does not exist.' }),
  define({ name: 'repo-url', type: 'url', group: 'project-creation', contextDefault: 'the CI repository URL',
    description: 'Repository URL of a created project.' }),
  define({ name: 'alm-tool', type: 'enum', group: 'project-creation', contextDefault: 'the CI platform',
    values: ALM_TOOLS,
    description: 'Source-control platform of a created project.' }),
  define({ name: 'team', type: 'string', group: 'project-creation',
    description: 'Team that owns a created project.' }),
  define({ name: 'labels', type: 'list', group: 'project-creation',
    description: 'Labels of a created project, comma-separated.' }),
  define({ name: 'default-branch', type: 'string', group: 'project-creation',
    description: 'Default branch of a created project (the platform reads it from the repository otherwise).' }),
];

const BY_NAME = new Map(OPTIONS.map((o) => [o.name, o]));

/** All option names, in registry order. */
export const OPTION_NAMES: readonly string[] = OPTIONS.map((o) => o.name);

/** The option called `name`, or undefined. */
export function findOption(name: string): OptionDef | undefined {
  return BY_NAME.get(name);
}

/** The option called `name`; throws (a programming error, not a user one) when there is none. */
export function getOption(name: string): OptionDef {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`unknown option ${name}`);
  return found;
}

/** Options of one README group, in registry order. */
export function optionsInGroup(group: OptionGroup): OptionDef[] {
  return OPTIONS.filter((o) => o.group === group);
}

/** Whether a CI packaging exposes the option at all (as an input, a variable, a flag or an env var). */
export function isExposed(option: OptionDef, ci: CiKind): boolean {
  return option[ci] !== 'none';
}

/** How a user of `ci` names the setting in a message: `input "x"`, `variable X`, `--x`. */
export function settingLabel(ci: CiKind): (name: string) => string {
  return (name) => {
    const option = findOption(name);
    if (!option) return `"${name}"`;
    switch (ci) {
      case 'github':
        return option.github === 'input' ? `input "${name}"` : `"${name}"`;
      case 'gitlab':
        return option.gitlab === 'input' ? `input "${name}"` : `variable ${option.env}`;
      case 'bitbucket':
        return `variable ${option.env}`;
      case 'cli':
        return option.cli === 'flag' ? `--${name} (${option.env})` : option.env;
    }
  };
}

/**
 * An option's description in the words of a packaging: on the CLI the mode is a command (`the wait command`),
 * elsewhere a setting (`mode wait`).
 */
export function describeOption(option: OptionDef, ci: CiKind): string {
  return ci === 'cli' ? option.description.replace(/\bmode (scan|release|wait)\b/g, 'the $1 command') : option.description;
}
