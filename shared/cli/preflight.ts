/**
 * Checks on local files before the first platform request: the report to import must be a readable, non-empty
 * JSON file, and every report file the run will write must be writable. Found after the scan, a bad path turned a
 * gate failure into exit 2 and an unreadable import into a 400 from the platform after several requests.
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanConfig } from '../core/config.js';
import { ConfigError } from '../errors.js';

/** How much of the import file is read to recognise it: enough for its first bytes, never the whole file. */
const SNIFF_BYTES = 4096;

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

/** The import file exists, is a regular non-empty file, can be read and starts like JSON (a SARIF or scanner report). */
function checkImportFile(path: string, label: (name: string) => string): void {
  const info = statOrUndefined(path);
  if (info === undefined) throw problem(label, 'file', `"${path}" does not exist; give the path of the scanner's report to import.`);
  if (info.isDirectory()) throw problem(label, 'file', `"${path}" is a directory; give the path of the scanner's report file.`);
  if (info.size === 0) throw problem(label, 'file', `"${path}" is empty (0 bytes); check that the scanner wrote its report before this step.`);
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw problem(label, 'file', `"${path}" cannot be read (${code}); check its permissions.`);
  }
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) {
    throw problem(label, 'file', `"${path}" is not JSON; import the scanner's JSON or SARIF 2.1.0 report.`);
  }
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

/** Throws a ConfigError naming the setting for the first local file problem of `config`. */
export function preflightFiles(config: Pick<ScanConfig, 'file' | 'outputJson' | 'sarif' | 'summaryMarkdown'>, label: (name: string) => string): void {
  if (config.file !== undefined) checkImportFile(config.file, label);
  const outputs: [string, string | undefined][] = [
    ['output-json', config.outputJson],
    ['sarif', config.sarif],
    ['summary-markdown', config.summaryMarkdown],
  ];
  for (const [name, path] of outputs) if (path !== undefined) checkWritable(name, path, label);
}
