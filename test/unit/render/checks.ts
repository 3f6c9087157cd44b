/** Checks shared by the renderer tests: markdown tables and links, XML well-formedness, inert text. */

/** Bidi overrides/isolates/marks and control characters other than tab and newline. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
export const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Splits a table row into cells on pipes not escaped by a backslash. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row.charAt(i);
    if (ch === '\\' && i + 1 < row.length) {
      current += ch + row.charAt(i + 1);
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  // A row starts and ends with a pipe: drop the empty ends.
  return cells.slice(1, -1);
}

/** Every table in the markdown: its header cell count and the cell counts of its rows. */
export function tables(markdown: string): { columns: number; rows: number[] }[] {
  const lines = markdown.split('\n');
  const found: { columns: number; rows: number[] }[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i]!;
    if (!header.startsWith('|') || !/^\|( *-+:? *\|)+$/.test(lines[i + 1]!)) continue;
    const table = { columns: tableCells(header).length, rows: [] as number[] };
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) table.rows.push(tableCells(lines[j]!).length);
    found.push(table);
    i = j - 1;
  }
  return found;
}

/** Destinations of markdown links `[...](dest)` whose `]` is not backslash-escaped. */
export function linkDestinations(markdown: string): string[] {
  const out: string[] = [];
  const re = /\]\(([^)\s]*)\)/g;
  for (let m = re.exec(markdown); m !== null; m = re.exec(markdown)) {
    let backslashes = 0;
    for (let k = m.index - 1; k >= 0 && markdown.charAt(k) === '\\'; k--) backslashes++;
    if (backslashes % 2 === 0) out.push(m[1]!);
  }
  return out;
}

/** Every HTML-looking tag in the text (`<...>`). */
export const htmlTags = (text: string): string[] => text.match(/<[^<>\n]*>/g) ?? [];

/**
 * A small XML well-formedness check: one root, balanced and properly nested elements, quoted attributes,
 * no raw `<` or stray `&` in text, only known entities, no characters XML 1.0 forbids.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('forbidden character');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (let m = token.exec(body); m !== null; m = token.exec(body)) {
    if (m[2] === undefined) {
      problems.push(`stray ${m[0]} at ${m.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      if (stack.length === 0) roots++;
      if (selfClosing !== '/') stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
