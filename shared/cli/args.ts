/**
 * Command-line parsing driven by the option registry: `invicti-appsec <command> [--name value ...]`.
 * Produces raw settings (strings keyed by option name) for parseConfig, so the CLI validates exactly like the
 * CI packagings. Supports `--name value`, `--name=value`, boolean switches (`--async`, `--no-async`,
 * `--async=false`), the registry's one-letter aliases, and `--` to end options.
 */
import { ConfigError } from '../errors.js';
import { OPTIONS, findOption, type OptionDef } from '../core/options.js';
import { closest } from '../core/suggest.js';
import { nativeSpelling } from './kdt-flags.js';

export const COMMANDS = ['scan', 'release', 'wait', 'ping', 'projects', 'scanners', 'kdt', 'help', 'version'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command: Command;
  /** Settings given on the command line, keyed by option name (merge over readRawFromEnv's). */
  raw: Record<string, string>;
  /** `--help`/`-h` was given, or the command is `help` (then `command` is the topic, or `help`). */
  help: boolean;
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', '1', '0']);
/** Commands that are a mode of the scan flow: they set the `mode` setting. */
const MODE_COMMANDS: ReadonlySet<string> = new Set(['scan', 'release', 'wait']);

const FLAG_OPTIONS = OPTIONS.filter((o) => o.cli === 'flag');
const BY_SHORT = new Map(FLAG_OPTIONS.filter((o) => o.short !== undefined).map((o) => [o.short, o]));
const FLAG_NAMES = [...FLAG_OPTIONS.map((o) => o.name), 'help', 'version'];

function isCommand(word: string): word is Command {
  return (COMMANDS as readonly string[]).includes(word);
}

/** Why a registry option is not a flag, and what to do instead. */
function notAFlag(option: OptionDef): string {
  if (option.name === 'mode') return '--mode is not a flag: the command sets it (invicti-appsec scan | release | wait).';
  return `--${option.name} is not a flag: set ${option.env} in the environment (secrets stay off the command line).`;
}

/** A kdt spelling (`-t`, `--merge-target`) on the native CLI: the native flag, and the kdt drop-in. */
function kdtHint(token: string, name: string): string | undefined {
  const native = nativeSpelling(name);
  if (native === undefined || findOption(native)?.cli !== 'flag') return undefined;
  return `${token} is kdt's spelling: here it is --${native}. (Or run the kdt command line unchanged: invicti-appsec kdt scan ...)`;
}

/** Every problem of one command line, thrown together as one ConfigError naming each setting (exit 2). */
export class CommandLineProblems {
  private readonly list: { setting: string; message: string }[] = [];
  private readonly where: string;
  private readonly footer: string;
  /** `where`: "on the command line"; `footer`: the line that says where to read more. */
  constructor(where: string, footer: string) {
    this.where = where;
    this.footer = footer;
  }
  add(setting: string, message: string): void {
    this.list.push({ setting, message });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const settings = [...new Set(this.list.map((p) => p.setting))].join(', ');
    const text = this.list.length === 1 ? (this.list[0]?.message ?? '') : `${this.list.length} problems ${this.where}:\n${this.list.map((p) => `- ${p.message}`).join('\n')}`;
    throw new ConfigError(settings, `${text}\n${this.footer}`);
  }
}

/**
 * Parse `argv` (without the node binary and script: `process.argv.slice(2)`). Throws one ConfigError for all
 * unknown flags, missing values and stray arguments, with a "did you mean" where one is close.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const errors = new CommandLineProblems('on the command line', 'Run invicti-appsec help for the list of options.');
  const raw: Record<string, string> = {};
  const positionals: string[] = [];
  let help = argv.length === 0;
  let version = false;

  const set = (option: OptionDef, value: string): void => {
    // A list given twice accumulates (`--scanner a --scanner b`); any other setting: the last one wins.
    const previous = raw[option.name];
    raw[option.name] = option.type === 'list' && previous !== undefined && previous !== '' ? `${previous},${value}` : value;
  };

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '--help' || token === '-h') {
      help = true;
      continue;
    }
    if (token === '--version') {
      version = true;
      continue;
    }
    let option: OptionDef | undefined;
    let inline: string | undefined;
    let negated = false;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      let name = eq >= 0 ? token.slice(2, eq) : token.slice(2);
      inline = eq >= 0 ? token.slice(eq + 1) : undefined;
      if (name.startsWith('no-') && findOption(name) === undefined) {
        negated = true;
        name = name.slice(3);
      }
      option = findOption(name);
      if (option === undefined) {
        const best = closest(name, FLAG_NAMES);
        errors.add(name, kdtHint(`--${name}`, name) ?? `unknown option --${name}.${best ? ` Did you mean --${best}?` : ''}`);
        // Its value most likely follows: do not report it again as a stray argument.
        const next = argv[i + 1];
        if (inline === undefined && next !== undefined && !next.startsWith('-') && !isCommand(next)) i++;
        continue;
      }
      if (option.cli !== 'flag') {
        errors.add(name, notAFlag(option));
        if (inline === undefined && option.type !== 'boolean' && i + 1 < argv.length && !argv[i + 1]?.startsWith('--')) i++;
        continue;
      }
    } else if (/^-[a-zA-Z]$/.test(token)) {
      option = BY_SHORT.get(token.slice(1));
      if (option === undefined) {
        errors.add(token.slice(1), kdtHint(token, token.slice(1)) ?? `unknown option ${token}.`);
        // Its value most likely follows (`-t semgrep`): do not report it again as a stray argument.
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('-') && !isCommand(next)) i++;
        continue;
      }
    } else {
      positionals.push(token);
      continue;
    }

    const flag = `--${option.name}`;
    if (option.type === 'boolean') {
      if (negated && inline !== undefined) errors.add(option.name, `--no-${option.name} takes no value.`);
      else if (negated) set(option, 'false');
      else if (inline !== undefined) set(option, inline);
      else if (BOOLEAN_WORDS.has((argv[i + 1] ?? '').toLowerCase())) set(option, argv[++i] ?? '');
      else set(option, 'true');
      continue;
    }
    if (negated) {
      errors.add(option.name, `--no-${option.name} is only for on/off options; to leave ${flag} unset, omit it.`);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (inline === undefined) {
      if (value === undefined || value.startsWith('--')) {
        errors.add(option.name, `${flag} needs a value.`);
        continue;
      }
      i++;
    }
    // kdt's --timeout counted minutes and our durations once read a bare number as seconds: ask, do not guess.
    if (option.name === 'timeout' && /^\d+$/.test(value?.trim() ?? '')) {
      errors.add(option.name, `${flag} needs a unit: write ${value}m for minutes (kdt's unit) or ${value}s for seconds.`);
      continue;
    }
    set(option, value ?? '');
  }

  let command: Command = version ? 'version' : 'scan';
  const [first, ...rest] = positionals;
  if (first !== undefined) {
    if (isCommand(first)) command = first;
    else {
      const best = closest(first, COMMANDS);
      errors.add('command', `unknown command "${first}".${best ? ` Did you mean "${best}"?` : ''} Commands: ${COMMANDS.join(', ')}.`);
    }
  } else if (argv.length === 0 || (help && !version)) {
    command = 'help';
  }
  if (command === 'help' && first === 'help') {
    help = true;
    const topic = rest.shift();
    if (topic !== undefined) {
      if (isCommand(topic)) command = topic;
      else errors.add('command', `no help on "${topic}". Commands: ${COMMANDS.join(', ')}.`);
    }
  }
  for (const extra of rest) errors.add('command', `unexpected argument "${extra}": values follow their option, such as --project ${extra}.`);
  errors.throwIfAny();

  if (MODE_COMMANDS.has(command)) raw.mode = command;
  return { command, raw, help };
}
