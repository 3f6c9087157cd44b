/**
 * Checks on local files before the first platform request: the CA bundle must hold a PEM certificate, the report
 * to import must be a readable, non-empty JSON file of a format its scanner takes (recognised from a bounded
 * prefix), and every report file the run will write must be writable. Found after the scan, a bad path turned a
 * gate failure into exit 2 and an unreadable import into a 400 from the platform after several requests.
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanConfig } from '../core/config.js';
import { ConfigError } from '../errors.js';
import { loadCaBundle } from '../api/connections.js';
import { formatList, judgeImport, REPORT_FORMAT_NAMES, sniffReportFormat } from '../core/report-format.js';

/** How much of the import file is read to recognise it: enough for its top-level keys, never the whole file. */
const SNIFF_BYTES = 64 * 1024;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function problem(label: (name: string) => string, name: string, text: string): ConfigError {
  return new ConfigError(name, `${label(name)}: ${text}`);
}

/** The first bytes of a file (at most SNIFF_BYTES), read through one fixed buffer. */
function readPrefix(path: string, size: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The import file exists, is a regular non-empty readable JSON file, and, when the scanner is one whose import
 * formats are known, is of a format it takes. Returns a warning when the format cannot be recognised.
 */
function checkImportFile(path: string, scanner: string | undefined, label: (name: string) => string): string | undefined {
  const info = statOrUndefined(path);
  if (info === undefined) throw problem(label, 'file', `"${path}" does not exist; give the path of the scanner's report to import.`);
  if (info.isDirectory()) throw problem(label, 'file', `"${path}" is a directory; give the path of the scanner's report file.`);
  if (info.size === 0) throw problem(label, 'file', `"${path}" is empty (0 bytes); check that the scanner wrote its report before this step.`);
  let prefix: Uint8Array;
  try {
    prefix = readPrefix(path, info.size);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw problem(label, 'file', `"${path}" cannot be read (${code}); check its permissions.`);
  }
  const sniffed = sniffReportFormat(prefix);
  if (sniffed.kind === 'not-json') throw problem(label, 'file', `"${path}" is not JSON; import the scanner's JSON or SARIF 2.1.0 report.`);
  if (scanner === undefined) return undefined;
  const verdict = judgeImport(scanner, sniffed.format);
  if (verdict.kind === 'refuse') {
    throw problem(
      label,
      'file',
      `"${path}" is ${REPORT_FORMAT_NAMES[verdict.found]}, which ${scanner} does not import; give ${scanner}'s report as ${formatList(verdict.accepted)}, or set ${label('scanner')} to the scanner that wrote this file.`,
    );
  }
  if (verdict.kind === 'unrecognised') {
    return `${label('file')}: the format of "${path}" was not recognised (${scanner} imports ${formatList(verdict.accepted)}); uploading it anyway, the platform decides.`;
  }
  return undefined;
}

/** The CA bundle exists, is a file and holds a PEM certificate. */
function checkCaBundle(path: string, label: (name: string) => string): void {
  const bundle = loadCaBundle(path);
  if ('problem' in bundle) throw problem(label, 'ca-cert', bundle.problem);
}

/** A report file can be written: it is not a directory, and it (or the nearest existing folder above it) is writable. */
function checkWritable(name: string, path: string, label: (name: string) => string): void {
  const target = resolve(path);
  const info = statOrUndefined(target);
  if (info?.isDirectory()) throw problem(label, name, `"${path}" is a directory; give a file path.`);
  let existing = info ? target : dirname(target);
  while (statOrUndefined(existing) === undefined && dirname(existing) !== existing) existing = dirname(existing);
  const folder = statOrUndefined(existing);
  if (!info && folder && !folder.isDirectory()) throw problem(label, name, `"${existing}" is a file, so "${path}" cannot be created; choose another path.`);
  try {
    accessSync(existing, info ? constants.W_OK : constants.W_OK | constants.X_OK);
  } catch {
    throw problem(label, name, `"${path}" cannot be written (no write permission on "${existing}"); choose a writable path.`);
  }
}

export type PreflightConfig = Pick<ScanConfig, 'file' | 'scanners' | 'outputJson' | 'sarif' | 'summaryMarkdown' | 'caCert'>;

/**
 * Throws a ConfigError naming the setting (as `label` spells it) for the first local file problem of `config`;
 * returns warnings that do not stop the run.
 */
export function preflightFiles(config: Partial<PreflightConfig>, label: (name: string) => string): string[] {
  const warnings: string[] = [];
  if (config.caCert !== undefined && config.caCert !== '') checkCaBundle(config.caCert, label);
  if (config.file !== undefined) {
    const warning = checkImportFile(config.file, config.scanners?.length === 1 ? config.scanners[0] : undefined, label);
    if (warning) warnings.push(warning);
  }
  const outputs: [string, string | undefined][] = [
    ['output-json', config.outputJson],
    ['sarif', config.sarif],
    ['summary-markdown', config.summaryMarkdown],
  ];
  for (const [name, path] of outputs) if (path !== undefined) checkWritable(name, path, label);
  return warnings;
}
