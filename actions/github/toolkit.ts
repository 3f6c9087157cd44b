/**
 * The slice of the Actions toolkit the adapter uses, as a port: `coreToolkit()` is the real one over
 * `@actions/core`; tests pass a recording one and call `runAction` in-process.
 *
 * Why not `core.setFailed`: it forces exit code 1, and this action's exit codes are 0/1/2/3. The reason is
 * logged with `error` and the entry sets `process.exitCode`.
 */
import * as core from '@actions/core';

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

/** The toolkit of a real runner (or of `@github/local-action`, which stubs `@actions/core`). */
export function coreToolkit(env: Readonly<Record<string, string | undefined>>): ActionsToolkit {
  return {
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message, props) => core.notice(message, props),
    warning: (message, props) => core.warning(message, props),
    error: (message, props) => core.error(message, props),
    appendSummary: async (markdown) => {
      // core.summary throws without the file variable (outside a runner); that is "no summary", not an error.
      if ((env.GITHUB_STEP_SUMMARY ?? '') === '') return false;
      await core.summary.addRaw(markdown, true).write();
      return true;
    },
  };
}
