/**
 * `--help` text for each command, generated from the option registry so it cannot drift from the flags.
 */
import { OPTIONS, OPTION_GROUPS, describeOption, getOption, type OptionDef, type OptionGroup } from '../core/options.js';
import { COMMANDS, type Command } from './args.js';
import { PROGRAM } from './program.js';

interface CommandInfo {
  summary: string;
  /** Which options the command uses (all of a group, or by name). */
  uses: (option: OptionDef) => boolean;
  /** What an option means for this command when it differs from the scan flow's meaning (list filters). */
  meaning?: Readonly<Record<string, string>>;
}

const named =
  (...names: string[]) =>
  (o: OptionDef): boolean =>
    names.includes(o.name);
const inGroups =
  (...groups: OptionGroup[]) =>
  (o: OptionDef): boolean =>
    groups.includes(o.group);
const either =
  (...tests: ((o: OptionDef) => boolean)[]) =>
  (o: OptionDef): boolean =>
    tests.some((t) => t(o));

export const COMMAND_INFO: Record<Command, CommandInfo> = {
  scan: {
    summary: 'Start a scan (or import a result file, or scan a container image), wait for it and gate on the findings.',
    uses: (o) => o.name !== 'event-id',
  },
  release: {
    summary: "Gate on the project's release criteria for a branch, without scanning.",
    uses: either(
      inGroups('connection', 'output', 'code-host'),
      named('project', 'branch', 'target-branch', 'pr-number', 'scanner', 'scanner-type', 'release-criteria', 'warn-only', 'on-error', 'on-timeout', 'timeout'),
    ),
  },
  wait: {
    summary: 'Wait for scans an async run started (by event ID) and gate on their findings.',
    uses: either(inGroups('connection', 'gate', 'output', 'code-host'), named('event-id', 'project', 'branch', 'target-branch', 'pr-number')),
  },
  ping: { summary: 'Check the connection and the token.', uses: inGroups('connection') },
  projects: {
    summary: 'List projects (filter with --project).',
    uses: either(inGroups('connection'), named('project')),
    meaning: { project: 'List only the project with this ID and the projects whose name contains this text (case-insensitive).' },
  },
  scanners: {
    summary: 'List active scanners (filter with --scanner or --scanner-type).',
    uses: either(inGroups('connection'), named('scanner', 'scanner-type')),
    meaning: {
      scanner: 'List only these scanner slugs, comma-separated (such as codethreat,semgrep).',
      'scanner-type': 'List only scanners of these types, comma-separated (such as sast or sast,dast).',
    },
  },
  kdt: { summary: 'Run a kdt command line unchanged (kdt scan -p app -t semgrep -b main) and print its native equivalent.', uses: () => false },
  help: { summary: 'Show help for a command: help <command>.', uses: () => false },
  version: { summary: 'Print the version.', uses: () => false },
};

const GROUP_TITLES: Record<OptionGroup, string> = {
  connection: 'Connection',
  target: 'What to scan',
  gate: 'Gate',
  output: 'Output',
  'code-host': 'Pull/merge request comment',
  'project-creation': 'Project creation',
};

function valueHint(option: OptionDef): string {
  switch (option.type) {
    case 'boolean':
      return '';
    case 'enum':
      return ` <${(option.values ?? []).join('|')}>`;
    case 'integer':
      return ' <n>';
    case 'duration':
      return ' <duration>';
    case 'list':
      return ' <a,b>';
    case 'path':
      return ' <file>';
    case 'url':
      return ' <url>';
    case 'string':
      return ' <text>';
  }
}

function flagColumn(option: OptionDef): string {
  const short = option.short ? `-${option.short}, ` : '    ';
  return `${short}--${option.name}${valueHint(option)}`;
}

function details(option: OptionDef, info: CommandInfo): string {
  const filter = info.meaning?.[option.name];
  if (filter !== undefined) return `${filter} [env ${option.env}]`;
  const notes = [`env ${option.env}`];
  if (option.required) notes.push('required');
  else if (option.default !== undefined) notes.push(`default ${option.default}`);
  else if (option.contextDefault !== undefined) notes.push(`default: ${option.contextDefault}`);
  return `${describeOption(option, 'cli')} [${notes.join('; ')}]`;
}

/** Two columns, the second starting where the widest first one ends. */
function columns(rows: readonly [string, string][], width = Math.min(40, Math.max(0, ...rows.map(([left]) => left.length)) + 2)): string[] {
  return rows.map(([left, right]) => (left.length + 2 > width ? `  ${left}\n  ${' '.repeat(width)}${right}` : `  ${left.padEnd(width)}${right}`));
}

const EXIT_CODES_TEXT = 'Exit codes: 0 passed (or warned), 1 gate failed, 2 configuration error, 3 platform error or timeout.';

function overview(): string {
  const rows = COMMANDS.map((c): [string, string] => [c, COMMAND_INFO[c].summary]);
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Invicti AppSec (ASPM) scans and merge gates from any CI or terminal.',
    '',
    'Commands:',
    ...columns(rows),
    '',
    `Run ${PROGRAM} help <command> (or <command> --help) for its options.`,
    'Every option can also be set by its environment variable; a flag wins over the environment.',
    EXIT_CODES_TEXT,
  ].join('\n');
}

function kdtHelp(): string {
  return [
    `Usage: ${PROGRAM} kdt <kdt command line>`,
    '',
    COMMAND_INFO.kdt.summary,
    '',
    'kdt commands: scan, release, ping, list projects, list scanners, version.',
    "Flags keep kdt's meanings (--timeout in minutes, -t the scanner, -M the merge target); a kdt flag that is",
    'not supported yet is an error naming it. The run itself is ours: our output, reports and exit codes.',
    'Every flag and its native spelling: docs/migrating-from-kdt.md.',
    EXIT_CODES_TEXT,
  ].join('\n');
}

/** The help text of one command (`help` and `version` give the overview). */
export function helpText(command: Command): string {
  if (command === 'help' || command === 'version') return overview();
  if (command === 'kdt') return kdtHelp();
  const info = COMMAND_INFO[command];
  const lines = [`Usage: ${PROGRAM} ${command} [options]`, '', info.summary];
  const sections = OPTION_GROUPS.map((group) => {
    const used = OPTIONS.filter((o) => o.group === group && info.uses(o));
    const rows = [
      ...used.filter((o) => o.cli === 'flag').map((o): [string, string] => [flagColumn(o), details(o, info)]),
      ...used.filter((o) => o.cli === 'env').map((o): [string, string] => [`    ${o.env}`, `${describeOption(o, 'cli')} (environment only)`]),
    ];
    // A list command's filters are not "what to scan".
    const title = used.length > 0 && used.every((o) => info.meaning?.[o.name] !== undefined) ? 'Filters' : GROUP_TITLES[group];
    return { title, rows };
  });
  // One column width for the whole page; very long left cells (enum lists) wrap instead of widening it.
  const width = Math.min(40, Math.max(0, ...sections.flatMap((s) => s.rows.map(([left]) => left.length))) + 2);
  for (const { title, rows } of sections) {
    if (rows.length > 0) lines.push('', `${title}:`, ...columns(rows, width));
  }
  if (info.uses(getOption('token'))) {
    lines.push('', 'Prefer INVICTI_ASPM_TOKEN to --token: command lines end up in shell history and process lists.');
  }
  lines.push('Booleans: --name turns an option on, --no-name off. Values: --name value or --name=value.', EXIT_CODES_TEXT);
  return lines.join('\n');
}
