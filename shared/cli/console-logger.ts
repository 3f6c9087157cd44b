/**
 * The Logger of the CLI and of the GitLab/Bitbucket packagings: progress and diagnostics on stderr, so that
 * stdout carries only results. Every line passes through `redact` with the run's secrets.
 */
import { redact } from '../errors.js';
import type { Logger } from '../ports.js';

export function consoleLogger(write: (line: string) => void, options: { verbose: boolean; secrets: () => readonly string[] }): Logger {
  const emit = (prefix: string, message: string): void => write(`${prefix}${redact(message, options.secrets())}\n`);
  return {
    debug: (m) => {
      if (options.verbose) emit('debug: ', m);
    },
    info: (m) => emit('', m),
    warn: (m) => emit('warning: ', m),
    error: (m) => emit('error: ', m),
  };
}
