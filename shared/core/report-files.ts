/**
 * The report files a run can leave behind (`output-json`, `sarif`, `summary-markdown`), written through an
 * injected writer so that every packaging writes them the same way.
 */
import { renderJson, reportFileText } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { CodeHost } from '../render/markdown-sections.js';
import { renderSarif } from '../render/sarif.js';
import type { RunResult } from './result.js';

export interface ReportFileSettings {
  outputJson?: string;
  sarif?: string;
  summaryMarkdown?: string;
  maxFindings: number;
  jobUrl?: string;
  /** The code host of the run, so the summary names its pull/merge request the host's way. */
  reportHost?: CodeHost;
}

export type WriteText = (path: string, text: string) => Promise<void>;

/** Write every report file asked for; returns what was written, as `{ kind, path }`. */
export async function writeReportFiles(result: RunResult, settings: ReportFileSettings, write: WriteText): Promise<{ kind: string; path: string }[]> {
  const written: { kind: string; path: string }[] = [];
  if (settings.outputJson) {
    await write(settings.outputJson, renderJson(result));
    written.push({ kind: 'json', path: settings.outputJson });
  }
  if (settings.sarif) {
    await write(settings.sarif, reportFileText(renderSarif(result)));
    written.push({ kind: 'sarif', path: settings.sarif });
  }
  if (settings.summaryMarkdown) {
    const markdown = renderMarkdown(result, {
      flavour: 'summary',
      maxFindings: settings.maxFindings,
      ...(settings.jobUrl ? { jobUrl: settings.jobUrl } : {}),
      ...(settings.reportHost ? { codeHost: settings.reportHost } : {}),
    });
    await write(settings.summaryMarkdown, markdown);
    written.push({ kind: 'summary-markdown', path: settings.summaryMarkdown });
  }
  return written;
}
