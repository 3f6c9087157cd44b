/**
 * Calls that start work: scans/create, scans/{id}/restart (a GET that creates work), restart_with_option and
 * scans/image. 201 each; restart answers `{event}`, the others `{event_id}` (kdt reads exactly these keys).
 */
import { isObjectId } from '../core/ids.js';
import { badRequest, created, notFound } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { GO_BODIES } from '../http/go-types.js';
import { emptyPr } from '../state/store.js';
import { startEvent } from '../state/events.js';
import type { ScanConfig, ScannerRec, ScanRec } from '../state/types.js';
import { bindRefusal, bool, customFrom, jsonBody, obj, prFrom, requireParams, requiresBind, scansImages, str } from './common.js';

function requireTool(ctx: RouteContext, idOrSlug: string): ScannerRec {
  const tool = idOrSlug === '' ? undefined : ctx.env.store.scanner(idOrSlug);
  if (tool === undefined) throw badRequest('invalid or inactive scanner tool');
  if (tool.disabled) throw badRequest(`scanner ${tool.slug} is disabled`);
  return tool;
}

function createScan(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.scanCreate);
  const spId = str(body, 'scanparams_id');
  const bodyCustom = customFrom(obj(body, 'custom'), 0);
  let config: ScanConfig;
  if (spId !== '') {
    // "When given, it will override other fields": the saved configuration wins over the body.
    const sp = store.scanparams.find((s) => s.id === spId);
    if (sp === undefined) throw badRequest('scanparams not found');
    requireTool(ctx, sp.toolId);
    config = store.configFromScanparams(sp);
    if (bodyCustom?.params) config.custom = { type: bodyCustom.type, params: bodyCustom.params };
  } else {
    const projectKey = str(body, 'project').trim();
    const project = projectKey === '' ? undefined : store.project(projectKey);
    if (project === undefined) throw badRequest('project not found');
    const tool = requireTool(ctx, str(body, 'tool_id') || str(body, 'tool'));
    const agentId = str(body, 'agent_id');
    if (agentId !== '' && !store.agents.some((a) => a.id === agentId)) throw badRequest('agent not found');
    const wanted = {
      projectId: project.id,
      toolId: tool.id,
      branch: str(body, 'branch') || project.defaultBranch,
      metaData: str(body, 'meta_data'),
      environment: str(body, 'environment'),
      agentId,
      pr: prFrom(obj(body, 'pr')),
      forkScan: bool(body, 'fork_scan'),
      forkSourceBranch: str(body, 'fork_source_branch'),
      manual: false,
      scanType: 'kdt',
      scanTag: '',
      custom: bodyCustom ?? { type: tool.customType, params: null },
    };
    const found = store.findScanparams(wanted);
    if (found === undefined && requiresBind(tool)) throw bindRefusal(tool.slug);
    if (found === undefined) requireParams(ctx, tool, bodyCustom);
    const sp = found ?? store.createScanparams(wanted);
    config = store.configFromScanparams(sp);
    if (bodyCustom) config.custom = bodyCustom;
  }
  config.scanTag = str(body, 'scan_tag');
  const ev = startEvent(store, clock, 'create', config);
  return created({ event_id: ev.id, message: 'scan started successfully' });
}

function sourceScan(ctx: RouteContext): ScanRec {
  const id = ctx.params.id!;
  if (!isObjectId(id)) throw badRequest(`invalid scan id [${id}]`);
  const scan = ctx.env.store.scan(id);
  if (scan === undefined) throw notFound('scan not found');
  requireTool(ctx, scan.config.toolId);
  return scan;
}

function restart(ctx: RouteContext) {
  const scan = sourceScan(ctx);
  const ev = startEvent(ctx.env.store, ctx.env.clock, 'restart', { ...scan.config, pr: { ...scan.config.pr } }, { sourceScanId: scan.id });
  return created({ event: ev.id, message: 'scan restarted successfully' });
}

/** `from` is the new scan's branch, `to` the PR target; kdt spells the environment key `Environment`. */
function restartWithOption(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const scan = sourceScan(ctx);
  const body = jsonBody(ctx, GO_BODIES.restartWithOption);
  const to = str(body, 'to');
  const environment = str(body, 'Environment') || str(body, 'environment') || scan.config.environment;
  const custom = customFrom(obj(body, 'custom'), scan.config.custom.type);
  const sp = store.findOrCreateScanparams({
    ...scan.config,
    branch: str(body, 'from') || scan.config.branch,
    environment,
    pr: {
      ok: to !== '',
      target: to,
      prNumber: str(body, 'pr_number'),
      noDecoration: bool(body, 'no_decoration'),
      decorationScannerTypes: str(body, 'pr_decoration_scanner_types'),
    },
    custom: custom?.params ? custom : scan.config.custom,
  });
  const config = { ...store.configFromScanparams(sp), scanTag: scan.config.scanTag };
  if (custom?.params) config.custom = custom;
  const ev = startEvent(store, clock, 'restart_with_option', config, { sourceScanId: scan.id });
  return created({ event: ev.id, message: 'scan restarted successfully' });
}

/** `project` is a project ID here (a name elsewhere). */
function imageScan(ctx: RouteContext) {
  const { store, clock } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.imageScan);
  const projectId = str(body, 'project');
  const project = store.projects.find((p) => p.id === projectId);
  if (project === undefined) throw badRequest('project not found');
  const tool = requireTool(ctx, str(body, 'tool'));
  // Only container scanners scan images; the real refusal's status and text are not documented.
  if (!scansImages(tool) && store.scenario.imageScanners === 'container') throw badRequest(`scanner ${tool.slug} is not a container scanner: image scans need a scanner of type cs`);
  const image = str(body, 'image').trim();
  if (image === '') throw badRequest('image is required');
  const sp = store.findOrCreateScanparams({
    projectId: project.id,
    toolId: tool.id,
    branch: str(body, 'branch') || project.defaultBranch,
    metaData: str(body, 'meta_data'),
    environment: str(body, 'environment'),
    agentId: '',
    pr: emptyPr(),
    forkScan: false,
    forkSourceBranch: '',
    manual: false,
    scanType: 'kdt',
    scanTag: '',
    custom: customFrom(obj(body, 'custom'), tool.customType) ?? { type: tool.customType, params: null },
  });
  const config: ScanConfig = { ...store.configFromScanparams(sp), scanType: 'image', scanTag: str(body, 'scan_tag'), image };
  const ev = startEvent(store, clock, 'image', config);
  return created({ event_id: ev.id, message: 'image scan started successfully' });
}

export function startRoutes(r: Router): void {
  r.add('POST', '/api/v2/scans/create', createScan);
  r.add('GET', '/api/v2/scans/:id/restart', restart);
  r.add('POST', '/api/v2/scans/:id/restart_with_option', restartWithOption);
  r.add('POST', '/api/v2/scans/image', imageScan);
}
