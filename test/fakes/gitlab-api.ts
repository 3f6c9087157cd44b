/**
 * A fake GitLab REST API v4 (merge request notes and diffs): `GET /user`, notes list with GitLab's offset
 * pagination headers (`x-page`, `x-next-page`, `x-total`, `x-total-pages`, `Link`), create and edit;
 * `:id` may be a numeric id or a URL-encoded `group/project` path; PRIVATE-TOKEN or Bearer auth.
 */
import { bodyOf, intParam, paginate, startFakeServer, type FakeResponse, type RecordedRequest, type Route } from './http-fake.js';

export interface GitLabUser {
  id: number;
  username: string;
  name?: string;
  bot?: boolean;
}

export interface GitLabTokenConfig extends GitLabUser {
  /** Writes answer 403 (a Guest, or a token without the `api` scope). */
  readOnly?: boolean;
}

export interface FakeNote {
  id: number;
  body: string;
  author: GitLabUser;
  system: boolean;
  created_at: string;
  updated_at: string;
}

export interface FakeMrDiff {
  new_path: string;
  old_path?: string;
  /** The file's hunks (`@@ ... @@` onwards), as GitLab's `diff` field holds them. */
  diff: string;
  new_file?: boolean;
  deleted_file?: boolean;
}

export interface FakeGitLab {
  url: string;
  /** `${url}/api/v4`, what CI_API_V4_URL would hold. */
  apiUrl: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
  notes(projectId: number, mrIid: number): FakeNote[];
  setMrDiffs(projectId: number, mrIid: number, diffs: readonly FakeMrDiff[]): void;
  seedNotes(projectId: number, mrIid: number, notes: ReadonlyArray<{ body: string; author: GitLabUser; system?: boolean }>): FakeNote[];
}

export async function startFakeGitLab(options: {
  tokens: Record<string, GitLabTokenConfig>;
  /** Project paths (`group/project`) known by path, mapped to their numeric id. */
  projects?: Record<string, number>;
}): Promise<FakeGitLab> {
  const threads = new Map<string, FakeNote[]>();
  const mrDiffs = new Map<string, FakeMrDiff[]>();
  const projects = new Map(Object.entries(options.projects ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  let nextId = 5001;
  let clock = Date.UTC(2026, 0, 1);
  const now = (): string => new Date((clock += 1000)).toISOString();
  const thread = (p: number, iid: number): FakeNote[] => {
    const key = `${p}!${iid}`;
    let list = threads.get(key);
    if (!list) threads.set(key, (list = []));
    return list;
  };
  let baseUrl = '';

  const userJson = (u: GitLabUser): Record<string, unknown> => ({
    id: u.id,
    username: u.username,
    name: u.name ?? u.username,
    state: 'active',
    avatar_url: null,
    web_url: `https://gitlab.example/${u.username}`,
  });
  const noteJson = (p: number, iid: number, n: FakeNote): Record<string, unknown> => ({
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: userJson(n.author),
    created_at: n.created_at,
    updated_at: n.updated_at,
    system: n.system,
    noteable_id: 900_000 + iid,
    noteable_type: 'MergeRequest',
    noteable_iid: iid,
    project_id: p,
    resolvable: false,
    confidential: false,
    internal: false,
  });

  const auth = (req: RecordedRequest): GitLabTokenConfig | FakeResponse => {
    const privateToken = req.headers['private-token'];
    const bearer = /^bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = typeof privateToken === 'string' ? privateToken : bearer;
    const cfg = token === undefined ? undefined : options.tokens[token];
    return cfg ?? { status: 401, body: { message: '401 Unauthorized' } };
  };
  const isAnswer = (x: GitLabTokenConfig | FakeResponse): x is FakeResponse => 'status' in x;
  const projectId = (raw: string): number | undefined => (/^\d+$/.test(raw) ? Number(raw) : projects.get(raw.toLowerCase()));
  const projectNotFound: FakeResponse = { status: 404, body: { message: '404 Project Not Found' } };
  const forbidden: FakeResponse = { status: 403, body: { message: '403 Forbidden' } };
  const notesPattern = '/api/v4/projects/:id/merge_requests/:iid/notes';
  /** GitLab's offset pagination headers. */
  const pageHeaders = (req: RecordedRequest, page: number, perPage: number, totalPages: number, total: number): Record<string, string> => {
    const link = (pg: number): string => {
      const q = new URLSearchParams(req.query);
      q.set('page', String(pg));
      q.set('per_page', String(perPage));
      return `${baseUrl}${req.path}?${q.toString()}`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < totalPages) rels.push(`<${link(page + 1)}>; rel="next"`);
    rels.push(`<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`);
    return {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-total': String(total),
      'x-total-pages': String(totalPages),
      link: rels.join(', '),
    };
  };

  const routes: Route[] = [
    {
      // GET /projects/:id/merge_requests/:iid/diffs (GitLab 15.7+): one entry per file, offset-paginated.
      method: 'GET',
      pattern: '/api/v4/projects/:id/merge_requests/:iid/diffs',
      handler: (req, params) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const p = projectId(params.id ?? '');
        if (p === undefined) return projectNotFound;
        const all = mrDiffs.get(`${p}!${params.iid}`);
        if (!all) return { status: 404, body: { message: '404 Not found' } };
        const perPage = intParam(req.query, 'per_page', 20, 100);
        const page = intParam(req.query, 'page', 1);
        const { slice, totalPages } = paginate(all, page, perPage);
        const body = slice.map((d) => ({
          old_path: d.old_path ?? d.new_path,
          new_path: d.new_path,
          a_mode: '100644',
          b_mode: d.deleted_file ? '0' : '100644',
          diff: d.diff,
          new_file: d.new_file ?? false,
          renamed_file: (d.old_path ?? d.new_path) !== d.new_path,
          deleted_file: d.deleted_file ?? false,
          generated_file: false,
        }));
        return { status: 200, body, headers: pageHeaders(req, page, perPage, totalPages, all.length) };
      },
    },
    {
      method: 'GET',
      pattern: '/api/v4/user',
      handler: (req) => {
        const cfg = auth(req);
        return isAnswer(cfg) ? cfg : { status: 200, body: { ...userJson(cfg), bot: cfg.bot ?? false, is_admin: false } };
      },
    },
    {
      method: 'GET',
      pattern: notesPattern,
      handler: (req, params) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const p = projectId(params.id ?? '');
        if (p === undefined) return projectNotFound;
        const iid = Number(params.iid);
        const perPage = intParam(req.query, 'per_page', 20, 100);
        const page = intParam(req.query, 'page', 1);
        const key = req.query.get('order_by') === 'updated_at' ? 'updated_at' : 'created_at';
        const asc = req.query.get('sort') === 'asc';
        const sorted = [...thread(p, iid)].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id) * (asc ? 1 : -1));
        const { slice, totalPages } = paginate(sorted, page, perPage);
        return { status: 200, body: slice.map((n) => noteJson(p, iid, n)), headers: pageHeaders(req, page, perPage, totalPages, sorted.length) };
      },
    },
    {
      method: 'POST',
      pattern: notesPattern,
      handler: (req, params) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const p = projectId(params.id ?? '');
        if (p === undefined) return projectNotFound;
        if (cfg.readOnly) return forbidden;
        const body = bodyOf(req).body;
        if (typeof body !== 'string' || body === '') return { status: 400, body: { message: { body: ["can't be blank"] } } };
        const iid = Number(params.iid);
        const at = now();
        const note: FakeNote = { id: nextId++, body, author: cfg, system: false, created_at: at, updated_at: at };
        thread(p, iid).push(note);
        return { status: 201, body: noteJson(p, iid, note) };
      },
    },
    {
      method: 'PUT',
      pattern: `${notesPattern}/:noteId`,
      handler: (req, params) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const p = projectId(params.id ?? '');
        if (p === undefined) return projectNotFound;
        if (cfg.readOnly) return forbidden;
        const iid = Number(params.iid);
        const note = thread(p, iid).find((n) => n.id === Number(params.noteId));
        if (!note) return { status: 404, body: { message: '404 Not found' } };
        // GitLab lets only the author edit a note's body.
        if (note.author.id !== cfg.id || note.system) return forbidden;
        const body = bodyOf(req).body;
        if (typeof body !== 'string' || body === '') return { status: 400, body: { message: { body: ["can't be blank"] } } };
        note.body = body;
        note.updated_at = now();
        return { status: 200, body: noteJson(p, iid, note) };
      },
    },
  ];

  const server = await startFakeServer(routes, { status: 404, body: { error: '404 Not Found' } });
  baseUrl = server.url;
  return {
    url: server.url,
    apiUrl: `${server.url}/api/v4`,
    requests: server.requests,
    close: server.close,
    notes: (p, iid) => thread(p, iid),
    setMrDiffs: (p, iid, list) => void mrDiffs.set(`${p}!${iid}`, [...list]),
    seedNotes: (p, iid, list) =>
      list.map(({ body, author, system }) => {
        const at = now();
        const note: FakeNote = { id: nextId++, body, author, system: system ?? false, created_at: at, updated_at: at };
        thread(p, iid).push(note);
        return note;
      }),
  };
}
