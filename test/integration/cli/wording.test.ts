/**
 * The built CLI says what happened, in words a user can act on: async starts, release criteria scopes,
 * new-findings-only next to release criteria, and a project without release criteria.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { defaultScenario } from '../../emulator/scenario/default.js';
import { baseEnv, runBundle, type Spawned } from '../../helpers/spawn.js';

const CLI = 'dist/cli/index.js';
const TOKEN = 'wording-test-token-2b8d44';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 20 });
  dir = await mkdtemp(path.join(tmpdir(), 'cli-wording-'));
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.reset());

const cli = (args: string[], target: Emulator = emu): Promise<Spawned> =>
  runBundle(CLI, args, { env: baseEnv({ INVICTI_ASPM_HOST: target.url, INVICTI_ASPM_TOKEN: TOKEN }) });

describe('release status per scanner, through the CLI', () => {
  it("JSON and the text report agree: each scanner's releaseStatus is its gate line's", async () => {
    const json = path.join(dir, 'two-scanners.json');
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat,saltsecurity', '-b', 'main', '--output-json', json]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/codethreat \(sast\): failed[^\n]*\n\s+FAIL release criteria fail for SAST/);
    expect(run.stdout).toMatch(/saltsecurity \(dast\): passed[^\n]*\n\s+ok\s+release criteria pass for this scanner's type \(SAST fail outside its scope\)/);
    const report = JSON.parse(await readFile(json, 'utf8')) as { scanners: { scanner: string; releaseStatus: string; release: { status: string } }[] };
    expect(report.scanners.map((s) => [s.scanner, s.releaseStatus])).toEqual([
      ['codethreat', 'fail'],
      ['saltsecurity', 'success'],
    ]);
    // The project's own status stays in release.status: it fails, on SAST.
    expect(report.scanners.map((s) => s.release.status)).toEqual(['fail', 'fail']);
  });
});

describe('honest wording through the CLI', () => {
  it('--async prints one combined wait command and no zero counts', async () => {
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat,saltsecurity', '-b', 'main', '--async']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/critical 0/);
    expect(run.stdout).toContain('codethreat (sast): started, not waited for (event ');
    const resume = run.stdout.match(/^Resume and gate with: invicti-appsec wait --project demo-app --event-id ([0-9a-f]{24}),([0-9a-f]{24})$/gm);
    expect(resume).toHaveLength(1);
    expect(run.stdout).not.toMatch(/resume with: wait/);
  });

  it('an explicit release-criteria list says "outside the listed types"', async () => {
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'saltsecurity', '-b', 'main', '--release-criteria', 'dast']);
    expect(run.stdout).toContain('release criteria pass for the listed types (SAST fail outside the listed types)');
    expect(run.stdout).not.toContain("this run's scanner types");
  });

  it('--new-findings-only says that release criteria still judge old findings', async () => {
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--new-findings-only', '--threshold-critical', '0']);
    expect(run.stdout).toContain('0 new critical findings, within the allowed 0');
    expect(run.stdout).toContain('release criteria judge all open findings, old ones too, even with new-findings-only');
    expect(run.code).toBe(1);
  });

  it('a project without release criteria says so in text and JSON, never "undefined"', async () => {
    const project = defaultScenario.projects?.[0];
    const bare = await startEmulator({ token: TOKEN, timeScale: 20, scenario: { ...defaultScenario, projects: [{ ...project!, release: { rules: {}, inProgressPolls: 0 } }] } });
    try {
      const out = path.join(dir, 'release.json');
      const md = path.join(dir, 'release.md');
      const run = await cli(['release', '-p', 'demo-app', '-b', 'main', '--output-json', out, '--summary-markdown', md], bare);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('no release criteria set on the project');
      expect(run.stdout).not.toContain('undefined');
      expect(await readFile(out, 'utf8')).not.toContain('undefined');
      expect(await readFile(md, 'utf8')).not.toContain('undefined');
    } finally {
      await bare.close();
    }
  });

  it('without a branch or a git checkout, says which branch is used and why', async () => {
    const run = await runBundle(CLI, ['release', '-p', 'demo-app'], { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.stderr).toContain(`no branch was given and none could be detected (no CI branch, no git checkout): using the project's default branch "main"`);
  });
});
