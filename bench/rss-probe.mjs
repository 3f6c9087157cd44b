// Preloaded with `node --import` into a measured process: at exit, appends its peak RSS (kB) and wall time to
// the file named by BENCH_PROBE_FILE. Measures the real process, not a copy of its code.
import { appendFileSync } from 'node:fs';
const started = performance.now();
process.on('exit', () => {
  const file = process.env.BENCH_PROBE_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, wallMs: performance.now() - started })}\n`);
});
