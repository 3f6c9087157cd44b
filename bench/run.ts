/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all by default). Each prints a table and a final JSON line.
 * Not part of `npm test`: figures are measured here, with their baselines in the same run, never asserted in tests.
 * Knobs (environment): BENCH_IMPORT_SIZES_MIB (default 256,1024), BENCH_LATENCY_RUNS (5), BENCH_CLOCK_SCALE (10),
 * BENCH_COLD_RUNS (9), BENCH_NODE (node binary for the cold start; default this one), BENCH_RENDER_FINDINGS
 * (100000), BENCH_DECIDE_RUNS (5: processes per lateness case).
 * After the benchmarks, the table of issue 13 ("decide fast at any size"): every row with its goal and met/not met.
 */
import { coldStart, TARGET_RATIO } from './cold-start.js';
import { decide, decideTable, type DecideRow } from './decide.js';
import { importMemory } from './import-memory.js';
import { completionLatency } from './latency.js';
import { rendering } from './rendering.js';
import { severalScanners } from './several-scanners.js';

const env = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const summary: DecideRow[] = [];

const benches: Record<string, () => Promise<unknown>> = {
  decide: async () => summary.push(...(await decide(env('BENCH_DECIDE_RUNS', 5))).rows),
  'completion-latency': () => completionLatency([2, 20, 120], env('BENCH_LATENCY_RUNS', 5), env('BENCH_CLOCK_SCALE', 10)),
  'import-memory': () => importMemory((process.env.BENCH_IMPORT_SIZES_MIB ?? '256,1024').split(',').map(Number)),
  'cold-start': async () => {
    const figures = await coldStart(env('BENCH_COLD_RUNS', 9), process.env.BENCH_NODE ?? process.execPath);
    const bundles = figures.rows.filter((r) => r.name.startsWith('dist/'));
    const worst = Math.max(...bundles.map((r) => r.ratioToScript ?? r.ratio));
    summary.push({
      figure: 'time to first request (x a one-line script\'s first request)',
      ours: bundles.map((r) => `${r.name.split(' ')[0]} ${(r.ratioToScript ?? r.ratio).toFixed(2)}x (${r.ratio.toFixed(2)}x node -e 0 exit)`).join('; '),
      baseline: 'one-line node script',
      goal: `<= ${TARGET_RATIO}x`,
      met: worst <= TARGET_RATIO,
    });
    return figures;
  },
  rendering: () => rendering(env('BENCH_RENDER_FINDINGS', 100_000)),
  'several-scanners': () => severalScanners(3, env('BENCH_CLOCK_SCALE', 10)),
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in benches)) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await bench();
}
if (summary.length > 0) {
  console.log(decideTable('Issue 13 summary: decide fast at any size (shared, loaded 2-core machine: read ratios and counts, not absolute times)', summary));
}
