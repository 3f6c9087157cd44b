/**
 * Durations as users write them in CI settings: `90s`, `15m`, `1h30m`, `2h`, `500ms`, or a bare number of
 * seconds (`kdt` took minutes; a bare number here is seconds, the unit CI systems use for timeouts).
 */

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms'];

/**
 * The longest duration accepted: the largest delay a Node timer honours (about 24.8 days).
 * A longer `setTimeout` fires at once, which would turn a typo into an instant timeout.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/**
 * Milliseconds for a duration text, or `undefined` when it is not one.
 * Units appear at most once each, largest first (`1h30m`, not `30m1h`); case and surrounding spaces
 * are ignored; fractions, signs and values over MAX_DURATION_MS are rejected.
 */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d+$/.test(input)) return checked(Number(input) * UNIT_MS.s);
  let total = 0;
  let lastRank = -1;
  let consumed = 0;
  // Sticky: each part must start where the previous one ended, so `1h x` or `1h,30m` fail.
  const part = /(\d+)(ms|h|m|s)/gy;
  for (let match = part.exec(input); match !== null; match = part.exec(input)) {
    const unit = match[2] as Unit;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastRank) return undefined;
    lastRank = rank;
    total += Number(match[1]) * UNIT_MS[unit];
    consumed = part.lastIndex;
  }
  if (consumed !== input.length || lastRank < 0) return undefined;
  return checked(total);
}

function checked(ms: number): number | undefined {
  return Number.isSafeInteger(ms) && ms <= MAX_DURATION_MS ? ms : undefined;
}

/** A compact text for a duration (`1h30m`, `45s`, `250ms`, `0s`), the inverse of parseDuration. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const unit of UNIT_ORDER) {
    const size = UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
