/**
 * Making scanner text inert. Finding names, paths, URLs and messages come from third-party scanners and
 * may be crafted: they must never become markup, mentions, links to odd schemes, or reordered text.
 */

/** Characters that reorder or hide text direction ("Trojan Source"): embeddings, overrides, isolates, marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF]/g;
/** Line breaks and tabs, including the Unicode line/paragraph separators and NEL. */
const BREAKS = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Strips control characters, bidi overrides and direction marks, and repairs lone surrogates.
 * Line breaks and tabs become spaces unless `keepNewlines` (then they become `\n`; tabs stay).
 */
export function cleanText(text: string, keepNewlines = false): string {
  let out = text.replace(LONE_SURROGATE, '\uFFFD').replace(BIDI, '');
  out = keepNewlines
    ? out.replace(BREAKS, (m) => (m === '\t' ? '\t' : '\n'))
    : out.replace(BREAKS, ' ');
  return out.replace(CONTROL, '');
}

/**
 * Cuts `text` to at most `maxChars` UTF-16 units, ending with an ellipsis when cut.
 * Never leaves half of a surrogate pair.
 */
export function truncate(text: string, maxChars: number): string {
  const max = Math.max(0, Math.floor(maxChars));
  if (text.length <= max) return text;
  if (max === 0) return '';
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The markdown dialects we write. Bitbucket's renderer knows fewer backslash escapes and no HTML. */
export type EscapeDialect = 'commonmark' | 'bitbucket';

// CommonMark lets any ASCII punctuation be backslash-escaped. Besides structure (`*_[]()#|` ...), `.` and `:`
// are escaped so bare URLs and domains are not auto-linked, `~` so GitLab labels and strikethrough do not fire,
// `$` so GitHub math does not render, `%` for GitLab milestones.
const COMMONMARK_SPECIAL = /[\\`*_{}[\]()#+\-.!|~$:%&<>@]/g;
// Python-Markdown (Bitbucket) only honours these escapes (plus `|` in tables); others would show a backslash.
const BITBUCKET_SPECIAL = /[\\`*_{}[\]()#+\-.!|&<>@]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    // A joiner after `@` keeps "@user" readable but stops it from notifying anyone (mention filters work
    // on the rendered text, where a backslash escape is already gone).
    case '@':
      return '@\u200D';
    default:
      return `\\${ch}`;
  }
}

/** Inline markdown text (also safe inside a table cell): one line, no markup, no mentions, no autolinks. */
export function escapeMarkdown(text: string, dialect: EscapeDialect = 'commonmark'): string {
  const special = dialect === 'bitbucket' ? BITBUCKET_SPECIAL : COMMONMARK_SPECIAL;
  return cleanText(text).replace(special, escapeChar);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value inside HTML. Newlines are kept (they are whitespace in HTML). */
export function escapeHtml(text: string): string {
  return cleanText(text, true).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/** Characters XML 1.0 does not allow at all, even as references (lone surrogates are handled by cleanText). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES: Record<string, string> = {
  ...HTML_ENTITIES,
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/**
 * Text or attribute value in XML (JUnit). Drops characters XML 1.0 forbids; line breaks and tabs become
 * character references so they survive attribute-value normalisation.
 */
export function escapeXml(text: string): string {
  return cleanText(text, true)
    .replace(XML_INVALID, '')
    .replace(/[&<>"'\n\r\t]/g, (ch) => XML_ENTITIES[ch] ?? ch);
}

/** URLs longer than this are shown as text: no real link is this long, and it would blow the size budget. */
const MAX_URL_LENGTH = 2048;

/**
 * The URL in canonical form when it is an absolute http(s) URL, else undefined. Credentials in the URL are
 * dropped (they must never reach a report).
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > MAX_URL_LENGTH) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.hostname === '') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/**
 * A markdown link destination: characters that could close the link, split a table row or start markup are
 * percent-encoded (WHATWG `href` already encodes spaces, quotes and non-ASCII).
 */
function linkDestination(href: string): string {
  return href.replace(/[^A-Za-z0-9\-._~:/?#&=%+,;@!$*]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(ch);
  });
}

/**
 * `[label](url)` when `url` is an absolute http(s) URL, else just `label`. `label` must already be
 * escaped markdown; the URL is checked and encoded here.
 */
export function markdownLink(label: string, url: string | undefined): string {
  const href = safeHttpUrl(url);
  return href === undefined ? label : `[${label}](${linkDestination(href)})`;
}
