/**
 * The change from the local checkout, when no code-host token is given. CI checkouts are shallow (GitHub's
 * default is one commit) and often lack the target branch, so: fetch the target with limited depth when it is
 * missing, find the merge base, deepen both sides once when the shallow history has none, and as a last resort
 * diff against the target's tip. The source says which of these happened. git is spawned without a shell, with
 * prompts off and a time limit per command.
 */
import { spawn } from 'node:child_process';
import { DiffUnavailable, type ChangeSet, type DiffRequest, type DiffSource } from './change-set.js';
import { parseUnifiedDiff } from './unified-diff.js';

export interface GitDiffOptions {
  /** The checkout (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR`, `BITBUCKET_CLONE_DIR`, or the working directory). */
  cwd: string;
  /** Environment of the git processes (the adapter's, so proxies and credentials helpers apply). */
  env: Readonly<Record<string, string | undefined>>;
  /** Commits fetched when deepening a shallow history. */
  depth?: number;
  /** Per git command. */
  timeoutMs?: number;
  remote?: string;
}

const MAX_OUTPUT = 256 * 1024 * 1024;

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

function git(args: readonly string[], options: GitDiffOptions, signal?: AbortSignal): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      timeout: options.timeoutMs ?? 60_000,
      ...(signal ? { signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => reject(new DiffUnavailable(`git could not run (${e.message})`)));
    child.on('close', (code) => {
      if (size > MAX_OUTPUT) reject(new DiffUnavailable('the git diff is larger than 256 MB'));
      else resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A branch name git will take as a ref, never as an option. */
function safeBranch(name: string): string {
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (name.startsWith('-') || control || /[\s~^:?*[\\]|\.\.|@\{/.test(name)) throw new DiffUnavailable(`"${name}" is not a branch name git accepts`);
  return name;
}

export function gitDiffSource(options: GitDiffOptions): DiffSource {
  const remote = options.remote ?? 'origin';
  const depth = options.depth ?? 200;
  return {
    async changes(request: DiffRequest): Promise<ChangeSet> {
      const run = (args: readonly string[]): Promise<GitResult> => git(args, options, request.signal);
      const ok = async (args: readonly string[]): Promise<string | undefined> => {
        const r = await run(args);
        return r.code === 0 ? r.stdout.trim() : undefined;
      };
      if ((await ok(['rev-parse', '--is-inside-work-tree'])) !== 'true') throw new DiffUnavailable(`${options.cwd} is not a git checkout`);
      const target = safeBranch(request.targetBranch);
      const steps: string[] = [];
      const remoteRef = `refs/remotes/${remote}/${target}`;
      const fetchTarget = async (extra: string): Promise<boolean> =>
        (await run(['fetch', '--no-tags', '--quiet', extra, remote, `+refs/heads/${target}:${remoteRef}`])).code === 0;

      let targetRef: string | undefined;
      for (const ref of [remoteRef, `refs/heads/${target}`]) {
        if (await ok(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])) {
          targetRef = ref;
          break;
        }
      }
      if (!targetRef) {
        if (!(await fetchTarget(`--depth=${depth}`))) throw new DiffUnavailable(`the checkout has no "${target}" and fetching it from ${remote} failed`);
        targetRef = remoteRef;
        steps.push(`fetched ${target} (depth ${depth})`);
      }

      let base = await ok(['merge-base', targetRef, 'HEAD']);
      if (!base && (await ok(['rev-parse', '--is-shallow-repository'])) === 'true') {
        // Deepen from the shallow boundary along the source branch when it is on the remote, else along the default refspec.
        const source = request.sourceBranch ? safeBranch(request.sourceBranch) : undefined;
        const along = source ? [`+refs/heads/${source}:refs/remotes/${remote}/${source}`] : [];
        const deepened = (await run(['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, remote, ...along])).code === 0;
        await fetchTarget(`--deepen=${depth}`);
        if (deepened) steps.push(`deepened the shallow clone by ${depth} commits`);
        base = await ok(['merge-base', targetRef, 'HEAD']);
      }
      const from = base ?? targetRef;
      if (!base) steps.push(`no merge base in the history, so compared with the tip of ${target}`);
      const diff = await run(['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '--no-renames', '--unified=0', from, 'HEAD', '--']);
      if (diff.code !== 0) throw new DiffUnavailable(`git diff failed: ${diff.stderr.trim().split('\n')[0] ?? ''}`);
      const changes = parseUnifiedDiff(diff.stdout, '');
      const how = steps.length > 0 ? `; ${steps.join(', ')}` : '';
      changes.source = `local checkout (git diff ${base ? `merge base with ${target}` : target}..HEAD, ${changes.files.size} files${how})`;
      return changes;
    },
  };
}
