/** What every entry file wires the same way: cancellation on signals, and report files written with their folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM (how CI systems cancel a job or step), so waits stop
 * and the run can still say where its scans can be followed. The handlers stay: a second signal (`timeout` and
 * runners send one more) is absorbed instead of killing the process before it writes its result files.
 */
export function abortOnSignals(proc: Pick<NodeJS.Process, 'on'>): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    proc.on(signal, () => {
      if (!controller.signal.aborted) controller.abort(new Error(`received ${signal}`));
    });
  }
  return controller.signal;
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
