import { afterEach, describe, expect, it } from 'vitest';
import { gitlabNoteStore, GITLAB_NOTE_MAX_CHARS, type GitLabNoteStoreOptions } from '../../../gitlab-templates/src/notes.js';
import { commentKey, markerLine, upsertComment } from '../../../shared/platforms/comment.js';
import { CodeHostError } from '../../../shared/platforms/errors.js';
import { startFakeGitLab, type FakeGitLab } from '../../fakes/gitlab-api.js';
import { startFakeProxy, type FakeProxy } from '../../fakes/forward-proxy.js';

const TOKEN = 'glpat-projectACCESStoken01';
const OAUTH = 'oauth-bearerTOKEN-0002';
const GUEST = 'glpat-guestREADONLY-0003';
const bot = { id: 42, username: 'project_7_bot_abc', bot: true };
const human = { id: 9, username: 'dev' };
const key = commentKey('payments-api', ['checkmarx']);
const render = (text: string): string => `${markerLine(key, 'html')}\n## Invicti AppSec\n${text}`;
const upsert = (opts: Partial<GitLabNoteStoreOptions>, body: string) =>
  upsertComment(gitlabNoteStore({ apiUrl: gl.apiUrl, projectId: 7, mrIid: 3, token: TOKEN, ...opts }), {
    markerId: key,
    body,
    mode: 'update',
    maxChars: GITLAB_NOTE_MAX_CHARS,
  });

let gl: FakeGitLab;
let proxy: FakeProxy | undefined;
afterEach(async () => {
  await gl.close();
  await proxy?.close();
  proxy = undefined;
});

async function start(): Promise<FakeGitLab> {
  gl = await startFakeGitLab({
    tokens: { [TOKEN]: bot, [OAUTH]: bot, [GUEST]: { ...human, readOnly: true } },
    projects: { 'shop/payments api': 7 },
  });
  return gl;
}
const writes = () => gl.requests.filter((r) => r.method === 'POST' || r.method === 'PUT');

describe('GitLab sticky note over gitbeaker', () => {
  it('creates the note once, then no write for the same body and one PUT for a new body', async () => {
    await start();
    const webUrl = 'https://gitlab.example/shop/payments';
    const first = await upsert({ projectWebUrl: webUrl }, render('2 high'));
    expect(first).toMatchObject({ action: 'created' });
    const id = first.action === 'created' ? first.id : '';
    expect(first.action === 'created' && first.url).toBe(`${webUrl}/-/merge_requests/3#note_${id}`);

    expect(await upsert({}, render('2 high'))).toMatchObject({ action: 'unchanged', id });
    expect(await upsert({}, render('0 high'))).toMatchObject({ action: 'updated', id });
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v4/projects/7/merge_requests/3/notes',
      `PUT /api/v4/projects/7/merge_requests/3/notes/${id}`,
    ]);
    expect(gl.notes(7, 3)[0]!.body).toContain('0 high');
    expect(gl.requests.every((r) => r.headers['private-token'] === TOKEN && r.headers.authorization === undefined)).toBe(true);
  });

  it('authenticates an OAuth token with Authorization: Bearer', async () => {
    await start();
    expect(await upsert({ token: undefined, oauthToken: OAUTH }, render('x'))).toMatchObject({ action: 'created' });
    expect(gl.requests.every((r) => r.headers.authorization === `Bearer ${OAUTH}` && r.headers['private-token'] === undefined)).toBe(true);
  });

  it('reads every page: the note is on page 3 of 250', async () => {
    await start();
    // Listed newest first, so the oldest note (ours) is on the last page.
    const [ours] = gl.seedNotes(7, 3, [{ body: render('old'), author: bot }]);
    gl.seedNotes(7, 3, Array.from({ length: 249 }, (_, i) => ({ body: `review ${i}`, author: human })));

    expect(await upsert({}, render('new'))).toMatchObject({ action: 'updated', id: String(ours!.id) });
    const pages = gl.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/notes'));
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(pages.every((r) => r.query.get('per_page') === '100')).toBe(true);
  });

  it('skips system notes and notes by others, even when they carry the marker', async () => {
    await start();
    const [system, planted] = gl.seedNotes(7, 3, [
      { body: render('system copy'), author: bot, system: true },
      { body: render('planted'), author: human },
    ]);
    expect(await upsert({}, render('real'))).toMatchObject({ action: 'created' });
    expect(system!.body).toContain('system copy');
    expect(planted!.body).toContain('planted');
    expect(gl.notes(7, 3)).toHaveLength(3);
  });

  it('addresses the project by its URL-encoded path', async () => {
    await start();
    expect(await upsert({ projectId: 'shop/payments api' }, render('x'))).toMatchObject({ action: 'created' });
    const post = gl.requests.find((r) => r.method === 'POST')!;
    expect(post.rawUrl).toBe('/api/v4/projects/shop%2Fpayments%20api/merge_requests/3/notes');
    expect(gl.notes(7, 3)).toHaveLength(1);
  });

  it('skips with a reason when the token may not write notes (403) or cannot see the project (404)', async () => {
    await start();
    const notices: string[] = [];
    const forbidden = await upsertComment(gitlabNoteStore({ apiUrl: gl.apiUrl, projectId: 7, mrIid: 3, token: GUEST }), {
      markerId: key,
      body: render('x'),
      mode: 'update',
      maxChars: GITLAB_NOTE_MAX_CHARS,
      notice: (m) => notices.push(m),
    });
    expect(forbidden).toMatchObject({ action: 'skipped', status: 403 });
    expect(forbidden.action === 'skipped' && forbidden.reason).toContain('CI_JOB_TOKEN cannot write');
    expect(notices).toHaveLength(1);
    expect(await upsert({ projectId: 'nobody/unknown' }, render('x'))).toMatchObject({ action: 'skipped', status: 404 });
  });

  it('fails with a CodeHostError without the token when the token is bad', async () => {
    await start();
    const bad = 'glpat-NOT-A-REAL-TOKEN-99';
    const err: unknown = await upsert({ token: bad }, render('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeHostError);
    expect((err as CodeHostError).status).toBe(401);
    expect((err as CodeHostError).message).toContain('401 Unauthorized');
    expect((err as CodeHostError).message).not.toContain(bad);
  });

  it('goes through the HTTP proxy when one is set, and straight to loopback even then', async () => {
    await start();
    const port = Number(new URL(gl.url).port);
    proxy = await startFakeProxy({ host: '127.0.0.1', port });
    // gitlab.example is never resolved here: only the proxy connects, and it tunnels to the fake.
    const viaProxy = await upsert({ apiUrl: 'http://gitlab.example/api/v4', proxy: { httpProxy: proxy.url } }, render('x'));
    expect(viaProxy).toMatchObject({ action: 'created' });
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects)).toEqual(new Set(['gitlab.example:80']));
    expect(gl.requests.at(-1)?.headers.host).toBe('gitlab.example');

    const before = proxy.connects.length;
    expect(await upsert({ proxy: { httpProxy: proxy.url } }, render('x'))).toMatchObject({ action: 'unchanged' });
    expect(proxy.connects.length).toBe(before);
  });
});
