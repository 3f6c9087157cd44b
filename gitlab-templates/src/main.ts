#!/usr/bin/env node
// Entry of the GitLab component's job (dist/gitlab/index.js): wires the process to the scan flow with the
// GitLab publishing, and nothing else. `--version` is for the image's smoke test.
import { abortOnSignals, writeTextFile } from '../../shared/cli/process-io.js';
import { runScanCommand } from '../../shared/cli/run-scan-command.js';
import { VERSION } from '../../shared/version.js';
import { gitlabInputSettings } from './inputs.js';
import { gitlabHostDiff } from './mr-diff.js';
import { GITLAB_READS } from './reads.js';

if (process.argv.slice(2).includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // No top-level await: the bundler would wrap the whole bundle in an async function, compiled a second time at start.
  void runScanCommand(
    {
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      writeFile: writeTextFile,
      // changed-only without a GitLab token diffs the job's checkout.
      cwd: process.env.CI_PROJECT_DIR ?? process.cwd(),
      // GitLab sends SIGTERM when the job is cancelled or times out: stop waiting and report that.
      signal: abortOnSignals(process),
    },
    {
      ci: 'gitlab',
      // The inputs that are set win over the INVICTI_* variables, which stay visible when an input is not set.
      flags: gitlabInputSettings(process.env),
      // changed-only reads the merge request's diffs from the API when a token is set, then the checkout.
      hostDiff: gitlabHostDiff(process.env),
      reads: GITLAB_READS,
      // The publisher (and gitbeaker with it) loads once the scan has decided: it is most of the bundle.
      publish: async (input) => {
        const { gitlabPublisher } = await import('./publish.js');
        await gitlabPublisher({ env: process.env, writeFile: writeTextFile, dir: process.cwd() })(input);
      },
    },
  ).then((code) => {
    process.exitCode = code;
  });
}
