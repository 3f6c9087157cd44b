/**
 * What the built CLI says when the connection settings are wrong: the real cause, in one line, with the fix.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { baseEnv, runBundle, type Spawned } from '../../helpers/spawn.js';

const CLI = 'dist/cli/index.js';
const TOKEN = 'diag-test-token-7f3e12';
let emu: Emulator;
const outputs: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 20 });
});
afterAll(async () => {
  await emu.close();
  expect(outputs.join('\n')).not.toContain(TOKEN);
});

async function cli(host: string, args: string[]): Promise<Spawned> {
  const run = await runBundle(CLI, args, { env: baseEnv({ INVICTI_ASPM_HOST: host, INVICTI_ASPM_TOKEN: TOKEN }) });
  outputs.push(run.stdout, run.stderr);
  return run;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

const SCAN = ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main'];
const noDoubledPrefix = (run: Spawned): void => expect(run.stderr).not.toMatch(/(error|warning): (error|warning):/);

describe('connection diagnoses through the CLI', () => {
  it('https:// against a plain-HTTP server says to use http://, not TLS trust advice', async () => {
    const run = await cli(emu.url.replace('http://', 'https://'), SCAN);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('this server speaks plain HTTP, not HTTPS: use http:// in the host setting.');
    expect(run.stderr).not.toMatch(/certificate|ca-cert|insecure/);
    expect(run.stderr).not.toContain('retrying');
    noDoubledPrefix(run);
  });

  it('a host with the API path says to drop the path, before any request', async () => {
    const run = await cli(`${emu.url}/api/aspm/v1`, SCAN);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`drop it and give the instance's address, ${emu.url} `);
    expect(run.stderr).not.toContain('api-mode');
    noDoubledPrefix(run);
  });

  it('messages name the path as requested, the host path included', async () => {
    const run = await cli(`${emu.url}/sub`, ['ping', '--api-mode', 'core']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/GET \/sub\/api\/v2\/health\/check/);
  });

  it('a refused connection is one line that points at the host setting', async () => {
    const run = await cli(`http://127.0.0.1:${await closedPort()}`, SCAN);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain('retrying');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: GET .*ECONNREFUSED.*check the host setting \(scheme, name and port\)\.( \(correlation ID [0-9a-f-]+\))?$/);
    expect(run.stderr).not.toMatch(/\.\./);
  });

  it('missing settings name the product once, as Invicti AppSec, in full sentences', async () => {
    const run = await runBundle(CLI, SCAN, { env: baseEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invicti AppSec');
    expect(run.stderr).not.toContain('Invicti ASPM');
    for (const line of run.stderr.trim().split('\n').filter((l) => l.startsWith('- '))) expect(line).toMatch(/[.)]$/);
    noDoubledPrefix(run);
  });
});
