/**
 * One sped-up time line shared by the emulator (its `now`) and the client under test (a `Clock`), so that a
 * benchmark can run a 120 s scan in 12 s of wall time without bending any ratio: the scan, every poll interval
 * (ours and the baseline's), retry backoffs and the platform's recorded durations all shrink by the same factor.
 * Only what happens in wall time (HTTP round trips, the event loop) grows by that factor when read on this clock,
 * which counts against the client, never for it.
 */
import { systemClock, type Clock } from '../shared/ports.js';

export interface VirtualTime {
  /** How many virtual milliseconds pass per wall millisecond. */
  readonly scale: number;
  /** Virtual milliseconds since the epoch; pass to `startEmulator({ now })`. */
  readonly now: () => number;
  /** The same time line as a core `Clock`: `sleep(ms)` sleeps ms/scale of wall time. */
  readonly clock: Clock;
}

export function virtualTime(scale: number): VirtualTime {
  if (!(scale >= 1) || !Number.isFinite(scale)) throw new Error(`scale must be a finite number >= 1, got ${scale}`);
  const originMs = Date.now();
  const originPerf = performance.now();
  const now = (): number => originMs + (performance.now() - originPerf) * scale;
  return {
    scale,
    now,
    clock: { now, sleep: (ms, signal) => systemClock.sleep(ms / scale, signal) },
  };
}
