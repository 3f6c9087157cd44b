/** Scan parameters (saved scan configurations): search, create (echoing a non-null `custom`), delete. */
import { badRequest, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { GO_BODIES } from '../http/go-types.js';
import type { ScanparamsRec } from '../state/types.js';
import { scanparamsView } from '../state/views.js';
import { bindRefusal, bool, boolQuery, customFrom, jsonBody, obj, pageQuery, paginate, prFrom, requireParams, requiresBind, str, textFilterApplies } from './common.js';
import { requireProject } from './projects.js';

/** Every key kdt sends is a filter when present; an empty value means "empty", except `tool_id` (any). */
function search(ctx: RouteContext) {
  const { store } = ctx.env;
  const project = requireProject(store, ctx.params.project!);
  const q = ctx.query;
  const toolId = q.get('tool_id') ?? '';
  const agentLabel = (sp: ScanparamsRec): string => store.agents.find((a) => a.id === sp.agentId)?.label ?? '';
  const exact: [string, (sp: ScanparamsRec) => string][] = [
    ['branch', (sp) => sp.branch],
    ['meta_data', (sp) => sp.metaData],
    ['environment', (sp) => sp.environment],
    ['fork_source_branch', (sp) => sp.forkSourceBranch],
    ['target', (sp) => sp.pr.target],
    ['agent', agentLabel],
  ];
  const flags: [string, (sp: ScanparamsRec) => boolean][] = [
    ['pr', (sp) => sp.pr.ok],
    ['fork_scan', (sp) => sp.forkScan],
    ['manual', (sp) => sp.manual],
  ];
  const matches = store.scanparams
    .filter(
      (sp) =>
        sp.projectId === project.id &&
        (toolId === '' || sp.toolId === toolId || store.scanner(sp.toolId)?.slug === toolId) &&
        exact.every(([key, get]) => !textFilterApplies(ctx, key) || q.get(key) === get(sp)) &&
        flags.every(([key, get]) => {
          const want = boolQuery(q, key);
          return want === undefined || want === get(sp);
        }),
    )
    .reverse();
  const { start, limit } = pageQuery(ctx, 10);
  return ok({ scanparams: paginate(matches, start, limit).map((sp) => scanparamsView(store, sp)), limit, start, total: matches.length });
}

/** The path holds the project ID (a name is accepted too); 200 as in the docs. */
function create(ctx: RouteContext) {
  const { store } = ctx.env;
  const project = requireProject(store, ctx.params.project!);
  const body = jsonBody(ctx, GO_BODIES.scanparams);
  const tool = store.scanner(str(obj(body, 'tool'), 'id'));
  if (tool === undefined) throw badRequest('invalid tool');
  if (requiresBind(tool) && str(body, 'bind_name') === '') throw bindRefusal(tool.slug);
  const agentId = str(obj(body, 'agent'), 'id');
  if (agentId !== '' && !store.agents.some((a) => a.id === agentId)) throw badRequest('agent not found');
  const custom = customFrom(obj(body, 'custom'), tool.customType);
  requireParams(ctx, tool, custom);
  const sp: ScanparamsRec = {
    id: store.ids.next(),
    projectId: project.id,
    toolId: tool.id,
    branch: str(body, 'branch'),
    metaData: str(body, 'meta_data'),
    environment: str(body, 'environment'),
    agentId,
    pr: prFrom(obj(body, 'pr')),
    forkScan: bool(body, 'fork_scan'),
    forkSourceBranch: str(body, 'fork_source_branch'),
    manual: bool(body, 'manual'),
    bindName: str(body, 'bind_name'),
    scanType: str(body, 'scan_type') || 'kdt',
    scanTag: str(body, 'scan_tag'),
    custom: custom ?? { type: tool.customType, params: null },
  };
  store.scanparams.push(sp);
  return ok({ scanparams: scanparamsView(store, sp), message: 'scanparams created successfully' });
}

function remove(ctx: RouteContext) {
  const { store } = ctx.env;
  const project = requireProject(store, ctx.params.project!);
  const body = jsonBody(ctx, GO_BODIES.scanparamsDelete);
  const id = str(body, 'id');
  const tool = str(body, 'tool_name');
  const branch = str(body, 'branch');
  const meta = str(body, 'meta_data');
  const metaEmpty = bool(body, 'meta_data_is_empty');
  const doomed = store.scanparams.filter(
    (sp) =>
      sp.projectId === project.id &&
      (id === '' || sp.id === id) &&
      (tool === '' || store.scanner(sp.toolId)?.slug === tool) &&
      (branch === '' || sp.branch === branch) &&
      (metaEmpty ? sp.metaData === '' : meta === '' || sp.metaData === meta),
  );
  for (const sp of doomed) store.scanparams.splice(store.scanparams.indexOf(sp), 1);
  return ok({ message: `${doomed.length} scanparams deleted`, deleted: doomed.length });
}

export function scanparamsRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects/:project/scanparams', search);
  r.add('POST', '/api/v2/projects/:project/scanparams', create);
  r.add('POST', '/api/v2/projects/:project/scanparams/delete', remove);
}
