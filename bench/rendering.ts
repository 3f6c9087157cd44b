/**
 * Rendering: 100,000 findings to the markdown comment, the job summary, SARIF and the GitLab SAST report, in a
 * child process of its own (`render-child.ts`), so that its peak RSS (`process.resourceUsage().maxRSS` at exit,
 * from the probe) is the renders' and not this process's. The floor is a second child that builds the same run
 * and only `JSON.stringify`s it. Both children load TypeScript through tsx, which costs the same in both (the
 * RSS after loading is shown). Target: the four renders together under 3 s and 500 MB peak RSS. Each child runs
 * `reps` times: the time is the median, the memory the highest peak.
 */
import path from 'node:path';
import { jsonLine, measureNode, median, root, table } from './lib.js';

export const TARGET_MS = 3_000;
export const TARGET_RSS_MB = 500;

interface ChildReport {
  rssLoadedMb: number;
  rssFixtureMb: number;
  fixtureMs: number;
  steps: Record<string, { ms: number; bytes: number; buildMs?: number }>;
}

async function child(mode: 'renderers' | 'baseline', count: number): Promise<{ report: ChildReport; peakRssMb: number }> {
  const run = await measureNode(['--import', 'tsx', path.join(root, 'bench', 'render-child.ts'), mode, String(count)], { HOME: process.env.HOME ?? '/tmp' });
  if (run.code !== 0) throw new Error(`render child (${mode}) failed with exit ${run.code}: ${run.stderr.slice(-800)}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  return { report: JSON.parse(line) as ChildReport, peakRssMb: run.maxRssMb };
}

const kb = (bytes: number): number => +(bytes / 1024).toFixed(1);
const fixed = (n: number): number => +n.toFixed(1);

/** Per step, the median over the repetitions (every repetition renders the same run, so sizes are equal). */
function medianSteps(reports: readonly ChildReport[]): Record<string, { ms: number; bytes: number; buildMs?: number }> {
  const names = Object.keys(reports[0]?.steps ?? {});
  return Object.fromEntries(
    names.map((name) => {
      const steps = reports.map((r) => r.steps[name]!);
      const builds = steps.map((x) => x.buildMs).filter((x): x is number => x !== undefined);
      return [name, { ms: fixed(median(steps.map((x) => x.ms))), bytes: steps[0]!.bytes, ...(builds.length > 0 ? { buildMs: fixed(median(builds)) } : {}) }];
    }),
  );
}

export async function rendering(count = 100_000, reps = 3): Promise<Record<string, unknown>> {
  const ours: Awaited<ReturnType<typeof child>>[] = [];
  const base: Awaited<ReturnType<typeof child>>[] = [];
  for (let i = 0; i < reps; i++) {
    ours.push(await child('renderers', count));
    base.push(await child('baseline', count));
  }
  const totals = ours.map((o) => Object.values(o.report.steps).reduce((n, x) => n + x.ms, 0));
  const baseTotals = base.map((o) => Object.values(o.report.steps).reduce((n, x) => n + x.ms, 0));
  const total = median(totals);
  const baseMs = median(baseTotals);
  const peak = Math.max(...ours.map((o) => o.peakRssMb));
  const basePeak = Math.max(...base.map((o) => o.peakRssMb));
  const steps = medianSteps(ours.map((o) => o.report));
  const baseSteps = medianSteps(base.map((o) => o.report));
  const first = ours[0]!.report;
  const rows: (string | number)[][] = [
    ...Object.entries(steps).map(([name, x]) => [name, x.ms, x.buildMs === undefined ? '' : `${x.buildMs} + ${fixed(x.ms - x.buildMs)}`, kb(x.bytes), '']),
    ['all four renders', total, '', '', peak],
    ...Object.entries(baseSteps).map(([name, x]) => [`baseline: ${name} of the run`, x.ms, '', kb(x.bytes), basePeak]),
  ];
  console.log(
    table(
      `Rendering ${count.toLocaleString('en')} findings (child processes; median of ${reps} runs, highest peak RSS; RSS after loading ${first.rssLoadedMb} MB, after building the findings ${first.rssFixtureMb} MB; target < ${TARGET_MS} ms and < ${TARGET_RSS_MB} MB)`,
      ['step', 'ms', 'object + JSON text ms', 'output kB', 'peak RSS MB'],
      rows,
    ),
  );
  const met = { time: total < TARGET_MS, memory: peak < TARGET_RSS_MB };
  console.log(`target: under ${TARGET_MS} ms together: ${met.time ? 'met' : 'NOT met'} (median ${total.toFixed(0)} ms, runs ${totals.map((t) => t.toFixed(0)).join(', ')}); under ${TARGET_RSS_MB} MB: ${met.memory ? 'met' : 'NOT met'} (highest ${peak.toFixed(0)} MB)`);
  const figures = {
    findings: count,
    reps,
    ours: { steps, totalMs: fixed(total), totalsMs: totals.map(fixed), peakRssMb: fixed(peak), rssLoadedMb: first.rssLoadedMb, rssFixtureMb: first.rssFixtureMb },
    baseline: { steps: baseSteps, totalMs: fixed(baseMs), peakRssMb: fixed(basePeak) },
    ratios: { time: +(total / baseMs).toFixed(2), peakRss: +(peak / basePeak).toFixed(2) },
    targets: { ms: TARGET_MS, rssMb: TARGET_RSS_MB, met },
  };
  console.log(jsonLine('rendering', figures));
  return figures;
}
