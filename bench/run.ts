/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all by default). Each prints a table and a final JSON line.
 * Not part of `npm test`: figures are measured here, with their baselines in the same run, never asserted in tests.
 */
import { importMemory } from './import-memory.js';

const benches: Record<string, () => Promise<unknown>> = {
  'import-memory': () => importMemory((process.env.BENCH_IMPORT_SIZES_MIB ?? '256,1024').split(',').map(Number)),
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in benches)) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await bench();
}
