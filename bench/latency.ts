/**
 * Completion latency: how long after the platform finishes a scan the client notices, and how many status
 * requests it spends, for scans of 2 s, 20 s and 120 s. Three waiters, each on its own scan of the same
 * emulator, all in this process:
 * - ours (history): `waitForEvent` with the default policy and the platform's completed-scan durations as the
 *   hint, exactly as `scanOne` gets it (the scenario seeds finished scans, as a project with history has);
 * - ours (first scan): the same waiter with no hint;
 * - fixed 10 s: `waitForEvent` with a 10 s policy, no growth, no jitter and no hint, the way the official CLI
 *   waits (it also polls once at t=0, so it really makes one request more than this baseline).
 * The emulator and the waiters share one virtual clock sped up `scale` times, so figures are in emulator
 * seconds. Latency = the moment `waitForEvent` returns − the emulator's `finishedAt` of the event.
 */
import { createPlatformClient, type PlatformApi, type Project, type ScanEvent, type Scanner } from '../shared/api/index.js';
import { expectedDurationMs } from '../shared/core/history.js';
import { silentLogger } from '../shared/ports.js';
import { startScan } from '../shared/core/trigger.js';
import { DEFAULT_POLL_POLICY, PollSchedule, waitForEvent, type PollPolicy } from '../shared/core/wait.js';
import { startEmulator, type Emulator, type Scenario } from '../test/emulator/index.js';
import { jsonLine, median, table } from './lib.js';
import { virtualTime, type VirtualTime } from './virtual-clock.js';

export const FIXED_10S_POLICY: PollPolicy = {
  initialDelayMs: 10_000,
  multiplier: 1,
  maxDelayMs: 10_000,
  jitter: 0,
  tailDelayMs: 10_000,
  tailWindowMs: 0,
  expectedEndMarginMs: 0,
  inactiveDelayMs: 10_000,
  unknownGapFraction: 1e6,
  unknownMinDelayMs: 10_000,
  windowPolls: 1,
  windowQuantiles: [0, 1],
  leadMaxDelayMs: 10_000,
  // kdt reads no phases.
  phaseGapFraction: 0,
  phaseMinDelayMs: 10_000,
  phaseEndWidthMs: 0,
};

export const WAITERS = ['ours (history)', 'ours (first scan)', 'fixed 10 s'] as const;
export type WaiterName = (typeof WAITERS)[number];

const TOKEN = 'bench-latency-token';
/** Virtual time between two waiters' starts. */
const START_SPACING_MS = 500;
const PROJECT = 'bench-app';
const slugFor = (seconds: number): string => `scan-${seconds}s`;

/** One scanner per duration, each with a saved configuration and three finished scans of that length. */
export function latencyScenario(durationsS: readonly number[]): Scenario {
  return {
    projects: [{ name: PROJECT, defaultBranch: 'main' }],
    scanners: durationsS.map((s) => ({
      slug: slugFor(s),
      type: 'sast',
      labels: ['kdt'],
      durationMs: s * 1000,
      findings: { default: [{ name: 'SQL Injection', severity: 'high', path: 'src/a.ts', line: 1 }] },
    })),
    scanparams: durationsS.map((s) => ({ project: PROJECT, tool: slugFor(s), branch: 'main' })),
    baselineScans: durationsS.flatMap((s) => [30, 20, 10].map((age) => ({ project: PROJECT, tool: slugFor(s), branch: 'main', ageMinutes: age * 60 }))),
  };
}

interface Sample {
  latencyMs: number;
  statusRequests: number;
}

async function oneWait(emu: Emulator, api: PlatformApi, time: VirtualTime, project: Project, scanner: Scanner, waiter: WaiterName): Promise<Sample> {
  const { eventId } = await startScan(api, project, scanner, { branch: 'main' });
  // The hint is read after the start, as scanOne reads it.
  const hint = waiter === 'ours (history)' ? await expectedDurationMs(api, project.id, scanner.slug, silentLogger) : undefined;
  await waitForEvent(api, eventId, {
    deadline: time.now() + 3_600_000,
    clock: time.clock,
    random: Math.random,
    ...(hint !== undefined ? { expectedDurationMs: hint } : {}),
    policy: waiter === 'fixed 10 s' ? FIXED_10S_POLICY : DEFAULT_POLL_POLICY,
  });
  const decidedAt = time.now();
  const finishedAt = emu.event(eventId)?.finishedAt;
  if (finishedAt === null || finishedAt === undefined) throw new Error(`event ${eventId} has no finish time`);
  const statusRequests = emu.requests().filter((r) => r.apiPath === `/api/v2/events/${eventId}/status`).length;
  return { latencyMs: decidedAt - finishedAt, statusRequests };
}

export interface LatencyRow {
  durationS: number;
  waiter: WaiterName;
  latencyMedianS: number;
  latencyMaxS: number;
  requestsMedian: number;
  requestsMax: number;
}

export async function completionLatency(durationsS: readonly number[] = [2, 20, 120], runs = 5, scale = 10): Promise<Record<string, unknown>> {
  const time = virtualTime(scale);
  const emu = await startEmulator({ token: TOKEN, mode: 'core', scenario: latencyScenario(durationsS), now: time.now });
  const api = createPlatformClient({ host: emu.url, token: TOKEN, apiMode: 'core', clock: time.clock, logger: silentLogger });
  const rows: LatencyRow[] = [];
  try {
    const project = await api.getProject(PROJECT);
    const scanners = (await api.listActiveScanners({ limit: 0 })).items;
    await api.listCompletedScans({ limit: 50 }); // warm the connection and the JIT before anything is timed
    // Every run of every waiter overlaps with the others, each on its own scan, so the longest scan bounds the
    // wall time; the starts are spaced out so that no waiter's start queues behind another's on this 2-core
    // machine (a queued start would read as latency, multiplied by the clock's scale).
    const plan = Array.from({ length: runs }, (_, run) => durationsS.flatMap((s) => WAITERS.map((waiter) => ({ run, s, waiter })))).flat();
    const done = await Promise.all(
      plan.map(async ({ s, waiter }, i) => {
        const scanner = scanners.find((x) => x.slug === slugFor(s));
        if (!scanner) throw new Error(`scanner ${slugFor(s)} missing`);
        await time.clock.sleep(i * START_SPACING_MS);
        return { s, waiter, sample: await oneWait(emu, api, time, project, scanner, waiter) };
      }),
    );
    for (const s of durationsS) {
      for (const waiter of WAITERS) {
        const samples = done.filter((d) => d.s === s && d.waiter === waiter).map((d) => d.sample);
        const lat = samples.map((x) => x.latencyMs / 1000);
        const req = samples.map((x) => x.statusRequests);
        rows.push({ durationS: s, waiter, latencyMedianS: median(lat), latencyMaxS: Math.max(...lat), requestsMedian: median(req), requestsMax: Math.max(...req) });
      }
    }
  } finally {
    await emu.close();
  }
  const find = (s: number, w: WaiterName): LatencyRow | undefined => rows.find((r) => r.durationS === s && r.waiter === w);
  const targets = targetsFor(rows, durationsS, find);
  console.log(
    table(
      `Completion latency (emulator seconds; ${runs} runs each; clock x${scale}; time from the scan's end to the decision)`,
      ['scan', 'waiter', 'latency median s', 'latency max s', 'status requests median', 'status requests max'],
      rows.map((r) => [`${r.durationS} s`, r.waiter, r.latencyMedianS, r.latencyMaxS, r.requestsMedian, r.requestsMax]),
    ),
  );
  for (const t of targets) console.log(`target: ${t.target}: ${t.met ? 'met' : 'NOT met'} (${t.detail})`);
  const simulated = simulateSchedules(durationsS);
  console.log(
    table(
      'The same schedules simulated (PollSchedule only, phases as the emulator reports them, 2,000 jitter draws, no network; seconds)',
      ['scan', 'waiter', 'latency median s', 'latency p90 s', 'latency max s', 'status requests median', 'status requests max'],
      simulated.map((r) => [`${r.durationS} s`, r.waiter, r.latency.median, r.latency.p90, r.latency.max, r.requests.median, r.requests.max]),
    ),
  );
  const figures = {
    runs,
    clockScale: scale,
    rows: rows.map((r) => ({ ...r, latencyMedianS: +r.latencyMedianS.toFixed(3), latencyMaxS: +r.latencyMaxS.toFixed(3) })),
    ratios: Object.fromEntries(
      durationsS.map((s) => {
        const ours = find(s, 'ours (history)');
        const fixed = find(s, 'fixed 10 s');
        return [`${s}s`, { latencyMedian: ours && fixed ? +(ours.latencyMedianS / Math.max(fixed.latencyMedianS, 1e-3)).toFixed(3) : null, requestsMedian: ours && fixed ? +(ours.requestsMedian / fixed.requestsMedian).toFixed(3) : null }];
      }),
    ),
    targets,
    simulated,
  };
  console.log(jsonLine('completion-latency', figures));
  return figures;
}

/**
 * The same three schedules without a server: the waiter's `PollSchedule` alone, over many jitter draws, for a
 * scan that ends exactly when expected and reports its status phases as the emulator does (equal sixths). Five
 * real runs give a noisy median for the jittered first-scan schedule; this shows its whole spread (the network's
 * share is left out, so these are a little lower than the measured figures).
 */
export function simulateSchedules(durationsS: readonly number[], draws = 2_000): { durationS: number; waiter: WaiterName; latency: { median: number; p90: number; max: number }; requests: { median: number; max: number } }[] {
  const out = [];
  for (const s of durationsS) {
    const endMs = s * 1000;
    const running = (t: number): ScanEvent => ({ id: 'sim', status: Math.min(5, Math.floor((t / endMs) * 6)), active: 1, scanId: '', statusText: '', message: '', link: '' });
    for (const waiter of WAITERS) {
      const policy = waiter === 'fixed 10 s' ? FIXED_10S_POLICY : DEFAULT_POLL_POLICY;
      const hint = waiter === 'ours (history)' ? endMs : undefined;
      const lat: number[] = [];
      const req: number[] = [];
      for (let d = 0; d < (waiter === 'fixed 10 s' ? 1 : draws); d++) {
        const schedule = new PollSchedule(policy, Math.random, hint);
        let t = 0;
        let polls = 0;
        while (t < endMs) {
          t += schedule.delay(t);
          polls += 1;
          if (t < endMs) schedule.saw(running(t), t, t);
        }
        lat.push((t - endMs) / 1000);
        req.push(polls);
      }
      lat.sort((a, b) => a - b);
      out.push({
        durationS: s,
        waiter,
        latency: { median: +median(lat).toFixed(3), p90: +lat[Math.floor(lat.length * 0.9)]!.toFixed(3), max: +Math.max(...lat).toFixed(3) },
        requests: { median: median(req), max: Math.max(...req) },
      });
    }
  }
  return out;
}

interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

function targetsFor(rows: readonly LatencyRow[], durationsS: readonly number[], find: (s: number, w: WaiterName) => LatencyRow | undefined): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const waiter of ['ours (history)', 'ours (first scan)'] as const) {
    for (const s of durationsS.filter((d) => d <= 20)) {
      const r = find(s, waiter);
      if (r) out.push({ target: `${waiter}: median under 1 s on the ${s} s scan`, met: r.latencyMedianS < 1, detail: `${r.latencyMedianS.toFixed(2)} s` });
    }
    const worst = Math.max(...rows.filter((r) => r.waiter === waiter).map((r) => r.latencyMaxS));
    out.push({ target: `${waiter}: never over 10 s`, met: worst <= 10, detail: `max ${worst.toFixed(2)} s` });
    const longest = Math.max(...durationsS);
    const ours = find(longest, waiter);
    const fixed = find(longest, 'fixed 10 s');
    if (ours && fixed) {
      out.push({
        target: `${waiter}: no more status requests than the fixed poller on the ${longest} s scan`,
        met: ours.requestsMax <= fixed.requestsMedian,
        detail: `ours median ${ours.requestsMedian}, max ${ours.requestsMax}; fixed ${fixed.requestsMedian}`,
      });
    }
  }
  return out;
}
