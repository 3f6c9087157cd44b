/**
 * The one redaction every sink goes through (logs, stdout, result files, outputs, comments, reports). A secret
 * can come back from a platform, a proxy or a code host in many spellings, so each is removed in every form a
 * server or a renderer may give it: raw, base64 (standard and URL-safe, at any alignment inside a longer
 * base64 text), URL- and form-encoded, HTML entities, JSON-escaped. Text must be redacted BEFORE it is cut to
 * a length (a cut can split a form so that no whole form is left); for text cut elsewhere, a piece of 8 or
 * more characters of a form left at the cut (at the end, or before an ellipsis) is removed too.
 */

const MASK = '***';
/** Shorter secrets are not redacted: they would mask ordinary words. */
const MIN_SECRET = 4;
/** The shortest piece of a form, left at a cut, that is still removed. */
const MIN_PIECE = 8;

function htmlForms(secret: string): string[] {
  const named = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const forms = [named, named.replace(/'/g, '&#39;'), named.replace(/'/g, '&#x27;'), named.replace(/'/g, '&apos;')];
  // Every character outside [A-Za-z0-9] as a numeric reference (some encoders escape all punctuation).
  forms.push(secret.replace(/[^A-Za-z0-9]/gu, (c) => `&#${c.codePointAt(0)};`));
  forms.push(secret.replace(/[^A-Za-z0-9]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`));
  return forms;
}

function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  const strict = component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  const out = [component, strict, form, encodeURI(secret)];
  return [...out, ...out.map((f) => f.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()))];
}

function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const ascii = plain.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [plain, ascii, plain.replace(/\//g, '\\/'), ascii.replace(/\//g, '\\/')];
}

function base64Forms(secret: string): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.from(`${'\0'.repeat(offset)}${secret}`).toString('base64');
    // Only the characters that depend on the secret alone (not on what precedes or follows it).
    const lead = Math.ceil((offset * 4) / 3);
    const whole = offset === 0 ? encoded : encoded.slice(lead);
    const core = encoded.slice(lead, encoded.length - 4);
    for (const f of [whole, core]) if (f.length >= MIN_PIECE) out.push(f, f.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  }
  return out;
}

/** Every spelling of a secret this module removes, longest first (so a longer form is masked as a whole). */
function secretForms(secret: string): string[] {
  if (secret.length < MIN_SECRET) return [];
  const forms = new Set([secret, ...urlForms(secret), ...htmlForms(secret), ...jsonForms(secret), ...base64Forms(secret)]);
  return [...forms].filter((f) => f.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
}

const ELLIPSES = ['…', '...'];

/** Where a text may have been cut: its end, and before each ellipsis. */
function cutPoints(text: string): number[] {
  const points = new Set([text.length]);
  for (const dots of ELLIPSES) for (let i = text.indexOf(dots); i !== -1; i = text.indexOf(dots, i + 1)) points.add(i);
  return [...points].sort((a, b) => b - a);
}

/** Mask a piece (MIN_PIECE characters or more) of any form that a cut left just before a cut point. */
function cutPieces(text: string, forms: readonly string[]): string {
  let out = text;
  for (const end of cutPoints(out)) {
    let longest = 0;
    for (const form of forms) {
      for (let n = Math.min(form.length - 1, end); n >= MIN_PIECE && n > longest; n--) {
        if (out.startsWith(form.slice(0, n), end - n)) {
          longest = n;
          break;
        }
      }
    }
    if (longest > 0) out = `${out.slice(0, end - longest)}${MASK}${out.slice(end)}`;
  }
  return out;
}

/** `text` with every form of every secret masked. Run it before truncating. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    const forms = secretForms(secret);
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
    out = cutPieces(out, forms);
  }
  return out;
}

/** Every string inside a JSON-like value redacted (results, before any renderer or file sees them). */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.every((s) => s.length < MIN_SECRET)) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
