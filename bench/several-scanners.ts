/**
 * Several scanners: ten scanners of about 3 s each, in one run (`runScan` with all ten, started and waited for
 * concurrently) against ten runs one after another (one scanner each, as ten pipeline steps or ten `kdt`
 * calls would), in process against the same emulator on a sped-up shared clock (figures in emulator seconds).
 * Figures: elapsed time of each way, the ratio, and the requests each way sent.
 */
import { createPlatformClient } from '../shared/api/index.js';
import { detectContext } from '../shared/ci/index.js';
import { parseConfig } from '../shared/core/config.js';
import { silentLogger } from '../shared/ports.js';
import { runScan } from '../shared/core/run-scan.js';
import { startEmulator, type Emulator, type Scenario } from '../test/emulator/index.js';
import { jsonLine, median, table } from './lib.js';
import { virtualTime, type VirtualTime } from './virtual-clock.js';

const TOKEN = 'bench-several-token';
const PROJECT = 'bench-app';
const SLUGS = Array.from({ length: 10 }, (_, i) => `scanner-${String(i + 1).padStart(2, '0')}`);

/** Ten SAST scanners of 2.5 to 3.4 s, each with a finished scan on main (history, and a scan to restart). */
export function severalScenario(): Scenario {
  return {
    projects: [{ name: PROJECT, defaultBranch: 'main', release: { rules: { sast: { failWhen: { critical: 0 } } } } }],
    scanners: SLUGS.map((slug, i) => ({
      slug,
      type: 'sast',
      labels: ['kdt'],
      durationMs: 2_500 + i * 100,
      findings: { default: [{ name: `Finding of ${slug}`, severity: 'high', path: `src/${slug}.ts`, line: 1 }] },
    })),
    scanparams: SLUGS.map((tool) => ({ project: PROJECT, tool, branch: 'main' })),
    baselineScans: SLUGS.map((tool) => ({ project: PROJECT, tool, branch: 'main', ageMinutes: 60 })),
  };
}

async function oneRun(emu: Emulator, time: VirtualTime, scanners: readonly string[]): Promise<{ ms: number; requests: number; exitCode: number }> {
  const context = detectContext({});
  const config = parseConfig({ host: emu.url, token: TOKEN, 'api-mode': 'core', project: PROJECT, scanner: scanners.join(','), branch: 'main', 'threshold-critical': '0' }, context);
  const api = createPlatformClient({ host: config.host, token: config.token, apiMode: config.apiMode, clock: time.clock, logger: silentLogger });
  const before = emu.nextRequestIndex();
  const started = time.now();
  const result = await runScan(config, context, { api, clock: time.clock, random: Math.random, logger: silentLogger });
  if (result.scanners.some((s) => s.status !== 'passed')) throw new Error(`unexpected result: ${result.summary}`);
  return { ms: time.now() - started, requests: emu.nextRequestIndex() - before, exitCode: result.exitCode };
}

export async function severalScanners(reps = 3, scale = 10): Promise<Record<string, unknown>> {
  const time = virtualTime(scale);
  const emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: severalScenario(), now: time.now });
  const together: { ms: number; requests: number }[] = [];
  const oneByOne: { ms: number; requests: number }[] = [];
  try {
    await oneRun(emu, time, [SLUGS[0]!]); // warm-up, not counted
    for (let i = 0; i < reps; i++) {
      together.push(await oneRun(emu, time, SLUGS));
      let ms = 0;
      let requests = 0;
      for (const slug of SLUGS) {
        const r = await oneRun(emu, time, [slug]);
        ms += r.ms;
        requests += r.requests;
      }
      oneByOne.push({ ms, requests });
    }
  } finally {
    await emu.close();
  }
  const t = { ms: median(together.map((x) => x.ms)), requests: median(together.map((x) => x.requests)) };
  const s = { ms: median(oneByOne.map((x) => x.ms)), requests: median(oneByOne.map((x) => x.requests)) };
  console.log(
    table(
      `Several scanners (10 scanners of 2.5-3.4 s; emulator seconds, clock x${scale}; median of ${reps})`,
      ['way', 'elapsed s', 'requests', 'elapsed vs one after another'],
      [
        ['one run, 10 scanners', t.ms / 1000, t.requests, t.ms / s.ms],
        ['10 runs one after another (baseline)', s.ms / 1000, s.requests, 1],
      ],
    ),
  );
  const figures = {
    reps,
    clockScale: scale,
    together: { seconds: +(t.ms / 1000).toFixed(2), requests: t.requests, runs: together.map((x) => ({ seconds: +(x.ms / 1000).toFixed(2), requests: x.requests })) },
    oneByOne: { seconds: +(s.ms / 1000).toFixed(2), requests: s.requests, runs: oneByOne.map((x) => ({ seconds: +(x.ms / 1000).toFixed(2), requests: x.requests })) },
    ratios: { time: +(t.ms / s.ms).toFixed(3), requests: +(t.requests / s.requests).toFixed(3) },
  };
  console.log(jsonLine('several-scanners', figures));
  return figures;
}
