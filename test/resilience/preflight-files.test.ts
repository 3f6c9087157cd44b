/**
 * Check everything before the first request: a bad import file or an unwritable report path stops the built CLI
 * with exit 2, naming the setting, and the emulator sees no request at all. Before, a missing file failed after
 * several requests, a 0-byte or non-JSON file was uploaded (exit 3, HTTP 400), and an unwritable report path was
 * found only after the whole scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { STACK_FRAME } from './support.js';

const TOKEN = 'resilience-preflight-token-7a1f';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 50 });
  dir = await mkdtemp(join(tmpdir(), 'preflight-'));
  await writeFile(join(dir, 'empty.json'), '');
  await writeFile(join(dir, 'report.txt'), 'this is not json at all\n');
  await writeFile(join(dir, 'good.sarif'), JSON.stringify({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [] }));
  await mkdir(join(dir, 'a-folder'));
  await mkdir(join(dir, 'locked'));
  await chmod(join(dir, 'locked'), 0o500);
});
afterAll(async () => {
  await emu.close();
  await chmod(join(dir, 'locked'), 0o700);
  await rm(dir, { recursive: true, force: true });
});

const importArgs = (file: string): string[] => ['scan', '-p', 'demo-app', '-s', 'semgrep', '-b', 'main', '--file', join(dir, file)];
const scanArgs = ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main'];

describe('local files are checked before the first request', () => {
  it.each([
    ['a missing --file', () => importArgs('nope.json'), '--file', 'does not exist'],
    ['a directory as --file', () => importArgs('a-folder'), '--file', 'is a directory'],
    ['a 0-byte --file', () => importArgs('empty.json'), '--file', 'empty'],
    ['a non-JSON --file', () => importArgs('report.txt'), '--file', 'not JSON'],
    ['an --output-json that is a directory', () => [...scanArgs, '--output-json', join(dir, 'a-folder')], '--output-json', 'is a directory'],
    ['a --sarif below a file', () => [...scanArgs, '--sarif', join(dir, 'report.txt', 'out.sarif')], '--sarif', 'cannot be created'],
  ] as const)('%s: exit 2, the setting named, no platform request', async (_case, args, label, text) => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', args(), { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(label);
    expect(run.stderr).toContain(text);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(emu.requests(since)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable --summary-markdown folder: exit 2 before any request', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', [...scanArgs, '--summary-markdown', join(dir, 'locked', 'summary.md')], {
      env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }),
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--summary-markdown');
    expect(emu.requests(since)).toEqual([]);
  });

  it('a good SARIF file passes the check and reaches the platform', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', importArgs('good.sarif'), { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.stderr).not.toContain('--file:');
    expect(emu.requests(since).length).toBeGreaterThan(0);
  });
});
