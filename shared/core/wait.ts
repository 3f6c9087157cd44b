/**
 * Waiting for a platform event to finish: bounded by a deadline, adaptive, cancellable.
 *
 * Why adaptive: the official CLI polls every 10 s, so a 3 s scan is seen after 10 s, and it busy-loops when an
 * event says `active=0` with a non-final status. We poll quickly at first (a short scan is seen within about a
 * second), back off with jitter to at most 10 s, and, when the platform's history tells us how long this
 * scanner usually takes, place polls so that one lands just after the expected end instead of up to 10 s late.
 * With no history, the event's own status phases, once they show the scan's pace, place the polls at the earliest
 * end they allow (`phases.ts`).
 */
import type { PlatformApi, ScanEvent } from '../api/types.js';
import { abortedError, DeadlineError, ScanFailedError } from '../errors.js';
import type { Clock, Random } from '../ports.js';
import type { DurationEstimate } from './history.js';
import { PhaseModel, type PhaseWindow } from './phases.js';

/** The polling schedule, as data. */
export interface PollPolicy {
  /** First delay after the start call. */
  initialDelayMs: number;
  /** Growth of the delay between polls while nothing is known about the scan's length. */
  multiplier: number;
  /** Never wait longer than this between two polls. */
  maxDelayMs: number;
  /** +/- this fraction of each delay, so that many pipelines do not poll in lockstep. */
  jitter: number;
  /** Once past the expected end, poll at this pace for `tailWindowMs`, then back off again. */
  tailDelayMs: number;
  tailWindowMs: number;
  /**
   * Aim this long after the expected end. Zero is enough: the waiter's clock starts when the start call has
   * returned, after the platform's has, so a poll at the expected end already lands just after it.
   */
  expectedEndMarginMs: number;
  /** When `active=0` comes with a non-final status, wait this long before asking again (no busy loop). */
  inactiveDelayMs: number;
  /**
   * With no history, never wait longer than this fraction of the time already waited: a scan is then seen at
   * most that fraction of its length late (about half of it in the median), with polls growing geometrically.
   */
  unknownGapFraction: number;
  /** With no history, never poll more often than this after the first poll (the fraction's floor in the first seconds). */
  unknownMinDelayMs: number;
  /** Inside the likely end window, this many polls spread over it (more polls, less lateness). */
  windowPolls: number;
  /**
   * With at least three past durations, the likely end window runs between these quantiles of them, and its polls
   * sit at equal steps of probability (dense where past scans ended, sparse where few did).
   */
  windowQuantiles: readonly [number, number];
  /**
   * Before that window, polls can only find a failure: they keep at most this pace (longer than `maxDelayMs`, the
   * pace when nothing is known), so the polls go where scans end.
   */
  leadMaxDelayMs: number;
  /**
   * With no history, once the status phases bound the end (`phases.ts`): poll at the earliest end they allow, but
   * never more than this fraction of the time already waited ahead (a platform whose phases do not follow the
   * model costs at most that much lateness); 0 reads no phases ...
   */
  phaseGapFraction: number;
  /**
   * ... and never closer than this to the previous poll, unless the plain backoff is still shorter (the first
   * seconds: a short scan is seen at once); the floor of the pace past phase 3 too.
   */
  phaseMinDelayMs: number;
  /** While the end is known less closely than this, polls go where the next phase should begin, to learn its pace. */
  phaseEndWidthMs: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  initialDelayMs: 250,
  multiplier: 1.5,
  maxDelayMs: 10_000,
  jitter: 0.15,
  tailDelayMs: 500,
  tailWindowMs: 5_000,
  expectedEndMarginMs: 0,
  inactiveDelayMs: 1_000,
  // Trade-off with no history: a gap of at most f x the time waited is a geometric schedule of ratio 1 + f, and a
  // scan ending at D is seen about f / (2(1 + f)) x D late in the median (1.30 s on a 20 s scan for f = 0.15, 1.67 s
  // for 0.2), plus the run's own reads and exit after that poll (0.2-0.3 s on a loaded machine), against a goal of
  // 2 s. The polls are spent mostly in the first seconds, where f x elapsed is below the floor: computed over 201
  // jitter draws (median lateness / polls on scans of 2 s, 20 s, 120 s):
  //   f 0.15, floor 250 ms (before): 0.01 s / 8, 1.39 s / 25, 4.6 s / 38
  //   f 0.15, floor 500 ms:           0.29 s / 5, 1.45 s / 21, 4.6 s / 35
  //   f 0.15, floor 1 s (chosen):     0.53 s / 4, 1.48 s / 17, 4.8 s / 31
  //   f 0.2,  floor 1 s:              0.53 s / 4, 1.77 s / 15, 5.3 s / 27 (too close to 2 s once the run's exit adds)
  // A short scan then costs at most a second of lateness, and the 20 s scan 8 polls fewer at the same lateness.
  unknownGapFraction: 0.15,
  unknownMinDelayMs: 1_000,
  windowPolls: 10,
  // With history, the polls to the median end are about 1 + windowPolls x (0.5 - low) / (high - low), and the
  // median lateness half a window step: with past scans of 11-29 s (uniform), [0.25, 0.9] and 10 polls give 6 polls
  // to the median end and 0.90 s median lateness (mean 1.2 s); [0.1, 0.9] gives 0.94 s but 8 polls; 8 polls over
  // [0.25, 0.9] give 1.09 s and 6. Both goals at once (<= 6 polls, <= 1 s) sit at this edge: a window of 18 s
  // covered with 5 polls to its middle cannot be seen in less than about 0.9 s in the median.
  windowQuantiles: [0.25, 0.9],
  leadMaxDelayMs: 20_000,
  // With no history and phases as the model describes them (the emulator's equal sixths), computed with
  // `PollSchedule` over 301 jitter draws (median lateness / polls, scans of 2 s, 20 s, 120 s):
  //   phases not read:                       0.37 s / 4, 1.59 s / 17, 4.3 s / 31
  //   floor 0.75 s, learn until 2 s:         0.58 s / 5, 0.40 s / 16, 0.36 s / 33
  //   floor 1 s, learn until 2 s (chosen):   0.32 s / 4, 0.52 s / 15, 0.50 s / 32
  //   floor 1.5 s, learn until 2 s:          0.32 s / 4, 0.71 s / 15, 0.82 s / 32
  //   floor 2 s, learn until 2 s:            0.32 s / 4, 1.31 s / 15, 0.98 s / 32
  // Most polls are spent in phase 0, where nothing is known and a platform that reports no phases must still be
  // served, so the phases buy lateness (under a second) far more than polls. Phases the model does not describe,
  // on the 20 s scan: a long running phase 0.58 s / 18, a queue five phases long 0.41 s / 19, a long start and a
  // long running phase with nothing after 2.9 s / 12 (the model's worst of those tried: 0.3 of the time waited
  // bounds any, against 0.15 without phases).
  phaseGapFraction: 0.3,
  phaseMinDelayMs: 1_000,
  phaseEndWidthMs: 2_000,
};

export interface WaitOptions {
  /** Absolute time (ms since epoch) after which the wait ends with a `DeadlineError`. */
  deadline: number;
  clock: Clock;
  random: Random;
  signal?: AbortSignal;
  /** How long scans of this scanner usually take (ms), from the platform's history; unknown when undefined. */
  expectedDurationMs?: number;
  /**
   * Where to read that and the past durations from (with three or more the window follows their quantiles),
   * asked only once the first poll shows the scan still running (a scan that is already done when first polled
   * needs no history read).
   */
  expectedDuration?: () => Promise<DurationEstimate | undefined>;
  policy?: PollPolicy;
  /** Called after each poll; for progress lines. */
  onPoll?: (event: ScanEvent, elapsedMs: number) => void;
}

export interface WaitOutcome {
  event: ScanEvent;
  polls: number;
  elapsedMs: number;
}

/** Events are finished when `active=0` and `status=6`, failed when `active=-1` (reference §4). */
export function eventState(event: ScanEvent): 'finished' | 'failed' | 'running' | 'inactive' {
  if (event.active === -1 || event.status === -1) return 'failed';
  if (event.active === 0 && event.status === 6) return 'finished';
  if (event.active === 0) return 'inactive';
  return 'running';
}

/**
 * The delay before the next poll. Pure: depends only on its arguments, so the schedule can be tested and
 * benchmarked without a server.
 */
export function nextDelay(
  policy: PollPolicy,
  state: {
    previousDelayMs: number | undefined;
    elapsedMs: number;
    expectedDurationMs: number | undefined;
    spreadMs?: number;
    samplesMs?: readonly number[];
    /** With no history: when the status phases seen so far say the scan ends. */
    phaseEnd?: PhaseWindow;
    /** ... and when the next phase begins. */
    phaseNext?: PhaseWindow;
    /** With no history and no phase window to go by: how long the event has been in phases 3-5 at most. */
    finishingMs?: number;
    inactive: boolean;
  },
  random: Random,
): number {
  const { previousDelayMs, elapsedMs, expectedDurationMs } = state;
  if (state.inactive) return policy.inactiveDelayMs;
  let delay: number;
  const points = state.samplesMs !== undefined && state.samplesMs.length >= 3 ? windowPoints(policy, state.samplesMs) : undefined;
  if (points !== undefined) {
    const windowStart = points[0]!;
    if (elapsedMs + policy.initialDelayMs < windowStart) return gridDelay(policy, elapsedMs, windowStart, policy.leadMaxDelayMs);
    // A poll whose timer fired a little early counts as on its point (no extra poll just after it).
    const next = points.find((p) => p > elapsedMs + policy.initialDelayMs / 2);
    if (next !== undefined) return Math.max(policy.initialDelayMs, next - elapsedMs);
    // Past the likely end (the scan runs long): back off from the window's last step.
    delay = previousDelayMs === undefined ? policy.initialDelayMs : previousDelayMs * policy.multiplier;
  } else if (expectedDurationMs !== undefined && expectedDurationMs > 0) {
    const spread = Math.min(state.spreadMs ?? 0, expectedDurationMs);
    // The likely end is a window, not a point: polls reach its start on a grid, cover it densely in proportion
    // to its width, and back off once past it (the scan runs long).
    const windowStart = expectedDurationMs - spread + policy.expectedEndMarginMs;
    const windowEnd = expectedDurationMs + spread + policy.expectedEndMarginMs;
    const remaining = windowStart - elapsedMs;
    if (remaining > 0) return gridDelay(policy, elapsedMs, windowStart, policy.maxDelayMs);
    const windowGap = spread > 0 ? Math.max(policy.initialDelayMs, Math.min(policy.maxDelayMs, (windowEnd - windowStart) / policy.windowPolls)) : policy.tailDelayMs;
    const tailEnd = spread > 0 ? windowEnd : windowStart + policy.tailWindowMs;
    if (elapsedMs < tailEnd) return windowGap;
    // Past the likely end: back off from the window's pace to the ordinary backoff.
    delay = previousDelayMs === undefined ? windowGap : previousDelayMs * policy.multiplier;
  } else {
    // The backoff used when nothing is known: a gap growing from the last, at most a fraction of the time waited.
    delay = previousDelayMs === undefined ? policy.initialDelayMs : previousDelayMs * policy.multiplier;
    delay = Math.min(delay, Math.max(policy.unknownMinDelayMs, elapsedMs * policy.unknownGapFraction));
    // A window without an upper bound whose earliest end is already past (the first poll saw phase 4 or 5, so the
    // pace was never seen) says only "not yet", at every poll: polling at the phase floor on that would last as long
    // as the phase does. Then the phases give no more than the pace past phase 3, below.
    const phaseEnd = state.phaseEnd !== undefined && (Number.isFinite(state.phaseEnd.highMs) || state.phaseEnd.lowMs > elapsedMs) ? state.phaseEnd : undefined;
    if (phaseEnd !== undefined) {
      // No jitter: the poll times come from this event's own phases, so pipelines do not poll in lockstep anyway.
      const cap = Math.min(policy.maxDelayMs, Math.max(policy.unknownMinDelayMs, elapsedMs * policy.phaseGapFraction));
      const end = phaseEnd;
      const next = state.phaseNext ?? end;
      const learn = end.highMs - end.lowMs > policy.phaseEndWidthMs && Number.isFinite(next.highMs);
      const target = learn ? Math.min(end.lowMs, (next.lowMs + next.highMs) / 2) : end.lowMs;
      // Where the end may be near, never sparser than the backoff (a short scan is still seen at once).
      return Math.max(Math.min(policy.phaseMinDelayMs, delay), Math.min(cap, target - elapsedMs));
    }
    // Past the scanner's own work (phases 3-5), the rest is the platform's processing: its length is unknown too, so
    // the gap follows the time spent in it rather than the whole wait.
    if (state.finishingMs !== undefined && policy.phaseGapFraction > 0) delay = Math.min(delay, Math.max(policy.phaseMinDelayMs, state.finishingMs * policy.phaseGapFraction));
  }
  delay = Math.min(delay, policy.maxDelayMs);
  const jitter = delay * policy.jitter * (2 * random() - 1);
  return Math.max(policy.initialDelayMs, Math.min(policy.maxDelayMs, delay + jitter));
}

/**
 * Poll on a grid fixed from the start: the time to `target` cut into equal steps of at most `maxStepMs`, so that
 * one poll lands on it. A fixed grid absorbs the lateness of each poll (round trips, timers) instead of adding a
 * step for it, as re-planning from the current time would. A poll whose timer fired a little early counts as on its
 * grid point (no extra poll just after it).
 */
function gridDelay(policy: PollPolicy, elapsedMs: number, target: number, maxStepMs: number): number {
  const gap = target / Math.ceil(target / maxStepMs);
  const next = Math.min(target, (Math.floor((elapsedMs + policy.initialDelayMs) / gap) + 1) * gap);
  return Math.max(policy.initialDelayMs, next - elapsedMs);
}

/** Linear interpolation between the sorted samples, so that the quantiles of few samples are not only the samples. */
function quantileOf(sorted: readonly number[], q: number): number {
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const i = Math.floor(at);
  const lo = sorted[i]!;
  const hi = sorted[Math.min(sorted.length - 1, i + 1)]!;
  return lo + (at - i) * (hi - lo);
}

/** The window's poll times: `windowPolls + 1` points at equal steps of probability between its two quantiles. */
export function windowPoints(policy: PollPolicy, sortedSamplesMs: readonly number[]): number[] {
  const [low, high] = policy.windowQuantiles;
  return Array.from({ length: policy.windowPolls + 1 }, (_, j) => quantileOf(sortedSamplesMs, low + ((high - low) * j) / policy.windowPolls) + policy.expectedEndMarginMs);
}

/**
 * The schedule of one wait, with what it has learnt: the previous gap, the history once read, and the status
 * phases seen (used only while there is no history). `waitForEvent` drives it against the platform; a benchmark
 * can drive it against a simulated scan.
 */
export class PollSchedule {
  private previousDelayMs: number | undefined;
  private inactive = false;
  private expectedDurationMs: number | undefined;
  private samplesMs: readonly number[] | undefined;
  private readonly phases = new PhaseModel();

  constructor(
    private readonly policy: PollPolicy,
    private readonly random: Random,
    expectedDurationMs?: number,
  ) {
    this.expectedDurationMs = expectedDurationMs;
  }

  /** True once a duration is known (given, or read from the history). */
  get knowsDuration(): boolean {
    return this.expectedDurationMs !== undefined;
  }

  /** The history's estimate, read after the first poll. */
  know(estimate: DurationEstimate | undefined): void {
    this.expectedDurationMs = estimate?.expectedMs;
    this.samplesMs = estimate?.samplesMs;
  }

  /** How long to wait before the next poll, `elapsedMs` into the wait. */
  delay(elapsedMs: number): number {
    const usePhases = this.expectedDurationMs === undefined && this.samplesMs === undefined && this.policy.phaseGapFraction > 0;
    const phaseEnd = usePhases ? this.phases.endWindow() : undefined;
    const phaseNext = usePhases ? this.phases.nextWindow() : undefined;
    const finishingSince = usePhases ? this.phases.finishingSince() : undefined;
    // Both when known: `nextDelay` falls back on the pace past phase 3 when the window bounds nothing ahead.
    const phaseState = {
      ...(typeof phaseEnd === 'object' ? { phaseEnd, ...(typeof phaseNext === 'object' ? { phaseNext } : {}) } : {}),
      ...(finishingSince !== undefined ? { finishingMs: Math.max(0, elapsedMs - finishingSince) } : {}),
    };
    this.previousDelayMs = nextDelay(
      this.policy,
      {
        previousDelayMs: this.previousDelayMs,
        elapsedMs,
        expectedDurationMs: this.expectedDurationMs,
        ...(this.samplesMs !== undefined ? { samplesMs: this.samplesMs } : {}),
        ...phaseState,
        inactive: this.inactive,
      },
      this.random,
    );
    return this.previousDelayMs;
  }

  /** A poll sent `sentMs` and answered `answeredMs` into the wait found the event not finished. */
  saw(event: ScanEvent, sentMs: number, answeredMs: number): void {
    const state = eventState(event);
    this.inactive = state === 'inactive';
    if (state === 'running') this.phases.observe(sentMs, answeredMs, event.status);
  }
}

/**
 * Poll `events/{id}/status` until the event finishes. Throws `ScanFailedError` when it fails,
 * `DeadlineError` when the deadline passes first, `CancelledError` when the signal aborts.
 */
export async function waitForEvent(api: PlatformApi, eventId: string, options: WaitOptions): Promise<WaitOutcome> {
  const { clock, signal } = options;
  const schedule = new PollSchedule(options.policy ?? DEFAULT_POLL_POLICY, options.random, options.expectedDurationMs);
  const startedAt = clock.now();
  let polls = 0;
  for (;;) {
    if (polls === 1 && !schedule.knowsDuration && options.expectedDuration) schedule.know(await options.expectedDuration());
    const delay = schedule.delay(clock.now() - startedAt);
    const remaining = options.deadline - clock.now();
    if (remaining <= 0) throw new DeadlineError(`the scan did not finish before the timeout (event ${eventId})`);
    await sleepOrCancel(clock, Math.min(delay, remaining), signal);
    const sentMs = clock.now() - startedAt;
    const event = await api.getEventStatus(eventId);
    polls += 1;
    options.onPoll?.(event, clock.now() - startedAt);
    const state = eventState(event);
    if (state === 'finished') return { event, polls, elapsedMs: clock.now() - startedAt };
    if (state === 'failed') {
      const why = event.message.trim() || event.statusText.trim() || 'no reason given';
      throw new ScanFailedError(`the scan failed on the platform: ${why}`, eventId);
    }
    schedule.saw(event, sentMs, clock.now() - startedAt);
    // The last poll happens at the deadline itself, so a scan finishing just in time still counts.
    if (clock.now() >= options.deadline) {
      throw new DeadlineError(`the scan did not finish before the timeout (event ${eventId}, last status: ${event.statusText || event.status})`);
    }
  }
}

async function sleepOrCancel(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) throw abortedError(signal);
  try {
    await clock.sleep(ms, signal);
  } catch (err) {
    if (signal?.aborted) throw abortedError(signal);
    throw err;
  }
}
