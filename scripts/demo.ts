/**
 * `npm run demo`: the main job on the embedded emulator. Starts the platform emulator (default scenario) in
 * this process, runs each packaging's built bundle the way its CI starts it, for `codethreat` and
 * `saltsecurity` on `demo-app`, prints each decision and writes what each produced under demo-output/.
 * Ends with one line per packaging saying whether it behaved as expected; exits non-zero if one did not.
 * Nothing leaves loopback.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator } from '../test/emulator/index.js';
import { DEMO_RUNS, type DemoContext } from './demo/runs.js';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'demo-output');

async function main(): Promise<number> {
  const token = `demo-${Math.random().toString(36).slice(2)}`;
  const emulator = await startEmulator({ token, timeScale: 4 });
  console.log(`Invicti ASPM emulator on ${emulator.url} (default scenario: project demo-app, scanners codethreat, saltsecurity, ...)\n`);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const verdicts: { name: string; ok: boolean; why: string }[] = [];
  try {
    for (const run of DEMO_RUNS) {
      const ctx: DemoContext = { root, outDir: path.join(outDir, run.id), emulator, token };
      await mkdir(ctx.outDir, { recursive: true });
      console.log(`=== ${run.name}`);
      try {
        verdicts.push({ name: run.name, ...(await run.run(ctx)) });
      } catch (err) {
        verdicts.push({ name: run.name, ok: false, why: err instanceof Error ? err.message : String(err) });
      }
      console.log('');
    }
  } finally {
    await emulator.close();
  }
  console.log(`Outputs are in ${path.relative(root, outDir)}/`);
  for (const v of verdicts) console.log(`${v.ok ? 'OK  ' : 'FAIL'} ${v.name}: ${v.why}`);
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

process.exitCode = await main();
