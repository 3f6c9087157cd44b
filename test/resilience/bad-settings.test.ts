/**
 * Bad settings, generated from the option registry: for every option whose type can be checked, invalid values
 * of that type go through the CLI in process (as a flag, and as its environment variable), and through the
 * GitLab and Bitbucket packagings' scan flow (as their variables). Each must stop the run with exit 2, name the
 * setting the way that user writes it, print no stack trace, echo no secret, and start nothing. A handful go
 * through the built CLI bundle as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanCommand } from '../../shared/cli/run-scan-command.js';
import { OPTIONS, settingLabel, type CiKind, type OptionDef } from '../../shared/core/options.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { Captured, cliInProcess, STACK_FRAME } from './support.js';

const TOKEN = 'resilience-settings-token-9b4e27';
const captured = new Captured();
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 50 });
});
afterAll(async () => {
  await emu.close();
  captured.expectNoLeak([TOKEN]);
});

/** Values no setting of the type accepts. */
const INVALID: Partial<Record<OptionDef['type'], readonly string[]>> = {
  boolean: ['maybe', '2', 'on please'],
  integer: ['many', '-1', '1.5', '1000001', '0x10'],
  duration: ['soon', '10 minutes', '-5s', '1.5h', '30m1h'],
  url: ['not a url', 'ftp://aspm.example.com', 'https://user:pass@aspm.example.com', 'javascript:alert(1)'],
  path: ['reports/\0evil.json'],
};

function invalidValues(option: OptionDef): readonly string[] {
  if (option.type === 'enum') return [`${option.values?.[0] ?? 'x'}x`, 'definitely-not-one-of-them'];
  if (option.type === 'list' && option.name === 'release-criteria') return ['sats', 'on,nonsense'];
  if (option.name === 'pr-number') return ['abc', '-3', '1|2'];
  if (option.name === 'token') return ['token with spaces', 'tökén-ünïcode'];
  return INVALID[option.type] ?? [];
}

/** Every (option, invalid value) pair the registry gives. */
const CASES = OPTIONS.flatMap((option) => invalidValues(option).map((value) => ({ option, value })));

/** What a scan needs besides the bad setting, as raw settings by option name. */
const GOOD: Record<string, string> = { project: 'demo-app', scanner: 'codethreat', branch: 'main' };

function expectRefused(code: number, stderr: string, label: string, option: OptionDef, value: string): void {
  expect(code, stderr).toBe(2);
  expect(stderr).toContain(label);
  expect(stderr).not.toMatch(STACK_FRAME);
  // A secret is never echoed back, not even a wrong one.
  if (option.secret) expect(stderr).not.toContain(value);
}

describe('every checkable setting, generated from the registry', () => {
  it('covers every option type that can be wrong', () => {
    const types = new Set(CASES.map((c) => c.option.type));
    for (const type of ['boolean', 'integer', 'duration', 'enum', 'url', 'path', 'list', 'string']) expect(types).toContain(type);
    expect(CASES.length).toBeGreaterThan(60);
  });

  it('CLI flags and environment variables: exit 2, the setting named, no stack trace, nothing started', async () => {
    const before = emu.state().startedEvents.length;
    let checked = 0;
    for (const { option, value } of CASES) {
      if (option.cli === 'none') continue;
      const env: Record<string, string> = { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN };
      const good = Object.entries(GOOD).filter(([name]) => name !== option.name).flatMap(([name, v]) => [`--${name}`, v]);
      const ways: { argv: string[]; env: Record<string, string> }[] = [{ argv: ['scan', ...good], env: { ...env, [option.env]: value } }];
      if (option.cli === 'flag') ways.push({ argv: ['scan', ...good, `--${option.name}=${value}`], env });
      for (const way of ways) {
        const run = await cliInProcess(way.argv, way.env);
        captured.addRun(`${option.name}=${JSON.stringify(value)}`, run);
        // `--name (ENV)` for a flag, `ENV` for an environment-only setting.
        expectRefused(run.code, run.stderr, option.cli === 'flag' ? `--${option.name}` : option.env, option, value);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(emu.state().startedEvents.length).toBe(before);
  });

  it.each<CiKind>(['gitlab', 'bitbucket'])('%s variables: exit 2 naming the setting as its users write it', async (ci) => {
    const label = settingLabel(ci);
    for (const { option, value } of CASES) {
      if (option[ci] === 'none') continue;
      let stderr = '';
      const env: Record<string, string> = { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN, INVICTI_PROJECT: 'demo-app', INVICTI_SCANNER: 'codethreat', INVICTI_BRANCH: 'main', [option.env]: value };
      const code = await runScanCommand(
        { env, stdout: (t) => captured.add(`${ci} stdout`, t), stderr: (t) => void (stderr += t), writeFile: () => Promise.resolve() },
        { ci, reads: {} },
      );
      captured.add(`${ci} ${option.name} stderr`, stderr);
      expectRefused(code, stderr, label(option.name), option, value);
    }
  });

  it('names each missing required setting', async () => {
    const run = await cliInProcess(['scan'], {});
    captured.addRun('missing settings', run);
    expect(run.code).toBe(2);
    for (const name of ['host', 'token', 'project', 'scanner']) expect(run.stderr).toContain(`--${name}`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('through the built CLI', () => {
  it.each([
    [['--threshold-high', '-1'], {}, '--threshold-high'],
    [['--api-mode', 'cor'], {}, '--api-mode'],
    [[], { INVICTI_TIMEOUT: 'soon' }, '--timeout'],
    [[], { INVICTI_ASPM_HOST: 'aspm.example.com' }, '--host'],
    [['--insecure=maybe'], {}, '--insecure'],
  ] as const)('%j %j: exit 2 naming %s', async (args, env, label) => {
    const run = await runBundle('dist/cli/index.js', ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', ...args], {
      env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN, ...env }),
    });
    captured.add(`bundle ${label}`, run.stdout, run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(label);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
