// Entry of the Bitbucket pipe (dist/bitbucket/index.js, the image's ENTRYPOINT): wires the process to runPipe.
import { abortOnSignals, writeTextFile } from '../../shared/cli/process-io.js';
import { runPipe } from './run-pipe.js';

// No top-level await: the bundler would wrap the whole bundle in an async function, compiled a second time at start.
void runPipe(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: writeTextFile,
  // changed-only without Bitbucket credentials diffs the step's clone.
  cwd: process.env.BITBUCKET_CLONE_DIR ?? process.cwd(),
  // Pipelines stops a step with SIGTERM (timeout, manual stop): the run ends its waits and says so.
  signal: abortOnSignals(process),
}).then((code) => {
  process.exitCode = code;
});
