/** Reading scans: project scan lists, detail, last_results, queue/completed/failed, event status. */
import { badRequest, notFound, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import type { EventRec, ScanRec } from '../state/types.js';
import { eventView, queueEntryView, scanView } from '../state/views.js';
import { boolQuery, pageQuery, paginate, textFilterApplies } from './common.js';
import { requireProject } from './projects.js';

/**
 * Filters of `projects/{p}/scans`. `tool` and `branch` are omitted by kdt when empty, so an empty value means
 * "any"; every other key, when present, matches exactly and an empty value means "empty" (not a wildcard),
 * so `meta_data=` finds only scans without meta (with `emptyFilter: any`, an empty `meta_data`/`environment` is "any").
 */
function scanFilter(ctx: RouteContext): (s: ScanRec) => boolean {
  const q = ctx.query;
  const store = ctx.env.store;
  const tool = q.get('tool') ?? '';
  const branch = q.get('branch') ?? '';
  const exact: [string, (s: ScanRec) => string][] = [
    ['meta_data', (s) => s.config.metaData],
    ['environment', (s) => s.config.environment],
    ['agent_id', (s) => s.config.agentId],
    ['fork_source_branch', (s) => s.config.forkSourceBranch],
  ];
  const flags: [string, (s: ScanRec) => boolean][] = [
    ['pr', (s) => s.config.pr.ok],
    ['fork_scan', (s) => s.config.forkScan],
    ['manual', (s) => s.config.manual],
  ];
  return (s) =>
    (tool === '' || store.scanner(s.config.toolId)?.slug === tool) &&
    (branch === '' || s.config.branch === branch) &&
    exact.every(([key, get]) => !textFilterApplies(ctx, key) || q.get(key) === get(s)) &&
    flags.every(([key, get]) => {
      const want = boolQuery(q, key);
      return want === undefined || want === get(s);
    });
}

function projectScans(ctx: RouteContext) {
  const { store, baseUrl } = ctx.env;
  const project = requireProject(store, ctx.params.project!);
  const matches = store.projectScans(project.id).filter(scanFilter(ctx));
  const { start, limit } = pageQuery(ctx, 10);
  return ok({ scans: paginate(matches, start, limit).map((s) => scanView(store, s, baseUrl)), total: matches.length, limit, start });
}

function requireScan(ctx: RouteContext): ScanRec {
  const scan = ctx.env.store.scan(ctx.params.id!);
  if (scan === undefined) throw notFound('scan not found');
  return scan;
}

/** The two most recent finished scans with the scan's project, tool, branch and meta [inference]. */
function lastResults(ctx: RouteContext) {
  const { store } = ctx.env;
  const scan = requireScan(ctx);
  const c = scan.config;
  const group = store
    .projectScans(c.projectId)
    .filter((s) => s.config.toolId === c.toolId && s.config.branch === c.branch && s.config.metaData === c.metaData);
  const result = (s: ScanRec | undefined) => (s === undefined ? undefined : { score: s.score, summary: { ...s.summary } });
  const [last, previous] = group;
  return ok({ last: result(last), ...(previous ? { previous: result(previous) } : {}) });
}

function eventList(state: EventRec['state']) {
  return (ctx: RouteContext) => {
    const { store, clock } = ctx.env;
    const now = clock.now();
    const events = [...store.events.values()].filter((e) => e.state === state).reverse();
    if (state !== 'running') events.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
    const { start, limit } = pageQuery(ctx, 10);
    return ok({ start, limit, total: events.length, scans: paginate(events, start, limit).map((e) => queueEntryView(store, e, now)) });
  };
}

function eventStatus(ctx: RouteContext) {
  const ev = ctx.env.store.events.get(ctx.params.id!);
  if (ev === undefined) throw badRequest('failed to get events');
  return ok(eventView(ev, ctx.env.clock.now(), ctx.env.baseUrl));
}

export function scanReadRoutes(r: Router): void {
  r.add('GET', '/api/v2/projects/:project/scans', projectScans);
  r.add('GET', '/api/v2/scans/queue', eventList('running'));
  r.add('GET', '/api/v2/scans/completed', eventList('finished'));
  r.add('GET', '/api/v2/scans/failed', eventList('failed'));
  r.add('GET', '/api/v2/scans/:id', (ctx) => ok(scanView(ctx.env.store, requireScan(ctx), ctx.env.baseUrl)));
  r.add('GET', '/api/v2/scans/:id/last_results', lastResults);
  r.add('GET', '/api/v2/events/:id/status', eventStatus);
}
