/**
 * `npm run demo`: the main job on the embedded emulator. Starts the platform emulator (default scenario) in
 * this process, runs each packaging's built bundle the way its CI starts it, for `codethreat` and
 * `saltsecurity` on `demo-app`, prints each decision and writes what each produced under demo-output/.
 * Ends with one line per packaging saying whether it behaved as expected; exits non-zero if one did not.
 * Nothing leaves loopback. `--verbose` shows what each run logs at debug level (the GitHub step's `::debug::`
 * lines only then, as a runner with step debug logging shows them); `--output-dir <dir>` writes elsewhere.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../test/emulator/index.js';
import { DEMO_RUNS, type DemoContext } from './demo/runs.js';

const root = path.resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run demo -- [--verbose] [--output-dir <dir>]  (default output: demo-output/)';

/** The demo's flags; a string is the problem with them. `undefined`: help was printed. */
function options(): { verbose: boolean; outDir: string } | string | undefined {
  let values: { verbose?: boolean; 'output-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: { verbose: { type: 'boolean', short: 'v' }, 'output-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    return `${(err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'bad arguments'}\n${USAGE}`;
  }
  if (values.help === true) {
    console.log(USAGE);
    return undefined;
  }
  return { verbose: values.verbose === true, outDir: path.resolve(values['output-dir'] ?? path.join(root, 'demo-output')) };
}

async function main(): Promise<number> {
  const parsed = options();
  if (typeof parsed === 'string') {
    console.error(`demo: ${parsed}`);
    return 2;
  }
  if (parsed === undefined) return 0;
  const { verbose, outDir } = parsed;
  const token = `demo-${Math.random().toString(36).slice(2)}`;
  const emulator = await startEmulator({ token, timeScale: 4 });
  console.log(`Invicti ASPM emulator on ${emulator.url} (default scenario: project demo-app, scanners codethreat, saltsecurity, ...)\n`);
  const verdicts: { name: string; ok: boolean; why: string }[] = [];
  try {
    for (const run of DEMO_RUNS) {
      const ctx: DemoContext = { root, outDir: path.join(outDir, run.id), emulator, token, verbose };
      // Only the demo's own folders are replaced: --output-dir may name a folder that holds other files.
      await rm(ctx.outDir, { recursive: true, force: true });
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
  console.log(`Outputs are in ${path.relative(process.cwd(), outDir) || '.'}/`);
  for (const v of verdicts) console.log(`${v.ok ? 'OK  ' : 'FAIL'} ${v.name}: ${v.why}`);
  return verdicts.every((v) => v.ok) ? 0 : 1;
}

process.exitCode = await main();
