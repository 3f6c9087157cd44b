/** Real git repositories in temp dirs for the diff tests: an origin with main and a feature branch, and clones. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.test',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `n` numbered lines: `line 1` … `line n`. */
export const numbered = (n: number, edit: Record<number, string> = {}): string =>
  `${Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1}`).join('\n')}\n`;

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/**
 * An origin repository: `main` with `base` files and `extraMainCommits` more commits (so the merge base lies
 * below a shallow clone's depth), and `branch` off main's first commit with `change` applied.
 */
export async function originWithBranch(options: { base: Record<string, string>; change: Record<string, string>; branch: string; extraMainCommits?: number }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'diff-origin-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  await writeFiles(dir, options.base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'base');
  git(dir, 'checkout', '--quiet', '-b', options.branch);
  await writeFiles(dir, options.change);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'change');
  git(dir, 'checkout', '--quiet', 'main');
  for (let i = 0; i < (options.extraMainCommits ?? 0); i += 1) {
    await writeFiles(dir, { [`docs/note-${i}.md`]: `note ${i}\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', `main ${i}`);
  }
  return dir;
}

/** `git clone [--depth n] --branch <branch> file://origin` into a new temp dir. */
export async function cloneOf(origin: string, branch: string, depth?: number): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'diff-clone-'));
  const dir = path.join(parent, 'work');
  git(parent, 'clone', '--quiet', ...(depth ? ['--depth', String(depth)] : []), '--branch', branch, `file://${origin}`, dir);
  return dir;
}
