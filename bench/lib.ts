/** Small helpers shared by the benchmarks: measured child processes, tables, the final JSON line. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export interface Measured {
  code: number | null;
  maxRssMb: number;
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Run `node <args>` with the RSS probe preloaded; returns its exit code, peak RSS and wall time. */
export async function measureNode(args: readonly string[], env: Record<string, string>, node = process.execPath): Promise<Measured> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-probe-'));
  const probeFile = path.join(dir, 'probe.jsonl');
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(node, ['--import', path.join(root, 'bench', 'rss-probe.mjs'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env, BENCH_PROBE_FILE: probeFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const wallMs = performance.now() - started;
  const probe = JSON.parse((await readFile(probeFile, 'utf8')).trim().split('\n').at(-1) ?? '{}') as { maxRssKb?: number };
  await rm(dir, { recursive: true, force: true });
  return { code, maxRssMb: (probe.maxRssKb ?? 0) / 1024, wallMs, stdout, stderr };
}

export function table(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [`\n${title}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** The last line of every benchmark: its figures and ratios, machine-readable. */
export function jsonLine(name: string, figures: Record<string, unknown>): string {
  return JSON.stringify({ benchmark: name, node: process.version, date: new Date().toISOString(), ...figures });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
