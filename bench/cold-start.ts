/**
 * Cold start: time from spawning a built bundle to the first HTTP request it sends, against the time node
 * needs to start and exit with nothing to do (`node -e 0`, the floor). Each bundle gets the real environment of
 * its CI (the CLI: `ping`; the action: a runner's variables and INPUT_*; the GitLab job and the Bitbucket pipe:
 * their CI variables), with every URL pointing at one loopback server that notes when the first request
 * arrives and then ends the child. A second reference, a one-line node script that sends one request, shows
 * the floor for "a node process that talks HTTP". Target (issue 13, "same end points for both sides"): each
 * bundle's first request at most 3 times the one-line script's first request; the ratio to `node -e 0` exiting
 * is shown beside it for reference.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareStep, pushPayload } from '../test/helpers/github-runner.js';
import { ensureBundle } from './bundles.js';
import { jsonLine, median, root, table } from './lib.js';

export const TARGET_RATIO = 3;
const TOKEN = 'bench-cold-start-token';

interface Subject {
  name: string;
  /** Node arguments (script and its arguments). */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Until exit (the floor) or until the first request arrives. */
  until: 'exit' | 'request';
}

/** One loopback server for every subject; each waits for the next request it receives. */
function firstRequestServer(): Promise<{ server: Server; url: string; next: () => Promise<number> }> {
  let waiting: ((at: number) => void) | undefined;
  const server = createServer((req, res) => {
    const at = performance.now();
    waiting?.(at);
    waiting = undefined;
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json', connection: 'close' }).end('{"error":"benchmark"}');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        next: () => new Promise<number>((r) => (waiting = r)),
      });
    });
  });
}

async function timeOnce(subject: Subject, next: () => Promise<number>, node: string): Promise<number> {
  const arrived = subject.until === 'request' ? next() : undefined;
  const started = performance.now();
  const child = spawn(node, subject.args, { env: subject.env, cwd: subject.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', () => resolve(performance.now())));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let end: number;
  if (arrived) {
    end = await Promise.race([arrived, exited.then(() => Number.NaN)]);
    child.kill('SIGKILL');
  } else end = await exited;
  await closed;
  if (Number.isNaN(end)) throw new Error(`${subject.name} exited before sending a request: ${output.slice(-400)}`);
  return end - started;
}

/** One process's figures in the returned JSON (`ratioToScript` only for the subjects timed to their first request). */
export interface ColdStartRow {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  ratio: number;
  ratioToScript?: number;
}

/** `node`: the binary to start (default this one; the GitHub runner uses Node 24). */
export async function coldStart(runs = 9, node = process.execPath): Promise<Record<string, unknown> & { rows: ColdStartRow[] }> {
  for (const name of ['cli', 'github', 'gitlab', 'bitbucket']) ensureBundle(name);
  const { server, url, next } = await firstRequestServer();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-cold-'));
  const basic = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' };
  const platform = { INVICTI_ASPM_HOST: url, INVICTI_ASPM_TOKEN: TOKEN, INVICTI_PROJECT: 'demo-app', INVICTI_SCANNER: 'codethreat' };
  const step = await prepareStep({ inputs: { host: url, token: TOKEN, project: 'demo-app', scanner: 'codethreat' }, githubToken: 'ghs_bench', apiUrl: url, eventName: 'push', payload: pushPayload('main') });
  const bundle = (name: string): string => path.join(root, 'dist', name, 'index.js');
  const subjects: Subject[] = [
    { name: 'node -e 0 (floor)', args: ['-e', '0'], env: basic, cwd: dir, until: 'exit' },
    {
      name: 'node one-request script (reference)',
      args: ['-e', `require('node:http').get(${JSON.stringify(url)}, (r) => r.resume()).on('error', () => {})`],
      env: basic,
      cwd: dir,
      until: 'request',
    },
    { name: 'dist/cli/index.js ping', args: [bundle('cli'), 'ping'], env: { ...basic, INVICTI_ASPM_HOST: url, INVICTI_ASPM_TOKEN: TOKEN }, cwd: dir, until: 'request' },
    { name: 'dist/github/index.js (runner env)', args: [bundle('github')], env: step.env, cwd: step.files.workspace, until: 'request' },
    {
      name: 'dist/gitlab/index.js (job env)',
      args: [bundle('gitlab')],
      env: { ...basic, ...platform, GITLAB_CI: 'true', CI: 'true', CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main', CI_PROJECT_ID: '1', CI_PROJECT_PATH: 'acme/web-app', CI_API_V4_URL: `${url}/api/v4`, CI_JOB_URL: 'https://gitlab.example.com/acme/web-app/-/jobs/1' },
      cwd: dir,
      until: 'request',
    },
    {
      name: 'dist/bitbucket/index.js (pipe env)',
      args: [bundle('bitbucket')],
      env: { ...basic, ...platform, CI: 'true', BITBUCKET_BUILD_NUMBER: '1', BITBUCKET_CLONE_DIR: dir, BITBUCKET_COMMIT: 'a'.repeat(40), BITBUCKET_BRANCH: 'main', BITBUCKET_WORKSPACE: 'acme', BITBUCKET_REPO_SLUG: 'shop', BITBUCKET_REPO_FULL_NAME: 'acme/shop' },
      cwd: dir,
      until: 'request',
    },
  ].filter((s) => s.args[0] === '-e' || existsSync(s.args[0]!)) as Subject[];

  const times = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  try {
    // Warm the OS file cache once, then interleave the subjects so that drift on the machine hits all alike.
    for (const s of subjects) await timeOnce(s, next, node);
    for (let i = 0; i < runs; i++) for (const s of subjects) times.get(s.name)!.push(await timeOnce(s, next, node));
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(step.files.dir, { recursive: true, force: true });
  }
  const floor = median(times.get(subjects[0]!.name)!);
  // Same end points on both sides: a bundle's first request against a one-line script's first request.
  const scriptFirst = median(times.get(subjects[1]!.name)!);
  const rows = subjects.map((s) => {
    const xs = times.get(s.name)!;
    return { name: s.name, medianMs: median(xs), minMs: Math.min(...xs), maxMs: Math.max(...xs), ratio: median(xs) / floor, ratioToScript: s.until === 'request' ? median(xs) / scriptFirst : Number.NaN };
  });
  console.log(
    table(
      `Cold start (ms from spawn to the first request; the floor: spawn to exit; ${runs} runs, median; target: bundles <= ${TARGET_RATIO}x; "same end points" divides a bundle's first request by the one-line script's first request)`,
      ['process', 'median ms', 'min ms', 'max ms', 'x node -e 0 (exit)', 'x script (first request)'],
      rows.map((r) => [r.name, r.medianMs, r.minMs, r.maxMs, r.ratio, Number.isNaN(r.ratioToScript) ? '' : r.ratioToScript]),
    ),
  );
  const bundles = rows.filter((r) => r.name.startsWith('dist/'));
  const figures = {
    runs,
    nodeBinary: node === process.execPath ? process.version : node,
    floorMs: +floor.toFixed(1),
    rows: rows.map((r) => ({ name: r.name, medianMs: +r.medianMs.toFixed(1), minMs: +r.minMs.toFixed(1), maxMs: +r.maxMs.toFixed(1), ratio: +r.ratio.toFixed(2), ...(Number.isNaN(r.ratioToScript) ? {} : { ratioToScript: +r.ratioToScript.toFixed(2) }) })),
    targetRatio: TARGET_RATIO,
    // Same end points on both sides: first request against first request (the summary table's row reads the same).
    targetMet: Object.fromEntries(bundles.map((r) => [r.name, r.ratioToScript <= TARGET_RATIO])),
  };
  console.log(jsonLine('cold-start', figures));
  return figures;
}
