/**
 * 200 scan runs of the CLI (in process, as its entry wires it) against the emulator with random injected faults:
 * 5xx answers and HTML error pages, 429 with Retry-After, connection resets and delays. Every run's right decision
 * is known before it starts (thresholds and release criteria vary, so both pass and fail occur; some runs get a
 * fault that outlasts the retries, or a timeout shorter than the scan), and each must reach it: the status, the
 * exit code, exactly one scan started per scanner (none when the start itself keeps failing), and an end within
 * its deadline. The cases come from a seeded PRNG: the seed is in every failure message (replay it with
 * RESILIENCE_SEED=<seed>).
 *
 * No outcome depends on how fast the machine is: a `timeout` run (1 s of platform time, 10 ms of wall time) holds
 * platform time still until its scans have started, and its scans last an hour, so neither the start nor the end
 * races the deadline on a loaded machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Severity } from '../../shared/api/types.js';
import { defaultScenario, startEmulator, type Emulator, type FaultRule } from '../emulator/index.js';
import { startRequests } from '../helpers/core-run.js';
import { endlessScenario } from '../helpers/endless-scenario.js';
import { Captured, cliInProcess, seededRandom, suiteSeed, virtualTime } from './support.js';

const TOKEN = 'resilience-faults-token-3c9d1f';
const SEED = suiteSeed();
const RUNS = 200;
const BATCH = 25;
/** Platform time runs this much faster than the wall clock, for the emulator and the client alike. */
const SCALE = 100;
const REQUEST_TIMEOUT_MS = 2_000;
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
type Slug = 'codethreat' | 'saltsecurity';
type Policy = 'fail' | 'warn' | 'pass';
type Kind = 'recoverable' | 'outage-while-waiting' | 'start-refused' | 'timeout';

interface Plan {
  index: number;
  scanners: Slug[];
  thresholds: Partial<Record<Severity, number>>;
  releaseCriteria: 'off' | 'scanner' | 'on' | 'sast' | 'dast';
  warnOnly: boolean;
  kind: Kind;
  policy: Policy;
  faults: FaultRule[];
}

/** Counts of each scanner's findings on main, from the default scenario (main adds nothing to the defaults). */
function countsOf(slug: Slug): Record<Severity, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of defaultScenario.scanners?.find((s) => s.slug === slug)?.findings?.default ?? []) counts[f.severity] += 1;
  return counts;
}
const COUNTS: Record<Slug, Record<Severity, number>> = { codethreat: countsOf('codethreat'), saltsecurity: countsOf('saltsecurity') };
/** The scenario's release rules: sast and dast fail on a critical; only codethreat (sast) has one on main. */
const RELEASE_TYPE_FAILS: Record<string, boolean> = { sast: COUNTS.codethreat.critical > 0, dast: COUNTS.saltsecurity.critical > 0 };
const TYPE_OF: Record<Slug, string> = { codethreat: 'sast', saltsecurity: 'dast' };

/** Paths (without the core prefix) that every scan run requests, so a fault aimed there is met. */
const ROUTES = ['.*', '^/api/v2/projects', '/scanners/active', '/scans/[0-9a-f]{24}/restart$', '/events/[0-9a-f]{24}/status', '/scans/[0-9a-f]{24}$', '/vulnerabilities', '/release', '/scans/completed', '^/core/version'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A fault the client must ride out: every kind is retried, and a run gets at most three, fewer than its attempts. */
function recoverableFault(random: () => number): FaultRule {
  // A start call that the platform processes but whose answer arrives cut off: its scan must be found and
  // followed, never started a second time.
  if (random() < 0.08) return { path: '/scans/[0-9a-f]{24}/restart$', count: 1, fault: { type: 'garbled' } };
  const path = pick(random, ROUTES);
  const kinds: FaultRule['fault'][] = [
    { type: 'status', status: pick(random, [502, 503, 504]), body: { error: 'upstream unavailable' } },
    { type: 'html', status: 502 },
    { type: 'retry-after', seconds: 1 + Math.floor(random() * 3) },
    { type: 'reset' },
    // Wall-clock delays, all well inside the request timeout.
    { type: 'delay', ms: 20 + Math.floor(random() * 300) },
  ];
  return { path, count: 1, fault: pick(random, kinds) };
}

/** A fault on the start call that leaves the client unsure whether it arrived (it then looks before a second start). */
function ambiguousStart(rule: FaultRule): boolean {
  const type = rule.fault.type;
  return rule.path.includes('restart') && (type === 'reset' || type === 'html' || (type === 'status' && rule.fault.status >= 502));
}

export function drawPlan(index: number, random: () => number): Plan {
  const scanners = pick<Slug[]>(random, [['codethreat'], ['saltsecurity'], ['codethreat', 'saltsecurity']]);
  const thresholds: Partial<Record<Severity, number>> = {};
  for (const sev of SEVERITIES) if (random() < 0.4) thresholds[sev] = Math.floor(random() * 4);
  const roll = random();
  const kind: Kind = roll < 0.8 ? 'recoverable' : roll < 0.87 ? 'outage-while-waiting' : roll < 0.93 ? 'start-refused' : 'timeout';
  const faults: FaultRule[] = [];
  if (kind === 'recoverable') {
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const fault = recoverableFault(random);
      // Two ambiguous failures of a start are its limit (never a third start): a recoverable plan gets one.
      if (ambiguousStart(fault) && faults.some(ambiguousStart)) continue;
      faults.push(fault);
    }
  }
  if (kind === 'outage-while-waiting') faults.push({ path: '/events/[0-9a-f]{24}/status', count: 0, fault: { type: 'status', status: pick(random, [500, 503]), body: { error: 'events store down' } } });
  if (kind === 'start-refused') faults.push({ path: '/scans/[0-9a-f]{24}/restart$', count: 0, fault: pick<FaultRule['fault']>(random, [{ type: 'status', status: 500 }, { type: 'reset' }, { type: 'status', status: 503 }]) });
  return {
    index,
    scanners,
    thresholds,
    releaseCriteria: pick(random, ['off', 'scanner', 'on', 'sast', 'dast'] as const),
    warnOnly: random() < 0.15,
    kind,
    policy: pick(random, ['fail', 'warn', 'pass'] as const),
    faults,
  };
}

interface Expected {
  status: string;
  exitCode: number;
  starts: number;
}

export function expectedOf(plan: Plan): Expected {
  const brokenExit = plan.policy === 'fail' ? 3 : 0;
  if (plan.kind === 'outage-while-waiting') return { status: 'error', exitCode: brokenExit, starts: plan.scanners.length };
  if (plan.kind === 'start-refused') return { status: 'error', exitCode: brokenExit, starts: 0 };
  if (plan.kind === 'timeout') return { status: 'timeout', exitCode: brokenExit, starts: plan.scanners.length };
  const fails = plan.scanners.map((slug) => {
    const overThreshold = SEVERITIES.some((sev) => COUNTS[slug][sev] > (plan.thresholds[sev] ?? Infinity));
    const rc = plan.releaseCriteria;
    const release = rc === 'off' ? false : rc === 'scanner' ? RELEASE_TYPE_FAILS[TYPE_OF[slug]]! : rc === 'on' ? Object.values(RELEASE_TYPE_FAILS).some(Boolean) : RELEASE_TYPE_FAILS[rc]!;
    return overThreshold || release;
  });
  const anyFail = fails.some(Boolean);
  return { status: anyFail ? (plan.warnOnly ? 'warned' : 'failed') : 'passed', exitCode: anyFail && !plan.warnOnly ? 1 : 0, starts: plan.scanners.length };
}

function argvOf(plan: Plan): string[] {
  const argv = ['scan', '--project', 'demo-app', '--scanner', plan.scanners.join(','), '--branch', 'main', '--release-criteria', plan.releaseCriteria];
  for (const [sev, limit] of Object.entries(plan.thresholds)) argv.push(`--threshold-${sev}`, String(limit));
  if (plan.warnOnly) argv.push('--warn-only');
  argv.push('--request-timeout', `${REQUEST_TIMEOUT_MS}ms`, '--timeout', plan.kind === 'timeout' ? '1s' : '10m');
  argv.push('--on-error', plan.kind === 'timeout' ? 'fail' : plan.policy, '--on-timeout', plan.kind === 'timeout' ? plan.policy : 'fail');
  argv.push('--output-json', 'out/result.json');
  return argv;
}

const time = virtualTime(SCALE);
const captured = new Captured();
let usual: Emulator;
let endless: Emulator;

beforeAll(async () => {
  usual = await startEmulator({ token: TOKEN, now: time.now });
  endless = await startEmulator({ token: TOKEN, now: time.now, scenario: endlessScenario });
});
afterAll(async () => {
  await usual.close();
  await endless.close();
  captured.expectNoLeak([TOKEN]);
});

/**
 * Holds platform time still until `count` scans have started on the emulator (or, if they never do, for at most
 * `capMs` of wall time, so a client that never starts fails the run instead of hanging it). Resolves to the wall
 * milliseconds it held.
 */
async function holdUntilStarted(emu: Emulator, since: number, count: number, done: { ended: boolean }, capMs = 20_000): Promise<number> {
  const from = performance.now();
  time.hold();
  try {
    while (!done.ended && startRequests(emu, since) < count && performance.now() - from < capMs) await new Promise((r) => setTimeout(r, 2));
  } finally {
    time.resume();
  }
  return performance.now() - from;
}

async function runPlan(plan: Plan, random: () => number): Promise<string[]> {
  const want = expectedOf(plan);
  const emu = plan.kind === 'timeout' ? endless : usual;
  emu.reset();
  for (const fault of plan.faults) emu.addFault(fault);
  const since = emu.nextRequestIndex();
  const startedVirtual = time.now();
  const done = { ended: false };
  const held = plan.kind === 'timeout' ? holdUntilStarted(emu, since, want.starts, done) : Promise.resolve(0);
  const run = await cliInProcess(argvOf(plan), { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }, { clock: time.clock, random }).finally(() => (done.ended = true));
  const heldMs = await held;
  captured.addRun(`run ${plan.index}`, run);
  const problems: string[] = [];
  const json = run.files.get('out/result.json');
  const status = json === undefined ? '(no JSON written)' : (JSON.parse(json) as { status: string }).status;
  if (status !== want.status) problems.push(`status ${status}, expected ${want.status}`);
  if (run.code !== want.exitCode) problems.push(`exit ${run.code}, expected ${want.exitCode}`);
  if (!run.stdout.startsWith(`Invicti AppSec: ${want.status.toUpperCase()} (exit ${want.exitCode})`)) problems.push(`stdout says ${JSON.stringify(run.stdout.split('\n')[0])}`);
  const starts = startRequests(emu, since);
  const events = emu.state().startedEvents.length;
  if (starts !== want.starts || events !== want.starts) problems.push(`${starts} scans started (${events} events), expected ${want.starts}`);
  // The deadline is the run's own timeout on the shared clock; the last request in flight may add one request
  // timeout of wall time, and the wall time a run takes otherwise is small (a loaded machine gets seconds).
  const timeoutMs = plan.kind === 'timeout' ? 1_000 : 600_000;
  const deadlineWallMs = timeoutMs / SCALE + REQUEST_TIMEOUT_MS + 10_000;
  if (run.wallMs - heldMs > deadlineWallMs) problems.push(`took ${run.wallMs.toFixed(0)} ms of wall time (${((time.now() - startedVirtual) / 1000).toFixed(1)} s on its clock), past its deadline`);
  if (problems.length > 0) problems.push(`plan ${JSON.stringify(plan)}`, `stderr: ${run.stderr.slice(-600)}`);
  return problems;
}

describe(`200 runs with random faults (seed ${SEED})`, () => {
  const random = seededRandom(SEED);
  const plans = Array.from({ length: RUNS }, (_, i) => drawPlan(i, random));
  const batches = Array.from({ length: RUNS / BATCH }, (_, b) => plans.slice(b * BATCH, (b + 1) * BATCH));

  it('draws both passing and failing runs, broken ones and every fault kind', () => {
    const outcomes = new Set(plans.map((p) => expectedOf(p).status));
    for (const status of ['passed', 'failed', 'warned', 'error', 'timeout']) expect(outcomes, `seed ${SEED}`).toContain(status);
    const kinds = new Set(plans.flatMap((p) => p.faults.map((f) => f.fault.type)));
    for (const kind of ['status', 'html', 'retry-after', 'reset', 'delay', 'garbled']) expect(kinds, `seed ${SEED}`).toContain(kind);
  });

  it.each(batches.map((batch, i) => [i * BATCH, i * BATCH + batch.length - 1, batch] as const))('runs %i to %i decide right, start once and end in time', async (_from, _to, batch) => {
    const failures: string[] = [];
    for (const plan of batch) {
      // Each run's jitter and backoff draws come from its own seed, so a failing run replays alone.
      const problems = await runPlan(plan, seededRandom(SEED ^ (plan.index * 2_654_435_761)));
      if (problems.length > 0) failures.push(`run ${plan.index} (seed ${SEED}):\n  ${problems.join('\n  ')}`);
    }
    expect(failures.join('\n\n')).toBe('');
    // A batch takes a few seconds; a loaded machine may take several times that.
  }, 180_000);
});
