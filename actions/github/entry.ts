/**
 * The action as a process: reads the environment and the event file, wires the real toolkit and file system
 * into `runAction`, and sets `process.exitCode`. Exported as `run()` so `@github/local-action` can call it too.
 */
import { readFileSync } from 'node:fs';
import { abortOnSignals, writeTextFile } from '../../shared/cli/process-io.js';
import { describeError, EXIT_CODES } from '../../shared/errors.js';
import { runAction } from './run-action.js';
import { coreToolkit, type ActionsToolkit } from './toolkit.js';

/** The webhook payload, or undefined (no file, unreadable, not JSON): the context then comes from env alone. */
function readEvent(path: string | undefined, toolkit: ActionsToolkit): unknown {
  if (path === undefined || path === '') return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    toolkit.warning(`Could not read the event payload (GITHUB_EVENT_PATH): ${describeError(err)}`);
    return undefined;
  }
}

export async function run(): Promise<void> {
  // The runner cancels a step with SIGINT, then SIGTERM: stop waiting and report where the scans can be followed.
  const signal = abortOnSignals(process);
  const env = process.env;
  const toolkit = coreToolkit(env);
  try {
    process.exitCode = await runAction({
      env,
      event: readEvent(env.GITHUB_EVENT_PATH, toolkit),
      toolkit,
      writeFile: writeTextFile,
      signal,
    });
  } catch (err) {
    // A bug, not a user error: one line (the tokens are masked by then), and the "could not decide" exit code.
    toolkit.error(`Invicti AppSec failed unexpectedly: ${describeError(err)}`);
    process.exitCode = EXIT_CODES.platform;
  }
}
