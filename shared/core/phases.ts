/**
 * What an event's status phases tell about when its scan ends (reference §4: 0 waiting, 1 starting, 2 running,
 * 3 retrieving results, 4 analyzing, 5 notifying, then 6 finished).
 *
 * The platform does not document how long each phase lasts, so this is a model, stated as an assumption and
 * dropped as soon as the platform contradicts it: phase 0 (waiting in a queue) may last any time; phases 1 to 5
 * last equally long. With `s` the moment phase 1 began and `p` one phase's length, phase k begins at
 * `s + (k - 1)p` and the scan ends at `s + 5p`. Every poll bounds these: the phase it saw had begun, the next had
 * not. The `(s, p)` that fit every poll form a convex polygon, and the earliest and latest ends are found on its
 * corners. Only the schedule of polls depends on it, never a decision: a wrong model costs polls or lateness,
 * and the waiter bounds both (see `nextDelay` in wait.ts).
 */

/** The earliest and latest moment (ms on the waiter's clock) that agree with every poll so far; the latest may be Infinity. */
export interface PhaseWindow {
  lowMs: number;
  highMs: number;
}

/** Beyond this the model is taken to know nothing (about 11 days of ms). */
const HORIZON_MS = 1e9;
/** Slack for the corners' arithmetic, in ms. */
const EPSILON_MS = 1e-6;

/** `x + slope * y` compared with `bound`: `min` means at least `bound`, `max` at most. */
interface Constraint {
  slope: number;
  bound: number;
  kind: 'min' | 'max';
}

export class PhaseModel {
  /** For k = 1..6 (6: the end): a moment the event was seen before phase k, so phase k began later. */
  private readonly before = new Array<number>(7).fill(-Infinity);
  /** For k = 1..6: the first moment the event was seen in phase k or later, so phase k began by then. */
  private readonly since = new Array<number>(7).fill(Infinity);
  private lastPhase = 0;
  private broken = false;
  /** The polygon's corners for the polls so far, found once per poll and read for both windows; null when stale. */
  private polygon: Corner[] | 'contradicted' | null = null;

  /**
   * A poll sent at `sentMs` and answered at `answeredMs` saw the event still running, in `phase`. The platform
   * looked somewhere between the two: the phase had begun by the answer, the next had not begun at the sending.
   */
  observe(sentMs: number, answeredMs: number, phase: number): void {
    // A phase outside 0..5, or one going backwards (a retry on the platform), is not what the model describes.
    if (!Number.isInteger(phase) || phase < 0 || phase > 5 || phase < this.lastPhase) {
      this.broken = true;
      return;
    }
    this.lastPhase = phase;
    this.polygon = null;
    for (let k = 1; k <= 6; k++) {
      if (k <= phase) this.since[k] = Math.min(this.since[k]!, answeredMs);
      else this.before[k] = Math.max(this.before[k]!, sentMs);
    }
  }

  /** True once the polls cannot all be explained by the model: the waiter then stops using it. */
  get contradicted(): boolean {
    if (!this.broken && this.endWindow() === 'contradicted') this.broken = true;
    return this.broken;
  }

  /**
   * Since when (at the latest) the event is past its scanner's own work, in phases 3-5 (retrieving results,
   * analyzing, notifying): the moment it was last seen before phase 3, or the wait's start. Undefined before then.
   * Read without the model: the phases' names say this much, whatever their lengths.
   */
  finishingSince(): number | undefined {
    if (this.since[3] === Infinity) return undefined;
    return Math.max(0, this.before[3]!);
  }

  /** When the scan ends, by the model; undefined until a poll saw it past phase 0. */
  endWindow(): PhaseWindow | 'contradicted' | undefined {
    return this.startOf(6);
  }

  /** When the phase after the last one seen begins (the end, after phase 5). */
  nextWindow(): PhaseWindow | 'contradicted' | undefined {
    return this.startOf(this.lastPhase + 1);
  }

  private startOf(k: number): PhaseWindow | 'contradicted' | undefined {
    if (this.broken) return 'contradicted';
    // In the queue (phase 0) nothing is known of the scan's pace.
    if (this.since[1] === Infinity) return undefined;
    this.polygon ??= this.corners();
    return this.polygon === 'contradicted' ? 'contradicted' : range(this.polygon, k - 1);
  }

  private corners(): Corner[] | 'contradicted' {
    const constraints: Constraint[] = [];
    for (let j = 1; j <= 6; j++) {
      if (this.before[j]! > -Infinity) constraints.push({ slope: j - 1, bound: this.before[j]!, kind: 'min' });
      if (this.since[j]! < Infinity) constraints.push({ slope: j - 1, bound: this.since[j]!, kind: 'max' });
    }
    const found = corners(constraints);
    return found.length === 0 ? 'contradicted' : found;
  }
}

/** A corner of the polygon of `(x, y)` = (start of phase 1, length of a phase); `onBox` when on the horizon box. */
interface Corner {
  x: number;
  y: number;
  onBox: boolean;
}

/** The corners of the polygon of the constraints, `0 <= y` and the horizon box; none when they cannot all hold. */
function corners(constraints: readonly Constraint[]): Corner[] {
  // Each boundary as a line a*x + b*y = c; the box keeps the polygon bounded, and a corner on it means "unbounded".
  const lines: [number, number, number][] = [
    ...constraints.map((c): [number, number, number] => [1, c.slope, c.bound]),
    [1, 0, -HORIZON_MS],
    [1, 0, HORIZON_MS],
    [0, 1, 0],
    [0, 1, HORIZON_MS],
  ];
  const fits = (x: number, y: number): boolean =>
    y >= -EPSILON_MS &&
    y <= HORIZON_MS + EPSILON_MS &&
    Math.abs(x) <= HORIZON_MS + EPSILON_MS &&
    constraints.every((c) => (c.kind === 'min' ? x + c.slope * y >= c.bound - EPSILON_MS : x + c.slope * y <= c.bound + EPSILON_MS));
  const found: Corner[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a1, b1, c1] = lines[i]!;
      const [a2, b2, c2] = lines[j]!;
      const det = a1 * b2 - a2 * b1;
      if (det === 0) continue;
      const x = (c1 * b2 - c2 * b1) / det;
      const y = (a1 * c2 - a2 * c1) / det;
      if (fits(x, y)) found.push({ x, y, onBox: Math.abs(Math.abs(x) - HORIZON_MS) < 1 || Math.abs(y - HORIZON_MS) < 1 });
    }
  }
  return found;
}

/** The lowest and highest `x + m * y` over the polygon (its corners). */
function range(polygon: readonly Corner[], m: number): PhaseWindow | undefined {
  const values = polygon.map((c) => ({ value: c.x + m * c.y, onBox: c.onBox }));
  const low = Math.min(...values.map((v) => v.value));
  const high = Math.max(...values.map((v) => v.value));
  // The highest corner on the box means the polls set no upper bound.
  const unbounded = values.some((v) => v.onBox && v.value >= high - EPSILON_MS);
  if (low <= -HORIZON_MS / 2) return undefined;
  return { lowMs: low, highMs: unbounded ? Infinity : high };
}
