/** The CLI's own words for the scan flow's modes: on the command line they are commands, not a setting. */
import type { ModeWords } from '../core/config.js';
import { PROGRAM } from './program.js';

export const COMMAND_WORDS: ModeWords = {
  requiredIn: (mode) => `by the ${mode} command`,
  name: (mode) => `the ${mode} command`,
  switchTo: (mode) => `run ${PROGRAM} ${mode}`,
};
