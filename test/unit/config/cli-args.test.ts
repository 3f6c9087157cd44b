import { describe, expect, it } from 'vitest';
import { COMMANDS, parseArgs } from '../../../shared/cli/args.js';
import { COMMAND_INFO, helpText } from '../../../shared/cli/help.js';
import { parseConfig } from '../../../shared/core/config.js';
import { cliFlags } from '../../../shared/core/option-formats.js';
import { OPTIONS } from '../../../shared/core/options.js';
import { ConfigError } from '../../../shared/errors.js';

function argsError(argv: string[]): ConfigError {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseArgs', () => {
  it('reads the issue example', () => {
    const parsed = parseArgs([
      'scan', '--project', 'web', '--scanner', 'semgrep', '--scanner-type', 'sast', '--branch', 'main', '--threshold-critical', '0',
      '--threshold-high=5', '--new-findings-only', '--release-criteria', 'sast,dast', '--timeout', '20m', '--on-timeout', 'warn',
      '--on-error=pass', '--output-json', 'out.json', '--sarif', 'out.sarif', '--summary-markdown', 'summary.md',
    ]);
    expect(parsed).toEqual({
      command: 'scan',
      help: false,
      raw: {
        mode: 'scan', project: 'web', scanner: 'semgrep', 'scanner-type': 'sast', branch: 'main', 'threshold-critical': '0', 'threshold-high': '5',
        'new-findings-only': 'true', 'release-criteria': 'sast,dast', timeout: '20m', 'on-timeout': 'warn', 'on-error': 'pass',
        'output-json': 'out.json', sarif: 'out.sarif', 'summary-markdown': 'summary.md',
      },
    });
  });

  it('handles switches: bare, negated, with a value, or followed by a boolean word', () => {
    expect(parseArgs(['scan', '--async']).raw.async).toBe('true');
    expect(parseArgs(['scan', '--no-async']).raw.async).toBe('false');
    expect(parseArgs(['scan', '--async=false']).raw.async).toBe('false');
    expect(parseArgs(['scan', '--async', 'no', '-p', 'web']).raw).toMatchObject({ async: 'no', project: 'web' });
    expect(parseArgs(['scan', '--verbose', '--project', 'x']).raw).toMatchObject({ verbose: 'true', project: 'x' });
  });

  it('reads short aliases, repeated lists and `=` values holding `=`', () => {
    const { raw } = parseArgs(['scan', '-p', 'web', '-s', 'a', '--scanner', 'b', '-b', 'dev', '-v', '--meta-data=k=v', '--branch', 'main']);
    expect(raw).toMatchObject({ project: 'web', scanner: 'a,b', branch: 'main', verbose: 'true', 'meta-data': 'k=v' });
  });

  it('maps commands to modes and defaults to scan', () => {
    expect(parseArgs(['release', '-p', 'web']).raw.mode).toBe('release');
    expect(parseArgs(['wait', '--event-id', 'e1']).raw).toEqual({ mode: 'wait', 'event-id': 'e1' });
    expect(parseArgs(['--project', 'web']).command).toBe('scan');
    expect(parseArgs(['ping']).raw).toEqual({});
    expect(parseArgs(['version']).command).toBe('version');
    expect(parseArgs(['--version']).command).toBe('version');
  });

  it('recognises help in every form', () => {
    expect(parseArgs([])).toEqual({ command: 'help', raw: {}, help: true });
    expect(parseArgs(['--help'])).toMatchObject({ command: 'help', help: true });
    expect(parseArgs(['help', 'release'])).toMatchObject({ command: 'release', help: true });
    expect(parseArgs(['scan', '-h'])).toMatchObject({ command: 'scan', help: true });
  });

  it('feeds parseConfig', () => {
    const { raw } = parseArgs(['scan', '--host', 'https://a.example.com', '--token', 'tok-123456', '-p', 'web', '-s', 'semgrep', '--timeout', '5m']);
    expect(parseConfig(raw, { ci: 'local' })).toMatchObject({ mode: 'scan', timeoutMs: 300_000, scanners: ['semgrep'] });
  });

  it.each([
    [['scan', '--thresold-critical', '0'], 'thresold-critical', /unknown option --thresold-critical\. Did you mean --threshold-critical\?/],
    [['scan', '--project'], 'project', /--project needs a value/],
    [['scan', '--project', '--async'], 'project', /--project needs a value/],
    [['scna'], 'command', /unknown command "scna"\. Did you mean "scan"\?/],
    [['scan', 'web'], 'command', /unexpected argument "web".*--project web/],
    [['scan', '--no-project'], 'project', /only for on\/off options/],
    [['scan', '--no-async=true'], 'async', /takes no value/],
    [['scan', '--mode', 'release'], 'mode', /the command sets it/],
    [['scan', '--github-token', 'ghp_x'], 'github-token', /set INVICTI_GITHUB_TOKEN in the environment/],
    [['scan', '-z'], 'z', /unknown option -z/],
    [['help', 'nope'], 'command', /no help on "nope"/],
  ])('%j is rejected', (argv, setting, pattern) => {
    const err = argsError(argv);
    expect(err.setting).toBe(setting);
    expect(err.message).toMatch(pattern);
  });

  it('reports all problems at once and never echoes a rejected secret', () => {
    const err = argsError(['scan', '--gitlab-token', 'glpat-SECRET123', '--bogus', '--timeot', '5m']);
    expect(err.setting).toBe('gitlab-token, bogus, timeot');
    expect(err.message).toMatch(/^3 problems on the command line:/);
    expect(err.message).not.toContain('glpat-SECRET123');
  });
});

describe('helpText', () => {
  it('lists the commands in the overview', () => {
    const text = helpText('help');
    for (const command of COMMANDS) expect(text).toContain(`  ${command} `);
    expect(text).toMatch(/Exit codes: 0 .*1 gate failed.*2 configuration error.*3 platform/);
  });

  it('lists every flag of scan with its env var and default, and the env-only secrets', () => {
    const text = helpText('scan');
    for (const flag of cliFlags()) {
      if (flag.name === 'event-id') continue;
      expect(text).toContain(flag.flag);
      expect(text).toContain(`env ${flag.env}`);
    }
    expect(text).toContain('--timeout <duration>');
    expect(text).toContain('default 30m');
    expect(text).toContain('-p, --project <text>');
    expect(text).toContain('INVICTI_GITLAB_TOKEN');
    expect(text).toContain('Prefer INVICTI_ASPM_TOKEN to --token');
    expect(text).not.toContain('--event-id');
  });

  it('shows each command only the options it uses', () => {
    const ping = helpText('ping');
    expect(ping).toContain('--host <url>');
    expect(ping).not.toContain('--threshold-high');
    expect(helpText('wait')).toContain('--event-id <a,b>');
    expect(helpText('scanners')).toContain('--scanner-type <a,b>');
    expect(helpText('release')).toContain('--release-criteria');
    for (const command of COMMANDS) expect(COMMAND_INFO[command].summary).toMatch(/\.$/);
    // Every flag is documented by at least one command.
    for (const option of OPTIONS.filter((o) => o.cli === 'flag')) {
      expect(COMMANDS.some((c) => COMMAND_INFO[c].uses(option))).toBe(true);
    }
  });
});
