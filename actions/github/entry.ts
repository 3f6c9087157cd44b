/**
 * The action as a process: reads the environment and the event file, wires the real toolkit and file system
 * into `runAction`, and sets `process.exitCode`. Exported as `run()` so `@github/local-action` can call it too.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
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

const REQUEST_START = 'http.client.request.start';

/**
 * Call `then` once the process's first HTTP request has been written (or has failed): work that is not needed
 * for that request (loading `@actions/core`) then overlaps its round trip instead of delaying it.
 */
function afterFirstRequest(then: () => void): void {
  const onStart = (message: unknown): void => {
    unsubscribe(REQUEST_START, onStart);
    const request = (message as { request?: NodeJS.EventEmitter }).request;
    let called = false;
    const go = (): void => {
      if (called) return;
      called = true;
      setImmediate(then);
    };
    if (request === undefined) return go();
    request.once('finish', go);
    request.once('close', go);
  };
  subscribe(REQUEST_START, onStart);
}

export async function run(): Promise<void> {
  // The runner cancels a step with SIGINT, then SIGTERM: stop waiting and report where the scans can be followed.
  const signal = abortOnSignals(process);
  const env = process.env;
  const toolkit = coreToolkit(env);
  // A failed load is reported by the `finally` below, which waits for the same load.
  afterFirstRequest(() => void toolkit.load().catch(() => undefined));
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
  } finally {
    // A run that stopped before any request (bad settings) still writes what it queued.
    await toolkit.load();
  }
}
