/** Projects: search, detail, create, update, ALM check. */
import { badRequest, created, notFound, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { GO_BODIES } from '../http/go-types.js';
import type { Store } from '../state/store.js';
import type { ProjectRec } from '../state/types.js';
import { projectView } from '../state/views.js';
import { bool, jsonBody, obj, pageQuery, paginate, str } from './common.js';
import type { Json } from './common.js';

const ALMS = new Set(['azureserver', 'azurecloud', 'bitbucket', 'bitbucketserver', 'github', 'gitlabcloud', 'gitlabonprem', 'git', 'githubenterprise']);

const normalizeRepo = (r: string): string => r.trim().toLowerCase().replace(/\/+$/, '').replace(/\.git$/, '');

function repoMatches(p: ProjectRec, repo: string): boolean {
  return (p.repoUrl !== '' && normalizeRepo(p.repoUrl) === normalizeRepo(repo)) || (p.repoId !== '' && p.repoId === repo);
}

export function requireProject(store: Store, idOrName: string, message = 'project not found'): ProjectRec {
  const p = store.project(idOrName);
  if (p === undefined) throw notFound(message);
  return p;
}

function list(ctx: RouteContext) {
  const { store } = ctx.env;
  const name = (ctx.query.get('name') ?? '').trim();
  const alm = (ctx.query.get('alm') ?? '').trim();
  const { start, limit } = pageQuery(ctx, 10);
  const exact = store.scenario.projectNameMatch === 'exact';
  const matches = store.projects.filter((p) => {
    if (alm !== '' && !repoMatches(p, alm)) return false;
    if (name === '') return true;
    return p.id === name || (exact ? p.name === name : p.name.toLowerCase().includes(name.toLowerCase()));
  });
  return ok({
    projects: paginate(matches, start, limit).map((p) => projectView(p, ctx.env.baseUrl)),
    total: matches.length,
    start,
    limit,
  });
}

/** Name from the repo URL's last path segment (or the repo id's), without `.git`. */
function nameFromRepo(url: string, repoId: string): string {
  let path = repoId;
  try {
    if (url !== '') path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const seg = path.split('/').filter((s) => s !== '').pop() ?? '';
  return seg.replace(/\.git$/, '');
}

function labelNames(body: Json): string[] | undefined {
  const raw = body.labels;
  if (!Array.isArray(raw)) return undefined;
  return raw.map((l: unknown) => (typeof l === 'string' ? l : str(l as Json, 'name'))).filter((n) => n !== '');
}

/**
 * A label or team the tenant does not have: 400 (`unknownTeamsLabels: refuse`, default) or created on the fly
 * (`create`). The real answer is not documented; kdt's "failed to add some labels" log hints labels may be dropped.
 */
function checkTeamAndLabels(store: Store, team: string, labels: readonly string[]): void {
  if (store.scenario.unknownTeamsLabels === 'create') return;
  if (team !== '' && !store.hasTeam(team)) throw badRequest(`team not found: ${team}`);
  const missing = labels.filter((l) => !store.hasLabel(l));
  if (missing.length > 0) throw badRequest(`label not found: ${missing.join(',')}`);
}

function create(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.project);
  const source = obj(body, 'source');
  const url = str(source, 'url').trim();
  const repoId = str(source, 'id').trim();
  let name = str(body, 'name').trim();
  if (name === '' && url === '' && repoId === '') throw badRequest('invalid project data');
  if (name === '') name = nameFromRepo(url, repoId);
  if (name === '') throw badRequest('invalid project data');
  const existing = store.projects.find((p) => p.name === name);
  const labels = labelNames(body) ?? [];
  const team = str(obj(body, 'team'), 'name').trim() || 'default';
  const defaultBranch = str(body, 'default_branch').trim() || 'main';
  const level = typeof body.criticality_level === 'number' ? body.criticality_level : -1;
  checkTeamAndLabels(store, team, labels);
  if (existing !== undefined && bool(body, 'overwrite')) {
    existing.labels = labels.map((l) => store.labelRef(l));
    existing.team = store.teamRef(team);
    existing.criticalityLevel = level;
    return created({ project: projectView(existing, ctx.env.baseUrl), message: 'project overwritten successfully' });
  }
  if (existing !== undefined) {
    if (!bool(body, 'override')) throw badRequest('project already exists');
    let n = 1;
    while (store.projects.some((p) => p.name === `${name}-${n}`)) n += 1;
    name = `${name}-${n}`;
  }
  const rec = store.addProject({
    name,
    defaultBranch,
    labels,
    team,
    repoUrl: url,
    repoId,
    almTool: str(source, 'tool'),
    createdAt: clock.now(),
    criticalityLevel: level,
  });
  return created({ project: projectView(rec, ctx.env.baseUrl), message: 'project created successfully' });
}

/** kdt sends the whole ProjectDetail: empty strings and nulls mean "no change". */
function update(ctx: RouteContext) {
  const { store } = ctx.env;
  const p = requireProject(store, ctx.params.project!);
  const body = jsonBody(ctx, GO_BODIES.project);
  const labels = labelNames(body);
  const team = str(obj(body, 'team'), 'name').trim();
  checkTeamAndLabels(store, team, labels ?? []);
  if (labels !== undefined) p.labels = labels.map((l) => store.labelRef(l));
  if (typeof body.criticality_level === 'number') p.criticalityLevel = body.criticality_level;
  const branch = str(body, 'default_branch').trim();
  if (branch !== '') p.defaultBranch = branch;
  if (team !== '') p.team = store.teamRef(team);
  return ok({ message: 'project updated successfully', project: projectView(p, ctx.env.baseUrl) });
}

function check(ctx: RouteContext) {
  const alm = ctx.params.alm!;
  if (!ALMS.has(alm)) throw badRequest('invalid ALM tool');
  const repo = ctx.params.repo!;
  return ok({ exist: ctx.env.store.projects.some((p) => repoMatches(p, repo)) });
}

export function projectRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects', list);
  r.add('POST', '/api/v2/projects', create);
  r.add('GET', '/api/v2/projects/check/:alm/*repo', check);
  r.add('GET', '/api/v2/projects/:project', (ctx) => ok({ project: projectView(requireProject(ctx.env.store, ctx.params.project!), ctx.env.baseUrl) }));
  r.add('PATCH', '/api/v2/projects/:project', update);
}
