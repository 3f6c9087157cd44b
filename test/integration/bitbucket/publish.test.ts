/**
 * The publishing pieces in process, on crafted results: report ids and verdicts, annotation placement, the
 * broken-run reports, and the publisher's choices of transport (auth proxy or REST) and of whether to comment.
 * HTTP still goes to the fake Bitbucket API on loopback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanConfig } from '../../../shared/core/config.js';
import type { Logger } from '../../../shared/ports.js';
import { zeroCounts, type Finding, type RunResult, type ScannerResult } from '../../../shared/core/result.js';
import { bitbucketInsights } from '../../../bitbucket-pipes/src/bitbucket-api.js';
import { insightReportId, insightResult, scannerAnnotations, scannerReport } from '../../../bitbucket-pipes/src/insights-report.js';
import { readPipeSettings } from '../../../bitbucket-pipes/src/pipe-settings.js';
import { publishInsights } from '../../../bitbucket-pipes/src/publish-insights.js';
import { bitbucketPublisher } from '../../../bitbucket-pipes/src/publish.js';
import { ConfigError } from '../../../shared/errors.js';
import { startFakeBitbucket, type FakeBitbucket } from '../../fakes/bitbucket-api.js';
import { ACCESS_TOKEN, BOT, COMMIT, PR_ID, REPO, WORKSPACE } from './support.js';

const repo = { workspace: WORKSPACE, repoSlug: REPO };

function finding(over: Partial<Finding>): Finding {
  return { id: 'f1', ruleId: 'codethreat/cwe-89', name: 'SQL Injection', severity: 'critical', scanner: 'codethreat', scannerType: 'sast', isNew: false, ...over };
}

function scanner(over: Partial<ScannerResult>): ScannerResult {
  return {
    scanner: 'codethreat',
    scannerType: 'sast',
    status: 'passed',
    mode: 'rescan',
    branch: 'main',
    counts: zeroCounts(),
    newCounts: zeroCounts(),
    reasons: [],
    findings: [],
    findingsTruncated: false,
    links: {},
    timings: { startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z', durationMs: 60_000 },
    ...over,
  };
}

function run(scanners: ScannerResult[], over: Partial<RunResult> = {}): RunResult {
  return {
    status: 'passed',
    exitCode: 0,
    project: { id: 'p1', name: 'demo-app' },
    branch: 'main',
    scanners,
    summary: 'passed',
    warnOnly: false,
    newFindingsOnly: false,
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    toolVersion: '0.1.0',
    ...over,
  };
}

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(m),
    warn: (m) => lines.push(`warning: ${m}`),
    error: (m) => lines.push(`error: ${m}`),
  };
}

let bb: FakeBitbucket | undefined;
afterEach(async () => {
  await bb?.close();
  bb = undefined;
});

describe('Code Insights content', () => {
  it('gives each project and scanner a stable, distinct report id', () => {
    expect(insightReportId('codethreat', 'demo-app')).toBe('invicti-appsec-codethreat-demo-app');
    expect(insightReportId('codethreat', 'demo-app')).toBe(insightReportId('codethreat', 'demo-app'));
    // Slugging folds these together; the digest keeps them apart.
    expect(insightReportId('codethreat', 'My App')).not.toBe(insightReportId('codethreat', 'my-app'));
    expect(insightReportId('codethreat', 'My App')).toMatch(/^invicti-appsec-codethreat-my-app-[0-9a-f]{8}$/);
    expect(insightReportId('semgrep', 'x'.repeat(300)).length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['a failed gate', scanner({ status: 'failed', reasons: [{ rule: 'threshold-critical', outcome: 'fail', message: 'm' }] }), 'FAILED'],
    ['an error under on-error fail', scanner({ status: 'error', reasons: [{ rule: 'error', outcome: 'fail', message: 'm' }] }), 'FAILED'],
    ['an error under on-error pass', scanner({ status: 'error', reasons: [{ rule: 'error', outcome: 'pass', message: 'm' }] }), 'PASSED'],
    ['warn-only', scanner({ status: 'warned', reasons: [{ rule: 'threshold-high', outcome: 'warn', message: 'm' }] }), 'PASSED'],
    ['an async start', scanner({ status: 'skipped' }), 'PENDING'],
  ] as const)('maps %s to %s', (_label, s, expected) => {
    expect(insightResult(s)).toBe(expected);
  });

  it('places only repository files in the diff and keeps scanner text inert', () => {
    const notes = scannerAnnotations(
      scanner({
        findings: [
          finding({ id: 'a', path: './src/app.ts', line: 3, name: 'Bad\u202Ething\u0007' }),
          finding({ id: 'b', path: 'usr/lib/libssl.so.3 (libssl3 3.1.3-r0)', severity: 'medium' }),
          finding({ id: 'c', path: '../outside.ts', line: 1, severity: 'info' }),
          finding({ id: 'd', url: 'https://app.example.test/login', method: 'POST', parameter: 'user', severity: 'high', link: 'javascript:alert(1)' }),
        ],
      }),
    );
    expect(notes[0]).toMatchObject({ path: 'src/app.ts', line: 3, summary: 'Badthing' });
    expect(notes[1]).toMatchObject({ severity: 'MEDIUM', details: expect.stringContaining('Location: usr/lib/libssl.so.3 (libssl3 3.1.3-r0).') });
    expect(notes[1]!.path).toBeUndefined();
    expect(notes[2]).toMatchObject({ severity: 'LOW' });
    expect(notes[2]!.path).toBeUndefined();
    expect(notes[3]).toMatchObject({ details: expect.stringContaining('Target: POST https://app.example.test/login, parameter user.') });
    expect(notes[3]!.link).toBeUndefined();
    expect(new Set(notes.map((n) => n.externalId)).size).toBe(4);
  });

  it('a scanner without a finished scan reports its findings as not known, never as zero counts', () => {
    const counted = scannerReport(run([]), scanner({ counts: { ...zeroCounts(), critical: 2 } })).data;
    expect(counted).toContainEqual({ title: 'Critical', type: 'NUMBER', value: 2 });
    const failed = scannerReport(run([]), scanner({ status: 'error', counts: undefined, newCounts: undefined })).data;
    expect(failed).toContainEqual({ title: 'Findings', type: 'TEXT', value: 'not known (no finished scan)' });
    expect(failed?.filter((d) => d.type === 'NUMBER')).toEqual([]);
  });

  it('links the report to the scan, and otherwise to the project or the pipeline', () => {
    const jobUrl = 'https://bitbucket.org/acme/shop/pipelines/results/9';
    expect(scannerReport(run([]), scanner({ links: { scan: 'https://aspm.example/scans/1' } }), jobUrl).link).toBe('https://aspm.example/scans/1');
    expect(scannerReport(run([]), scanner({}), jobUrl).link).toBe(jobUrl);
  });
});

describe('publishInsights', () => {
  it('reports a run that broke before any scanner with one FAILED report per scanner asked for', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    const broken = run([], { status: 'error', exitCode: 3, summary: 'error: Invicti ASPM answered 401: token refused' });
    const logger = recorder();
    const sent = await publishInsights(
      bitbucketInsights({ mode: 'pipelines-proxy', proxyUrl: bb.url }),
      { repo, commit: COMMIT },
      { result: broken, config: { project: 'demo-app', scanners: ['codethreat', 'trivy'] } },
      logger,
    );
    expect(sent.map((s) => `${s.reportId} ${s.result}`)).toEqual(['invicti-appsec-codethreat-demo-app FAILED', 'invicti-appsec-trivy-demo-app FAILED']);
    expect(bb.reports(WORKSPACE, REPO, COMMIT).get('invicti-appsec-trivy-demo-app')).toMatchObject({
      details: 'error: Invicti ASPM answered 401: token refused',
      data: [{ title: 'Status', type: 'TEXT', value: 'error' }],
    });
  });

  it('logs a report Bitbucket refuses and goes on with the next', async () => {
    bb = await startFakeBitbucket({}); // no proxy mode: credential-less calls answer 401
    const logger = recorder();
    const sent = await publishInsights(
      bitbucketInsights({ mode: 'pipelines-proxy', proxyUrl: bb.url }),
      { repo, commit: COMMIT },
      { result: run([scanner({}), scanner({ scanner: 'semgrep' })]), config: { project: 'demo-app', scanners: [] } },
      logger,
    );
    expect(sent).toEqual([]);
    expect(logger.lines.filter((l) => l.startsWith('warning: Code Insights: could not send report'))).toHaveLength(2);
    expect(logger.lines.join('\n')).toContain('answered 401');
  });
});

describe('bitbucketPublisher', () => {
  const config = (over: Partial<ScanConfig>): ScanConfig =>
    ({ project: 'demo-app', scanners: ['codethreat'], comment: 'update', maxFindings: 20, requestTimeoutMs: 5_000, codeHost: {}, ...over }) as ScanConfig;
  const context = { ci: 'bitbucket' as const };

  it('outside Pipelines sends Code Insights over REST with the token (no proxy), and comments', async () => {
    bb = await startFakeBitbucket({ bearer: { [ACCESS_TOKEN]: BOT } });
    const settings = readPipeSettings({
      BITBUCKET_REPO_FULL_NAME: `${WORKSPACE}/${REPO}`,
      BITBUCKET_COMMIT: COMMIT,
      INVICTI_BITBUCKET_API_URL: bb.apiUrl,
    });
    expect(settings.inPipelines).toBe(false);
    const logger = recorder();
    await bitbucketPublisher(settings)({
      result: run([scanner({})], { pullRequest: String(PR_ID) }),
      config: config({ prNumber: PR_ID, codeHost: { bitbucketToken: ACCESS_TOKEN } }),
      context,
      logger,
    });
    const put = bb.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({ absoluteForm: false, path: `/2.0/repositories/acme/shop/commit/${COMMIT}/reports/invicti-appsec-codethreat-demo-app` });
    expect(put!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(bb.comments(WORKSPACE, REPO, PR_ID)).toHaveLength(1);
    expect(bb.comments(WORKSPACE, REPO, PR_ID)[0]?.raw).toContain(`**Pull request** #${PR_ID}`);
    expect(bb.comments(WORKSPACE, REPO, PR_ID)[0]?.raw).not.toMatch(/merge request/i);
  });

  it('writes no comment when the comment setting is off, and none without a pull request', async () => {
    bb = await startFakeBitbucket({ proxyMode: true, bearer: { [ACCESS_TOKEN]: BOT } });
    const settings = readPipeSettings({ BITBUCKET_BUILD_NUMBER: '5', BITBUCKET_REPO_FULL_NAME: 'acme/shop', BITBUCKET_COMMIT: COMMIT, INVICTI_BITBUCKET_PROXY_URL: bb.url, INVICTI_BITBUCKET_API_URL: bb.apiUrl });
    const publish = bitbucketPublisher(settings);
    const codeHost = { bitbucketToken: ACCESS_TOKEN };
    await publish({ result: run([scanner({})]), config: config({ comment: 'off', prNumber: 7, codeHost }), context, logger: recorder() });
    await publish({ result: run([scanner({})]), config: config({ codeHost }), context, logger: recorder() });
    expect(bb.requests.filter((r) => r.path.includes('/pullrequests/') || r.path === '/2.0/user')).toEqual([]);
    expect(bb.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('skips Code Insights when no commit is known, saying why', async () => {
    const logger = recorder();
    await bitbucketPublisher(readPipeSettings({ BITBUCKET_BUILD_NUMBER: '5' }))({ result: run([scanner({})]), config: config({}), context, logger });
    expect(logger.lines).toContain('Code Insights: skipped, BITBUCKET_REPO_FULL_NAME and BITBUCKET_COMMIT do not name a commit.');
  });
});

describe('readPipeSettings', () => {
  it('reads the repository from the full name when the parts are missing, and defaults the proxy', () => {
    expect(readPipeSettings({ BITBUCKET_REPO_FULL_NAME: 'acme/shop', BITBUCKET_COMMIT: COMMIT })).toMatchObject({
      inPipelines: false,
      repo,
      commit: COMMIT,
      proxyUrl: 'http://host.docker.internal:29418',
    });
  });

  it.each([
    ['INVICTI_BITBUCKET_PROXY_URL', 'host.docker.internal:29418'],
    ['INVICTI_BITBUCKET_API_URL', 'ftp://api.example'],
    ['INVICTI_BITBUCKET_AUTHOR_UUID', 'bot'],
  ])('refuses a malformed %s with a ConfigError naming it', (name, value) => {
    expect(() => readPipeSettings({ [name]: value })).toThrow(ConfigError);
    expect(() => readPipeSettings({ [name]: value })).toThrow(new RegExp(`^variable ${name} `));
  });
});
