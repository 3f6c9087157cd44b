import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import { ago } from '../../../shared/core/resolve-by-type.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runCore } from '../../helpers/core-run.js';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ token: 'type-token-81f2', timeScale: 20 });
});
afterAll(async () => emu.close());
afterEach(() => {
  emu.reset();
  emu.clearRequests();
});

const base = { project: 'demo-app', branch: 'main', 'release-criteria': 'off' };

describe('scanner-type without scanner', () => {
  it('runs exactly the SAST scanners demo-app uses, each with its reason', async () => {
    const { result, logs } = await runCore(emu, { ...base, 'scanner-type': 'sast' });
    const chosen = result.scanners.map((s) => [s.scanner, s.chosenBecause]);
    expect(chosen).toEqual([
      ['codethreat', 'last scanned on main 2 hours ago'],
      ['semgrep', 'saved scan configuration on main'],
    ]);
    expect(result.scanners.every((s) => s.scannerType === 'sast')).toBe(true);
    expect(logs.join('\n')).toContain('scanner-type SAST: codethreat (last scanned on main 2 hours ago)');
  });

  it('takes several types, and falls back to the default branch for a branch with none of them', async () => {
    const { result } = await runCore(emu, { ...base, branch: 'feature/x', 'scanner-type': 'sast,dast' });
    expect(result.scanners.map((s) => [s.scanner, s.chosenBecause])).toEqual([
      ['codethreat', 'last scanned on main 2 hours ago'],
      ['saltsecurity', 'last scanned on main 1 hour ago'],
      ['semgrep', 'saved scan configuration on main'],
    ]);
    expect(result.scanners.every((s) => s.branch === 'feature/x')).toBe(true);
  });

  it('none of the type is a configuration error listing the project\'s scanners by type', async () => {
    const err = await runCore(emu, { ...base, 'scanner-type': 'cs' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toContain('uses no active CS scanner');
    expect(message).toContain('Project "demo-app" uses dast: saltsecurity; sast: codethreat');
    expect(message).toContain('Active CS scanners on the platform: trivy');
    expect(message).toMatch(/Set scanner to a slug \(such as trivy\)/);
    expect((err as ConfigError).exitCode).toBe(2);
  });

  it('an explicit scanner keeps the type as an assertion', async () => {
    const { result } = await runCore(emu, { ...base, scanner: 'saltsecurity', 'scanner-type': 'dast' });
    expect(result.scanners.map((s) => [s.scanner, s.chosenBecause])).toEqual([['saltsecurity', undefined]]);
    await expect(runCore(emu, { ...base, scanner: 'saltsecurity', 'scanner-type': 'sast' })).rejects.toThrow(/not SAST/);
  });
});

describe('ago', () => {
  it('says days, hours, minutes', () => {
    expect(ago(2 * 86_400_000 + 5)).toBe('2 days ago');
    expect(ago(3_600_000)).toBe('1 hour ago');
    expect(ago(125_000)).toBe('2 minutes ago');
    expect(ago(10_000)).toBe('just now');
  });
});
