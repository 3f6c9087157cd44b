/**
 * The emulator clock. Scan progress is computed from elapsed time at each request (no timers), so a
 * test can inject `now` and step it, or speed everything up with `timeScale`.
 */
export class EmuClock {
  constructor(
    private readonly nowFn: () => number,
    readonly timeScale: number,
  ) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  }

  now(): number {
    return this.nowFn();
  }

  /** Wall-clock length of an emulator-time duration. */
  scaled(durationMs: number): number {
    return durationMs / this.timeScale;
  }
}

export const isoDate = (ms: number): string => new Date(ms).toISOString();
