/**
 * The core's Logger on the Actions log. Secrets are masked by the runner (`setSecret`) and, as a second line of
 * defence, redacted here, so a value that reaches a message in another form still never shows.
 *
 * `verbose` (or a re-run with debug logging) prints debug lines as plain log lines; without it they go to
 * `::debug::`, which the runner shows only when step debug logging is on.
 */
import type { Logger } from '../../shared/ports.js';
import { redact } from '../../shared/errors.js';
import type { ActionsToolkit } from './toolkit.js';

/**
 * A plain log line must not read as a workflow command: `info` writes text as is, and a line starting with `::`
 * (scanner or platform text, say) would be executed by the runner. Annotations need no such care: the toolkit
 * escapes their text.
 */
export function inertLines(text: string): string {
  return text.replace(/^(\s*)::/gm, '$1: :');
}

/** A toolkit whose every message and annotation title is redacted first, and whose plain lines are inert. */
export function redactingToolkit(toolkit: ActionsToolkit, secrets: () => readonly string[]): ActionsToolkit {
  const r = (text: string): string => redact(text, secrets());
  const props = <T extends { title?: string }>(p: T | undefined): T | undefined =>
    p?.title === undefined ? p : { ...p, title: r(p.title) };
  return {
    setSecret: (value) => toolkit.setSecret(value),
    setOutput: (name, value) => toolkit.setOutput(name, r(value)),
    debug: (m) => toolkit.debug(r(m)),
    info: (m) => toolkit.info(inertLines(r(m))),
    notice: (m, p) => toolkit.notice(r(m), props(p)),
    warning: (m, p) => toolkit.warning(r(m), props(p)),
    error: (m, p) => toolkit.error(r(m), props(p)),
    appendSummary: (markdown) => toolkit.appendSummary(r(markdown)),
  };
}

export function toolkitLogger(toolkit: ActionsToolkit, verbose: boolean): Logger {
  return {
    debug: (m) => (verbose ? toolkit.info(`debug: ${m}`) : toolkit.debug(m)),
    info: (m) => toolkit.info(m),
    warn: (m) => toolkit.warning(m),
    error: (m) => toolkit.error(m),
  };
}
