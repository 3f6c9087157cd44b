// Entry of the Bitbucket pipe (dist/bitbucket/index.js, the image's ENTRYPOINT): wires the process to runPipe.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runPipe } from './run-pipe.js';

const controller = new AbortController();
// Pipelines stops a step with SIGTERM (timeout, manual stop): let the run end its requests and say so.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(new Error(`received ${signal}`)));
}

process.exitCode = await runPipe(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  },
  signal: controller.signal,
});
