/**
 * One run through GitHub's own `@github/local-action` (the `local-action run <dir> <entrypoint> <dotenv>` command),
 * which loads action.yml, stubs `@actions/core` and `@actions/github` and calls the entrypoint's exported `run()`
 * on the TypeScript sources (it cannot run a bundle). Not a contract test (its core stub prints legacy
 * `::set-output`), but a second, independent harness that must agree with ours.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from '../../fakes/github-api.js';
import { repoRoot } from '../../helpers/paths.js';
import { PR_NUMBER, pullRequestPayload, REPOSITORY } from '../../helpers/github-runner.js';

const EMU_TOKEN = 'emuLocalActionToken0123456789';
const GH_TOKEN = 'ghs_LocalActionToken0123456789';
const LOCAL_ACTION = join(repoRoot, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');

let emulator: Emulator;
let github: FakeGitHub;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50 });
  github = await startFakeGitHub({ tokens: { [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 } } });
  dir = await mkdtemp(join(tmpdir(), 'gh-local-action-'));
});
afterAll(async () => {
  await emulator.close();
  await github.close();
  await rm(dir, { recursive: true, force: true });
});

describe('@github/local-action', () => {
  it('runs the action from its sources with a .env file: outputs, summary, comment, exit 1', async () => {
    const event = join(dir, 'event.json');
    const summary = join(dir, 'summary.md');
    await writeFile(event, JSON.stringify(pullRequestPayload()));
    await writeFile(summary, '');
    const dotenv = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
      GITHUB_HEAD_REF: 'feature/login',
      GITHUB_BASE_REF: 'main',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: '31',
      GITHUB_STEP_SUMMARY: summary,
      // Dashes kept, as the runner (and local-action's own .env.example) writes them.
      INPUT_HOST: emulator.url,
      INPUT_TOKEN: EMU_TOKEN,
      INPUT_PROJECT: 'demo-app',
      INPUT_SCANNER: 'codethreat',
      'INPUT_THRESHOLD-CRITICAL': '0',
      'INPUT_GITHUB-TOKEN': GH_TOKEN,
    };
    const envFile = join(dir, '.env');
    await writeFile(envFile, Object.entries(dotenv).map(([k, v]) => `${k}=${v}`).join('\n'));

    const child = spawn(process.execPath, [LOCAL_ACTION, 'run', repoRoot, 'actions/github/entry.ts', envFile], {
      cwd: repoRoot,
      // npm runs inside (npm ls, npm exec tsx): offline, so nothing leaves this machine.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, npm_config_offline: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);

    expect(code, out.slice(-3000)).toBe(1);
    expect(out).toContain('::set-output name=status::failed');
    expect(out).toContain('::set-output name=critical::2');
    expect(out).toMatch(/::set-output name=comment-url::https:\/\/github\.com\/example-org\/demo-app\/pull\/7#issuecomment-\d+/);
    expect(out).not.toContain(EMU_TOKEN);
    expect(out).not.toContain(GH_TOKEN);
    expect(await readFile(summary, 'utf8')).toContain('| Scanner | Type | Status | Critical |');
    expect(github.comments('example-org', 'demo-app', PR_NUMBER)).toHaveLength(1);
  }, 180_000); // local-action transpiles the TypeScript sources on every run: minutes on a loaded 2-core machine
});
