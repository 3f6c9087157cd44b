/**
 * Import memory: peak RSS and throughput of the CLI importing generated semgrep result files (256 MiB and 1 GiB
 * by default), against a baseline client that buffers the whole file (as the official CLI does), both uploading
 * to the same in-process emulator. Target: CLI under 150 MB peak RSS at 1 GiB.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { startEmulator } from '../test/emulator/index.js';
import { jsonLine, measureNode, root, table } from './lib.js';

const MiB = 1024 * 1024;
export const TARGET_RSS_MB = 150;

/** A semgrep-shaped JSON file of at least `bytes`, written in chunks (never held whole). */
export async function generateSemgrepFile(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  const write = async (text: string): Promise<void> => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"results":[');
  let i = 0;
  let chunk = '';
  while (written + chunk.length < bytes) {
    chunk += `${i === 0 ? '' : ','}{"check_id":"rules.sqli-${i % 97}","path":"src/module-${i % 1000}/file-${i}.ts","start":{"line":${(i % 400) + 1},"col":5},"end":{"line":${(i % 400) + 2},"col":9},"extra":{"severity":"${['ERROR', 'WARNING', 'INFO'][i % 3]}","message":"Possible SQL injection through string concatenation in query builder number ${i}","metadata":{"cwe":["CWE-89: SQL Injection"]}}}`;
    i += 1;
    if (chunk.length > MiB) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}],"errors":[]}`);
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

export async function importMemory(sizesMiB: readonly number[]): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
  const token = 'bench-import-token';
  const emulator = await startEmulator({ token, mode: 'legacy', timeScale: 10 });
  const rows: (string | number)[][] = [];
  const figures: Record<string, unknown> = {};
  try {
    for (const sizeMiB of sizesMiB) {
      const file = path.join(dir, `semgrep-${sizeMiB}.json`);
      const bytes = await generateSemgrepFile(file, sizeMiB * MiB);
      const ours = await measureNode(
        [path.join(root, 'dist/cli/index.js'), 'scan', '--project', 'demo-app', '--scanner', 'semgrep', '--branch', 'main', '--file', file, '--async'],
        { INVICTI_ASPM_HOST: emulator.url, INVICTI_ASPM_TOKEN: token },
      );
      if (ours.code !== 0) throw new Error(`the CLI import failed (exit ${ours.code}): ${ours.stderr.slice(-500)}`);
      const base = await measureNode([path.join(root, 'bench/baseline-buffered-upload.mjs'), file], { HOST: emulator.url, TOKEN: token });
      if (base.code !== 0) throw new Error(`the baseline upload failed (exit ${base.code}): ${base.stderr.slice(-500)}`);
      const received = emulator.uploads().slice(-2).map((u) => u.bytes);
      const mbps = (ms: number): number => bytes / MiB / (ms / 1000);
      rows.push([`${sizeMiB} MiB`, 'invicti-appsec (streamed)', ours.maxRssMb, mbps(ours.wallMs), ours.wallMs / 1000]);
      rows.push([`${sizeMiB} MiB`, 'baseline (buffered)', base.maxRssMb, mbps(base.wallMs), base.wallMs / 1000]);
      figures[`${sizeMiB}MiB`] = {
        bytes,
        receivedBytes: received,
        ours: { peakRssMb: +ours.maxRssMb.toFixed(1), throughputMiBps: +mbps(ours.wallMs).toFixed(1), seconds: +(ours.wallMs / 1000).toFixed(2) },
        baseline: { peakRssMb: +base.maxRssMb.toFixed(1), throughputMiBps: +mbps(base.wallMs).toFixed(1), seconds: +(base.wallMs / 1000).toFixed(2) },
        rssRatio: +(ours.maxRssMb / base.maxRssMb).toFixed(3),
        throughputRatio: +(mbps(ours.wallMs) / mbps(base.wallMs)).toFixed(3),
        targetMet: ours.maxRssMb < TARGET_RSS_MB,
      };
      await rm(file, { force: true });
    }
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(table('Import memory (peak RSS of the uploading process; target < 150 MB for ours)', ['file', 'client', 'peak RSS MB', 'MiB/s', 'seconds'], rows));
  console.log(jsonLine('import-memory', { targetRssMb: TARGET_RSS_MB, ...figures }));
  return figures;
}
