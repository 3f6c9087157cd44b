import { afterEach, describe, expect, it } from 'vitest';
import {
  annotationExternalId,
  bitbucketInsights,
  INSIGHTS_LIMITS,
  type InsightAnnotation,
  type InsightSeverity,
} from '../../../bitbucket-pipes/src/bitbucket-api.js';
import { CodeHostError } from '../../../shared/platforms/errors.js';
import { startFakeBitbucket, type FakeBitbucket } from '../../fakes/bitbucket-api.js';

const repo = { workspace: 'acme', repoSlug: 'shop' };
const COMMIT = 'a1b2c3d4e5f6';
const REPORT = 'invicti-appsec-payments';

let bb: FakeBitbucket;
afterEach(async () => {
  await bb.close();
});

const viaProxy = () => bitbucketInsights({ mode: 'pipelines-proxy', proxyUrl: bb.url });
const severities: InsightSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const findings = (n: number): InsightAnnotation[] =>
  Array.from({ length: n }, (_, i) => ({
    externalId: annotationExternalId('semgrep', 'rule-x', `src/file${i}.ts`, i + 1),
    summary: `Finding ${i}: ${'x'.repeat(i % 3 === 0 ? 600 : 10)}`,
    severity: severities[i % 4]!,
    path: `src/file${i}.ts`,
    line: i + 1,
    details: 'details',
  }));

describe('Bitbucket Code Insights', () => {
  it('puts the report through the Pipelines proxy: plain http, absolute-form, no credentials', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    await viaProxy().putReport(repo, COMMIT, REPORT, {
      title: 'Invicti AppSec',
      details: 'd'.repeat(5000),
      result: 'FAILED',
      data: Array.from({ length: 12 }, (_, i) => ({ title: `n${i}`, type: 'NUMBER' as const, value: i })),
    });
    const [put] = bb.requests;
    expect(put).toMatchObject({ method: 'PUT', absoluteForm: true });
    expect(put!.rawUrl).toBe(`http://api.bitbucket.org/2.0/repositories/acme/shop/commit/${COMMIT}/reports/${REPORT}`);
    expect(put!.headers.host).toBe('api.bitbucket.org');
    expect(put!.headers.authorization).toBeUndefined();
    const stored = bb.reports('acme', 'shop', COMMIT).get(REPORT)!;
    expect(stored).toMatchObject({ report_type: 'SECURITY', result: 'FAILED', reporter: 'Invicti AppSec' });
    expect(String(stored.details).length).toBeLessThanOrEqual(INSIGHTS_LIMITS.reportDetails);
    expect(stored.data).toHaveLength(10);
  });

  it('is idempotent: the same report id twice leaves one report, updated', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    await viaProxy().putReport(repo, COMMIT, REPORT, { title: 'Invicti AppSec', details: 'first', result: 'PENDING' });
    await viaProxy().putReport(repo, COMMIT, REPORT, { title: 'Invicti AppSec', details: 'second', result: 'PASSED' });
    const reports = bb.reports('acme', 'shop', COMMIT);
    expect(reports.size).toBe(1);
    expect(reports.get(REPORT)).toMatchObject({ details: 'second', result: 'PASSED' });
  });

  it('posts 250 annotations in 3 requests of at most 100, with summaries of at most 450 characters', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    const insights = viaProxy();
    await insights.putReport(repo, COMMIT, REPORT, { title: 't', details: 'd', result: 'FAILED' });
    const posted = await insights.postAnnotations(repo, COMMIT, REPORT, findings(250));
    expect(posted).toEqual({ posted: 250, dropped: 0, requests: 3 });
    const posts = bb.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([100, 100, 50]);
    const stored = bb.annotations('acme', 'shop', COMMIT, REPORT);
    expect(stored).toHaveLength(250);
    expect(stored.every((a) => String(a.summary).length <= 450 && a.annotation_type === 'VULNERABILITY')).toBe(true);
  });

  it('caps a report at 1000 annotations, keeping the most severe', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    const insights = viaProxy();
    await insights.putReport(repo, COMMIT, REPORT, { title: 't', details: 'd', result: 'FAILED' });
    const posted = await insights.postAnnotations(repo, COMMIT, REPORT, findings(1500));
    expect(posted).toEqual({ posted: 1000, dropped: 500, requests: 10 });
    const stored = bb.annotations('acme', 'shop', COMMIT, REPORT);
    expect(stored).toHaveLength(1000);
    const count = (s: string) => stored.filter((a) => a.severity === s).length;
    expect([count('CRITICAL'), count('HIGH'), count('MEDIUM'), count('LOW')]).toEqual([375, 375, 250, 0]);
  });

  it('re-posting the same findings upserts by external id instead of piling up', async () => {
    bb = await startFakeBitbucket({ proxyMode: true });
    const insights = viaProxy();
    await insights.putReport(repo, COMMIT, REPORT, { title: 't', details: 'd', result: 'FAILED' });
    await insights.postAnnotations(repo, COMMIT, REPORT, findings(30));
    await insights.postAnnotations(repo, COMMIT, REPORT, findings(30));
    expect(bb.annotations('acme', 'shop', COMMIT, REPORT)).toHaveLength(30);
  });

  it('uses credentials in REST mode, and fails with a clean 401 without them', async () => {
    const token = 'bb-access-TOKEN-0001';
    bb = await startFakeBitbucket({ bearer: { [token]: { uuid: '{bot}' } } });
    await bitbucketInsights({ mode: 'rest', apiUrl: bb.apiUrl, auth: { kind: 'bearer', token } }).putReport(repo, COMMIT, REPORT, {
      title: 't',
      details: 'd',
      result: 'PASSED',
    });
    expect(bb.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    expect(bb.requests[0]!.absoluteForm).toBe(false);

    const err: unknown = await bitbucketInsights({ mode: 'rest', apiUrl: bb.apiUrl, auth: { kind: 'bearer', token: 'wrong-TOKEN-xyz' } })
      .putReport(repo, COMMIT, REPORT, { title: 't', details: 'd', result: 'PASSED' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeHostError);
    expect((err as CodeHostError).status).toBe(401);
    expect((err as CodeHostError).message).not.toContain('wrong-TOKEN-xyz');
  });
});
