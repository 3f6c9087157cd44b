import { afterEach, describe, expect, it } from 'vitest';
import { githubCommentStore, GITHUB_COMMENT_MAX_CHARS } from '../../../actions/github/comment.js';
import { commentKey, markerLine, upsertComment } from '../../../shared/platforms/comment.js';
import { CodeHostError } from '../../../shared/platforms/errors.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';

const PAT = 'ghp_patTOKENvalue0001';
const GH_TOKEN = 'ghs_installationTOKEN0002';
const FORK_TOKEN = 'ghs_forkREADONLY0003';
const BOT_PAT = 'ghp_botUSERtoken0004';
const me = { login: 'octo-bot', id: 501, type: 'User' as const };
const other = { login: 'mallory', id: 666, type: 'User' as const };
const key = commentKey('payments-api', ['semgrep', 'trivy']);
const render = (text: string): string => `${markerLine(key, 'html')}\n### Invicti AppSec\n${text}`;

let gh: FakeGitHub;
afterEach(async () => {
  await gh.close();
});

async function start(): Promise<FakeGitHub> {
  gh = await startFakeGitHub({
    tokens: {
      [PAT]: me,
      [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 },
      [BOT_PAT]: { ...GITHUB_ACTIONS_BOT, userStatus: 401 },
      [FORK_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403, readOnly: true },
    },
    users: [other],
  });
  return gh;
}

const store = (token: string, issueNumber = 7, repo = 'shop') =>
  githubCommentStore({ token, apiUrl: gh.url, owner: 'acme', repo, issueNumber });
const writes = () => gh.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');

describe('GitHub sticky comment over Octokit', () => {
  it('creates the comment once, then writes nothing for the same body and one PATCH for a new body', async () => {
    await start();
    const first = await upsertComment(store(PAT), { markerId: key, body: render('2 high'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(first).toMatchObject({ action: 'created' });
    expect(first.action === 'created' && first.url).toMatch(/^https:\/\/github\.com\/acme\/shop\/pull\/7#issuecomment-\d+$/);

    const again = await upsertComment(store(PAT), { markerId: key, body: render('2 high'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(again).toMatchObject({ action: 'unchanged', id: first.action === 'created' ? first.id : '' });
    expect(writes()).toHaveLength(1);

    const changed = await upsertComment(store(PAT), { markerId: key, body: render('0 high'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(changed).toMatchObject({ action: 'updated' });
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
    const thread = gh.comments('acme', 'shop', 7);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toContain('0 high');
    expect(gh.requests.every((r) => r.headers.authorization === `token ${PAT}`)).toBe(true);
  });

  it('finds its comment on page 3 of 250 and updates it in place', async () => {
    await start();
    const noise = (n: number) => Array.from({ length: n }, (_, i) => ({ body: `lgtm ${i}`, user: other }));
    gh.seedComments('acme', 'shop', 7, noise(220));
    const [ours] = gh.seedComments('acme', 'shop', 7, [{ body: render('old'), user: me }]);
    gh.seedComments('acme', 'shop', 7, noise(29));

    const result = await upsertComment(store(PAT), { markerId: key, body: render('new'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });

    expect(result).toMatchObject({ action: 'updated', id: String(ours!.id) });
    const lists = gh.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments'));
    expect(lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/acme/shop/issues/comments/${ours!.id}`]);
    expect(gh.comments('acme', 'shop', 7)).toHaveLength(250);
  });

  it('ignores a marker written by someone else, quoted or not, and creates its own comment', async () => {
    await start();
    const [planted, quoted] = gh.seedComments('acme', 'shop', 7, [
      { body: render('fake all clear'), user: other },
      { body: `> ${markerLine(key, 'html')}\n> quoting the bot`, user: other },
    ]);
    const result = await upsertComment(store(PAT), { markerId: key, body: render('real'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(result.action).toBe('created');
    expect(writes().map((r) => r.method)).toEqual(['POST']);
    expect(planted!.body).toContain('fake all clear');
    expect(quoted!.body).toContain('quoting the bot');
  });

  it.each([
    ['403 (GITHUB_TOKEN on github.com)', GH_TOKEN],
    ['401', BOT_PAT],
  ])('falls back to the github-actions[bot] identity when GET /user answers %s', async (_label, token) => {
    await start();
    const [ours] = gh.seedComments('acme', 'shop', 7, [{ body: render('old'), user: GITHUB_ACTIONS_BOT }]);
    const result = await upsertComment(store(token), { markerId: key, body: render('new'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(result).toMatchObject({ action: 'updated', id: String(ours!.id) });
    expect(gh.requests.some((r) => r.path === '/users/github-actions%5Bbot%5D')).toBe(true);
  });

  it('skips with a reason and a notice when the token is read-only (fork pull request)', async () => {
    await start();
    const notices: string[] = [];
    const result = await upsertComment(store(FORK_TOKEN), {
      markerId: key,
      body: render('x'),
      mode: 'update',
      maxChars: GITHUB_COMMENT_MAX_CHARS,
      notice: (m) => notices.push(m),
    });
    expect(result).toMatchObject({ action: 'skipped', status: 403 });
    expect(result.action === 'skipped' && result.reason).toMatch(/Resource not accessible by integration.*pull-requests: write/);
    expect(notices).toHaveLength(1);
    expect(gh.comments('acme', 'shop', 7)).toHaveLength(0);
  });

  it('skips when the repository is not visible to the token (404)', async () => {
    gh = await startFakeGitHub({ tokens: { [PAT]: { ...me, repos: ['acme/other'] } } });
    const result = await upsertComment(store(PAT), { markerId: key, body: render('x'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(result).toMatchObject({ action: 'skipped', status: 404 });
  });

  it('fails with a CodeHostError that does not contain the token when the token is bad', async () => {
    await start();
    const bad = 'ghp_THIS_IS_NOT_VALID_123';
    const err: unknown = await upsertComment(store(bad), { markerId: key, body: render('x'), mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeHostError);
    const e = err as CodeHostError;
    expect(e.status).toBe(401);
    expect(e.message).toContain('Bad credentials');
    expect(e.message).not.toContain(bad);
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain(bad);
  });

  it('always adds a comment in "new" mode', async () => {
    await start();
    for (let i = 0; i < 2; i += 1) {
      await upsertComment(store(PAT), { markerId: key, body: render('same'), mode: 'new', maxChars: GITHUB_COMMENT_MAX_CHARS });
    }
    expect(gh.comments('acme', 'shop', 7)).toHaveLength(2);
    expect(gh.requests.some((r) => r.method === 'GET')).toBe(false);
  });

  it('truncates an oversized body under the 65,536 limit and keeps the marker so the next run finds it', async () => {
    await start();
    const huge = `${'| finding | high |\n'.repeat(6000)}\n${markerLine(key, 'html')}`;
    const first = await upsertComment(store(PAT), { markerId: key, body: huge, mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(first.action).toBe('created');
    const stored = gh.comments('acme', 'shop', 7)[0]!.body;
    expect(stored.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS);
    expect(stored).toContain('shortened');
    const second = await upsertComment(store(PAT), { markerId: key, body: huge, mode: 'update', maxChars: GITHUB_COMMENT_MAX_CHARS });
    expect(second.action).toBe('unchanged');
  });
});
