/**
 * A fake GitHub REST API (the slice our PR comment needs), speaking the real shapes: issue comments with
 * `per_page`/`page` and a real `Link` header, `GET /user`, `GET /users/{login}`, token auth, and the
 * read-only answers a fork PR's GITHUB_TOKEN gets; `failNext` queues canned answers (a 502, a secondary rate
 * limit) that matching requests get before the real handler runs.
 */
import { bodyOf, intParam, paginate, startFakeServer, type FakeResponse, type RecordedRequest, type Route } from './http-fake.js';

export interface GitHubUser {
  login: string;
  id: number;
  type?: 'User' | 'Bot';
}

export interface GitHubTokenConfig extends GitHubUser {
  /** How `GET /user` answers this token: GITHUB_TOKEN gets 403 on github.com; some setups see 401. */
  userStatus?: 401 | 403;
  /** Writes answer 403 "Resource not accessible by integration" (a fork PR's GITHUB_TOKEN). */
  readOnly?: boolean;
  /** `owner/repo` this token can see; others answer 404 like a private repository. Default: all. */
  repos?: string[];
}

export interface FakeComment {
  id: number;
  body: string;
  user: GitHubUser;
  created_at: string;
  updated_at: string;
}

/** A file of a pull request as `GET /pulls/{n}/files` lists it (GitHub leaves `patch` out for large or binary files). */
export interface FakePullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
}

/** GitHub lists at most this many files of a pull request. */
const MAX_PULL_FILES = 3_000;

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
  comments(owner: string, repo: string, number: number): FakeComment[];
  seedComments(owner: string, repo: string, number: number, comments: ReadonlyArray<{ body: string; user: GitHubUser }>): FakeComment[];
  /** The next requests matching `method` and `path` get these answers, one each, in order. */
  failNext(method: string, path: RegExp, ...answers: FakeResponse[]): void;
  /** The files `GET /repos/{o}/{r}/pulls/{n}/files` lists (and `changed_files` of `GET /pulls/{n}` counts). */
  setPullFiles(owner: string, repo: string, number: number, files: readonly FakePullFile[]): void;
}

/** GitHub's answer when a client exceeds a secondary rate limit (a 403 with `retry-after`). */
export function secondaryRateLimit(retryAfterSeconds: number): FakeResponse {
  return {
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

export const GITHUB_ACTIONS_BOT: Required<GitHubUser> = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export async function startFakeGitHub(options: { tokens: Record<string, GitHubTokenConfig>; users?: GitHubUser[] }): Promise<FakeGitHub> {
  const threads = new Map<string, FakeComment[]>();
  const users = new Map<string, GitHubUser>();
  for (const u of [GITHUB_ACTIONS_BOT, ...Object.values(options.tokens), ...(options.users ?? [])]) users.set(u.login.toLowerCase(), u);
  let nextId = 1_000_001;
  let clock = Date.UTC(2026, 0, 1);
  const now = (): string => new Date((clock += 1000)).toISOString();
  const thread = (o: string, r: string, n: number): FakeComment[] => {
    const key = `${o}/${r}#${n}`.toLowerCase();
    let list = threads.get(key);
    if (!list) threads.set(key, (list = []));
    return list;
  };
  let baseUrl = '';
  const pullFiles = new Map<string, readonly FakePullFile[]>();
  const pullKey = (o: string, r: string, n: number | string): string => `${o}/${r}#${n}`.toLowerCase();
  /** Read access to a pull request: the token's answer, or its files. */
  const pullReader = (req: RecordedRequest, p: Record<string, string | undefined>): FakeResponse | readonly FakePullFile[] => {
    const cfg = auth(req);
    if (isAnswer(cfg)) return cfg;
    const denied = noAccess(cfg, p.owner ?? '', p.repo ?? '');
    if (denied) return denied;
    return pullFiles.get(pullKey(p.owner ?? '', p.repo ?? '', p.number ?? '')) ?? { status: 404, body: { message: 'Not Found' } };
  };
  /** GitHub's `Link` header of a paginated list (none when there is a single page). */
  const linkHeader = (req: RecordedRequest, page: number, perPage: number, totalPages: number): Record<string, string> => {
    const link = (pg: number): string => {
      const q = new URLSearchParams(req.query);
      q.set('per_page', String(perPage));
      q.set('page', String(pg));
      return `${baseUrl}${req.path}?${q.toString()}`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < totalPages) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(totalPages)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
    return rels.length ? { link: rels.join(', ') } : {};
  };

  const userJson = (u: GitHubUser): Record<string, unknown> => ({
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    type: u.type ?? 'User',
    site_admin: false,
    html_url: `https://github.com/${u.login}`,
  });
  const commentJson = (o: string, r: string, n: number, c: FakeComment): Record<string, unknown> => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${o}/${r}/issues/comments/${c.id}`,
    html_url: `https://github.com/${o}/${r}/pull/${n}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${o}/${r}/issues/${n}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'MEMBER',
  });
  const findComment = (o: string, r: string, id: number): { n: number; c: FakeComment } | undefined => {
    for (const [key, list] of threads) {
      if (!key.startsWith(`${o}/${r}#`.toLowerCase())) continue;
      const c = list.find((x) => x.id === id);
      if (c) return { n: Number(key.split('#')[1]), c };
    }
    return undefined;
  };

  /** The token's config, or the 401 to send. */
  const auth = (req: RecordedRequest): GitHubTokenConfig | FakeResponse => {
    const header = String(req.headers.authorization ?? '');
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
    if (!m) return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' } };
    const cfg = options.tokens[m[1] ?? ''];
    return cfg ?? { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
  };
  const isAnswer = <T extends object>(x: T | FakeResponse): x is FakeResponse => 'status' in x;
  const noAccess = (cfg: GitHubTokenConfig, o: string, r: string): FakeResponse | undefined =>
    cfg.repos && !cfg.repos.some((x) => x.toLowerCase() === `${o}/${r}`.toLowerCase())
      ? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
      : undefined;
  const readOnly: FakeResponse = {
    status: 403,
    body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
  };

  /** Token, repository access and write scope of a comment write: who writes where, or GitHub's refusal. */
  const writer = (req: RecordedRequest, p: Record<string, string | undefined>): FakeResponse | { cfg: GitHubTokenConfig; o: string; r: string } => {
    const cfg = auth(req);
    if (isAnswer(cfg)) return cfg;
    const o = p.owner ?? '';
    const r = p.repo ?? '';
    const denied = noAccess(cfg, o, r);
    if (denied) return denied;
    if (cfg.readOnly) return readOnly;
    return { cfg, o, r };
  };

  /** The body of a comment write, or the 422 GitHub answers (empty, or over 65,536 characters). */
  const commentBody = (req: RecordedRequest): string | FakeResponse => {
    const body = bodyOf(req).body;
    if (typeof body !== 'string' || body === '') return { status: 422, body: { message: 'Validation Failed' } };
    if (body.length > 65_536) {
      const errors = [{ code: 'custom', message: 'body is too long (maximum is 65536 characters)' }];
      return { status: 422, body: { message: 'Validation Failed', errors } };
    }
    return body;
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number',
      handler: (req, p) => {
        const files = pullReader(req, p);
        if (!Array.isArray(files)) return files as FakeResponse;
        const n = Number(p.number);
        return {
          status: 200,
          body: {
            number: n,
            state: 'open',
            html_url: `https://github.com/${p.owner}/${p.repo}/pull/${n}`,
            changed_files: files.length,
            additions: 0,
            deletions: 0,
            head: { ref: 'feature', sha: 'a'.repeat(40) },
            base: { ref: 'main', sha: 'b'.repeat(40) },
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:number/files',
      handler: (req, p) => {
        const files = pullReader(req, p);
        if (!Array.isArray(files)) return files as FakeResponse;
        const perPage = intParam(req.query, 'per_page', 30, 100);
        const page = intParam(req.query, 'page', 1);
        const { slice, totalPages } = paginate((files as readonly FakePullFile[]).slice(0, MAX_PULL_FILES), page, perPage);
        const body = slice.map((f, i) => ({
          sha: String(i).padStart(40, '0'),
          filename: f.filename,
          status: f.status,
          additions: 1,
          deletions: 0,
          changes: 1,
          blob_url: `https://github.com/${p.owner}/${p.repo}/blob/${'a'.repeat(40)}/${f.filename}`,
          raw_url: `https://github.com/${p.owner}/${p.repo}/raw/${'a'.repeat(40)}/${f.filename}`,
          contents_url: `${baseUrl}/repos/${p.owner}/${p.repo}/contents/${f.filename}?ref=${'a'.repeat(40)}`,
          ...(f.patch === undefined ? {} : { patch: f.patch }),
        }));
        return { status: 200, body, headers: linkHeader(req, page, perPage, totalPages) };
      },
    },
    {
      method: 'GET',
      pattern: '/user',
      handler: (req) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        if (cfg.userStatus === 403) return { ...readOnly, headers: {} };
        if (cfg.userStatus === 401) return { status: 401, body: { message: 'Bad credentials' } };
        return { status: 200, body: userJson(cfg) };
      },
    },
    {
      method: 'GET',
      pattern: '/users/:login',
      handler: (req, p) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const u = users.get((p.login ?? '').toLowerCase());
        return u ? { status: 200, body: userJson(u) } : { status: 404, body: { message: 'Not Found' } };
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/issues/:number/comments',
      handler: (req, p) => {
        const cfg = auth(req);
        if (isAnswer(cfg)) return cfg;
        const o = p.owner ?? '';
        const r = p.repo ?? '';
        const denied = noAccess(cfg, o, r);
        if (denied) return denied;
        const n = Number(p.number);
        const perPage = intParam(req.query, 'per_page', 30, 100);
        const page = intParam(req.query, 'page', 1);
        const all = thread(o, r, n);
        const { slice, totalPages } = paginate(all, page, perPage);
        return { status: 200, body: slice.map((c) => commentJson(o, r, n, c)), headers: linkHeader(req, page, perPage, totalPages) };
      },
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/issues/:number/comments',
      handler: (req, p) => {
        const w = writer(req, p);
        if (isAnswer(w)) return w;
        const { cfg, o, r } = w;
        const body = commentBody(req);
        if (typeof body !== 'string') return body;
        const n = Number(p.number);
        const at = now();
        const c: FakeComment = { id: nextId++, body, user: cfg, created_at: at, updated_at: at };
        thread(o, r, n).push(c);
        return { status: 201, body: commentJson(o, r, n, c) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/repos/:owner/:repo/issues/comments/:id',
      handler: (req, p) => {
        const w = writer(req, p);
        if (isAnswer(w)) return w;
        const { o, r } = w;
        const found = findComment(o, r, Number(p.id));
        if (!found) return { status: 404, body: { message: 'Not Found' } };
        const body = commentBody(req);
        if (typeof body !== 'string') return body;
        found.c.body = body;
        found.c.updated_at = now();
        return { status: 200, body: commentJson(o, r, found.n, found.c) };
      },
    },
  ];

  const queued: { method: string; path: RegExp; answer: FakeResponse }[] = [];
  const withQueue = (route: Route): Route => ({
    ...route,
    handler: (req, p) => {
      const at = queued.findIndex((q) => q.method === req.method && q.path.test(req.path));
      const [next] = at < 0 ? [] : queued.splice(at, 1);
      return next ? next.answer : route.handler(req, p);
    },
  });

  const server = await startFakeServer(routes.map(withQueue));
  baseUrl = server.url;
  return {
    url: server.url,
    requests: server.requests,
    close: server.close,
    comments: (o, r, n) => thread(o, r, n),
    failNext: (method, path, ...answers) => {
      for (const answer of answers) queued.push({ method, path, answer });
    },
    setPullFiles: (o, r, n, files) => void pullFiles.set(pullKey(o, r, n), files),
    seedComments: (o, r, n, list) =>
      list.map(({ body, user }) => {
        users.set(user.login.toLowerCase(), user);
        const at = now();
        const c: FakeComment = { id: nextId++, body, user, created_at: at, updated_at: at };
        thread(o, r, n).push(c);
        return c;
      }),
  };
}
