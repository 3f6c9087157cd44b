/**
 * The slice of the Actions toolkit the adapter uses, as a port: `coreToolkit()` is the real one over
 * `@actions/core`; tests pass a recording one and call `runAction` in-process.
 *
 * Why not `core.setFailed`: it forces exit code 1, and this action's exit codes are 0/1/2/3. The reason is
 * logged with `error` and the entry sets `process.exitCode`.
 *
 * Why `@actions/core` is loaded late: it loads `@actions/http-client` and undici at import, a third of the
 * bundle's start-up before the first platform request. Calls made before it is loaded are queued and replayed
 * in order (masks first, as they were made), so nothing reaches the log before the runner knows what to hide.
 */
import type * as CoreModule from '@actions/core';

type Core = typeof CoreModule;

/** Where an annotation points; the toolkit escapes every property for the workflow command. */
export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export interface ActionsToolkit {
  /** Register a value the runner must mask in every later log line. */
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, props?: AnnotationProps): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  /** Append markdown to this step's job summary; false when the runner gave no summary file. */
  appendSummary(markdown: string): Promise<boolean>;
}

/** The real toolkit, with `load()` to bring in `@actions/core` (and replay what was queued) when it suits. */
export interface DeferredToolkit extends ActionsToolkit {
  /** Load `@actions/core` and replay the queued calls; every later call goes straight through. */
  load(): Promise<void>;
}

/** The toolkit of a real runner (or of `@github/local-action`, which stubs `@actions/core`). */
export function coreToolkit(env: Readonly<Record<string, string | undefined>>, importCore: () => Promise<Core> = () => import('@actions/core')): DeferredToolkit {
  let core: Core | undefined;
  let queued: ((c: Core) => void)[] = [];
  let loading: Promise<Core> | undefined;
  const load = (): Promise<Core> =>
    (loading ??= importCore().then((c) => {
      core = c;
      const replay = queued;
      queued = [];
      for (const call of replay) call(c);
      return c;
    }));
  const use = (call: (c: Core) => void): void => {
    if (core === undefined) queued.push(call);
    else call(core);
  };
  return {
    setSecret: (value) => use((c) => c.setSecret(value)),
    setOutput: (name, value) => use((c) => c.setOutput(name, value)),
    debug: (message) => use((c) => c.debug(message)),
    info: (message) => use((c) => c.info(message)),
    notice: (message, props) => use((c) => c.notice(message, props)),
    warning: (message, props) => use((c) => c.warning(message, props)),
    error: (message, props) => use((c) => c.error(message, props)),
    appendSummary: async (markdown) => {
      // core.summary throws without the file variable (outside a runner); that is "no summary", not an error.
      if ((env.GITHUB_STEP_SUMMARY ?? '') === '') return false;
      const c = await load();
      await c.summary.addRaw(markdown, true).write();
      return true;
    },
    load: async () => {
      await load();
    },
  };
}
