/**
 * Safety net for comment bodies over a host's size limit (GitHub refuses bodies over 65,536 characters).
 * Renderers should already keep the comment short (top-N findings, full detail in the job summary); this only
 * makes sure an oversized body still posts, still renders, and still carries its marker.
 */
import { isMarkerLine } from './marker.js';

/**
 * Cut `body` to at most `maxChars` characters, appending `note` (say where the full report is).
 * Keeps marker lines (otherwise the next run could not find the comment), closes an open code fence or
 * `<details>` block so the note is not swallowed by it, prefers a line boundary and never splits a
 * surrogate pair. Bodies that fit are returned unchanged.
 */
export function truncateBody(body: string, maxChars: number, note: string): string {
  if (body.length <= maxChars) return body;
  const markers = body.split('\n').filter(isMarkerLine).map((l) => l.trim());
  let budget = maxChars;
  // A few passes: what we append (closers, markers) depends on where the cut lands.
  for (let attempt = 0; attempt < 4 && budget > 0; attempt += 1) {
    const head = cutAt(body, budget);
    const keptMarkers = markers.filter((m) => !head.split('\n').some((l) => l.trim() === m));
    const out = [head.replace(/\s+$/, ''), ...closers(head), '', note, ...keptMarkers].join('\n');
    if (out.length <= maxChars) return out;
    budget = Math.min(budget, head.length) - (out.length - maxChars);
  }
  // The note and markers alone do not fit: the marker matters most, then as much note as fits.
  const minimal = [...markers, note].join('\n');
  return cutAt(minimal, maxChars);
}

function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max));
  const lastNewline = cut.lastIndexOf('\n');
  // A line boundary is nicer, but not at the price of throwing away more than a fifth of the budget.
  if (lastNewline > max * 0.8) cut = cut.slice(0, lastNewline);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/** Closing lines for constructs left open by the cut: a fenced code block and `<details>` elements. */
function closers(head: string): string[] {
  const parts: string[] = [];
  let fence: string | undefined;
  for (const line of head.split('\n')) {
    const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (open === undefined) continue;
    if (fence === undefined) fence = open;
    else if (open.startsWith(fence)) fence = undefined;
  }
  if (fence !== undefined) parts.push(fence);
  const opened = (head.match(/<details[\s>]/gi) ?? []).length;
  const closed = (head.match(/<\/details>/gi) ?? []).length;
  for (let i = closed; i < opened; i += 1) parts.push('</details>');
  return parts;
}
