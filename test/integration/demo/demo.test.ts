/**
 * `npm run demo` as a user runs it (the built bundles against the embedded emulator and fake code hosts): the
 * output is what a runner would show, so no `::debug::` workflow commands unless --verbose asks for the detail.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths.js';
import { baseEnv } from '../../helpers/spawn.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'demo-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `node --import tsx scripts/demo.ts` (what `npm run demo` runs), bounded generously: four bundles on a busy machine. */
function demo(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'demo.ts'), ...args], { cwd: repoRoot, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('npm run demo', () => {
  it('prints no ::debug:: lines by default, and every packaging behaves as expected', async () => {
    const run = await demo(['--output-dir', path.join(dir, 'quiet')]);
    expect(run.out).not.toMatch(/::debug::|##\[debug\]/);
    expect(run.out).toMatch(/^OK +GitHub Action/m);
    expect(run.out).toMatch(/^OK +CLI/m);
    expect(run.code).toBe(0);
    expect((await readdir(path.join(dir, 'quiet'))).sort()).toEqual(['bitbucket', 'cli', 'github', 'gitlab']);
  }, 240_000);

  it('--verbose shows the detail: the GitHub step debug lines as the runner shows them, and the other runs log their API calls', async () => {
    const run = await demo(['--verbose', '--output-dir', path.join(dir, 'verbose')]);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/^::debug::/m);
    expect(run.out).toMatch(/GET \/api\/v2\/projects/);
  }, 240_000);

  it('a flag it does not know: exit 2 with the usage, nothing run', async () => {
    const run = await demo(['--verbos']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/^demo: Unknown option '--verbos'/m);
    expect(run.out).toContain('usage: npm run demo -- [--verbose] [--output-dir <dir>]');
    expect(run.out).not.toContain('=== ');
  }, 60_000);
});
