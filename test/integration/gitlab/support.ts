/**
 * Running the component the way a consumer pipeline does, offline: a temporary git working copy holding a
 * consumer `.gitlab-ci.yml` (a fixture) and the component under `templates/` (as the component project lays
 * it out), driven by gitlab-ci-local 4.73.0.
 *
 * How the includes resolve without a network (gitlab-ci-local's include parser):
 * - `component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA` is "local" when the path is this
 *   repository's (from `git remote get-url origin`) and the ref is HEAD's SHA: it reads `templates/<name>.yml`.
 * - Any other component, and `project:` + `file:`, are fetched with git into
 *   `.gitlab-ci-local/includes/<origin host>/<project>/<ref>/` unless the file is already there, so seeding
 *   that cache (`seedInclude`) stands in for the catalog project.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../helpers/paths.js';

const run = promisify(execFile);

export const TEMPLATE = join(repoRoot, 'gitlab-templates', 'invicti-appsec.yml');
export const FIXTURES = join(repoRoot, 'test', 'integration', 'gitlab', 'fixtures');
const GITLAB_CI_LOCAL = join(repoRoot, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');

/** The consumer repository's origin: CI_SERVER_FQDN is gitlab.example.com, CI_PROJECT_PATH acme/web-app. */
export const ORIGIN = { host: 'gitlab.example.com', path: 'acme/web-app' };

/**
 * Only what the tools need from the parent environment: the test runner's own CI variables (GITHUB_ACTIONS,
 * CI_*, INVICTI_*) would otherwise leak into the job through gitlab-ci-local's shell executor.
 */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: [dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter),
    HOME: home,
    LANG: 'C.UTF-8',
    TMPDIR: tmpdir(),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
  };
}

export interface WorkingCopy {
  dir: string;
  sha: string;
  env: NodeJS.ProcessEnv;
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A committed git repository with the component as `templates/invicti-appsec.yml` and each fixture at the top
 * under its own name (pick one with `--file`); the first is also `.gitlab-ci.yml`.
 */
export async function workingCopy(...fixtures: string[]): Promise<WorkingCopy> {
  return gitWorkingCopy(async (dir) => {
    for (const [i, fixture] of fixtures.entries()) {
      await copyFile(join(FIXTURES, fixture), join(dir, fixture));
      if (i === 0) await copyFile(join(FIXTURES, fixture), join(dir, '.gitlab-ci.yml'));
    }
    await mkdir(join(dir, 'templates'));
    await copyFile(TEMPLATE, join(dir, 'templates', 'invicti-appsec.yml'));
  });
}

/** A committed git repository (origin `ORIGIN`) holding what `populate` writes into it. */
export async function gitWorkingCopy(populate: (dir: string) => Promise<void>): Promise<WorkingCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'gitlab-component-'));
  const home = join(dir, '.home');
  await mkdir(home);
  const env = cleanEnv(home);
  await populate(dir);
  await writeFile(join(dir, '.gitignore'), '.home/\n.gitlab-ci-local/\n');
  const git = (...args: string[]) => run('git', args, { cwd: dir, env, timeout: 10_000 });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'Test');
  await git('config', 'user.email', 'test@example.com');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'consumer pipeline');
  await git('remote', 'add', 'origin', `https://${ORIGIN.host}/${ORIGIN.path}.git`);
  // gitlab-ci-local reads the default branch from origin/HEAD; without it, it warns on every run.
  await git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  const sha = (await git('rev-parse', 'HEAD')).stdout.trim();
  return {
    dir,
    sha,
    env,
    read: (path) => readFile(join(dir, path), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Put `template` where gitlab-ci-local caches a remote component or project file, as if fetched. */
export async function seedInclude(copy: WorkingCopy, project: string, ref: string, file: string, template = TEMPLATE): Promise<void> {
  const target = join(copy.dir, '.gitlab-ci-local', 'includes', ORIGIN.host, project, ref, file);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(template, target);
}

/** gitlab-ci-local's shell executor copies files and artifacts with rsync; say so plainly when it is missing. */
export async function requireShellExecutorTools(): Promise<void> {
  try {
    await run('rsync', ['--version'], { timeout: 5_000 });
  } catch {
    throw new Error("gitlab-ci-local's shell executor needs rsync (and git) on PATH: install them (apt-get install rsync git).");
  }
}

/** The installed gitlab-ci-local: 4.74 and later are bun bundles that crash on Node 20. */
export async function gitlabCiLocalVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(dirname(dirname(GITLAB_CI_LOCAL)), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface GclResult {
  code: number | null;
  /** stdout and stderr together, in arrival order. */
  output: string;
}

/** Run gitlab-ci-local in the working copy (its --cwd takes only relative paths: we start it there instead). */
export function gitlabCiLocal(copy: WorkingCopy, args: readonly string[], timeoutMs = 25_000): Promise<GclResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GITLAB_CI_LOCAL, '--home', join(copy.dir, '.home'), '--no-color', ...args], {
      cwd: copy.dir,
      env: copy.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `--variable K=V` pairs, plus the list of predefined ones we override on purpose (silences its warning). */
export function variableArgs(vars: Readonly<Record<string, string>>, predefined: readonly string[] = []): string[] {
  const args = Object.entries(vars).flatMap(([k, v]) => ['--variable', `${k}=${v}`]);
  return predefined.length > 0 ? [...args, '--ignore-predefined-vars', predefined.join(',')] : args;
}
