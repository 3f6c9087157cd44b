import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiffUnavailable, touches } from '../../../shared/diff/change-set.js';
import { gitDiffSource } from '../../../shared/diff/git-diff.js';
import { cloneOf, git, numbered, originWithBranch } from '../../helpers/git-repo.js';

let origin: string;
const request = { targetBranch: 'main', sourceBranch: 'feature/fix' };

beforeAll(async () => {
  origin = await originWithBranch({
    base: { 'src/jobs/convert.ts': numbered(40), 'src/db/users.ts': numbered(60) },
    change: { 'src/jobs/convert.ts': numbered(40, { 27: 'changed 27' }), 'src/added.ts': numbered(3) },
    branch: 'feature/fix',
    extraMainCommits: 3,
  });
});

describe('gitDiffSource', () => {
  it('a full clone: diff from the merge base, so main\'s later commits do not count', async () => {
    const dir = await cloneOf(origin, 'feature/fix');
    const changes = await gitDiffSource({ cwd: dir, env: {} }).changes(request);
    expect([...changes.files.keys()].sort()).toEqual(['src/added.ts', 'src/jobs/convert.ts']);
    expect(changes.files.get('src/jobs/convert.ts')?.ranges).toEqual([[27, 27]]);
    expect(touches(changes, 'lines', 'src/jobs/convert.ts', 27)).toBe(true);
    expect(touches(changes, 'lines', 'src/db/users.ts', 42)).toBe(false);
    expect(changes.source).toMatch(/^local checkout \(git diff merge base with main\.\.HEAD, 2 files\)$/);
  });

  it('a shallow clone (depth 1) without main: fetches main, deepens, and finds the merge base', async () => {
    const dir = await cloneOf(origin, 'feature/fix', 1);
    expect(git(dir, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const changes = await gitDiffSource({ cwd: dir, env: {} }).changes(request);
    expect([...changes.files.keys()].sort()).toEqual(['src/added.ts', 'src/jobs/convert.ts']);
    expect(changes.source).toContain('fetched main (depth 200)');
    expect(changes.source).toContain('merge base with main');
  });

  it('a shallow history that stays too short: compares with the tip of main and says so', async () => {
    const dir = await cloneOf(origin, 'feature/fix', 1);
    const changes = await gitDiffSource({ cwd: dir, env: {}, depth: 1 }).changes(request);
    expect(changes.source).toContain('no merge base in the history, so compared with the tip of main');
    // Against main's tip, main's own later commits show up as removed files: never as changed lines.
    expect(changes.files.get('src/jobs/convert.ts')?.ranges).toEqual([[27, 27]]);
  });

  it('no checkout, or a target that exists nowhere: DiffUnavailable with the reason', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'diff-none-'));
    await expect(gitDiffSource({ cwd: empty, env: {} }).changes(request)).rejects.toThrow(DiffUnavailable);
    const dir = await cloneOf(origin, 'feature/fix', 1);
    await expect(gitDiffSource({ cwd: dir, env: {} }).changes({ ...request, targetBranch: 'release' })).rejects.toThrow(/no "release" and fetching it from origin failed/);
    await expect(gitDiffSource({ cwd: dir, env: {} }).changes({ ...request, targetBranch: '--upload-pack=x' })).rejects.toThrow(/not a branch name/);
  });
});
