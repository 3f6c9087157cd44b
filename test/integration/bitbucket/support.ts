/**
 * Shared pieces of the pipe tests: the built entry, a literal Bitbucket Pipelines environment, the emulator
 * and the fake Bitbucket API on loopback, and a runner that spawns `node dist/bitbucket/index.js` the way
 * the image's ENTRYPOINT does.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultScenario, startEmulator, type Emulator } from '../../emulator/index.js';
import { startFakeBitbucket, type FakeBitbucket } from '../../fakes/bitbucket-api.js';
import { repoRoot } from '../../helpers/paths.js';

export const BUNDLE = join(repoRoot, 'dist', 'bitbucket', 'index.js');

export const WORKSPACE = 'acme';
export const REPO = 'shop';
export const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const PR_ID = 7;
export const EMU_TOKEN = 'emu-secret-token-5f1d2c';
/** An access token whose bot may read /2.0/user. */
export const ACCESS_TOKEN = 'ATCTT3xFfGN0-pipe-access-token-01';
/** An access token refused on /2.0/user (Bitbucket's bot accounts may be). */
export const BOT_TOKEN = 'ATCTT3xFfGN0-pipe-bot-token-02';
export const EMAIL = 'ci-bot@acme.example';
export const API_TOKEN = 'ATATT3-pipe-api-token-03';
export const SECRETS = [EMU_TOKEN, ACCESS_TOKEN, BOT_TOKEN, API_TOKEN];

export const BOT = { uuid: '{6f1c0c8e-0000-4000-8000-000000000b07}', nickname: 'invicti-bot' };
export const API_USER = { uuid: '{6f1c0c8e-0000-4000-8000-000000000a91}', account_id: '5f00:ci', nickname: 'ci' };
export const HUMAN = { uuid: '{6f1c0c8e-0000-4000-8000-00000000dead}', nickname: 'dev' };

/**
 * CI builds (`npm run build`) before testing; a missing bundle is built here (about 15 s). A stale one is not:
 * ncc type-checks the whole project, so building from a test would tie it to every file in the checkout.
 */
export function ensureBundle(): void {
  if (existsSync(BUNDLE)) return;
  execFileSync(process.execPath, ['scripts/build.mjs', 'bitbucket'], { cwd: repoRoot, stdio: 'pipe', timeout: 120_000 });
}

export interface World {
  emu: Emulator;
  bb: FakeBitbucket;
  close(): Promise<void>;
}

/** The emulator with short scans (its history then predicts short waits) and the fake Bitbucket API. */
export async function startWorld(): Promise<World> {
  const scenario = { ...defaultScenario, scanners: (defaultScenario.scanners ?? []).map((s) => ({ ...s, durationMs: 400 })) };
  const emu = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 10, scenario });
  const bb = await startFakeBitbucket({
    proxyMode: true,
    bearer: { [ACCESS_TOKEN]: BOT, [BOT_TOKEN]: { ...BOT, userEndpointForbidden: true } },
    basic: { [`${EMAIL}:${API_TOKEN}`]: API_USER },
  });
  return { emu, bb, close: async () => void (await Promise.all([emu.close(), bb.close()])) };
}

/** Bitbucket's default variables of a `pull-requests:` pipeline step, as a pipe container receives them. */
export function pullRequestEnv(world: World, cloneDir: string): Record<string, string> {
  return {
    CI: 'true',
    BITBUCKET_BUILD_NUMBER: '1042',
    BITBUCKET_CLONE_DIR: cloneDir,
    BITBUCKET_COMMIT: COMMIT,
    BITBUCKET_BRANCH: 'feature/login',
    BITBUCKET_PR_ID: String(PR_ID),
    BITBUCKET_PR_DESTINATION_BRANCH: 'main',
    BITBUCKET_WORKSPACE: WORKSPACE,
    BITBUCKET_REPO_OWNER: WORKSPACE,
    BITBUCKET_REPO_SLUG: REPO,
    BITBUCKET_REPO_FULL_NAME: `${WORKSPACE}/${REPO}`,
    BITBUCKET_REPO_UUID: '{0f5e6a7b-1111-4222-8333-444455556666}',
    BITBUCKET_GIT_HTTP_ORIGIN: `http://bitbucket.org/${WORKSPACE}/${REPO}`,
    BITBUCKET_PIPELINE_UUID: '{5c1d7e9a-aaaa-4bbb-8ccc-dddddddddddd}',
    BITBUCKET_STEP_UUID: '{9e8d7c6b-eeee-4fff-8000-111111111111}',
    // The pipe's variables, as bitbucket-pipelines.yml passes them.
    INVICTI_ASPM_HOST: world.emu.url,
    INVICTI_ASPM_TOKEN: EMU_TOKEN,
    INVICTI_PROJECT: 'demo-app',
    INVICTI_SCANNER: 'codethreat',
    INVICTI_THRESHOLD_CRITICAL: '0',
    // Internal knobs: the fake stands in for the Pipelines auth proxy and for api.bitbucket.org.
    INVICTI_BITBUCKET_PROXY_URL: world.bb.url,
    INVICTI_BITBUCKET_API_URL: world.bb.apiUrl,
  };
}

/** The same step in a branch (default) pipeline: no PR variables. */
export function branchEnv(world: World, cloneDir: string, branch: string): Record<string, string> {
  const env = pullRequestEnv(world, cloneDir);
  delete env.BITBUCKET_PR_ID;
  delete env.BITBUCKET_PR_DESTINATION_BRANCH;
  return { ...env, BITBUCKET_BRANCH: branch };
}

export interface PipeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn the entry with exactly `env` (plus PATH) in `cwd`, as the container would run it. */
export async function runPipe(env: Readonly<Record<string, string>>, cwd: string, args: readonly string[] = []): Promise<PipeRun> {
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
