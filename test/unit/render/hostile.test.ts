/**
 * Crafted scanner text through every renderer: nothing may turn into markup, mentions, script links or
 * reordered text, tables keep their shape, and every output stays within its size limit.
 */
import { describe, expect, it } from 'vitest';
import type { MarkdownFlavour } from '../../../shared/render/index.js';
import {
  MARKDOWN_LIMITS,
  renderCodeQuality,
  renderGitlabDast,
  renderGitlabSast,
  renderJunit,
  renderMarkdown,
  renderSarif,
} from '../../../shared/render/index.js';
import { utf8Length } from '../../../shared/render/format.js';
import { htmlTags, linkDestinations, tables, UNSAFE_CHARS, xmlProblems } from './checks.js';
import { hostileRun } from './fixtures.js';
import { schemaErrors } from '../../helpers/schemas.js';

const FLAVOURS: MarkdownFlavour[] = ['github', 'gitlab', 'bitbucket', 'summary'];
/** The only tags our markdown writes itself. */
const OWN_TAGS = new Set(['<details>', '<details open>', '</details>', '<summary>', '</summary>', '<b>', '</b>', '<sub>', '</sub>']);
const JOB = 'https://ci.example.com/jobs/9';

/** Every string value anywhere in a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('hostile scanner text', () => {
  const result = hostileRun();

  describe.each(FLAVOURS)('markdown (%s)', (flavour) => {
    const md = renderMarkdown(result, { flavour, marker: 'pr-1', jobUrl: JOB, maxFindings: 50 });

    it('stays within the flavour limit', () => {
      expect(utf8Length(md)).toBeLessThanOrEqual(MARKDOWN_LIMITS[flavour]);
    });

    it('emits no HTML of its own making beyond its fixed tags (none on Bitbucket)', () => {
      const tags = htmlTags(md).filter((t) => !t.startsWith('<!-- invicti-appsec:v1 id=pr-1 -->'));
      for (const tag of tags) expect(OWN_TAGS.has(tag), tag).toBe(true);
      if (flavour === 'bitbucket') expect(md).not.toContain('<');
      for (const raw of ['<img', '<script', '<svg', '<details open><summary>x', '<!-- hidden', '<![CDATA[']) expect(md).not.toContain(raw);
    });

    it('links only to http(s) and never to a script URL', () => {
      for (const dest of linkDestinations(md)) expect(dest).toMatch(/^https?:\/\//);
      expect(md).not.toMatch(/\]\((javascript|data):|<(javascript|data):/i);
      expect(md).not.toContain('secret@');
      // CommonMark dialects also escape the colon, so not even the text reads as a scheme. Bitbucket's
      // Python-Markdown has no `\:` escape; there the text stays plain because no link syntax can form.
      // The same escapes leave no bare URL or domain for the GFM autolink extension.
      if (flavour !== 'bitbucket') expect(md).not.toMatch(/javascript:|data:text|https?:\/\/evil|www\.evil/i);
    });

    it('mentions nobody', () => {
      expect(md).not.toMatch(/@[A-Za-z0-9]/);
    });

    it('has no control or bidi characters and keeps one line per row', () => {
      expect(md).not.toMatch(UNSAFE_CHARS);
      const found = tables(md);
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const t of found) for (const cells of t.rows) expect(cells).toBe(t.columns);
    });

    it('keeps the marker as the first line', () => {
      expect(md.split('\n')[0]).toBe(flavour === 'bitbucket' ? '[//]: # (invicti-appsec:v1 id=pr-1)' : '<!-- invicti-appsec:v1 id=pr-1 -->');
    });
  });

  it('stays inert and bounded in a tight size budget too', () => {
    for (const flavour of FLAVOURS) {
      const md = renderMarkdown(result, { flavour, maxChars: 3000, jobUrl: JOB });
      expect(utf8Length(md)).toBeLessThanOrEqual(3000);
      expect(md).toContain('shortened to fit');
      expect(md).not.toMatch(/<img|<script|\]\(javascript:|@[A-Za-z0-9]/i);
      for (const t of tables(md)) for (const cells of t.rows) expect(cells).toBe(t.columns);
    }
  });

  const structured: [string, unknown][] = [
    ['sarif', renderSarif(result)],
    ['gitlab sast', renderGitlabSast(result)],
    ['gitlab dast', renderGitlabDast(result)],
    ['code quality', renderCodeQuality(result)],
  ];

  it.each(structured)('%s: no control or bidi characters, bounded, only http(s) links', (_name, report) => {
    const text = JSON.stringify(report);
    // The input holds several megabytes of text; reports keep short, bounded fields.
    expect(text.length).toBeLessThan(300_000);
    for (const s of strings(report)) {
      expect(s).not.toMatch(UNSAFE_CHARS);
      expect(s.length).toBeLessThanOrEqual(10_000);
      expect(s).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) expect(s, 'a URL').toMatch(/^https?:\/\//);
    }
    expect(text).not.toContain('secret@');
  });

  it('reports stay valid against their schemas', () => {
    expect(schemaErrors('sarif-2.1.0.schema.json', renderSarif(result))).toBe('');
    expect(schemaErrors('gitlab-sast-report-format.json', renderGitlabSast(result))).toBe('');
    expect(schemaErrors('gitlab-dast-report-format.json', renderGitlabDast(result))).toBe('');
  });

  it('junit: well-formed, no raw markup, bounded', () => {
    const xml = renderJunit(result);
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).not.toMatch(/<img|<script|<svg|<details|<!\[CDATA\[|<!--/);
    expect(xml).not.toMatch(UNSAFE_CHARS);
    expect(xml.length).toBeLessThan(200_000);
  });
});
