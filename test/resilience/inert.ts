/**
 * What "inert and bounded" means for each output that carries scanner text, as problems found (empty = fine), so
 * a test can report every output's problems at once. Built on the renderer tests' own checks.
 */
import { MARKDOWN_LIMITS, type MarkdownFlavour } from '../../shared/render/index.js';
import { utf8Length } from '../../shared/render/format.js';
import { htmlTags, linkDestinations, tables, UNSAFE_CHARS, xmlProblems } from '../unit/render/checks.js';

/** The only tags our markdown writes itself (plus the hidden marker comment). */
const OWN_TAGS = new Set(['<details>', '<details open>', '</details>', '<summary>', '</summary>', '<b>', '</b>', '<sub>', '</sub>']);
const RAW_MARKUP = ['<img', '<script', '<svg', '<details open><summary>x', '<!-- hidden', '<![CDATA['];

export function markdownProblems(md: string, flavour: MarkdownFlavour, limit = MARKDOWN_LIMITS[flavour]): string[] {
  const problems: string[] = [];
  if (utf8Length(md) > limit) problems.push(`${utf8Length(md)} bytes, over the ${limit} limit`);
  if (UNSAFE_CHARS.test(md)) problems.push('control or bidi characters');
  for (const tag of htmlTags(md)) if (!OWN_TAGS.has(tag) && !/^<!-- invicti-appsec:v1 id=[^>]*-->$/.test(tag)) problems.push(`tag ${tag.slice(0, 40)}`);
  if (flavour === 'bitbucket' && /<(?!!-- invicti)/.test(md)) problems.push('HTML on Bitbucket');
  for (const raw of RAW_MARKUP) if (md.includes(raw)) problems.push(`raw ${raw}`);
  for (const dest of linkDestinations(md)) if (!/^https?:\/\//.test(dest)) problems.push(`link to ${dest.slice(0, 40)}`);
  if (/@[A-Za-z0-9]/.test(md)) problems.push('a mention');
  for (const t of tables(md)) if (t.rows.some((cells) => cells !== t.columns)) problems.push('a table row with the wrong number of cells');
  return problems;
}

/** Every string value anywhere in a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** A report file's JSON text: parses, bounded, no control or bidi characters, no URL but http(s). */
export function jsonReportProblems(text: string, maxBytes: number): string[] {
  const problems: string[] = [];
  if (utf8Length(text) > maxBytes) problems.push(`${utf8Length(text)} bytes, over ${maxBytes}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [...problems, 'not JSON'];
  }
  for (const s of strings(value)) {
    if (UNSAFE_CHARS.test(s)) problems.push(`control or bidi characters in ${JSON.stringify(s.slice(0, 40))}`);
    if (s.length > 10_000) problems.push(`a ${s.length}-character string`);
    if (/^\s*(javascript|data|vbscript|file):/i.test(s)) problems.push(`a script URL ${s.slice(0, 40)}`);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^https?:\/\//.test(s)) problems.push(`a non-http URL ${s.slice(0, 40)}`);
  }
  return problems;
}

export function xmlReportProblems(xml: string, maxBytes: number): string[] {
  const problems = xmlProblems(xml);
  if (utf8Length(xml) > maxBytes) problems.push(`${utf8Length(xml)} bytes, over ${maxBytes}`);
  if (UNSAFE_CHARS.test(xml)) problems.push('control or bidi characters');
  if (/<img|<script|<svg|<details|<!\[CDATA\[|<!--/.test(xml)) problems.push('raw markup');
  return problems;
}

/** Plain text for a terminal or a CI log: no control sequences, no bidi, bounded. */
export function textProblems(text: string, maxBytes: number): string[] {
  const problems: string[] = [];
  if (utf8Length(text) > maxBytes) problems.push(`${utf8Length(text)} bytes, over ${maxBytes}`);
  if (UNSAFE_CHARS.test(text)) problems.push('control or bidi characters');
  return problems;
}
