/**
 * Scanner resolution by type: with `scanner-type` set and `scanner` empty, the run uses every active scanner of
 * those types that the project already uses, meaning one with a scan or a saved scan configuration on the branch
 * (or the merge target), else on the project's default branch. Each choice carries its reason, so the output can
 * say why ("codethreat: last scanned on main 2 days ago"); finding none is a configuration error that lists what
 * the project does use.
 */
import type { PlatformApi, Project, Scanner } from '../api/types.js';
import { ConfigError } from '../errors.js';
import type { Clock } from '../ports.js';

export interface ChosenScanner {
  scanner: Scanner;
  /** Why it was chosen; undefined when the user named it. */
  reason?: string;
}

export interface ByTypeRequest {
  types: readonly string[];
  /** The branch of the run, the merge target when there is one, then the project's default branch. */
  branches: readonly string[];
  metaData: string;
}

const UNITS: readonly [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** "2 days ago", "1 hour ago", "just now". */
export function ago(ms: number): string {
  for (const [size, unit] of UNITS) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

async function usage(api: PlatformApi, project: Project, scanner: Scanner, branches: readonly string[], metaData: string, now: number): Promise<string | undefined> {
  for (const branch of branches) {
    const [scan] = (await api.listScans(project.name, { tool: scanner.slug, branch, metaData, limit: 1 })).items;
    if (scan) {
      const when = Date.parse(scan.date);
      return `last scanned on ${branch}${Number.isNaN(when) ? '' : ` ${ago(now - when)}`}`;
    }
    const [saved] = (await api.listScanparams(project.name, { toolId: scanner.id, branch, metaData, limit: 1 })).items;
    if (saved) return `saved scan configuration on ${branch}`;
  }
  return undefined;
}

const upper = (types: readonly string[]): string => types.map((t) => t.toUpperCase()).join('/');

/** The project's scanners grouped by type (`sast: codethreat, semgrep; dast: saltsecurity`), from its scans. */
async function projectScannersByType(api: PlatformApi, project: Project): Promise<string> {
  const scans = (await api.listScans(project.name, { limit: 100 })).items;
  const byType = new Map<string, Set<string>>();
  for (const scan of scans) {
    const type = scan.scannerType.toLowerCase() || 'unknown';
    byType.set(type, (byType.get(type) ?? new Set()).add(scan.tool));
  }
  if (byType.size === 0) return `Project "${project.name}" has no scans yet.`;
  const groups = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, tools]) => `${type}: ${[...tools].sort().join(', ')}`);
  return `Project "${project.name}" uses ${groups.join('; ')}.`;
}

export async function resolveScannersByType(api: PlatformApi, project: Project, request: ByTypeRequest, clock: Clock): Promise<ChosenScanner[]> {
  const types = request.types.map((t) => t.toLowerCase());
  const branches = [...new Set(request.branches.filter((b) => b !== ''))];
  const active = (await api.listActiveScanners({ types, limit: 0 })).items.filter((s) => !s.disabled && types.includes(s.type.toLowerCase()));
  const now = clock.now();
  const reasons = await Promise.all(active.map((scanner) => usage(api, project, scanner, branches, request.metaData, now)));
  const chosen: ChosenScanner[] = [];
  active.forEach((scanner, i) => {
    const reason = reasons[i];
    if (reason !== undefined) chosen.push({ scanner, reason });
  });
  if (chosen.length > 0) return chosen;

  const where = branches.map((b) => `"${b}"`).join(' or ');
  const available = active.length > 0 ? ` Active ${upper(types)} scanners on the platform: ${active.map((s) => s.slug).join(', ')}.` : ` The platform has no active ${upper(types)} scanner.`;
  const example = active[0]?.slug ?? 'its-slug';
  throw new ConfigError(
    'scanner-type',
    `project "${project.name}" uses no active ${upper(types)} scanner: none has a scan or a saved scan configuration on ${where}. ${await projectScannersByType(api, project)}${available} Set scanner to a slug (such as ${example}) to run it and save its configuration, or run it once on the project from the platform.`,
  );
}
