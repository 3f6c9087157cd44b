#!/usr/bin/env node
// Entry of the `invicti-appsec` CLI (dist/cli/index.js): wires the process to runCli and nothing else.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { abortOnSignals, writeTextFile } from './process-io.js';
import { runCli } from './run-cli.js';

function gitBranch(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function readGithubEvent(): unknown {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// No top-level await: the bundler would wrap the whole bundle in an async function, compiled a second time at start.
void runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  writeFile: writeTextFile,
  readGithubEvent,
  gitBranch,
  cwd: process.cwd(),
  signal: abortOnSignals(process),
}).then((code) => {
  process.exitCode = code;
});
