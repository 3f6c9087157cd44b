/**
 * Annotations for the most important findings, within what the runner shows.
 *
 * GitHub displays at most 10 error and 10 warning annotations per step (50 per job) and drops the rest
 * silently, so we choose which ones it shows: most severe first (new before existing), critical and high as
 * errors, medium as warnings, low and info not at all (the summary and the comment list everything). Two
 * slots of each kind stay free for the adapter's own messages (the gate decision, a comment notice).
 * SAST findings point at their file and line, so they also appear in the pull request's diff view.
 */
import type { Severity } from '../../shared/api/types.js';
import type { Finding, RunResult } from '../../shared/core/result.js';
import { cleanText, truncate } from '../../shared/render/escape.js';
import { capitalise, isSastType, repoPath, sortedFindings, validLine } from '../../shared/render/format.js';
import { FINDING_ANNOTATION_LIMITS, RUNNER_ANNOTATION_LIMIT } from './annotation-limits.js';
import type { AnnotationProps } from './toolkit.js';

export type AnnotationLevel = 'error' | 'warning';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  props: AnnotationProps;
}

export { FINDING_ANNOTATION_LIMITS, RUNNER_ANNOTATION_LIMIT };

const LEVEL: Readonly<Record<Severity, AnnotationLevel | undefined>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: undefined,
  info: undefined,
};

/** Scanner text on one line, without control or direction characters; the toolkit escapes the rest. */
const plain = (text: string, max: number): string => truncate(cleanText(text).trim(), max);

/** A repository path the runner can map onto a file, or undefined (absolute, parent-relative or empty). */
function repoFile(path: string | undefined): string | undefined {
  const relative = repoPath(path);
  if (relative === '' || /^[A-Za-z]:/.test(relative) || relative.split('/').includes('..')) return undefined;
  return relative;
}

function annotationOf(f: Finding, level: AnnotationLevel): Annotation {
  const title = plain(`${capitalise(f.severity)}${f.isNew ? ' (new)' : ''}: ${f.name}`, 200);
  const details: string[] = [plain(f.name, 300)];
  if (f.cweId !== undefined && Number.isSafeInteger(f.cweId)) details.push(`CWE-${f.cweId}`);
  if (f.url !== undefined && f.url !== '') details.push(plain(`${f.method ?? ''} ${f.url}${f.parameter ? ` (${f.parameter})` : ''}`, 300));
  else if (f.path !== undefined && f.path !== '') details.push(plain(f.path, 300));
  details.push(`found by ${plain(f.scanner, 60)}`);
  const props: AnnotationProps = { title };
  const file = isSastType(f.scannerType) ? repoFile(f.path) : undefined;
  if (file !== undefined) {
    props.file = file;
    const line = validLine(f.line);
    if (line !== undefined) props.startLine = line;
  }
  return { level, message: details.join(' · '), props };
}

/** The annotations to emit for a run, most important first, at most `limits` of each level. */
export function findingAnnotations(result: RunResult, limits = FINDING_ANNOTATION_LIMITS): Annotation[] {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0 };
  const out: Annotation[] = [];
  for (const finding of sortedFindings(result)) {
    const level = LEVEL[finding.severity];
    if (level === undefined || used[level] >= limits[level]) continue;
    used[level] += 1;
    out.push(annotationOf(finding, level));
  }
  return out;
}
