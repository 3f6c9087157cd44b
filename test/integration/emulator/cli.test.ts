import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths.js';

const MAIN = join(repoRoot, 'test', 'emulator', 'main.ts');

// `node --import tsx`, not the `tsx` command: that command is a wrapper process that relays a signal to the
// emulator and, when the emulator has not acknowledged it within 30 ms (a loaded machine), kills it and exits
// 128 + the signal. Loading tsx as a module leaves one process that gets the signal itself.
function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exit, stderr: () => stderr };
}

describe('emulator CLI (test/emulator/main.ts)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emu-cli-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the URL first, serves, and exits 0 on SIGTERM', async () => {
    const { child, exit } = run(['--port', '0', '--token', 't', '--mode', 'legacy', '--time-scale', '10']);
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      expect(first).toMatch(/^Invicti ASPM emulator listening on http:\/\/127\.0\.0\.1:\d+ \(mode legacy\)$/);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(first)![0];
      const res = await fetch(`${url}/api/v2/health/check`, { headers: { 'X-Cookie': 't' } });
      expect(await res.json()).toEqual({ status: 'ok' });
      child.kill('SIGTERM');
      expect(await exit).toEqual([0, null]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('prints a generated token when none is given', async () => {
    const { child, exit } = run(['--port', '0']);
    try {
      const lines = createInterface({ input: child.stdout });
      const got: string[] = [];
      for await (const line of lines) {
        got.push(line);
        if (got.length === 2) break;
      }
      expect(got[1]).toMatch(/^token: [0-9a-f]{32}$/);
      child.kill('SIGINT');
      expect(await exit).toEqual([0, null]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('--help explains the options, their defaults and the default scenario', async () => {
    const { child, exit } = run(['--help']);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    expect((await exit)[0]).toBe(0);
    for (const flag of ['--port', '--token', '--scenario', '--mode', '--time-scale']) expect(stdout).toContain(flag);
    expect(stdout).toMatch(/--port <n> +.*default 0: a free port/);
    expect(stdout).toMatch(/--token <t> +.*default: a random one/);
    expect(stdout).toMatch(/--mode <core\|legacy\|both> +.*\n.*default both/);
    expect(stdout).toMatch(/--time-scale <n> +.*default 1/);
    expect(stdout).toMatch(/demo-app: default branch main; release criteria: sast fails on critical > 0, dast fails on critical > 0/);
    expect(stdout).toMatch(/^ +codethreat +sast +bound to an integration on the platform: rescan-only/m);
    expect(stdout).toMatch(/^ +saltsecurity +dast +bound to an integration on the platform: rescan-only/m);
    expect(stdout).toMatch(/^ +semgrep +sast +scan, import$/m);
    expect(stdout).toMatch(/^ +trivy +cs +scan, import, image$/m);
  });

  it.each([
    [['--mode', 'sideways'], /--mode must be core, legacy or both/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--time-scale', '0'], /--time-scale must be a positive number/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('bad flags %j: one-line error, exit 2', async (args, message) => {
    const { exit, stderr } = run(args);
    expect((await exit)[0]).toBe(2);
    const text = stderr().trim();
    expect(text).toMatch(message);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('bad scenario file: names the field, exit 2, no stack trace', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'projects:\n  - name: p\n    release:\n      rules:\n        sast: sometimes\n');
    const { exit, stderr } = run(['--scenario', file]);
    expect((await exit)[0]).toBe(2);
    const text = stderr().trim();
    expect(text).toMatch(/bad\.yaml: invalid scenario: projects\[0\]\.release\.rules\.sast/);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/\n\s+at /);
  });
});
