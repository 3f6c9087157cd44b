import { escapeMarkdown } from '../../../shared/render/escape.js';
import { commentKey, hasMarker, markerLine } from '../../../shared/platforms/marker.js';
import { describe, expect, it } from 'vitest';
import type { MarkdownFlavour } from '../../../shared/render/markdown.js';
import {
  BITBUCKET_COMMENT_LIMIT,
  GITHUB_COMMENT_LIMIT,
  GITHUB_SUMMARY_LIMIT,
  GITLAB_NOTE_LIMIT,
  MARKDOWN_LIMITS,
  renderMarkdown,
} from '../../../shared/render/markdown.js';
import { utf8Length } from '../../../shared/render/format.js';
import { linkDestinations, tables } from './checks.js';
import { emptyRun, errorRun, failedRun, finding, manyFindingsRun, passedRun, run, scanner, timeoutRun } from './fixtures.js';

const FLAVOURS: MarkdownFlavour[] = ['github', 'gitlab', 'bitbucket', 'summary'];
const JOB = 'https://ci.example.com/jobs/42';

describe('renderMarkdown content', () => {
  it('shows the overall status, project and branches in the header', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'github' });
    expect(md).toContain('## ❌ Invicti AppSec: failed');
    expect(md).toContain('[shop\\-backend](https://aspm.example.com/projects/p-1)');
    expect(md).toContain('**Branch:** feature/login → main');
    expect(renderMarkdown(passedRun(), { flavour: 'github' })).toContain('## ✅ Invicti AppSec: passed');
  });

  it('has one scanner row per scanner with counts, new findings and the risk change', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'github' });
    expect(md).toContain('| [semgrep](https://aspm.example.com/scans/scan-1) | sast | ❌ failed | 1 | 1 | 1 | 0 | 0 | 2 | 40 (▲ +15) |');
    expect(md).toContain('| dast | ⚠️ warned | 1 | 0 | 0 | 1 | 0 | 1 | 30 (▼ -5) |');
  });

  it('shows a dash, never 0, for a scanner without a finished scan, and says what the dash means', () => {
    for (const fixture of [errorRun(), timeoutRun()]) {
      for (const flavour of FLAVOURS) {
        const md = renderMarkdown(fixture, { flavour });
        expect(md).toMatch(/\| sast \| \S+ (error|timeout) \| — \| — \| — \| — \| — \| — \| — \|/);
        expect(md).toContain('— not known: no finished scan to count.');
      }
    }
    expect(renderMarkdown(failedRun(), { flavour: 'github' })).not.toContain('not known');
  });

  it('lists failing gate reasons before warnings and passes', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'gitlab' });
    const fail = md.indexOf('threshold-critical: 1 new critical finding');
    const warn = md.indexOf('risk-score: Risk score 30');
    const pass = md.indexOf('threshold-medium: 1 medium finding');
    expect(fail).toBeGreaterThan(0);
    expect(warn).toBeGreaterThan(fail);
    expect(pass).toBeGreaterThan(warn);
  });

  it('shows the evaluated release criteria per type, and whose gate each failure fails', () => {
    const run = failedRun();
    const md = renderMarkdown(run, { flavour: 'github' });
    const gated = run.scanners.filter((s) => s.release?.failingTypes.includes('sast')).map((s) => s.scanner);
    expect(gated.length).toBeGreaterThan(0);
    expect(md).toContain('Overall: ❌ fail');
    expect(md).toContain(`| sast | ❌ fail | ${escapeMarkdown(gated.join(', '))} |`);
    expect(md).toContain('| dast | ✅ success | — |');
    expect(md).not.toContain('| sca |');
    expect(md.match(/### Release criteria/g)).toHaveLength(1);
  });

  it('lists findings most severe first, marks new ones, with SAST and DAST locations and CWE links', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'github' });
    const rows = md.split('\n').filter((l) => /^\| (🔴|🟠|🟡|🔵|⚪)/.test(l));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('🆕 [Hard\\-coded secret]');
    expect(rows[0]).toContain('config/app\\.ts\\:1');
    expect(rows[1]).toContain('GET https\\://app\\.example\\.com/search?q=1 \\(q\\)');
    expect(rows[1]).toContain('[CWE\\-79](https://cwe.mitre.org/data/definitions/79.html)');
    expect(rows[2]).toContain('src/db/query\\.ts\\:42');
    expect(rows[3]).not.toContain('🆕');
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| 🔴 Critical', '| 🔴 Critical', '| 🟠 High', '| 🟡 Medium', '| 🔵 Low']);
  });

  it('links the project and the job in the footer', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'github', jobUrl: JOB });
    expect(md).toContain(`[CI job](${JOB})`);
    expect(md).toContain('[Open the project in Invicti AppSec](https://aspm.example.com/projects/p-1)');
  });

  it('limits the findings list to maxFindings and says how many there are', () => {
    const md = renderMarkdown(failedRun(), { flavour: 'github', maxFindings: 2, jobUrl: JOB });
    expect(md.split('\n').filter((l) => /^\| (🔴|🟠|🟡|🔵|⚪)/.test(l))).toHaveLength(2);
    expect(md).toContain(`_Showing the 2 most severe of 5 findings._ [Full report](${JOB})`);
    expect(md).not.toContain('shortened');
  });

  it('reports timeouts, errors and empty runs without pretending success', () => {
    const timeout = renderMarkdown(timeoutRun(), { flavour: 'github' });
    expect(timeout).toContain('## ⏱️ Invicti AppSec: timeout');
    expect(timeout).toContain('timeout: The scan did not finish within 30 minutes\\.');
    const error = renderMarkdown(errorRun(), { flavour: 'github' });
    expect(error).toContain('## 💥 Invicti AppSec: error');
    expect(error).toContain('error: Platform error 500 on GET /api/v2/scans');
    const empty = renderMarkdown(emptyRun(), { flavour: 'github' });
    expect(empty).toContain('## ⏭️ Invicti AppSec: skipped');
    expect(empty).toContain('_No scanner ran._');
    expect(empty).not.toContain('Top findings');
  });

  it('mentions warn-only and new-findings-only modes', () => {
    const md = renderMarkdown(run({ warnOnly: true, newFindingsOnly: true }), { flavour: 'github' });
    expect(md).toContain('Warn-only mode');
    expect(md).toContain('new findings only');
  });

  it('uses no HTML on Bitbucket, and folds detail into <details> elsewhere', () => {
    for (const fixture of [failedRun(), timeoutRun(), emptyRun(), passedRun()]) {
      expect(renderMarkdown(fixture, { flavour: 'bitbucket', marker: 'm' })).not.toMatch(/<\/?[a-z!]/i);
    }
    expect(renderMarkdown(failedRun(), { flavour: 'github' })).toContain('<details open><summary><b>Top findings</b></summary>');
    expect(renderMarkdown(failedRun(), { flavour: 'bitbucket' })).toContain('### Top findings');
  });

  it('keeps every table row at the header column count', () => {
    for (const flavour of FLAVOURS) {
      const found = tables(renderMarkdown(failedRun(), { flavour }));
      expect(found.length).toBe(3);
      for (const t of found) for (const cells of t.rows) expect(cells).toBe(t.columns);
    }
  });
});

describe('markers', () => {
  it('puts the marker line first, hidden per flavour', () => {
    const key = commentKey('demo-app', ['codethreat']);
    expect(renderMarkdown(passedRun(), { flavour: 'github', marker: key }).split('\n')[0]).toBe(markerLine(key, 'html'));
    expect(renderMarkdown(passedRun(), { flavour: 'bitbucket', marker: key }).split('\n')[0]).toBe(markerLine(key, 'bitbucket'));
    expect(renderMarkdown(passedRun(), { flavour: 'github' })).not.toContain('<!--');
  });

  it('is found again by the comment upsert, and another key is not', () => {
    for (const flavour of FLAVOURS) {
      const body = renderMarkdown(failedRun(), { flavour, marker: commentKey('p', ['a']) });
      expect(hasMarker(body, commentKey('p', ['a']))).toBe(true);
      expect(hasMarker(body.replace(/\n/g, '\r\n'), commentKey('p', ['a']))).toBe(true);
      expect(hasMarker(body, commentKey('p', ['b']))).toBe(false);
    }
  });
});

describe('size bounds', () => {
  it('exports the platform limits', () => {
    expect(MARKDOWN_LIMITS).toEqual({ github: 65_536, summary: 1_048_576, gitlab: 1_000_000, bitbucket: 32_768 });
    expect([GITHUB_COMMENT_LIMIT, GITHUB_SUMMARY_LIMIT, GITLAB_NOTE_LIMIT, BITBUCKET_COMMENT_LIMIT]).toEqual([65_536, 1_048_576, 1_000_000, 32_768]);
  });

  it('drops findings rows first and says so, linking the full report', () => {
    const full = renderMarkdown(failedRun(), { flavour: 'github', jobUrl: JOB });
    const maxChars = utf8Length(full) - 10;
    const cut = renderMarkdown(failedRun(), { flavour: 'github', jobUrl: JOB, maxChars });
    expect(utf8Length(cut)).toBeLessThanOrEqual(maxChars);
    expect(cut).toContain(`[See the full report](${JOB})`);
    const rows = cut.split('\n').filter((l) => /^\| (🔴|🟠|🟡|🔵|⚪)/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(5);
    // The scanner table and gate reasons are all still there.
    expect(cut).toContain('threshold-critical');
    expect(cut).toContain('| [invicti\\-dast]');
  });

  it('shortens further when even the report without findings does not fit', () => {
    for (const maxChars of [1200, 600, 200, 40, 0]) {
      const md = renderMarkdown(failedRun(), { flavour: 'github', marker: 'm', jobUrl: JOB, maxChars });
      expect(utf8Length(md)).toBeLessThanOrEqual(maxChars);
      if (maxChars >= 200) expect(md).toContain('shortened to fit');
      if (maxChars >= 600) expect(md.startsWith('<!-- invicti-appsec:v1 id=m -->\n## ❌ Invicti AppSec: failed')).toBe(true);
    }
  });

  it('renders 100,000 findings within every flavour limit', () => {
    const big = manyFindingsRun(100_000);
    for (const flavour of FLAVOURS) {
      const md = renderMarkdown(big, { flavour, maxFindings: 100_000, jobUrl: JOB, marker: 'm' });
      expect(utf8Length(md)).toBeLessThanOrEqual(MARKDOWN_LIMITS[flavour]);
      expect(md).toContain('shortened to fit');
      expect(md).toContain('of 100000 findings');
      for (const t of tables(md)) for (const cells of t.rows) expect(cells).toBe(t.columns);
    }
  });

  it('counts multi-byte text in bytes, so byte-limited summaries hold too', () => {
    const wide = run({ scanners: [scanner({ findings: Array.from({ length: 500 }, (_, i) => finding({ id: `w${i}`, name: '漢字'.repeat(90) })) })] });
    const md = renderMarkdown(wide, { flavour: 'summary', maxFindings: 500, maxChars: 20_000 });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(20_000);
  });

  it('links only to http(s) destinations', () => {
    for (const flavour of FLAVOURS) {
      for (const dest of linkDestinations(renderMarkdown(failedRun(), { flavour, jobUrl: JOB }))) {
        expect(dest).toMatch(/^https?:\/\//);
      }
    }
  });
});
