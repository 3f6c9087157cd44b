/**
 * The GitLab adapter's one gitbeaker client, as the merge request note and the changed-only diff use it, against
 * the fake GitLab API on loopback: both accept the same CI_API_V4_URL forms and refuse the same others, naming the
 * variable, before any request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitlabHostDiff } from '../../../gitlab-templates/src/mr-diff.js';
import { gitlabNoteStore } from '../../../gitlab-templates/src/notes.js';
import type { RunContext } from '../../../shared/ci/context.js';
import { parseConfig } from '../../../shared/core/config.js';
import { DiffUnavailable } from '../../../shared/diff/change-set.js';
import { ConfigError } from '../../../shared/errors.js';
import { startFakeGitLab, type FakeGitLab } from '../../fakes/gitlab-api.js';

const TOKEN = 'glpat-client-secret-0101';
const PROJECT_ID = 31;
const MR_IID = 4;

let gitlab: FakeGitLab;
beforeAll(async () => {
  gitlab = await startFakeGitLab({ tokens: { [TOKEN]: { id: 5, username: 'bot', bot: true } } });
  gitlab.setMrDiffs(PROJECT_ID, MR_IID, [{ new_path: 'src/a.ts', diff: '@@ -1,1 +1,1 @@\n-a\n+b\n' }]);
});
afterAll(async () => {
  await gitlab.close();
});

/** The diff as `changed-only` reads it on a merge request pipeline whose CI_API_V4_URL is `apiUrl`. */
async function readDiff(apiUrl: string) {
  const context: RunContext = { ci: 'gitlab', apiUrl, projectId: String(PROJECT_ID), pullRequest: { number: String(MR_IID), isFork: false } };
  const config = parseConfig({ host: 'https://aspm.example.com', token: 'aspm-token-1', project: 'p', scanner: 's', 'gitlab-token': TOKEN }, context);
  const [source] = gitlabHostDiff({})(config, context);
  if (!source) throw new Error('expected the GitLab API source');
  return source.source.changes({ sourceBranch: 'feature', targetBranch: 'main' });
}

const readNotes = async (apiUrl: string) => {
  const notes = [];
  for await (const note of gitlabNoteStore({ apiUrl, token: TOKEN, projectId: PROJECT_ID, mrIid: MR_IID }).list()) notes.push(note);
  return notes;
};

describe('one gitbeaker client for notes and diffs', () => {
  it.each([
    ['the API v4 URL', () => gitlab.apiUrl],
    ['the API v4 URL with a trailing slash', () => `${gitlab.apiUrl}/`],
  ])('%s: both reach GitLab', async (_, apiUrl) => {
    const changes = await readDiff(apiUrl());
    expect([...changes.files.keys()]).toEqual(['src/a.ts']);
    await expect(readNotes(apiUrl())).resolves.toEqual([]);
  });

  it.each([
    ['the instance root (no /api/v4)', () => gitlab.url],
    ['another API version', () => gitlab.url + '/api/v3'],
    ['no URL at all', () => 'gitlab.example.com/api/v4'],
  ])('%s: both refuse, naming CI_API_V4_URL, before any request', async (_, apiUrl) => {
    gitlab.requests.length = 0;
    const diff = readDiff(apiUrl());
    await expect(diff).rejects.toBeInstanceOf(DiffUnavailable);
    await expect(diff).rejects.toThrow(/CI_API_V4_URL must be the GitLab API v4 URL, such as https:\/\/gitlab\.example\.com\/api\/v4/);
    let refused: unknown;
    try {
      await readNotes(apiUrl());
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).setting).toBe('CI_API_V4_URL');
    expect((refused as ConfigError).message).toMatch(/^CI_API_V4_URL must be/);
    expect(gitlab.requests).toHaveLength(0);
  });
});
