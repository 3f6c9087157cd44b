/**
 * The measured process of the rendering benchmark (started by `rendering.ts` under the RSS probe):
 * `render-child.ts <renderers|baseline> <count>` builds a run with `count` findings, then either renders it
 * as the adapters do (markdown comment, job summary, SARIF text, GitLab SAST text) or, as the floor, only
 * serialises it with JSON.stringify. Prints one JSON line with the RSS before and after the fixture and the
 * time of each step; the parent reads the process's peak RSS from the probe.
 */
import { renderGitlabSast, renderMarkdown, renderSarif, reportFileText } from '../shared/render/index.js';
import { bigRun } from './big-run.js';

const mb = (bytes: number): number => +(bytes / 1e6).toFixed(1);

interface Step {
  ms: number;
  bytes: number;
  /** For the reports: building the object, then writing its JSON text (as the files are written). */
  buildMs?: number;
}

function timed(fn: () => string): Step {
  const t = performance.now();
  const text = fn();
  return { ms: +(performance.now() - t).toFixed(1), bytes: Buffer.byteLength(text) };
}

function timedReport(build: () => unknown): Step {
  const t = performance.now();
  const report = build();
  const built = performance.now();
  const text = reportFileText(report);
  return { ms: +(performance.now() - t).toFixed(1), bytes: Buffer.byteLength(text), buildMs: +(built - t).toFixed(1) };
}

const [mode = 'renderers', countText = '100000'] = process.argv.slice(2);
const rssLoaded = process.memoryUsage().rss;
const built = performance.now();
const result = bigRun(Number(countText));
const fixtureMs = performance.now() - built;
const rssFixture = process.memoryUsage().rss;
const steps: Record<string, Step> = {};
if (mode === 'baseline') {
  steps['JSON.stringify'] = timed(() => JSON.stringify(result));
} else {
  // As the adapters produce them: the comment and summary as text, the reports as the files' JSON text.
  steps['markdown comment (github)'] = timed(() => renderMarkdown(result, { flavour: 'github', marker: 'demo-app', jobUrl: 'https://ci.example.com/jobs/1' }));
  steps['job summary'] = timed(() => renderMarkdown(result, { flavour: 'summary', jobUrl: 'https://ci.example.com/jobs/1' }));
  steps['SARIF'] = timedReport(() => renderSarif(result));
  steps['GitLab SAST'] = timedReport(() => renderGitlabSast(result));
}
console.log(JSON.stringify({ mode, findings: Number(countText), rssLoadedMb: mb(rssLoaded), rssFixtureMb: mb(rssFixture), fixtureMs: +fixtureMs.toFixed(1), steps }));
