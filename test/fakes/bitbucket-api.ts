/**
 * A fake Bitbucket Cloud REST 2.0 API: Code Insights reports and annotations, pull request comments
 * (`values`/`pagelen`/`next` with absolute URLs) and `GET /2.0/user`.
 *
 * With `proxyMode`, the Code Insights routes also accept requests without credentials, as the Pipelines auth
 * proxy does; point a client's proxy URL at `url` and the fake records the absolute-form targets it receives.
 * Every other route, and every route without `proxyMode`, needs Bearer or Basic auth (401 otherwise).
 */
import { bodyOf, intParam, paginate, startFakeServer, type FakeResponse, type RecordedRequest, type Route } from './http-fake.js';

export interface BitbucketUser {
  uuid: string;
  account_id?: string;
  display_name?: string;
  nickname?: string;
}

export interface BitbucketCredential extends BitbucketUser {
  /** Access tokens are not user accounts: `GET /2.0/user` answers 403 for them. */
  userEndpointForbidden?: boolean;
  /** Writes answer 403 (a token without the write scope). */
  readOnly?: boolean;
}

export interface FakeBbComment {
  id: number;
  raw: string;
  user: BitbucketUser;
  deleted: boolean;
  created_on: string;
  updated_on: string;
}

export interface FakeBitbucket {
  url: string;
  /** `${url}/2.0` (REST mode base URL). */
  apiUrl: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
  reports(workspace: string, repo: string, commit: string): Map<string, Record<string, unknown>>;
  annotations(workspace: string, repo: string, commit: string, reportId: string): Array<Record<string, unknown>>;
  comments(workspace: string, repo: string, prId: number): FakeBbComment[];
  /** The unified diff `GET .../pullrequests/{id}/diff` redirects to. */
  setPullDiff(workspace: string, repo: string, prId: number, diff: string): void;
  seedComments(workspace: string, repo: string, prId: number, list: ReadonlyArray<{ raw: string; user: BitbucketUser; deleted?: boolean }>): FakeBbComment[];
}

const error = (status: number, message: string): FakeResponse => ({ status, body: { type: 'error', error: { message } } });

export async function startFakeBitbucket(options: {
  /** Access tokens (`Authorization: Bearer <token>`). */
  bearer?: Record<string, BitbucketCredential>;
  /** API tokens, keyed `email:apiToken` (`Authorization: Basic base64(email:apiToken)`). */
  basic?: Record<string, BitbucketCredential>;
  proxyMode?: boolean;
}): Promise<FakeBitbucket> {
  const reports = new Map<string, Map<string, Record<string, unknown>>>();
  const annotations = new Map<string, Map<string, Record<string, unknown>>>();
  const threads = new Map<string, FakeBbComment[]>();
  const diffs = new Map<string, string>();
  let nextId = 700_001;
  let clock = Date.UTC(2026, 0, 1);
  const now = (): string => new Date((clock += 1000)).toISOString();
  const keyed = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    let v = map.get(key);
    if (v === undefined) map.set(key, (v = make()));
    return v;
  };
  type Store = Map<string, Record<string, unknown>>;
  const reportsOf = (w: string, r: string, c: string): Store =>
    keyed(reports, `${w}/${r}@${c}`.toLowerCase(), (): Store => new Map());
  const annotationsOf = (w: string, r: string, c: string, id: string): Store =>
    keyed(annotations, `${w}/${r}@${c}#${id}`.toLowerCase(), (): Store => new Map());
  const thread = (w: string, r: string, pr: number): FakeBbComment[] => keyed(threads, `${w}/${r}!${pr}`.toLowerCase(), () => []);
  let baseUrl = '';

  const credential = (req: RecordedRequest): BitbucketCredential | undefined => {
    const header = String(req.headers.authorization ?? '');
    const bearer = /^bearer\s+(\S+)$/i.exec(header)?.[1];
    if (bearer !== undefined) return options.bearer?.[bearer];
    const basic = /^basic\s+(\S+)$/i.exec(header)?.[1];
    if (basic !== undefined) return options.basic?.[Buffer.from(basic, 'base64').toString('utf8')];
    return undefined;
  };
  /** Code Insights: free through the proxy, otherwise authenticated. Returns the 401 to send, if any. */
  const insightsAuth = (req: RecordedRequest): FakeResponse | undefined =>
    options.proxyMode === true || credential(req) ? undefined : error(401, 'Unauthorized');
  const userJson = (u: BitbucketUser): Record<string, unknown> => ({
    type: 'user',
    uuid: u.uuid,
    ...(u.account_id ? { account_id: u.account_id } : {}),
    display_name: u.display_name ?? u.nickname ?? 'Bot',
    nickname: u.nickname ?? 'bot',
  });
  const commentJson = (w: string, r: string, pr: number, c: FakeBbComment): Record<string, unknown> => ({
    id: c.id,
    type: 'pullrequest_comment',
    created_on: c.created_on,
    updated_on: c.updated_on,
    content: { type: 'rendered', raw: c.deleted ? '' : c.raw, markup: 'markdown', html: '' },
    user: userJson(c.user),
    deleted: c.deleted,
    pullrequest: { type: 'pullrequest', id: pr },
    links: {
      self: { href: `${baseUrl}/2.0/repositories/${w}/${r}/pullrequests/${pr}/comments/${c.id}` },
      html: { href: `https://bitbucket.org/${w}/${r}/pull-requests/${pr}#comment-${c.id}` },
    },
  });
  const rawOf = (req: RecordedRequest): string | undefined => {
    const content = bodyOf(req).content as { raw?: unknown } | undefined;
    return typeof content?.raw === 'string' && content.raw !== '' ? content.raw : undefined;
  };

  const repoBase = '/2.0/repositories/:ws/:repo';
  const reportRoute = `${repoBase}/commit/:commit/reports/:reportId`;
  const commentsRoute = `${repoBase}/pullrequests/:pr/comments`;

  const routes: Route[] = [
    {
      // Bitbucket answers the pull request diff with a 302 to the commit-range diff (`/diff/{ws}/{repo}:{spec}`).
      method: 'GET',
      pattern: `${repoBase}/pullrequests/:pr/diff`,
      handler: (req, p) => {
        if (!credential(req)) return error(401, 'Unauthorized');
        const key = `${p.ws}/${p.repo}!${p.pr}`.toLowerCase();
        if (!diffs.has(key)) return error(404, 'Pull request not found');
        return { status: 302, headers: { location: `${baseUrl}/2.0/repositories/${p.ws}/${p.repo}/diff/${p.ws}/${p.repo}:pr${p.pr}?from_pullrequest_id=${p.pr}` } };
      },
    },
    {
      method: 'GET',
      pattern: `${repoBase}/diff/:spec1/:spec2`,
      handler: (req, p) => {
        if (!credential(req)) return error(401, 'Unauthorized');
        const pr = req.query.get('from_pullrequest_id') ?? '';
        const diff = diffs.get(`${p.ws}/${p.repo}!${pr}`.toLowerCase());
        return diff === undefined ? error(404, 'Not found') : { status: 200, text: diff };
      },
    },
    {
      method: 'GET',
      pattern: '/2.0/user',
      handler: (req) => {
        const cred = credential(req);
        if (!cred) return error(401, 'Unauthorized');
        if (cred.userEndpointForbidden) return error(403, 'This API is not accessible by this authentication mechanism');
        return { status: 200, body: userJson(cred) };
      },
    },
    {
      method: 'PUT',
      pattern: reportRoute,
      handler: (req, p) => {
        const denied = insightsAuth(req);
        if (denied) return denied;
        const body = bodyOf(req);
        if (typeof body.title !== 'string' || typeof body.details !== 'string' || typeof body.report_type !== 'string') {
          return error(400, 'title, details and report_type are required');
        }
        if (body.details.length > 2000) return error(400, 'details: ensure this value has at most 2000 characters');
        if (Array.isArray(body.data) && body.data.length > 10) return error(400, 'data: at most 10 elements');
        const id = p.reportId ?? '';
        const map = reportsOf(p.ws ?? '', p.repo ?? '', p.commit ?? '');
        const at = now();
        const report = { ...body, external_id: id, uuid: `{report-${id}}`, created_on: map.get(id)?.created_on ?? at, updated_on: at };
        map.set(id, report);
        return { status: 200, body: report };
      },
    },
    {
      method: 'GET',
      pattern: reportRoute,
      handler: (req, p) => {
        const denied = insightsAuth(req);
        if (denied) return denied;
        const report = reportsOf(p.ws ?? '', p.repo ?? '', p.commit ?? '').get(p.reportId ?? '');
        return report ? { status: 200, body: report } : error(404, 'Report not found');
      },
    },
    {
      method: 'POST',
      pattern: `${reportRoute}/annotations`,
      handler: (req, p) => {
        const denied = insightsAuth(req);
        if (denied) return denied;
        const w = p.ws ?? '';
        const r = p.repo ?? '';
        const c = p.commit ?? '';
        const id = p.reportId ?? '';
        if (!reportsOf(w, r, c).has(id)) return error(404, 'Report not found');
        let items: unknown;
        try {
          items = JSON.parse(req.body);
        } catch {
          return error(400, 'malformed JSON');
        }
        if (!Array.isArray(items)) return error(400, 'expected a list of annotations');
        if (items.length > 100) return error(400, 'at most 100 annotations per request');
        const store = annotationsOf(w, r, c, id);
        const fresh = (items as Array<Record<string, unknown>>).filter((a) => !store.has(String(a.external_id)));
        if (store.size + fresh.length > 1000) return error(400, 'a report holds at most 1000 annotations');
        for (const a of items as Array<Record<string, unknown>>) {
          if (typeof a.external_id !== 'string' || typeof a.summary !== 'string' || a.summary === '' || a.summary.length > 450) {
            return error(400, 'each annotation needs an external_id and a summary of 1-450 characters');
          }
        }
        for (const a of items as Array<Record<string, unknown>>) store.set(String(a.external_id), a);
        return { status: 200, body: items };
      },
    },
    {
      method: 'GET',
      pattern: commentsRoute,
      handler: (req, p) => {
        if (!credential(req)) return error(401, 'Unauthorized');
        const w = p.ws ?? '';
        const r = p.repo ?? '';
        const pr = Number(p.pr);
        const pagelen = intParam(req.query, 'pagelen', 10, 100);
        const page = intParam(req.query, 'page', 1);
        const all = thread(w, r, pr);
        const { slice, totalPages } = paginate(all, page, pagelen);
        const next = new URLSearchParams(req.query);
        next.set('pagelen', String(pagelen));
        next.set('page', String(page + 1));
        return {
          status: 200,
          body: {
            pagelen,
            size: all.length,
            page,
            values: slice.map((c) => commentJson(w, r, pr, c)),
            ...(page < totalPages ? { next: `${baseUrl}${req.path}?${next.toString()}` } : {}),
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: commentsRoute,
      handler: (req, p) => {
        const cred = credential(req);
        if (!cred) return error(401, 'Unauthorized');
        if (cred.readOnly) return error(403, 'Your credentials lack one or more required privilege scopes.');
        const raw = rawOf(req);
        if (raw === undefined) return error(400, 'content.raw is required');
        const w = p.ws ?? '';
        const r = p.repo ?? '';
        const pr = Number(p.pr);
        const at = now();
        const c: FakeBbComment = { id: nextId++, raw, user: cred, deleted: false, created_on: at, updated_on: at };
        thread(w, r, pr).push(c);
        return { status: 201, body: commentJson(w, r, pr, c) };
      },
    },
    {
      method: 'PUT',
      pattern: `${commentsRoute}/:cid`,
      handler: (req, p) => {
        const cred = credential(req);
        if (!cred) return error(401, 'Unauthorized');
        if (cred.readOnly) return error(403, 'Your credentials lack one or more required privilege scopes.');
        const w = p.ws ?? '';
        const r = p.repo ?? '';
        const pr = Number(p.pr);
        const c = thread(w, r, pr).find((x) => x.id === Number(p.cid));
        if (!c || c.deleted) return error(404, 'No such comment');
        // Only the author may edit a comment.
        if (c.user.uuid !== cred.uuid) return error(403, 'You can only edit your own comments');
        const raw = rawOf(req);
        if (raw === undefined) return error(400, 'content.raw is required');
        c.raw = raw;
        c.updated_on = now();
        return { status: 200, body: commentJson(w, r, pr, c) };
      },
    },
  ];

  const server = await startFakeServer(routes, error(404, 'Resource not found'));
  baseUrl = server.url;
  return {
    url: server.url,
    apiUrl: `${server.url}/2.0`,
    requests: server.requests,
    close: server.close,
    reports: (w, r, c) => reportsOf(w, r, c),
    annotations: (w, r, c, id) => [...annotationsOf(w, r, c, id).values()],
    comments: (w, r, pr) => thread(w, r, pr),
    setPullDiff: (w, r, pr, diff) => void diffs.set(`${w}/${r}!${pr}`.toLowerCase(), diff),
    seedComments: (w, r, pr, list) =>
      list.map(({ raw, user, deleted }) => {
        const at = now();
        const c: FakeBbComment = { id: nextId++, raw, user, deleted: deleted ?? false, created_on: at, updated_on: at };
        thread(w, r, pr).push(c);
        return c;
      }),
  };
}
