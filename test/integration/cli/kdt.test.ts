/**
 * `invicti-appsec kdt <kdt command line>` through the built CLI against the emulator: the same decision as the
 * native command it prints, kdt flags we do not support refused before any request, and the native CLI's answers
 * to kdt spellings.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { baseEnv, runBundle, type Spawned } from '../../helpers/spawn.js';

const CLI = 'dist/cli/index.js';
const TOKEN = 'kdt-test-token-51c9a0';
let emu: Emulator;
const outputs: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 20 });
});
afterAll(async () => {
  await emu.close();
  const all = outputs.join('\n');
  expect(all).not.toContain(TOKEN);
});
afterEach(() => {
  emu.reset();
  emu.clearRequests();
});

async function cli(args: string[], env: Record<string, string> = { INVICTI_ASPM_TOKEN: TOKEN }): Promise<Spawned> {
  const run = await runBundle(CLI, args, { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, ...env }) });
  outputs.push(run.stdout, run.stderr);
  return run;
}

/** The decision without the per-run scan IDs in report links. */
const decision = (stdout: string): string => stdout.replace(/scans\/[0-9a-f]{24}/g, 'scans/<id>');
const READ_AS = /kdt command line read as: invicti-appsec (.*)\n/;

describe('invicti-appsec kdt (drop-in for kdt command lines)', () => {
  it('kdt scan -p demo-app -t codethreat -b main decides exactly as the native command it prints', async () => {
    const kdt = await cli(['kdt', 'scan', '-p', 'demo-app', '-t', 'codethreat', '-b', 'main']);
    const printed = READ_AS.exec(kdt.stderr)?.[1];
    expect(printed).toBe('scan --project demo-app --scanner codethreat --branch main --release-criteria on');
    expect(kdt.stderr.match(/kdt command line read as/g)).toHaveLength(1);
    emu.reset();
    const native = await cli((printed ?? '').split(' '));
    expect(kdt.code).toBe(native.code);
    expect(decision(kdt.stdout)).toBe(decision(native.stdout));
    expect(kdt.stdout).toMatch(/^Invicti AppSec: (PASSED|FAILED)/);
  });

  it('keeps kdt meanings: minutes, thresholds, merge target, --break-by-scanner-type', async () => {
    const run = await cli(['kdt', 'scan', '-p', 'demo-app', '-t', 'codethreat', '-b', 'feature', '-M', 'main', '--threshold-crit=0', '--timeout', '5', '--break-by-scanner-type']);
    expect(READ_AS.exec(run.stderr)?.[1]).toBe('scan --project demo-app --scanner codethreat --branch feature --target-branch main --threshold-critical 0 --release-criteria scanner --timeout 5m');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('more than the allowed 0');
  });

  it('refuses a kdt flag we do not support, naming it, before any request', async () => {
    const run = await cli(['kdt', 'scan', '-p', 'demo-app', '-t', 'codethreat', '-b', 'main', '--params', 'ruleset:5', '-B']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kdt flag --params is not supported');
    expect(run.stderr).toContain('kdt flag -B/--fork-scan is not supported');
    expect(run.stderr).not.toMatch(/error: error:/);
    expect(emu.requests()).toHaveLength(0);
  });

  it('runs ping, list and release with the KONDUKTO_* variables', async () => {
    const env = { INVICTI_ASPM_HOST: '', KONDUKTO_HOST: emu.url, KONDUKTO_TOKEN: TOKEN };
    const ping = await cli(['kdt', 'ping', '-a'], env);
    expect(ping.code).toBe(0);
    expect(ping.stdout).toMatch(/^OK/);
    expect(ping.stderr).toContain('KONDUKTO_TOKEN is deprecated');
    const projects = await cli(['kdt', 'list', 'projects', 'demo'], env);
    expect(projects.stdout).toContain('demo-app');
    const scanners = await cli(['kdt', 'list', 'scanners', '-t', 'dast'], env);
    expect(scanners.stdout).toContain('saltsecurity');
    expect(scanners.stdout).not.toContain('codethreat');
    const release = await cli(['kdt', 'release', '-p', 'demo-app', '-b', 'main', '--dast'], env);
    expect(READ_AS.exec(release.stderr)?.[1]).toBe('release --project demo-app --branch main --release-criteria dast');
    expect([0, 1]).toContain(release.code);
  });

  it('kdt scan -s <scan id> reads the scan once and prints each settings warning once', async () => {
    const scan = emu.store.scans.find((s) => s.config.branch === 'main');
    expect(scan).toBeDefined();
    const run = await cli(['kdt', 'scan', '-s', scan!.id], { INVICTI_ASPM_TOKEN: TOKEN, INVICTI_NOT_A_SETTING_AT_ALL: '1' });
    expect(run.stderr).toMatch(/kdt command line read as: .*--project demo-app .*--scanner \S+ .*--branch main/);
    expect(run.stderr.match(/INVICTI_NOT_A_SETTING_AT_ALL/g)).toHaveLength(1);
  });

  it('kdt --token on the command line is never printed back', async () => {
    const run = await cli(['kdt', '--token', TOKEN, 'ping'], {});
    expect(run.code).toBe(0);
    expect(READ_AS.exec(run.stderr)?.[1]).toBe('ping --token ***');
  });
});

describe('kdt spellings on the native CLI', () => {
  it.each([
    [['-t', 'codethreat'], '-t is kdt\'s spelling: here it is --scanner'],
    [['--tool', 'codethreat'], '--tool is kdt\'s spelling: here it is --scanner'],
    [['-M', 'main'], '-M is kdt\'s spelling: here it is --target-branch'],
    [['--merge-target=main'], '--merge-target is kdt\'s spelling: here it is --target-branch'],
    [['--timeout', '30'], '--timeout needs a unit: write 30m for minutes'],
  ])('%j is an error that shows the native spelling', async (extra, message) => {
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('unexpected argument');
    expect(emu.requests()).toHaveLength(0);
  });
});
