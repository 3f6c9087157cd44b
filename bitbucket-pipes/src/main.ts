// Entry of the Bitbucket pipe (dist/bitbucket/index.js, the image's ENTRYPOINT): wires the process to runPipe.
import { abortOnSignals, writeTextFile } from '../../shared/cli/process-io.js';
import { runPipe } from './run-pipe.js';

process.exitCode = await runPipe(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: writeTextFile,
  // Pipelines stops a step with SIGTERM (timeout, manual stop): the run ends its waits and says so.
  signal: abortOnSignals(process),
});
