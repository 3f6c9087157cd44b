#!/usr/bin/env node
// Entry of the GitLab component's job (dist/gitlab/index.js): wires the process to the scan flow with the
// GitLab publishing, and nothing else. `--version` is for the image's smoke test.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runScanCommand } from '../../shared/cli/run-scan-command.js';
import { VERSION } from '../../shared/version.js';
import { gitlabPublisher } from './publish.js';

async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

if (process.argv.slice(2).includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // GitLab sends SIGTERM when the job is cancelled or times out: stop waiting and report that.
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => controller.abort(new Error(`received ${signal}`)));
  }
  process.exitCode = await runScanCommand(
    {
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      writeFile: writeText,
      signal: controller.signal,
    },
    { ci: 'gitlab', publish: gitlabPublisher({ env: process.env, writeFile: writeText, dir: process.cwd() }) },
  );
}
