/**
 * The hidden marker that lets a run find its own comment again.
 *
 * Versioned and namespaced (`invicti-appsec:v1 id=<key>`), encoded as an HTML comment on GitHub and GitLab and
 * as a markdown link-reference definition on Bitbucket, whose renderer drops raw HTML comments into the text.
 */
import { createHash } from 'node:crypto';

export type MarkerStyle = 'html' | 'bitbucket';

const NAMESPACE = 'invicti-appsec:v1';
/** What a key may contain: nothing that can close `-->` or `)` or start a new line. */
const KEY_PATTERN = /^[A-Za-z0-9._~%/,-]{1,256}$/;
const MAX_KEY = 200;

/**
 * A stable key for one project and set of scanners: order and duplicates of scanners do not matter.
 * Every character outside `[A-Za-z0-9._~-]` is percent-encoded, so user text (a project called `x -->`)
 * cannot break out of the comment syntax, and distinct inputs stay distinct.
 */
export function commentKey(project: string, scanners: readonly string[] = []): string {
  const parts = [...new Set(scanners.map(encodePart))].filter((s) => s !== '').sort();
  const key = parts.length > 0 ? `${encodePart(project)}/${parts.join(',')}` : encodePart(project);
  if (key === '') return 'default';
  if (key.length <= MAX_KEY) return key;
  // Very long names: keep a readable prefix and a digest of the whole so the key stays unique and bounded.
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${key.slice(0, MAX_KEY - 17)}.${digest}`;
}

/** The marker line for a key. Throws on a key `commentKey` could not have produced. */
export function markerLine(markerId: string, style: MarkerStyle): string {
  if (!KEY_PATTERN.test(markerId)) {
    throw new Error(`invalid comment marker id ${JSON.stringify(markerId.slice(0, 40))}`);
  }
  const text = `${NAMESPACE} id=${markerId}`;
  return style === 'html' ? `<!-- ${text} -->` : `[//]: # (${text})`;
}

/**
 * True when the body carries the marker for this key on a line of its own, in either encoding.
 * A quoted copy (`> <!-- ... -->`) does not count.
 */
export function hasMarker(body: string, markerId: string): boolean {
  if (!KEY_PATTERN.test(markerId)) return false;
  const wanted = new Set([markerLine(markerId, 'html'), markerLine(markerId, 'bitbucket')]);
  return body.split('\n').some((line) => wanted.has(line.trim()));
}

/** True for a line that is any of our markers (whatever the key); used to keep markers through truncation. */
export function isMarkerLine(line: string): boolean {
  const t = line.trim();
  return (
    (t.startsWith(`<!-- ${NAMESPACE} id=`) && t.endsWith(' -->')) ||
    (t.startsWith(`[//]: # (${NAMESPACE} id=`) && t.endsWith(')'))
  );
}

function encodePart(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text.trim(), 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
