/**
 * One sped-up time line shared by the emulator (its `now`) and the client under test (a `Clock`), so that a
 * benchmark can run a 120 s scan in 12 s of wall time without bending any ratio: the scan, every poll interval
 * (ours and the baseline's), retry backoffs and the platform's recorded durations all shrink by the same factor.
 * Only what happens in wall time (HTTP round trips, the event loop) grows by that factor when read on this clock,
 * which counts against the client, never for it.
 *
 * A test can also `hold` the time line: platform time stands still (and every sleep on it waits) until `resume`,
 * so a step whose wall duration depends on the machine's load (say, the start call) can be made to happen at one
 * instant of platform time instead of racing a deadline a few wall milliseconds away.
 */
import { systemClock, type Clock } from '../shared/ports.js';

export interface VirtualTime {
  /** How many virtual milliseconds pass per wall millisecond. */
  readonly scale: number;
  /** Virtual milliseconds since the epoch; pass to `startEmulator({ now })`. */
  readonly now: () => number;
  /** The same time line as a core `Clock`: `sleep(ms)` sleeps ms/scale of wall time (plus any time held). */
  readonly clock: Clock;
  /** Stops platform time until `resume` (idempotent). */
  hold(): void;
  /** Lets platform time run again from where it stood (idempotent). */
  resume(): void;
}

export function virtualTime(scale: number): VirtualTime {
  if (!(scale >= 1) || !Number.isFinite(scale)) throw new Error(`scale must be a finite number >= 1, got ${scale}`);
  // Virtual time is `base` plus, while running, the wall time since `runningSince` times the scale.
  let base = Date.now();
  let runningSince: number | null = performance.now();
  let resumed: { promise: Promise<void>; resolve: () => void } | null = null;
  const now = (): number => (runningSince === null ? base : base + (performance.now() - runningSince) * scale);

  const untilResumed = (signal?: AbortSignal): Promise<void> => {
    if (resumed === null) return Promise.resolve();
    const wait = resumed.promise;
    if (signal === undefined) return wait;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      void wait.then(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  };

  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    const target = now() + ms;
    for (;;) {
      await untilResumed(signal);
      const remaining = target - now();
      if (remaining <= 0) {
        // Still a macrotask boundary, as a real timer would be.
        await systemClock.sleep(0, signal);
        return;
      }
      await systemClock.sleep(remaining / scale, signal);
      if (runningSince !== null && target - now() <= 0) return;
    }
  };

  return {
    scale,
    now,
    clock: { now, sleep },
    hold: () => {
      if (runningSince === null) return;
      base = now();
      runningSince = null;
      let resolve = (): void => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      resumed = { promise, resolve };
    },
    resume: () => {
      if (runningSince !== null) return;
      runningSince = performance.now();
      const waiting = resumed;
      resumed = null;
      waiting?.resolve();
    },
  };
}
