/**
 * The flags of the official `kdt` CLI (v1.46) and what each becomes in our option registry: the one table behind
 * `invicti-appsec kdt <kdt command line>`, the native CLI's hints for kdt spellings, and the flag table of
 * docs/migrating-from-kdt.md (a test compares the two). A kdt flag is either mapped, implied (our command always
 * does it) or unsupported: an unsupported flag is an exit-2 error naming it, never silently dropped.
 */

export const KDT_COMMANDS = ['scan', 'release', 'ping', 'list projects', 'list scanners', 'version'] as const;
export type KdtCommand = (typeof KDT_COMMANDS)[number];

/** How a kdt flag's value becomes our settings. */
export type KdtMapping =
  /** The value (or `true` for a switch) goes to this option unchanged. */
  | { kind: 'option'; option: string }
  /** kdt's whole minutes become a duration (`5` → `5m`); 0, kdt's "wait forever", leaves our default. */
  | { kind: 'minutes'; option: string }
  /** A fixed value for an option (a switch that selects a setting). */
  | { kind: 'set'; option: string; value: string }
  /** `release --sast --dast`: each switch adds its type to release-criteria. */
  | { kind: 'release-type'; type: string }
  /** `scan -s <scan id>`: the scan's project, scanner, branch and meta data are read from the platform. */
  | { kind: 'scan-id' }
  /** Accepted, and what it asks for is what our command always does. */
  | { kind: 'implied' }
  /** Refused with exit 2; `why` says why or what to do instead. */
  | { kind: 'unsupported'; why: string };

export interface KdtFlag {
  readonly long: string;
  readonly short?: string;
  /** The commands that take it; `global` flags go with every command. */
  readonly commands: readonly KdtCommand[] | 'global';
  /** Takes a value (`--project x`); otherwise a switch (`--async`, `--async=false`). */
  readonly value: boolean;
  readonly to: KdtMapping;
  /** What differs from kdt, for the migration guide. */
  readonly note?: string;
}

const opt = (option: string): KdtMapping => ({ kind: 'option', option });
const no = (why: string): KdtMapping => ({ kind: 'unsupported', why });
const SCAN = ['scan'] as const;
const CREATE_ONLY = 'only with --create-project, which creates the project from the CI repository';

export const KDT_FLAGS: readonly KdtFlag[] = [
  // Globals.
  { long: 'host', commands: 'global', value: true, to: opt('host') },
  { long: 'token', commands: 'global', value: true, to: opt('token'), note: 'Prefer INVICTI_ASPM_TOKEN: command lines end up in shell history.' },
  { long: 'verbose', short: 'v', commands: 'global', value: false, to: opt('verbose') },
  { long: 'insecure', commands: 'global', value: false, to: opt('insecure') },
  { long: 'config', commands: 'global', value: true, to: no('no config file: set the INVICTI_* environment variables instead') },
  { long: 'exit-code', commands: 'global', value: true, to: no('exit codes are fixed (0 passed, 1 gate failed, 2 configuration, 3 platform or timeout); use --warn-only or --on-error/--on-timeout') },
  // scan: what and where.
  { long: 'project', short: 'p', commands: ['scan', 'release'], value: true, to: opt('project') },
  { long: 'tool', short: 't', commands: SCAN, value: true, to: opt('scanner') },
  { long: 'branch', short: 'b', commands: ['scan', 'release'], value: true, to: opt('branch') },
  { long: 'scan-id', short: 's', commands: SCAN, value: true, to: { kind: 'scan-id' }, note: "The scan's project, scanner, branch and meta data are read from the platform; then it runs like -p -t -b." },
  { long: 'file', short: 'f', commands: SCAN, value: true, to: opt('file'), note: 'Only scanners that accept imports; checked before the upload.' },
  { long: 'image', short: 'I', commands: SCAN, value: true, to: opt('image') },
  { long: 'merge-target', short: 'M', commands: SCAN, value: true, to: opt('target-branch') },
  { long: 'pr-number', commands: SCAN, value: true, to: opt('pr-number') },
  { long: 'meta', short: 'm', commands: SCAN, value: true, to: opt('meta-data') },
  { long: 'env', commands: SCAN, value: true, to: opt('environment') },
  { long: 'scan-tag', commands: SCAN, value: true, to: opt('scan-tag') },
  { long: 'async', commands: SCAN, value: false, to: opt('async'), note: 'Prints one `invicti-appsec wait --event-id ...` command to resume.' },
  { long: 'timeout', commands: ['scan', 'release'], value: true, to: { kind: 'minutes', option: 'timeout' },
    note: 'Minutes, as in kdt (native: a duration such as 30m). 0 (kdt: wait forever) keeps our 30m default. A scan that outlives it fails the run (exit 3) instead of passing silently; add --on-timeout pass for kdt behaviour.' },
  // scan: gate.
  { long: 'threshold-crit', commands: SCAN, value: true, to: opt('threshold-critical') },
  { long: 'threshold-high', commands: SCAN, value: true, to: opt('threshold-high') },
  { long: 'threshold-med', commands: SCAN, value: true, to: opt('threshold-medium') },
  { long: 'threshold-low', commands: SCAN, value: true, to: opt('threshold-low') },
  { long: 'threshold-risk', commands: SCAN, value: false, to: opt('fail-on-risk-increase'), note: "A project's first scan passes (kdt fails it for missing score records)." },
  { long: 'break-by-scanner-type', commands: SCAN, value: false, to: { kind: 'set', option: 'release-criteria', value: 'scanner' },
    note: 'Without it the kdt command enforces all release criteria (--release-criteria on), as kdt does.' },
  { long: 'release-timeout', commands: SCAN, value: true, to: no('the release-criteria check shares --timeout') },
  // scan: project creation.
  { long: 'create-project', commands: SCAN, value: false, to: opt('create-project') },
  { long: 'repo-id', short: 'r', commands: SCAN, value: true, to: opt('repo-url'), note: 'A repository URL; used when the project is created.' },
  { long: 'alm-tool', short: 'A', commands: SCAN, value: true, to: opt('alm-tool') },
  { long: 'team', short: 'T', commands: SCAN, value: true, to: opt('team') },
  { long: 'labels', short: 'l', commands: SCAN, value: true, to: opt('labels') },
  { long: 'default-branch', commands: SCAN, value: true, to: opt('default-branch') },
  { long: 'project-name', commands: SCAN, value: true, to: no(`give the name with -p; a missing project is created ${CREATE_ONLY}`) },
  { long: 'product-name', short: 'P', commands: SCAN, value: true, to: no('products are not managed by this tool') },
  { long: 'disable-clone', commands: SCAN, value: false, to: no('no equivalent setting') },
  { long: 'feature-branch-retention', commands: SCAN, value: true, to: no('no equivalent setting') },
  { long: 'feature-branch-infinite-retention', commands: SCAN, value: false, to: no('no equivalent setting') },
  { long: 'scope-include-empty', commands: SCAN, value: false, to: no('no equivalent setting') },
  { long: 'scope-included-paths', commands: SCAN, value: true, to: no('no equivalent setting') },
  { long: 'scope-included-files', commands: SCAN, value: true, to: no('no equivalent setting') },
  { long: 'criticality-level', commands: SCAN, value: true, to: no('no equivalent setting') },
  // scan: kdt modes we do not run.
  { long: 'agent', short: 'a', commands: SCAN, value: true, to: no('agent scanners are not supported yet') },
  { long: 'params', commands: SCAN, value: true, to: no('custom scan parameters are not supported yet') },
  { long: 'fork-scan', short: 'B', commands: SCAN, value: false, to: no('fork scans are not supported yet') },
  { long: 'fork-source', commands: SCAN, value: true, to: no('fork scans are not supported yet') },
  { long: 'override-fork-source', commands: SCAN, value: false, to: no('fork scans are not supported yet') },
  { long: 'incremental-scan', short: 'i', commands: SCAN, value: false, to: no('incremental imports are not supported yet') },
  { long: 'override', commands: SCAN, value: false, to: no('no equivalent setting yet') },
  { long: 'no-decoration', commands: SCAN, value: false, to: no('deprecated in kdt: leave out --pr-number to skip decoration') },
  { long: 'pr-decoration-scanner-types', commands: SCAN, value: true, to: no('no equivalent setting yet') },
  // release.
  ...['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom'].map(
    (type): KdtFlag => ({ long: type, commands: ['release'], value: false, to: { kind: 'release-type', type }, note: 'Several add up; none checks every type (--release-criteria on).' }),
  ),
  // ping and list.
  { long: 'auth', short: 'a', commands: ['ping'], value: false, to: { kind: 'implied' }, note: 'Our ping always checks the token.' },
  { long: 'type', short: 't', commands: ['list scanners'], value: true, to: opt('scanner-type') },
  { long: 'labels', short: 'l', commands: ['list scanners'], value: true, to: no('filter by label is not supported; filter by --type') },
];

/** Whether a flag goes with a command. */
export function kdtFlagApplies(flag: KdtFlag, command: KdtCommand): boolean {
  return flag.commands === 'global' || flag.commands.includes(command);
}

/** The native flag a kdt flag (`tool`, `M`) maps to in `scan`, when it maps to one option: for hints on the native CLI. */
export function nativeSpelling(kdtName: string): string | undefined {
  const flag = KDT_FLAGS.find((f) => kdtFlagApplies(f, 'scan') && (f.long === kdtName || f.short === kdtName));
  return flag?.to.kind === 'option' || flag?.to.kind === 'minutes' ? flag.to.option : undefined;
}

function mappingText(to: KdtMapping): string {
  switch (to.kind) {
    case 'option':
      return `\`--${to.option}\``;
    case 'minutes':
      return `\`--${to.option} <n>m\``;
    case 'set':
      return `\`--${to.option} ${to.value}\``;
    case 'release-type':
      return `\`--release-criteria ${to.type}\``;
    case 'scan-id':
      return 'looked up: `--project`, `--scanner`, `--branch`, `--meta-data`';
    case 'implied':
      return 'always on';
    case 'unsupported':
      return `**not supported**: ${to.why}`;
  }
}

/** The flag-by-flag table of docs/migrating-from-kdt.md (`npm run docs:sync` writes it). */
export function kdtFlagsMarkdown(): string {
  const rows = KDT_FLAGS.map((f) => {
    const names = [f.short ? `\`-${f.short}\`` : undefined, `\`--${f.long}\``].filter(Boolean).join(', ');
    const where = f.commands === 'global' ? 'all' : f.commands.join(', ');
    return `| ${names} | ${where} | ${mappingText(f.to)} | ${(f.note ?? '').replace(/\|/g, '\\|')} |`;
  });
  return ['| kdt flag | kdt command | `invicti-appsec` | Notes |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
