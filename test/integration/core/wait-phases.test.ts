/**
 * The waiter with no history, reading the status phases the platform reports, against the emulator on a stepped
 * clock: time moves only when the waiter sleeps, so every figure is exact and independent of the machine's load.
 * The same scan is also waited for with phases ignored (`phaseGapFraction: 0`, the schedule before phases were
 * read), as the baseline of the same run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../shared/api/index.js';
import { silentLogger, type Clock } from '../../../shared/ports.js';
import { startScan } from '../../../shared/core/trigger.js';
import { DEFAULT_POLL_POLICY, waitForEvent, type PollPolicy } from '../../../shared/core/wait.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';

const TOKEN = 'wait-phases-token-5d1e';
const DURATION_MS = 20_000;
/** Phases as the emulator makes them by default (equal sixths), and two splits the model does not describe. */
const SPLITS = {
  equal: undefined,
  'a long running phase': [0.2, 0.3, 8, 0.5, 0.5, 0.5],
  'a long start, nothing after running': [0.1, 5, 5, 0, 0, 0],
  'only "running" reported': [0.05, 0, 0.95, 0, 0, 0],
} as const;

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

function steppedClock(): Clock & { set(ms: number): void } {
  let now = Date.parse('2026-06-01T00:00:00Z');
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    set: (ms) => (now = ms),
  };
}

async function waitOnce(split: readonly number[] | undefined, policy: PollPolicy): Promise<{ latenessMs: number; polls: number }> {
  const clock = steppedClock();
  emu = await startEmulator({
    token: TOKEN,
    mode: 'core',
    now: () => clock.now(),
    scenario: {
      projects: [{ name: 'phased-app' }],
      scanners: [{ slug: 'phased', type: 'sast', labels: ['kdt'], durationMs: DURATION_MS, ...(split ? { phaseWeights: [...split] } : {}) }],
      scanparams: [{ project: 'phased-app', tool: 'phased', branch: 'main' }],
    },
  });
  try {
    const api = createPlatformClient({ host: emu.url, token: TOKEN, apiMode: 'core', clock, logger: silentLogger });
    const project = await api.getProject('phased-app');
    const [scanner] = (await api.listActiveScanners({ name: 'phased', limit: 0 })).items;
    const { eventId } = await startScan(api, project, scanner!, { branch: 'main' });
    const { polls } = await waitForEvent(api, eventId, { deadline: clock.now() + 600_000, clock, random: () => 0.5, policy });
    const finishedAt = emu.event(eventId)?.finishedAt;
    if (finishedAt === undefined || finishedAt === null) throw new Error('the event has no finish time');
    return { latenessMs: clock.now() - finishedAt, polls };
  } finally {
    await emu.close();
    emu = undefined;
  }
}

const withoutPhases: PollPolicy = { ...DEFAULT_POLL_POLICY, phaseGapFraction: 0 };

describe('the waiter with no history reads the status phases', () => {
  it('with phases as the model describes them, sees a 20 s scan sooner than without, with fewer polls', async () => {
    const before = await waitOnce(SPLITS.equal, withoutPhases);
    const after = await waitOnce(SPLITS.equal, DEFAULT_POLL_POLICY);
    // Without phases a gap is at most 15 % of the time waited: 1.5 s late here. With them, the polls go to the
    // earliest end the phases allow.
    expect(before.latenessMs).toBeGreaterThan(1_000);
    expect(after.latenessMs).toBeLessThan(1_000);
    expect(after.polls).toBeLessThan(before.polls);
  });

  it.each(Object.entries(SPLITS).filter(([name]) => name !== 'equal'))('with %s, stays within the bound a wrong model is allowed', async (_name, split) => {
    const before = await waitOnce(split, withoutPhases);
    const after = await waitOnce(split, DEFAULT_POLL_POLICY);
    // A model the platform does not follow makes gaps of at most phaseGapFraction of the time waited.
    expect(after.latenessMs).toBeLessThanOrEqual(DEFAULT_POLL_POLICY.phaseGapFraction * DURATION_MS);
    expect(after.polls).toBeLessThanOrEqual(before.polls + 2);
  });
});
