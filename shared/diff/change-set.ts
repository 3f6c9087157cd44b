/**
 * What a pull/merge request changed, as the gate's `changed-only` scope needs it: per file (path relative to the
 * repository root, on the source side), the line ranges that were added or modified, or "the whole file" when a
 * host gives no hunks (binary, too large). Removed files are left out: no finding can be located in them.
 */

/** Inclusive 1-based line ranges on the new side. */
export type LineRange = readonly [number, number];

export interface ChangedFile {
  ranges: LineRange[];
  /** Lines unknown (binary file, a hunk the host would not send): every line counts as changed. */
  whole: boolean;
}

export interface ChangeSet {
  files: Map<string, ChangedFile>;
  /** Where the diff came from and how ("GitHub pull request files API, 12 files"), for the output. */
  source: string;
}

/** Where a change set comes from: the code host's API or the local checkout. Throws `DiffUnavailable`. */
export interface DiffSource {
  changes(request: DiffRequest): Promise<ChangeSet>;
}

export interface DiffRequest {
  /** Merge target branch (`main`). */
  targetBranch: string;
  /** Source branch of the change. */
  sourceBranch: string;
  /** PR number, MR IID or Bitbucket PR id; undefined outside a pull/merge request. */
  number?: string;
  signal?: AbortSignal;
}

/** The diff could not be had; `message` says why and is safe to show. */
export class DiffUnavailable extends Error {
  override readonly name = 'DiffUnavailable';
}

/** Lines either side of a changed line that still count as "the lines a change touched". */
const CONTEXT_LINES = 3;

/** `./src/a.ts`, `/src/a.ts`, `src\\a.ts` → `src/a.ts`, so scanner paths meet diff paths. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

export function addRange(file: ChangedFile, from: number, to: number): void {
  const last = file.ranges[file.ranges.length - 1];
  if (last && from <= last[1] + 1) file.ranges[file.ranges.length - 1] = [last[0], Math.max(last[1], to)];
  else file.ranges.push([from, to]);
}

/**
 * Whether a finding at `path` (and `line`) falls in the change: `files` asks only for the file, `lines` for a line
 * within CONTEXT_LINES of a changed one (a finding without a line in a changed file counts as touched).
 * Scanner paths may carry a prefix the diff lacks (an absolute checkout path), so a suffix at a `/` matches too.
 */
export function touches(changes: ChangeSet, mode: 'files' | 'lines', path: string, line: number | undefined): boolean {
  const file = findFile(changes, normalisePath(path));
  if (!file) return false;
  if (mode === 'files' || file.whole || line === undefined) return true;
  return file.ranges.some(([from, to]) => line >= from - CONTEXT_LINES && line <= to + CONTEXT_LINES);
}

function findFile(changes: ChangeSet, path: string): ChangedFile | undefined {
  const exact = changes.files.get(path);
  if (exact) return exact;
  for (const [changed, file] of changes.files) if (path.endsWith(`/${changed}`)) return file;
  return undefined;
}
