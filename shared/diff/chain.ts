/**
 * Try diff sources in order (the code host's API first, then the local checkout): the first that answers wins,
 * and its source text says what failed before it, so the output tells the whole story.
 */
import { DiffUnavailable, type ChangeSet, type DiffRequest, type DiffSource } from './change-set.js';

export interface NamedSource {
  name: string;
  source: DiffSource;
}

function diffChain(sources: readonly NamedSource[]): DiffSource | undefined {
  if (sources.length === 0) return undefined;
  return {
    async changes(request: DiffRequest): Promise<ChangeSet> {
      const failures: string[] = [];
      for (const { name, source } of sources) {
        try {
          const changes = await source.changes(request);
          if (failures.length > 0) changes.source = `${changes.source}, after ${failures.join('; ')}`;
          return changes;
        } catch (err) {
          if (!(err instanceof DiffUnavailable)) throw err;
          failures.push(`${name}: ${err.message}`);
        }
      }
      throw new DiffUnavailable(failures.join('; '));
    },
  };
}

/** A code host's source that cannot be asked here: it fails with `why`, which the chain's output then names. */
export function unavailableSource(name: string, why: string): NamedSource {
  return { name, source: { changes: () => Promise.reject(new DiffUnavailable(why)) } };
}

/**
 * A source whose code loads when the diff is read, not when the run is set up: the diff readers (and the
 * unified-diff parser) are then not loaded before the run's first platform request.
 */
export function loadedWhenRead(load: () => Promise<DiffSource>): DiffSource {
  return { changes: async (request) => (await load()).changes(request) };
}

/** `git diff` in the checkout. */
function localCheckout(cwd: string, env: Readonly<Record<string, string | undefined>>): DiffSource {
  return loadedWhenRead(async () => (await import('./git-diff.js')).gitDiffSource({ cwd, env }));
}

/** The code host's sources, then the local checkout at `checkout` (when there is one). */
export function withLocalCheckout(hosts: readonly NamedSource[], checkout: string | undefined, env: Readonly<Record<string, string | undefined>>): DiffSource | undefined {
  const local: NamedSource[] = checkout ? [{ name: 'local checkout', source: localCheckout(checkout, env) }] : [];
  return diffChain([...hosts, ...local]);
}

/** Run `tasks` with at most `limit` in flight, results in order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
