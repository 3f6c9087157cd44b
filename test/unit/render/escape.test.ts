import { describe, expect, it } from 'vitest';
import {
  cleanText,
  escapeHtml,
  escapeMarkdown,
  escapeXml,
  markdownLink,
  safeHttpUrl,
  truncate,
} from '../../../shared/render/escape.js';
import { tableCells, UNSAFE_CHARS } from './checks.js';
import { HOSTILE } from './fixtures.js';

describe('cleanText', () => {
  it('removes bidi overrides, isolates and direction marks', () => {
    expect(cleanText('a\u202Eb\u202Cc\u2066d\u2069e\u200Ff\u200Eg\u061Ch')).toBe('abcdefgh');
  });

  it('turns line breaks and tabs into spaces and drops control characters', () => {
    expect(cleanText('a\r\nb\nc\td\u2028e\u0000f\u0007g\u001Bh\u009Bi')).toBe('a b c d efghi');
  });

  it('keeps line breaks when asked', () => {
    expect(cleanText('a\r\nb\rc\u2029d', true)).toBe('a\nb\nc\nd');
  });

  it('replaces lone surrogates but keeps pairs', () => {
    expect(cleanText('x\uD800y\uDC00z😀')).toBe('x\uFFFDy\uFFFDz😀');
  });
});

describe('escapeMarkdown', () => {
  it('escapes markdown punctuation so nothing becomes markup', () => {
    expect(escapeMarkdown('**a** _b_ [c](d) `e` # f + g - h. i! {j} ~k~ $m$')).toBe(
      '\\*\\*a\\*\\* \\_b\\_ \\[c\\]\\(d\\) \\`e\\` \\# f \\+ g \\- h\\. i\\! \\{j\\} \\~k\\~ \\$m\\$',
    );
  });

  it('encodes HTML and ampersands as entities', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> & co')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt; &amp; co');
  });

  it('escapes pipes and backslashes so table cells stay cells', () => {
    const cell = escapeMarkdown('a | b \\| c \\');
    expect(tableCells(`| ${cell} | x |`)).toHaveLength(2);
  });

  it('breaks @mentions with a joiner', () => {
    const out = escapeMarkdown('ping @octocat and @org/team');
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
    expect(out).toContain('@\u200Doctocat');
  });

  it('breaks bare URLs so they are not auto-linked', () => {
    const out = escapeMarkdown('see https://evil.example.com and www.evil.example.com');
    expect(out).not.toContain('https://');
    expect(out).not.toContain('www.');
  });

  it('stays on one line and drops bidi and control characters', () => {
    const out = escapeMarkdown(HOSTILE);
    expect(out).not.toContain('\n');
    expect(out).not.toMatch(UNSAFE_CHARS);
    expect(out).not.toMatch(/<[a-z!/]/i);
  });

  it('uses only the escapes Bitbucket understands', () => {
    expect(escapeMarkdown('a~b$c:d%e', 'bitbucket')).toBe('a~b$c:d%e');
    expect(escapeMarkdown('*a* <b> @c |', 'bitbucket')).toBe('\\*a\\* &lt;b&gt; @\u200Dc \\|');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('cuts with an ellipsis within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toHaveLength(4);
    expect(truncate('abcdef', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('a😀😀😀', 3);
    expect(out).toBe('a…');
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncate('😀😀😀', 4)).toBe('😀…');
  });
});

describe('escapeHtml and escapeXml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 forbids and encodes line breaks as references', () => {
    expect(escapeXml('a\u0000b\u0001c\uFFFEd\uD800e\n"<]]>&\'')).toBe('abcd\uFFFDe&#10;&quot;&lt;]]&gt;&amp;&apos;');
  });
});

describe('links', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//example.com', '/relative', 'ftp://x', '', undefined]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });

  it('drops credentials from URLs', () => {
    expect(safeHttpUrl('https://user:secret@example.com/x')).toBe('https://example.com/x');
  });

  it('renders other schemes as text, never as a link', () => {
    expect(markdownLink('click', 'javascript:alert(1)')).toBe('click');
    expect(markdownLink('click', 'https://example.com/a(b)|c')).toBe('[click](https://example.com/a%28b%29%7Cc)');
  });
});
