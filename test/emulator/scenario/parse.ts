/** Validation of scenarios (objects or JSON/YAML files), with errors that name the bad field's path. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema } from './schema.js';
import type { ResolvedScenario } from './schema.js';

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** `scanners[1].findings.default[0].severity` style path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** References between entities (scanparams -> project/tool/agent, baseline scans -> project/tool) and uniqueness. */
function checkReferences(s: ResolvedScenario): string[] {
  const problems: string[] = [];
  const projects = new Set<string>();
  s.projects.forEach((p, i) => {
    if (projects.has(p.name)) problems.push(`projects[${i}].name: duplicate project name "${p.name}"`);
    projects.add(p.name);
  });
  const scanners = new Set<string>();
  s.scanners.forEach((sc, i) => {
    if (scanners.has(sc.slug)) problems.push(`scanners[${i}].slug: duplicate scanner slug "${sc.slug}"`);
    scanners.add(sc.slug);
  });
  const agents = new Set(s.agents.map((a) => a.label));
  const ids = new Map<string, string>();
  const claim = (id: string | undefined, where: string): void => {
    if (id === undefined) return;
    const other = ids.get(id);
    if (other !== undefined) problems.push(`${where}: id ${id} already used by ${other}`);
    ids.set(id, where);
  };
  s.projects.forEach((p, i) => claim(p.id, `projects[${i}].id`));
  s.scanners.forEach((sc, i) => claim(sc.id, `scanners[${i}].id`));
  s.agents.forEach((a, i) => claim(a.id, `agents[${i}].id`));
  s.scanparams.forEach((sp, i) => {
    claim(sp.id, `scanparams[${i}].id`);
    if (!projects.has(sp.project)) problems.push(`scanparams[${i}].project: unknown project "${sp.project}"`);
    if (!scanners.has(sp.tool)) problems.push(`scanparams[${i}].tool: unknown scanner "${sp.tool}"`);
    if (sp.agent !== undefined && !agents.has(sp.agent)) problems.push(`scanparams[${i}].agent: unknown agent "${sp.agent}"`);
  });
  const projectIds = new Set(s.projects.map((p) => p.id).filter((id) => id !== undefined));
  s.products.forEach((pr, i) => {
    claim(pr.id, `products[${i}].id`);
    for (const ref of pr.projects) if (!projects.has(ref) && !projectIds.has(ref)) problems.push(`products[${i}].projects: unknown project "${ref}"`);
  });
  s.baselineScans.forEach((b, i) => {
    if (!projects.has(b.project)) problems.push(`baselineScans[${i}].project: unknown project "${b.project}"`);
    if (!scanners.has(b.tool)) problems.push(`baselineScans[${i}].tool: unknown scanner "${b.tool}"`);
  });
  return problems;
}

/** Validates a scenario object and fills in defaults; throws `ScenarioError` naming the first bad fields. */
export function parseScenario(input: unknown): ResolvedScenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(`invalid scenario: ${describeIssues(result.error.issues)}`);
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw new ScenarioError(`invalid scenario: ${problems.slice(0, 3).join('; ')}`);
  return result.data;
}

/** Reads a JSON or YAML scenario file (by extension; other names are tried as JSON, then YAML). */
export function loadScenarioFile(file: string): ResolvedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    throw new ScenarioError(`cannot read scenario file ${file}: ${code}`);
  }
  const ext = extname(file).toLowerCase();
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    throw new ScenarioError(`scenario file ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${first}`);
  }
  try {
    return parseScenario(data);
  } catch (err) {
    if (err instanceof ScenarioError) throw new ScenarioError(`${file}: ${err.message}`);
    throw err;
  }
}
