/** semgrep JSON output -> findings (`check_id`, `extra.severity`, `path`, `start.line`, `extra.metadata.cwe`). */
import type { SeverityName } from '../scenario/schema.js';
import type { FindingRec } from '../state/types.js';
import { cweFrom } from './sarif.js';

type J = Record<string, unknown>;
const asObj = (v: unknown): J | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as J) : undefined);

export function isSemgrep(doc: J): boolean {
  if (!Array.isArray(doc.results)) return false;
  const first = asObj(doc.results[0]);
  return first ? typeof first.check_id === 'string' : Array.isArray(doc.errors) || asObj(doc.paths) !== undefined;
}

const SEVERITIES: Record<string, SeverityName> = {
  CRITICAL: 'critical',
  ERROR: 'high',
  HIGH: 'high',
  WARNING: 'medium',
  MEDIUM: 'medium',
  INFO: 'low',
  LOW: 'low',
  INVENTORY: 'info',
  EXPERIMENT: 'info',
};

export function semgrepFindings(doc: J): FindingRec[] {
  const out: FindingRec[] = [];
  for (const value of doc.results as unknown[]) {
    const r = asObj(value);
    if (!r) continue;
    const extra = asObj(r.extra);
    const meta = asObj(extra?.metadata);
    const name = typeof r.check_id === 'string' && r.check_id !== '' ? r.check_id : typeof extra?.message === 'string' ? extra.message : 'unnamed finding';
    const path = typeof r.path === 'string' ? r.path : undefined;
    const line = asObj(r.start)?.line;
    const rawCwe = meta?.cwe;
    const cwe = cweFrom(Array.isArray(rawCwe) ? rawCwe : [rawCwe]);
    const sev = typeof extra?.severity === 'string' ? extra.severity.toUpperCase() : 'WARNING';
    out.push({
      fingerprint: [name, path ?? '', typeof line === 'number' ? line : ''].join('|'),
      name,
      severity: SEVERITIES[sev] ?? 'medium',
      ...(cwe ? { cwe: cwe.id, ...(cwe.name ? { cweName: cwe.name } : {}) } : {}),
      ...(path ? { path } : {}),
      ...(typeof line === 'number' && line > 0 ? { line } : {}),
    });
  }
  return out;
}
