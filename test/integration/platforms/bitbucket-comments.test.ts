import { afterEach, describe, expect, it } from 'vitest';
import { bitbucketCommentStore, BITBUCKET_COMMENT_MAX_CHARS, type BitbucketAuth } from '../../../bitbucket-pipes/src/bitbucket-api.js';
import { commentKey, markerLine, upsertComment } from '../../../shared/platforms/comment.js';
import { CodeHostError } from '../../../shared/platforms/errors.js';
import { startFakeBitbucket, type FakeBitbucket } from '../../fakes/bitbucket-api.js';

const ACCESS = 'ATCTT3xFfGN0-access-token-01';
const EMAIL = 'ci-bot@acme.example';
const API_TOKEN = 'ATATT3-api-token-02';
const SCOPELESS = 'ATCTT3-no-user-endpoint-03';
const READ_ONLY = 'ATCTT3-read-only-04';
const botUser = { uuid: '{6f1c0c8e-0000-4000-8000-000000000001}', nickname: 'invicti-bot' };
const apiUser = { uuid: '{6f1c0c8e-0000-4000-8000-000000000002}', account_id: '5f00:abc', nickname: 'ci' };
const human = { uuid: '{6f1c0c8e-0000-4000-8000-00000000dead}', nickname: 'dev' };
const key = commentKey('payments-api', ['semgrep']);
const render = (text: string): string => `${markerLine(key, 'bitbucket')}\n**Invicti AppSec**\n${text}`;

let bb: FakeBitbucket;
afterEach(async () => {
  await bb.close();
});

async function start(): Promise<FakeBitbucket> {
  bb = await startFakeBitbucket({
    bearer: {
      [ACCESS]: botUser,
      [SCOPELESS]: { ...botUser, userEndpointForbidden: true },
      [READ_ONLY]: { ...botUser, readOnly: true },
    },
    basic: { [`${EMAIL}:${API_TOKEN}`]: apiUser },
  });
  return bb;
}

const upsert = (auth: BitbucketAuth, body: string, extra: { authorUuid?: string; notice?: (m: string) => void } = {}) =>
  upsertComment(
    bitbucketCommentStore({ auth, apiUrl: bb.apiUrl, workspace: 'acme', repoSlug: 'shop', prId: 12, ...(extra.authorUuid ? { authorUuid: extra.authorUuid } : {}) }),
    { markerId: key, body, mode: 'update', maxChars: BITBUCKET_COMMENT_MAX_CHARS, ...(extra.notice ? { notice: extra.notice } : {}) },
  );
const writes = () => bb.requests.filter((r) => r.method === 'POST' || r.method === 'PUT');

describe('Bitbucket sticky comment over REST 2.0', () => {
  it.each([
    ['an access token (Bearer)', { kind: 'bearer', token: ACCESS } as const, `Bearer ${ACCESS}`],
    ['email + API token (Basic)', { kind: 'basic', email: EMAIL, apiToken: API_TOKEN } as const, `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`],
  ])('creates, leaves unchanged, then updates with %s', async (_label, auth, header) => {
    await start();
    const first = await upsert(auth, render('2 high'));
    expect(first).toMatchObject({ action: 'created' });
    const id = first.action === 'created' ? first.id : '';
    expect(first.action === 'created' && first.url).toBe(`https://bitbucket.org/acme/shop/pull-requests/12#comment-${id}`);
    expect(await upsert(auth, render('2 high'))).toMatchObject({ action: 'unchanged', id });
    expect(await upsert(auth, render('0 high'))).toMatchObject({ action: 'updated', id });
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /2.0/repositories/acme/shop/pullrequests/12/comments',
      `PUT /2.0/repositories/acme/shop/pullrequests/12/comments/${id}`,
    ]);
    expect(JSON.parse(writes()[1]!.body)).toEqual({ content: { raw: render('0 high') } });
    expect(bb.requests.every((r) => r.headers.authorization === header)).toBe(true);
  });

  it('follows next links to page 3 of 250 comments', async () => {
    await start();
    const noise = (n: number) => Array.from({ length: n }, (_, i) => ({ raw: `nit ${i}`, user: human }));
    bb.seedComments('acme', 'shop', 12, noise(230));
    const [ours] = bb.seedComments('acme', 'shop', 12, [{ raw: render('old'), user: botUser }]);
    bb.seedComments('acme', 'shop', 12, noise(19));

    expect(await upsert({ kind: 'bearer', token: ACCESS }, render('new'))).toMatchObject({ action: 'updated', id: String(ours!.id) });
    const lists = bb.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments'));
    expect(lists.map((r) => [r.query.get('pagelen'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
  });

  it("ignores another author's marker and its own deleted comment", async () => {
    await start();
    const [planted, deleted] = bb.seedComments('acme', 'shop', 12, [
      { raw: render('planted'), user: human },
      { raw: render('deleted'), user: botUser, deleted: true },
    ]);
    expect(await upsert({ kind: 'bearer', token: ACCESS }, render('real'))).toMatchObject({ action: 'created' });
    expect(writes().map((r) => r.method)).toEqual(['POST']);
    expect(planted!.raw).toContain('planted');
    expect(deleted!.raw).toContain('deleted');
  });

  it('skips with a hint when an access token cannot read /2.0/user, and works once its uuid is given', async () => {
    await start();
    const [ours] = bb.seedComments('acme', 'shop', 12, [{ raw: render('old'), user: botUser }]);
    const notices: string[] = [];
    const skipped = await upsert({ kind: 'bearer', token: SCOPELESS }, render('new'), { notice: (m) => notices.push(m) });
    expect(skipped).toMatchObject({ action: 'skipped', status: 403 });
    expect(notices[0]).toMatch(/author uuid/);

    const uuidWithoutBraces = botUser.uuid.slice(1, -1).toUpperCase();
    const updated = await upsert({ kind: 'bearer', token: SCOPELESS }, render('new'), { authorUuid: uuidWithoutBraces });
    expect(updated).toMatchObject({ action: 'updated', id: String(ours!.id) });
  });

  it('skips when the token may not write comments', async () => {
    await start();
    expect(await upsert({ kind: 'bearer', token: READ_ONLY }, render('x'))).toMatchObject({ action: 'skipped', status: 403 });
    expect(bb.comments('acme', 'shop', 12)).toHaveLength(0);
  });

  it('fails with a CodeHostError that leaks neither the token nor the Basic pair', async () => {
    await start();
    const badToken = 'ATATT3-wrong-api-token';
    const err: unknown = await upsert({ kind: 'basic', email: EMAIL, apiToken: badToken }, render('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CodeHostError);
    const e = err as CodeHostError;
    expect(e.status).toBe(401);
    for (const secret of [badToken, Buffer.from(`${EMAIL}:${badToken}`).toString('base64')]) {
      expect(e.message).not.toContain(secret);
      expect(String(e.hint ?? '')).not.toContain(secret);
    }
  });
});
