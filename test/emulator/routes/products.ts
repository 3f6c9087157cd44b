/** Products, labels and teams: the rest of kdt's surface (`list products`, `create product|label|team`, `create project -P`). */
import { badRequest, created, notFound, ok } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { GO_BODIES } from '../http/go-types.js';
import type { Store } from '../state/store.js';
import type { ProductRec } from '../state/types.js';
import { projectView } from '../state/views.js';
import { jsonBody, obj, str } from './common.js';
import type { Json } from './common.js';

function productSummary(p: ProductRec, baseUrl: string): Record<string, unknown> {
  return { id: p.id, name: p.name, projects_count: p.projectIds.length, links: { html: `${baseUrl}/products/${p.id}` } };
}

function productDetail(p: ProductRec, store: Store, baseUrl: string): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    projects: p.projectIds.flatMap((id) => {
      const project = store.project(id);
      return project === undefined ? [] : [projectView(project, baseUrl)];
    }),
    business_unit_tags: p.businessUnitTags,
    accessible_for: p.accessibleFor,
    default_team: { id: p.defaultTeamId },
  };
}

/** The body's `projects` as project ids (kdt sends `{id}`; a name is accepted too); undefined when absent or null. */
function projectIds(store: Store, body: Json): string[] | undefined {
  const raw = body.projects;
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest('invalid product data');
  return raw.map((entry: unknown) => {
    const e = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Json) : {};
    const ref = str(e, 'id').trim() || str(e, 'name').trim();
    const project = ref === '' ? undefined : store.project(ref);
    if (project === undefined) throw badRequest(`invalid product data: project not found: ${ref}`);
    return project.id;
  });
}

function requireProduct(store: Store, id: string): ProductRec {
  const p = store.products.find((x) => x.id === id);
  if (p === undefined) throw notFound('product not found');
  return p;
}

/** `name` filters by case-insensitive substring; kdt then looks for an exact match itself. */
function list(ctx: RouteContext) {
  const name = (ctx.query.get('name') ?? '').trim().toLowerCase();
  const matches = ctx.env.store.products.filter((p) => name === '' || p.name.toLowerCase().includes(name));
  return ok({ products: matches.map((p) => productSummary(p, ctx.env.baseUrl)), total: matches.length, error: '' });
}

function create(ctx: RouteContext) {
  const { store, baseUrl } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.product);
  const name = str(body, 'name').trim();
  if (name === '') throw badRequest('invalid product data');
  if (store.products.some((p) => p.name === name)) throw badRequest('product already exists');
  const rec: ProductRec = {
    id: store.ids.next(),
    name,
    projectIds: [...new Set(projectIds(store, body) ?? [])],
    businessUnitTags: Array.isArray(body.business_unit_tags) ? body.business_unit_tags : [],
    accessibleFor: { owner_ids: [], team_ids: [] },
    defaultTeamId: str(obj(body, 'default_team'), 'id'),
  };
  store.products.push(rec);
  return created({ product: productDetail(rec, store, baseUrl), message: 'product created successfully' });
}

/** kdt sends the GET result back with new projects appended: the project list is replaced, empty name kept. */
function update(ctx: RouteContext) {
  const { store, baseUrl } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.product);
  const p = requireProduct(store, ctx.params.product!);
  const ids = projectIds(store, body);
  const name = str(body, 'name').trim();
  if (name !== '' && name !== p.name && store.products.some((x) => x.name === name)) throw badRequest('product already exists');
  if (name !== '') p.name = name;
  if (ids !== undefined) p.projectIds = [...new Set(ids)];
  return ok({ product: productDetail(p, store, baseUrl), message: 'product updated successfully' });
}

function createLabel(ctx: RouteContext) {
  const { store } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.label);
  const name = str(body, 'name').trim();
  if (name === '') throw badRequest('invalid label data');
  if (store.hasLabel(name)) throw badRequest('label already exists');
  const ref = store.labelRef(name);
  return created({ label: { ...ref, color: str(body, 'color') || '000000' }, message: 'label created successfully' });
}

function createTeam(ctx: RouteContext) {
  const { store } = ctx.env;
  const body = jsonBody(ctx, GO_BODIES.team);
  const name = str(body, 'name').trim();
  if (name === '') throw badRequest('invalid team data');
  if (store.hasTeam(name)) throw badRequest('team already exists');
  return created({ team: store.teamRef(name), message: 'team created successfully' });
}

export function productRoutes(r: Router): void {
  r.add('GET', '/api/v2/products', list);
  r.add('POST', '/api/v2/products', create);
  r.add('GET', '/api/v2/products/:product', (ctx) => ok({ product: productDetail(requireProduct(ctx.env.store, ctx.params.product!), ctx.env.store, ctx.env.baseUrl), error: '' }));
  r.add('PATCH', '/api/v2/products/:product', update);
  r.add('POST', '/api/v2/labels', createLabel);
  r.add('POST', '/api/v2/teams', createTeam);
}
