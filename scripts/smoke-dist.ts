/**
 * Smoke run of the built bundles with a given node binary (CI runs it with this machine's Node and with Node 24,
 * the GitHub runner's): the CLI scans demo-app on an in-process emulator and must fail the gate (exit 1); every
 * other bundle, started with no settings, must stop with a configuration error (exit 2), not crash.
 * Usage: tsx scripts/smoke-dist.ts [path/to/node]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../test/emulator/index.js';

const node = process.argv[2] ?? process.execPath;
const root = path.resolve(import.meta.dirname, '..');
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const emulator = await startEmulator({ token: 'smoke-token', timeScale: 10 });
const failures: string[] = [];


async function runAsync(bundle: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [path.join(root, bundle), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

try {
  const cli = await runAsync('dist/cli/index.js', ['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--threshold-critical', '0'], {
    INVICTI_ASPM_HOST: emulator.url,
    INVICTI_ASPM_TOKEN: 'smoke-token',
  });
  if (cli.code !== 1) failures.push(`dist/cli: expected exit 1 (gate failed), got ${cli.code}\n${cli.out}`);
  for (const name of ['github', 'gitlab', 'bitbucket']) {
    const bundle = `dist/${name}/index.js`;
    if (!existsSync(path.join(root, bundle))) continue;
    const bare = await runAsync(bundle, [], {});
    if (bare.code !== 2) failures.push(`${bundle}: expected exit 2 (no settings), got ${bare.code}\n${bare.out}`);
  }
} finally {
  await emulator.close();
}
for (const f of failures) console.error(f);
console.log(`smoke (${version}): ${failures.length === 0 ? 'ok' : `${failures.length} failed`}`);
process.exitCode = failures.length === 0 ? 0 : 1;
