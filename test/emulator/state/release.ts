/**
 * Release criteria ("security criteria") of a project on a branch. Each type's rule is a fixed status or a
 * `failWhen` threshold set evaluated on the latest finished scan of that scanner type on the branch; a
 * computed rule with no such scan answers `undefined`. Overall: `fail` if any type fails, else `success` if
 * any succeeds, else `undefined`.
 */
import { RELEASE_TYPES } from '../scenario/schema.js';
import type { ReleaseRule } from '../scenario/schema.js';
import type { Store } from './store.js';
import type { ProjectRec, ScanRec } from './types.js';

type TypeStatus = { status: string; scan_id?: string };

function evaluate(rule: ReleaseRule | undefined, scan: ScanRec | undefined): string {
  if (rule === undefined) return 'undefined';
  if (typeof rule === 'string') return rule;
  if (scan === undefined) return 'undefined';
  const limits = rule.failWhen;
  const over = (value: number, limit: number | undefined): boolean => limit !== undefined && value > limit;
  const s = scan.summary;
  const failed =
    over(s.critical, limits.critical) ||
    over(s.high, limits.high) ||
    over(s.medium, limits.medium) ||
    over(s.low, limits.low) ||
    over(s.info, limits.info) ||
    over(scan.score, limits.score);
  return failed ? 'fail' : 'success';
}

export function releaseStatus(store: Store, project: ProjectRec, branch: string): Record<string, unknown> {
  const scans = store.projectScans(project.id).filter((s) => s.config.branch === branch);
  const perType: Record<string, TypeStatus> = {};
  for (const type of RELEASE_TYPES) {
    const latest = scans.find((s) => store.scanner(s.config.toolId)?.type === type);
    const status = evaluate(project.releaseRules[type], latest);
    perType[type] = latest ? { status, scan_id: latest.id } : { status };
  }
  const statuses = Object.values(perType).map((t) => t.status);
  const overall = statuses.includes('fail') ? 'fail' : statuses.includes('success') ? 'success' : 'undefined';
  let progress = 'ready';
  if (project.pendingPolls > 0) {
    project.pendingPolls -= 1;
    progress = 'in_progress';
  }
  return { progress_status: progress, status: overall, ...perType };
}
