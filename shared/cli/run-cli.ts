/**
 * `invicti-appsec <command>`: dispatch of the CLI's commands. Returns the exit code; the entry sets it.
 */
import type { PlatformApi } from '../api/index.js';
import { readPages } from '../api/paging.js';
import { readRawFromEnv, mergeRaw, parseConnectionConfig, type ConnectionConfig } from '../core/config.js';
import { settingLabel } from '../core/options.js';
import { platformClientFor } from '../core/execute.js';
import { describeError, exitCodeForError, redact, EXIT_CODES } from '../errors.js';
import { VERSION } from '../version.js';
import { parseArgs, type Command, type ParsedArgs } from './args.js';
import { consoleLogger } from './console-logger.js';
import { PROGRAM } from './program.js';
import { runScanCommand, type ScanIo } from './run-scan-command.js';
import { preflightFiles } from './preflight.js';
import type { PackagingReads } from '../core/findings.js';
import { checkSettingNames } from '../core/env-names.js';

export interface CliIo extends ScanIo {
  argv: readonly string[];
}

/** The plain CLI posts no comment: it reads of the findings only what the settings ask for. */
export const CLI_READS: PackagingReads = { comment: false };

export async function runCli(io: CliIo): Promise<number> {
  if (io.argv[0] === 'kdt') return runKdt(io, io.argv.slice(1));
  let args: ParsedArgs;
  try {
    args = parseArgs(io.argv);
  } catch (err) {
    io.stderr(`error: ${describeError(err)}\n`);
    return exitCodeForError(err);
  }
  if (args.command === 'version') {
    io.stdout(`invicti-appsec ${VERSION}\n`);
    return EXIT_CODES.passed;
  }
  if (args.help || args.command === 'help') {
    io.stdout(`${await helpText(args.command)}\n`);
    return EXIT_CODES.passed;
  }
  switch (args.command) {
    case 'scan':
    case 'release':
    case 'wait':
      return runScanCommand(io, { ci: 'cli', flags: args.raw, reads: CLI_READS });
    case 'ping':
    case 'projects':
    case 'scanners':
      return runListCommand(io, args);
    case 'kdt':
      return runKdt(io, []);
  }
}

type Connected = { api: PlatformApi; secrets: string[]; logger: ReturnType<typeof consoleLogger> };

/**
 * The platform client for commands that need only the connection settings; a number is the exit code of a bad
 * setting. `warn: false` when the command that follows prints the same settings warnings itself (kdt's `-s`).
 */
function connect(io: CliIo, flags: Record<string, string>, warn = true): Connected | number {
  const fromEnv = readRawFromEnv(io.env, 'cli');
  const raw = mergeRaw(fromEnv.raw, flags);
  let config: ConnectionConfig;
  try {
    const names = checkSettingNames(io.env, 'cli');
    if (warn) for (const warning of names.warnings) io.stderr(`warning: ${warning}\n`);
    if (names.error) throw names.error;
    config = parseConnectionConfig(raw, { describe: settingLabel('cli') });
    preflightFiles({ caCert: config.caCert }, settingLabel('cli'));
  } catch (err) {
    io.stderr(`error: ${redact(describeError(err), [raw.token ?? ''])}\n`);
    return exitCodeForError(err);
  }
  const secrets = [config.token];
  if (warn) for (const warning of fromEnv.warnings) io.stderr(`warning: ${warning}\n`);
  const logger = consoleLogger((line) => io.stderr(line), { verbose: config.verbose, secrets: () => secrets });
  return { api: platformClientFor(config, { env: io.env, logger, clock: io.clock, random: io.random }), secrets, logger };
}

/** `ping`, `projects`, `scanners`: connection settings only, one request or a few, a table on stdout. */
async function runListCommand(io: CliIo, args: ParsedArgs): Promise<number> {
  const connected = connect(io, args.raw);
  if (typeof connected === 'number') return connected;
  const { api, secrets, logger } = connected;
  try {
    const out = await listing(api, args);
    io.stdout(redact(out, secrets));
    return EXIT_CODES.passed;
  } catch (err) {
    logger.error(describeError(err));
    return exitCodeForError(err);
  }
}

/**
 * `invicti-appsec kdt <kdt command line>`: translate, print the native equivalent once, run it. `scan -s <id>`
 * first reads that scan to learn its project, scanner, branch and meta data.
 */
async function runKdt(io: CliIo, kdtArgv: readonly string[]): Promise<number> {
  if (kdtArgv.length === 0 || kdtArgv.includes('--help') || kdtArgv.includes('-h')) {
    io.stdout(`${await helpText('kdt')}\n`);
    return EXIT_CODES.passed;
  }
  const { shellWord, translateKdt } = await import('./kdt-args.js');
  let argv: string[];
  let scanId: string | undefined;
  try {
    ({ argv, scanId } = translateKdt(kdtArgv));
  } catch (err) {
    io.stderr(`error: ${describeError(err)}\n`);
    return exitCodeForError(err);
  }
  let given: Record<string, string> = {};
  try {
    given = parseArgs(argv).raw;
  } catch {
    // runCli reports it below, with the native command line it came from.
  }
  const secrets = [given.token ?? '', io.env.INVICTI_ASPM_TOKEN ?? '', io.env.KONDUKTO_TOKEN ?? ''];
  if (scanId !== undefined) {
    const connected = connect(io, given, false);
    if (typeof connected === 'number') return connected;
    try {
      const scan = await connected.api.getScan(scanId);
      const found: [string, string][] = [['project', scan.project], ['scanner', scan.tool], ['branch', scan.branch], ['meta-data', scan.metaData]];
      for (const [name, value] of found) if (given[name] === undefined && value !== '') argv.push(`--${name}`, value);
    } catch (err) {
      connected.logger.error(`could not read scan ${scanId} (kdt -s): ${describeError(err)}`);
      return exitCodeForError(err);
    }
  }
  io.stderr(redact(`kdt command line read as: ${PROGRAM} ${argv.map(shellWord).join(' ')}\n`, secrets));
  return runCli({ ...io, argv });
}

/** The help text loads only when asked for: a command that talks to the platform does not need it first. */
async function helpText(command: Command): Promise<string> {
  return (await import('./help.js')).helpText(command);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

async function listing(api: PlatformApi, args: ParsedArgs): Promise<string> {
  if (args.command === 'ping') {
    const mode = await api.mode();
    await api.healthCheck();
    return `OK: the platform answered and accepted the token (${mode} API)\n`;
  }
  if (args.command === 'projects') {
    // Advanced by the items received, not by the limit asked: a platform serving smaller pages skips nobody.
    const { items } = await readPages((start, limit) => api.listProjects({ name: args.raw.project ?? '', start, limit }), { pageSize: 100, cap: 5_000 });
    return table(['ID', 'NAME', 'DEFAULT BRANCH', 'LABELS'], items.map((p) => [p.id, p.name, p.defaultBranch, p.labels.join(',')]));
  }
  const wanted = args.raw.scanner?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const types = (args.raw['scanner-type'] ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  const page = await api.listActiveScanners({ limit: 0, ...(types.length > 0 ? { types } : {}) });
  const rows = page.items
    .filter((s) => wanted.length === 0 || wanted.includes(s.slug))
    .map((s) => [s.slug, s.type, s.labels.join(','), s.disabled ? 'disabled' : 'active', s.id]);
  return table(['SLUG', 'TYPE', 'LABELS', 'STATE', 'ID'], rows);
}
