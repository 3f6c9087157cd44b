/**
 * The GitHub pull request diff for `changed-only`, against the fake GitHub API on loopback: the same retry policy
 * as the comment's calls (a 502 is retried), and one line saying why the diff was not read from GitHub (no
 * token, no permission), never with the token in it. The last two run `runAction` in-process against the emulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubDiffSource } from '../../../actions/github/pr-diff.js';
import { runAction } from '../../../actions/github/run-action.js';
import { DiffUnavailable } from '../../../shared/diff/change-set.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { GITHUB_ACTIONS_BOT, secondaryRateLimit, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';
import { inputEnv, PR_NUMBER, pullRequestPayload, REPOSITORY } from '../../helpers/github-runner.js';
import { recordingToolkit } from '../../helpers/recording-toolkit.js';

const EMU_TOKEN = 'emuPrDiffToken0123456789abcdef';
const GH_TOKEN = 'ghs_PrDiffSecret0123456789abcdef';
/** A token that sees only another repository: GitHub answers 404 for this one, as for a private repository. */
const ELSEWHERE_TOKEN = 'ghs_PrDiffElsewhere0123456789ab';
const [OWNER = '', REPO = ''] = REPOSITORY.split('/');

let emulator: Emulator;
let github: FakeGitHub;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50 });
  github = await startFakeGitHub({
    tokens: { [GH_TOKEN]: GITHUB_ACTIONS_BOT, [ELSEWHERE_TOKEN]: { ...GITHUB_ACTIONS_BOT, repos: ['example-org/other'] } },
  });
  github.setPullFiles(OWNER, REPO, PR_NUMBER, [{ filename: 'src/jobs/convert.ts', status: 'modified', patch: '@@ -26,3 +26,3 @@\n a\n-b\n+c\n d' }]);
});
afterAll(async () => {
  await github.close();
  await emulator.close();
});
afterEach(() => {
  github.requests.length = 0;
});

const filesReads = () => github.requests.filter((q) => q.path === `/repos/${REPOSITORY}/pulls/${PR_NUMBER}/files`);
const source = (token: string) => githubDiffSource({ token, apiUrl: github.url, owner: OWNER, repo: REPO, pullNumber: PR_NUMBER });

describe('GitHub pull request diff', () => {
  it('retries a 502 as the comment calls do, then reads the files', async () => {
    github.failNext('GET', /\/pulls\/\d+\/files$/, { status: 502, body: { message: 'Server Error' } });
    const changes = await source(GH_TOKEN).changes({ targetBranch: 'main', sourceBranch: 'feature/login' });
    expect([...changes.files.keys()]).toEqual(['src/jobs/convert.ts']);
    expect(filesReads()).toHaveLength(2);
  }, 20_000);

  it('a 404 (no such pull request, or a token that may not read it: GitHub does not tell them apart): says both, the permission to grant and pr-number, once, without retrying', async () => {
    const read = source(ELSEWHERE_TOKEN).changes({ targetBranch: 'main', sourceBranch: 'feature/login' });
    await expect(read).rejects.toBeInstanceOf(DiffUnavailable);
    await expect(read).rejects.toThrow(/^pull request #7 was not found, or the token may not read it \(GitHub GET \/repos\/example-org\/demo-app\/pulls\/7 answered 404: Not Found\): give the workflow `permissions: pull-requests: read`.*; check pr-number if it is set$/);
    expect(github.requests).toHaveLength(1);
  });
});

/** The action in-process on a pull_request event with changed-only lines; the log lines it wrote. */
async function changedOnlyRun(githubToken: string): Promise<{ code: number; lines: string[] }> {
  const rec = recordingToolkit();
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_RUN_ID: '78',
    ...inputEnv(
      { host: emulator.url, token: EMU_TOKEN, project: 'demo-app', scanner: 'codethreat', 'changed-only': 'lines', 'release-criteria': 'off', comment: 'off' },
      githubToken,
    ),
  };
  const code = await runAction({ env, event: pullRequestPayload(), toolkit: rec.toolkit, writeFile: () => Promise.resolve() });
  return { code, lines: rec.log.map((l) => l.message) };
}

describe('changed-only says why the GitHub diff was not used', () => {
  it('no token: one line naming the empty input, and no request to GitHub', async () => {
    const r = await changedOnlyRun('');
    expect(r.code).toBe(0);
    const why = r.lines.filter((l) => l.startsWith('changed-only lines: GitHub API:'));
    expect(why).toEqual([expect.stringMatching(/^changed-only lines: GitHub API: no token \(input "github-token" is empty\); the gate counts all findings/)]);
    expect(github.requests).toHaveLength(0);
  });

  it('no permission: one line naming the permission to grant, never the token', async () => {
    const r = await changedOnlyRun(ELSEWHERE_TOKEN);
    const why = r.lines.filter((l) => l.startsWith('changed-only lines: GitHub API:'));
    expect(why).toEqual([expect.stringMatching(/^changed-only lines: GitHub API: pull request #7 was not found, or the token may not read it .*pull-requests: read/)]);
    expect(r.lines.join('\n')).not.toContain(ELSEWHERE_TOKEN);
  });

  it('a rate limit GitHub asks to wait out is said in the log before the wait, and the diff is then read', async () => {
    github.failNext('GET', /\/pulls\/\d+\/files$/, secondaryRateLimit(1));
    const r = await changedOnlyRun(GH_TOKEN);
    expect(r.code).toBe(0);
    expect(r.lines).toContainEqual(expect.stringMatching(/^GitHub secondary rate limit on GET \/repos\/{owner}\/{repo}\/pulls\/{pull_number}\/files: retrying in 1 s$/));
    expect(r.lines.filter((l) => l.startsWith('changed-only lines: GitHub API:'))).toEqual([]);
    expect(filesReads()).toHaveLength(2);
    expect(r.lines.join('\n')).not.toContain(GH_TOKEN);
  }, 20_000);
});
