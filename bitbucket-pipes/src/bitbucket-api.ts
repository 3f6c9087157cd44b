/**
 * A small Bitbucket Cloud REST client: Code Insights (a report per commit, with annotations) and, through
 * `bitbucketCommentStore`, the sticky pull request comment. Limits below are Bitbucket's documented ones.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { bitbucketHttp, type BitbucketConnection } from './bitbucket-http.js';
import { INSIGHTS_LIMITS } from './insights-limits.js';

export { bitbucketHttp, BITBUCKET_API_URL, PIPELINES_API_URL, PIPELINES_PROXY_URL } from './bitbucket-http.js';
export type { BitbucketAuth, BitbucketConnection, BitbucketHttp } from './bitbucket-http.js';
export { bitbucketCommentStore, BITBUCKET_COMMENT_MAX_CHARS } from './bitbucket-comments.js';
export type { BitbucketCommentStoreOptions } from './bitbucket-comments.js';
export { INSIGHTS_LIMITS };


export interface RepoRef {
  workspace: string;
  repoSlug: string;
}

export type InsightResult = 'PASSED' | 'FAILED' | 'PENDING';
export type InsightSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export type InsightData =
  | { title: string; type: 'BOOLEAN'; value: boolean }
  | { title: string; type: 'NUMBER' | 'PERCENTAGE' | 'DURATION' | 'DATE'; value: number }
  | { title: string; type: 'TEXT'; value: string }
  | { title: string; type: 'LINK'; value: { text: string; href: string } };

export interface InsightReport {
  title: string;
  details: string;
  result: InsightResult;
  reporter?: string;
  link?: string;
  logoUrl?: string;
  data?: InsightData[];
}

export interface InsightAnnotation {
  /** Stable across runs for the same finding (see `annotationExternalId`), so re-posting upserts. */
  externalId: string;
  summary: string;
  details?: string;
  severity: InsightSeverity;
  path?: string;
  line?: number;
  link?: string;
  /** On the lines the change touched (`changed-only`): kept first when the limit cuts the list; not sent. */
  inChange?: boolean;
}

export interface AnnotationsPosted {
  posted: number;
  /** Left out over the 1000-per-report cap (the least severe go first). */
  dropped: number;
  requests: number;
}

const Report = z.object({ external_id: z.string().optional(), result: z.string().optional() }).loose();
const Anything = z.unknown();

export interface BitbucketInsights {
  /** Create or replace the report `reportId` on `commit` (PUT, idempotent). */
  putReport(repo: RepoRef, commit: string, reportId: string, report: InsightReport): Promise<void>;
  /** Post annotations in chunks of 100, at most 1000, most severe first. */
  postAnnotations(
    repo: RepoRef,
    commit: string,
    reportId: string,
    annotations: readonly InsightAnnotation[],
  ): Promise<AnnotationsPosted>;
}

export function bitbucketInsights(connection: BitbucketConnection): BitbucketInsights {
  const http = bitbucketHttp(connection);
  const reportPath = (repo: RepoRef, commit: string, reportId: string): string =>
    `/repositories/${seg(repo.workspace)}/${seg(repo.repoSlug)}/commit/${seg(commit)}/reports/${seg(reportId)}`;

  return {
    async putReport(repo, commit, reportId, report) {
      await http.request('PUT', reportPath(repo, commit, reportId), Report, reportBody(report));
    },

    async postAnnotations(repo, commit, reportId, annotations) {
      const unique = dedupe(annotations);
      const kept = [...unique]
        .sort((a, b) => Number(b.inChange === true) - Number(a.inChange === true) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
        .slice(0, INSIGHTS_LIMITS.annotationsPerReport);
      const path = `${reportPath(repo, commit, reportId)}/annotations`;
      let requests = 0;
      for (let i = 0; i < kept.length; i += INSIGHTS_LIMITS.annotationsPerRequest) {
        const chunk = kept.slice(i, i + INSIGHTS_LIMITS.annotationsPerRequest).map(annotationBody);
        await http.request('POST', path, Anything, chunk);
        requests += 1;
      }
      return { posted: kept.length, dropped: unique.length - kept.length, requests };
    },
  };
}

/** A stable annotation id from the parts that identify a finding (scanner, rule, path, line, ...). */
export function annotationExternalId(...parts: readonly (string | number | undefined)[]): string {
  const digest = createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('hex');
  return `invicti-appsec-${digest.slice(0, 32)}`;
}

const SEVERITY_RANK: Record<InsightSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

function reportBody(report: InsightReport): Record<string, unknown> {
  return {
    title: clip(report.title, 255),
    details: clip(report.details, INSIGHTS_LIMITS.reportDetails),
    report_type: 'SECURITY',
    reporter: report.reporter ?? 'Invicti AppSec',
    result: report.result,
    ...(report.link ? { link: report.link } : {}),
    ...(report.logoUrl ? { logo_url: report.logoUrl } : {}),
    data: (report.data ?? []).slice(0, INSIGHTS_LIMITS.reportData),
  };
}

function annotationBody(a: InsightAnnotation): Record<string, unknown> {
  const summary = clip(a.summary.replace(/\s+/g, ' ').trim(), INSIGHTS_LIMITS.annotationSummary);
  return {
    external_id: a.externalId,
    annotation_type: 'VULNERABILITY',
    // Bitbucket rejects an empty summary.
    summary: summary === '' ? 'Security finding' : summary,
    severity: a.severity,
    ...(a.details ? { details: clip(a.details, INSIGHTS_LIMITS.annotationDetails) } : {}),
    ...(a.path ? { path: a.path } : {}),
    ...(a.path && a.line !== undefined && Number.isInteger(a.line) && a.line > 0 ? { line: a.line } : {}),
    ...(a.link ? { link: a.link } : {}),
  };
}

/** One annotation per external id (Bitbucket keys them by it); the first wins. */
function dedupe(annotations: readonly InsightAnnotation[]): InsightAnnotation[] {
  const seen = new Set<string>();
  return annotations.filter((a) => (seen.has(a.externalId) ? false : (seen.add(a.externalId), true)));
}

/** Cut to `max` characters with an ellipsis, without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}
