/**
 * Import files: parsed fully up to the scenario's `importParseLimitBytes`; a larger file is only sniffed
 * (first 64 KiB) for its format and accepted with zero findings, so huge uploads are still accepted without
 * loading them into memory.
 */
import { open, readFile } from 'node:fs/promises';
import type { ImportFormat } from '../scenario/schema.js';
import type { FindingRec } from '../state/types.js';
import { isSarif, sarifFindings } from './sarif.js';
import { isSemgrep, semgrepFindings } from './semgrep.js';

/** How errors name a format. */
export const FORMAT_NAMES: Record<ImportFormat, string> = { sarif: 'SARIF 2.1.0', semgrep: 'semgrep JSON' };

export interface ParsedImport {
  format: ImportFormat;
  findings: FindingRec[];
  /** False when the file was above the parse limit and only sniffed. */
  parsed: boolean;
}

const SNIFF_BYTES = 64 * 1024;

export function sniffFormat(head: string): ImportFormat | undefined {
  if (/"\$schema"\s*:\s*"[^"]*sarif/i.test(head) || (/"version"\s*:\s*"2\.1\.0"/.test(head) && /"runs"\s*:/.test(head))) return 'sarif';
  if (/"check_id"\s*:/.test(head) && /"results"\s*:/.test(head)) return 'semgrep';
  return undefined;
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** undefined when the format is unknown or the file is not valid JSON. */
export async function parseImportFile(file: string, bytes: number, parseLimit: number): Promise<ParsedImport | undefined> {
  if (bytes > parseLimit) {
    const format = sniffFormat(await readHead(file));
    return format ? { format, findings: [], parsed: false } : undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  if (isSarif(d)) return { format: 'sarif', findings: sarifFindings(d), parsed: true };
  if (isSemgrep(d)) return { format: 'semgrep', findings: semgrepFindings(d), parsed: true };
  return undefined;
}
