/** Health check, active scanners and agents. */
import { ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { agentView, scannerView } from '../state/views.js';
import { intQuery, paginate } from './common.js';

const csv = (raw: string | null): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * `name` matches the slug exactly, or as a case-insensitive substring with `scannerNameMatch: contains`;
 * `labels` keeps scanners that carry every listed label; `limit=0` (or none) means no limit; `total` counts
 * all matches, so kdt's `total == 1` check sees ambiguity even with `limit=1`.
 */
function activeScanners(ctx: RouteContext) {
  const { store } = ctx.env;
  const types = csv(ctx.query.get('types'));
  const labels = csv(ctx.query.get('labels'));
  const name = (ctx.query.get('name') ?? '').trim();
  const contains = store.scenario.scannerNameMatch === 'contains';
  const matches = store.scanners.filter(
    (s) =>
      (types.length === 0 || types.includes(s.type)) &&
      labels.every((l) => s.labels.includes(l)) &&
      (name === '' || (contains ? s.slug.toLowerCase().includes(name.toLowerCase()) : s.slug === name)),
  );
  const limit = intQuery(ctx.query, 'limit', 0);
  return ok({ active_scanners: paginate(matches, 0, limit).map(scannerView), total: matches.length });
}

function agents(ctx: RouteContext) {
  const label = (ctx.query.get('label') ?? '').trim();
  const matches = ctx.env.store.agents.filter((a) => label === '' || a.label === label);
  const limit = intQuery(ctx.query, 'limit', 0);
  return ok({ active_agents: paginate(matches, 0, limit).map(agentView), total: matches.length });
}

export function catalogRoutes(r: Router): void {
  const health = () => ok({ status: 'ok' });
  r.add('GET', '/api/v2/health/check', health);
  r.add('GET', '/api/v2/health/check/', health);
  r.add('GET', '/api/v2/scanners/active', activeScanners);
  r.add('GET', '/api/v2/agents', agents);
}
