/**
 * The built CLI speaks of commands, not of the scan flow's `mode` setting, and each command's help lists only
 * what applies to it (list commands: the connection and their filters).
 */
import { describe, expect, it } from 'vitest';
import { baseEnv, runBundle, type Spawned } from '../../helpers/spawn.js';

const CLI = 'dist/cli/index.js';
// No platform is reached: help and configuration errors come before any request.
const env = baseEnv({ INVICTI_ASPM_HOST: 'http://127.0.0.1:9', INVICTI_ASPM_TOKEN: 'help-words-token-5c1e' });
const cli = (args: string[]): Promise<Spawned> => runBundle(CLI, args, { env });

const MODE_WORDS = /\bmode (scan|release|wait)\b|--mode|INVICTI_MODE/;

describe('CLI help in its own words', () => {
  it.each(['scan', 'release', 'wait', 'ping', 'projects', 'scanners', 'kdt', 'help'])('%s --help never says "mode scan/wait"', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(MODE_WORDS);
  });

  it('says which command a setting is for', async () => {
    const wait = await cli(['wait', '--help']);
    expect(wait.stdout).toMatch(/--project <text> +Invicti ASPM project ID or exact name; required except in the wait command\./);
    expect(wait.stdout).toMatch(/--event-id <a,b> +Event IDs to wait for in the wait command/);
  });

  it.each([
    ['ping', [] as string[]],
    ['projects', ['--project']],
    ['scanners', ['--scanner', '--scanner-type']],
  ])('%s --help lists the connection settings and its own filters only', async (command, filters) => {
    const run = await cli([command, '--help']);
    expect(run.stdout).toContain('--host <url>');
    expect(run.stdout).toContain('--token <text>');
    const flags = [...run.stdout.matchAll(/^ {2}(?:-\w, | {4})(--[a-z-]+)/gm)].map((m) => m[1]);
    const connection = ['--host', '--token', '--api-mode', '--ca-cert', '--insecure', '--request-timeout', '--verbose', '--organization-id'];
    expect(flags.sort()).toEqual([...connection, ...filters].sort());
    expect(run.stdout).not.toMatch(/What to scan|Gate:|Output:|threshold|Scanner slugs to run|INVICTI_GITHUB_TOKEN/);
    if (filters.length > 0) expect(run.stdout).toContain('Filters:');
  });

  it('describes the list filters as filters', async () => {
    expect((await cli(['projects', '--help'])).stdout).toMatch(/--project <text> +List only the project with this ID and the projects whose name contains this text/);
    const scanners = (await cli(['scanners', '--help'])).stdout;
    expect(scanners).toMatch(/--scanner <a,b> +List only these scanner slugs/);
    expect(scanners).toMatch(/--scanner-type <a,b> +List only scanners of these types/);
  });
});

describe('CLI configuration errors name commands', () => {
  it.each([
    [['wait', '-p', 'demo-app'], /--event-id \(INVICTI_EVENT_ID\) is required by the wait command: pass the event ID/],
    [['release', '-p', 'demo-app', '-b', 'main', '--async'], /--async \(INVICTI_ASYNC\) applies only to the scan command, not the release command: remove it\./],
    [['scan', '-p', 'demo-app', '-s', 'codethreat', '--event-id', 'a'.repeat(24)], /--event-id \(INVICTI_EVENT_ID\) applies only to the wait command, not the scan command: run invicti-appsec wait, or remove it\./],
    [['release', '-p', 'demo-app', '-s', 'semgrep', '-f', 'package.json'], /--file \(INVICTI_FILE\) applies only to the scan command, not the release command: remove it or run invicti-appsec scan\./],
    [['scan', '-b', 'main', '-s', 'codethreat'], /--project \(INVICTI_PROJECT\) is required by the scan command/],
  ])('%j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(MODE_WORDS);
  });
});
