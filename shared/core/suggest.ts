/**
 * "Did you mean ...?" suggestions for mistyped flags, enum values, scanner slugs and project names.
 * Edit distance plus a substring rule: `zap` should find `owaspzap`, which no sane distance bound allows.
 */

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours as 1 each
 * (optimal string alignment): `dats` is one typo away from `dast`, not two.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the swap rule looks two rows back.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How far a candidate may be from the input and still be offered: about a third of the input's length. */
function maxDistance(input: string): number {
  return Math.max(1, Math.floor(input.length / 3));
}

/**
 * Candidates close to `input` (case-insensitive), best first, at most `limit` of them.
 * A candidate that contains the input, or is contained in it (3 characters or more), also counts.
 */
export function nearest(input: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = input.trim().toLowerCase();
  if (wanted.length === 0 || limit <= 0) return [];
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const contains = wanted.length >= 3 && lower.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (distance <= maxDistance(wanted)) scored.push({ candidate, score: distance });
    else if (contains) scored.push({ candidate, score: maxDistance(wanted) + 1 + Math.abs(lower.length - wanted.length) });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** The single best suggestion, if any. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return nearest(input, candidates, 1)[0];
}

/** ` Did you mean "x"?` (with a leading space), or `''` when nothing is close. `format` renders a candidate. */
export function didYouMean(input: string, candidates: readonly string[], format: (c: string) => string = (c) => `"${c}"`): string {
  const best = closest(input, candidates);
  return best === undefined ? '' : ` Did you mean ${format(best)}?`;
}
