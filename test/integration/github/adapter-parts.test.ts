/**
 * The adapter's pieces in-process: which annotations, which outputs, when a comment is due, and the size bounds
 * of the summary and the comment (the comment against the fake GitHub API through the real Octokit store).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findingAnnotations, FINDING_ANNOTATION_LIMITS, RUNNER_ANNOTATION_LIMIT } from '../../../actions/github/annotations.js';
import { githubCommentStore, GITHUB_COMMENT_MAX_CHARS } from '../../../actions/github/comment.js';
import { actionOutputs, failedOutputs, OUTPUT_NAMES } from '../../../actions/github/outputs.js';
import { planComment, publishComment } from '../../../actions/github/pr-comment.js';
import { jobSummary, SUMMARY_MAX_BYTES } from '../../../actions/github/summary.js';
import { detectContext, type RunContext } from '../../../shared/ci/index.js';
import { parseConfig, type ScanConfig } from '../../../shared/core/config.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';
import { failedRun, finding, hostileRun, manyFindingsRun, run, scanner } from '../../unit/render/fixtures.js';
import { pullRequestPayload, pushPayload, REPOSITORY } from '../../helpers/github-runner.js';

const GH_TOKEN = 'ghs_PartsTestToken0123456789';

function contextFor(eventName: string, payload: unknown, extra: Record<string, string> = {}): RunContext {
  const pr = eventName.startsWith('pull_request');
  return detectContext(
    {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_REF: pr ? 'refs/pull/7/merge' : 'refs/heads/main',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '55',
      ...extra,
    },
    payload,
  );
}

function configFor(context: RunContext, raw: Record<string, string> = {}): ScanConfig {
  return parseConfig(
    { host: 'https://aspm.example.com', token: 't0ken-value', project: 'demo-app', scanner: 'codethreat', 'github-token': GH_TOKEN, ...raw },
    context,
  );
}

describe('annotations', () => {
  it('uses at most 8 errors and 8 warnings of the runner budget of 10 each, most severe and new first', () => {
    const annotations = findingAnnotations(manyFindingsRun(500));
    const errors = annotations.filter((a) => a.level === 'error');
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(errors).toHaveLength(FINDING_ANNOTATION_LIMITS.error);
    expect(warnings).toHaveLength(FINDING_ANNOTATION_LIMITS.warning);
    expect(FINDING_ANNOTATION_LIMITS.error).toBeLessThan(RUNNER_ANNOTATION_LIMIT);
    expect(annotations.slice(0, errors.length)).toEqual(errors);
    const titles = errors.map((a) => a.props.title ?? '');
    // manyFindingsRun cycles severities: 100 critical, of which those with i % 7 === 0 are new.
    expect(titles.every((t) => t.startsWith('Critical'))).toBe(true);
    expect(titles[0]).toMatch(/^Critical \(new\): /);
    expect(warnings.every((a) => a.props.title?.startsWith('Medium'))).toBe(true);
  });

  it('points SAST findings at their file and line, and nothing else at a file', () => {
    const result = failedRun();
    const annotations = findingAnnotations(result);
    const critical = annotations.find((a) => a.props.title === 'Critical (new): Hard-coded secret');
    expect(critical).toMatchObject({ level: 'error', props: { file: 'config/app.ts', startLine: 1 } });
    const dast = annotations.find((a) => a.props.title === 'Critical (new): Reflected Cross-site Scripting');
    expect(dast?.props.file).toBeUndefined();
    expect(dast?.message).toContain('GET https://app.example.com/search?q=1 (q)');
    const outside = findingAnnotations(run({ scanners: [scanner({ findings: [finding({ path: '../../etc/passwd' }), finding({ path: 'C:\\src\\a.ts' })] })] }));
    expect(outside.map((a) => a.props.file)).toEqual([undefined, undefined]);
  });

  it('keeps hostile scanner text on one line, without control or direction characters, and bounded', () => {
    for (const a of findingAnnotations(hostileRun())) {
      for (const text of [a.message, a.props.title ?? '', a.props.file ?? '']) {
        // eslint-disable-next-line no-control-regex -- asserting their absence
        expect(text).not.toMatch(/[\r\n\u0000-\u001f\u007f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }
      expect((a.props.title ?? '').length).toBeLessThanOrEqual(200);
      expect(a.message.length).toBeLessThanOrEqual(800);
    }
  });
});

describe('outputs', () => {
  it('sums counts over scanners and sets every declared output as a string', () => {
    const outputs = actionOutputs(failedRun(), { sarifFile: 'a.sarif', commentUrl: 'https://github.com/x/y/pull/1#issuecomment-2' });
    expect(Object.keys(outputs)).toEqual(OUTPUT_NAMES);
    expect(outputs).toMatchObject({
      status: 'failed',
      'exit-code': '1',
      critical: '2',
      high: '1',
      medium: '1',
      low: '1',
      info: '0',
      total: '5',
      'new-critical': '2',
      'new-high': '1',
      'new-total': '3',
      'risk-score': '40',
      'release-status': 'fail',
      'report-url': 'https://aspm.example.com/projects/p-1',
      'sarif-file': 'a.sarif',
      'comment-url': 'https://github.com/x/y/pull/1#issuecomment-2',
    });
    const scanners = JSON.parse(outputs.scanners) as { scanner: string; counts: Record<string, number> }[];
    expect(scanners.map((s) => s.scanner)).toEqual(['semgrep', 'invicti-dast']);
    expect(scanners[0]!.counts.critical).toBe(1);
  });

  it('links the scan itself when the run has one scanner, and leaves unknowns empty', () => {
    const outputs = actionOutputs(run({ scanners: [scanner({ riskScore: undefined })] }));
    expect(outputs['report-url']).toBe('https://aspm.example.com/scans/scan-1');
    expect(outputs).toMatchObject({ 'risk-score': '', 'release-status': '', 'sarif-file': '', 'comment-url': '' });
    expect(failedOutputs('error', 2, 'error: bad')).toMatchObject({ status: 'error', 'exit-code': '2', critical: '', scanners: '[]' });
  });
});

describe('when a comment is due', () => {
  const pr = contextFor('pull_request', pullRequestPayload());
  it.each([
    ['a same-repository pull request', pr, {}, true],
    ['comment off', pr, { comment: 'off' }, false],
    ['an async run', pr, { async: 'true' }, false],
    ['a push', contextFor('push', pushPayload('main')), {}, false],
    ['a fork pull request (tried; a 403 becomes a notice)', contextFor('pull_request', pullRequestPayload({ headRepo: 'fork/demo-app' })), {}, true],
    ['a fork pull request_target (base token)', contextFor('pull_request_target', pullRequestPayload({ headRepo: 'fork/demo-app' })), {}, true],
    ['a push with pr-number', contextFor('push', pushPayload('main')), { 'pr-number': '7' }, true],
  ])('%s', (_name, context, raw, post) => {
    expect(planComment(configFor(context, raw), context).post).toBe(post);
  });

  it('says why, as a notice, when the user can act on it', () => {
    const fork = contextFor('pull_request', pullRequestPayload({ headRepo: 'fork/demo-app' }));
    expect(planComment(configFor(fork), fork)).toMatchObject({ post: true, fork: true });
    expect(planComment(configFor(pr), pr)).toMatchObject({ post: true, fork: false });
    const noToken = configFor(pr);
    noToken.codeHost.githubToken = undefined;
    expect(planComment(noToken, pr)).toMatchObject({ post: false, notice: true, reason: expect.stringContaining('github-token') as string });
    expect(planComment(configFor(pr), pr)).toMatchObject({ post: true, owner: 'example-org', repo: 'demo-app', issueNumber: 7, apiUrl: 'https://api.github.com' });
  });
});

describe('size bounds', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await github?.close();
  });

  it('keeps the job summary within 1 MiB for a huge, hostile run', () => {
    const summary = jobSummary(hostileRun(), { maxFindings: 1_000_000, jobUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const many = jobSummary(manyFindingsRun(20_000), { maxFindings: 1_000_000 });
    expect(Buffer.byteLength(many, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(many).toContain('| Scanner | Type | Status | Critical | High | Medium | Low | Info | New | Risk score |');
  });

  it('posts a cut comment within 65,536 characters that links the job summary and keeps its marker', async () => {
    github = await startFakeGitHub({ tokens: { [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 } } });
    const context = contextFor('pull_request', pullRequestPayload(), { GITHUB_API_URL: github.url });
    const config = configFor(context, { 'max-findings': '100000' });
    const notices: string[] = [];
    const deps = { createStore: githubCommentStore, notice: (m: string) => notices.push(m), warning: (m: string) => notices.push(m), debug: () => undefined };
    const written = await publishComment(manyFindingsRun(20_000), config, context, deps);
    expect(written).toMatchObject({ action: 'created' });
    const [comment] = github.comments('example-org', 'demo-app', 7);
    expect(comment!.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(comment!.body).toContain('<!-- invicti-appsec:v1 id=demo-app/codethreat -->');
    expect(comment!.body).toContain('https://github.com/example-org/demo-app/actions/runs/55');
    expect(comment!.body).toMatch(/shortened|Showing the \d+ most severe/);
    expect(notices).toEqual([]);
  });
});
