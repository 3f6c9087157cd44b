/**
 * The kdt compatibility parser, and docs/migrating-from-kdt.md read as a specification of it: every row of the
 * flag table is fed to the parser and must do what the row says (map to that native flag, or be refused).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/cli/args.js';
import { translateKdt } from '../../../shared/cli/kdt-args.js';
import { KDT_FLAGS, type KdtCommand } from '../../../shared/cli/kdt-flags.js';
import { parseConfig } from '../../../shared/core/config.js';
import { ConfigError } from '../../../shared/errors.js';
import { repoRoot } from '../../helpers/paths.js';

interface DocRow {
  names: string[];
  commands: string[];
  target: string;
}

function docRows(): DocRow[] {
  const text = readFileSync(path.join(repoRoot, 'docs', 'migrating-from-kdt.md'), 'utf8');
  const block = /<!-- kdt-flags:start -->\n([\s\S]*?)<!-- kdt-flags:end -->/.exec(text)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [names = '', commands = '', target = ''] = line.split(' | ').map((c) => c.replace(/^\| /, ''));
      return { names: [...names.matchAll(/`(-[^`]+)`/g)].map((m) => m[1] ?? ''), commands: commands.split(', '), target };
    });
}

/** A kdt command line that reaches `flag` in `command`, with a valid value. */
function lineFor(command: string, flag: string, takesValue: boolean): string[] {
  const head = command === 'all' ? ['scan'] : command.split(' ');
  const value = /timeout|threshold|pr-number/.test(flag) ? '7' : flag === '--scan-id' || flag === '-s' ? '65a1b2c3000000000000001f' : 'x';
  return [...head, flag, ...(takesValue ? [value] : [])];
}

describe('docs/migrating-from-kdt.md against the kdt parser', () => {
  const rows = docRows();

  it('has one row per kdt flag of the parser, with the same names and commands', () => {
    expect(rows.map((r) => [r.names.join(' '), r.commands.join(',')])).toEqual(
      KDT_FLAGS.map((f) => [[f.short ? `-${f.short}` : undefined, `--${f.long}`].filter(Boolean).join(' '), f.commands === 'global' ? 'all' : f.commands.join(',')]),
    );
  });

  it.each(rows.flatMap((row, i) => row.names.flatMap((name) => row.commands.map((command) => [`${command} ${name}`, i, name, command] as const))))(
    'kdt %s does what the table says',
    (_label, index, name, command) => {
      const row = rows[index] as DocRow;
      const takesValue = KDT_FLAGS[index]?.value ?? false;
      const line = lineFor(command, name, takesValue);
      if (row.target.startsWith('**not supported**')) {
        expect(() => translateKdt(line)).toThrow(ConfigError);
        expect(() => translateKdt(line)).toThrow(/kdt flag .* is not supported: /);
        expect(() => translateKdt(line)).toThrow(name);
        return;
      }
      const { argv } = translateKdt(line);
      // The native line must itself parse: the translation never produces a flag the native CLI refuses.
      expect(() => parseArgs(argv)).not.toThrow();
      const native = /`(--[a-z-]+)/.exec(row.target)?.[1];
      if (native && !row.target.startsWith('looked up')) expect(argv).toContain(native);
    },
  );
});

describe('translateKdt', () => {
  it('reads short, long, inline and attached values the way kdt (pflag) does', () => {
    const a = translateKdt(['--host', 'https://h.example', '--token', 'tok-123456', 'scan', '-p', 'demo', '-t=semgrep', '-bmain', '--threshold-crit=0', '--threshold-med', '3', '--timeout', '5', '-M', 'dev', '--pr-number', '12', '-m', 'meta 1', '--env', 'staging', '--async=false']);
    expect(a.argv).toEqual([
      'scan', '--host', 'https://h.example', '--token', 'tok-123456', '--project', 'demo', '--scanner', 'semgrep', '--branch', 'main', '--target-branch', 'dev', '--pr-number', '12', '--meta-data', 'meta 1',
      '--environment', 'staging', '--no-async', '--threshold-critical', '0', '--threshold-medium', '3', '--release-criteria', 'on', '--timeout', '5m',
    ]);
    const config = parseConfig(parseArgs(a.argv).raw, { ci: 'local' });
    expect(config).toMatchObject({ timeoutMs: 300_000, thresholds: { critical: 0, medium: 3 }, releaseCriteria: { kind: 'on' }, targetBranch: 'dev', environment: 'staging' });
  });

  it('keeps kdt defaults: every release criterion unless --break-by-scanner-type; 0 minutes keeps our default timeout', () => {
    expect(translateKdt(['scan', '-p', 'a', '-t', 'b', '--break-by-scanner-type', '--timeout', '0']).argv).toEqual(['scan', '--project', 'a', '--scanner', 'b', '--release-criteria', 'scanner']);
    expect(translateKdt(['release', '-p', 'a', '--sast', '--sca']).argv).toEqual(['release', '--project', 'a', '--release-criteria', 'sast,sca']);
    expect(translateKdt(['release', '-p', 'a']).argv).toEqual(['release', '--project', 'a', '--release-criteria', 'on']);
  });

  it('takes global flags before the command, and list sub-commands with a name', () => {
    expect(translateKdt(['--host', 'https://h.example', '-v', 'list', 'projects', 'web']).argv).toEqual(['projects', '--host', 'https://h.example', '--verbose', '--project', 'web']);
    expect(translateKdt(['list', 'scanners', '-t', 'dast']).argv).toEqual(['scanners', '--scanner-type', 'dast']);
    expect(translateKdt(['ping', '-a']).argv).toEqual(['ping']);
  });

  it('refuses, in one error, every unsupported, unknown or misplaced flag and a timeout that is not minutes', () => {
    const line = ['scan', '-p', 'a', '-t', 'b', '--params', 'k:v', '-B', '--foo', '--sast', '--timeout', '5m', '--exit-code', '0'];
    let error: unknown;
    try {
      translateKdt(line);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('6 problems');
    expect(message).toContain('--params is not supported');
    expect(message).toContain('-B/--fork-scan is not supported');
    expect(message).toContain('unknown kdt flag --foo');
    expect(message).toContain('kdt scan has no flag --sast (it belongs to kdt release)');
    expect(message).toContain('--timeout takes whole minutes');
    expect(message).toContain('--exit-code is not supported');
  });

  it.each([[[]], [['frobnicate']], [['list', 'agents']]] as const)('refuses a missing or unknown command: %j', (line) => {
    expect(() => translateKdt(line)).toThrow(ConfigError);
  });

  it('covers every kdt command', () => {
    const commands: KdtCommand[] = ['scan', 'release', 'ping', 'list projects', 'list scanners', 'version'];
    for (const command of commands) expect(translateKdt(command.split(' ')).command).toBe(command);
  });
});
