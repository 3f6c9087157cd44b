/**
 * Check everything before the first request: a bad import file (missing, a folder, empty, not JSON, or a report
 * format its scanner does not import), a bad CA bundle or an unwritable report path stops the built CLI with
 * exit 2, naming the setting, and the emulator sees no request at all. Before, a missing file failed after
 * several requests, a 0-byte or non-JSON file was uploaded (exit 3, HTTP 400), and an unwritable report path was
 * found only after the whole scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { GITHUB_ACTIONS_BOT, startFakeGitHub } from '../fakes/github-api.js';
import { prepareStep, pullRequestPayload, runBundle as runAction, visibleLog } from '../helpers/github-runner.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { STACK_FRAME } from './support.js';

const TOKEN = 'resilience-preflight-token-7a1f';
const GH_TOKEN = 'ghs_PreflightInstallationToken0001';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 50 });
  dir = await mkdtemp(join(tmpdir(), 'preflight-'));
  await writeFile(join(dir, 'empty.json'), '');
  await writeFile(join(dir, 'report.txt'), 'this is not json at all\n');
  await writeFile(join(dir, 'good.sarif'), JSON.stringify({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [] }));
  await writeFile(join(dir, 'semgrep.json'), JSON.stringify({ results: [{ check_id: 'python.eval', path: 'a.py', start: { line: 3 }, extra: { severity: 'ERROR' } }], errors: [] }));
  await writeFile(join(dir, 'gosec.json'), JSON.stringify({ Issues: [{ rule_id: 'G101', file: 'a.go' }], Stats: { files: 1 } }));
  await writeFile(join(dir, 'odd.json'), JSON.stringify({ findings: [{ id: 1 }] }));
  await writeFile(join(dir, 'not-a-cert.pem'), 'just some text, no certificate here\n');
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
const importInto = (scanner: string, file: string): string[] => ['scan', '-p', 'demo-app', '-s', scanner, '-b', 'main', '--file', join(dir, file)];

describe('local files are checked before the first request', () => {
  it.each([
    ['a missing --file', () => importArgs('nope.json'), '--file', 'does not exist'],
    ['a directory as --file', () => importArgs('a-folder'), '--file', 'is a directory'],
    ['a 0-byte --file', () => importArgs('empty.json'), '--file', 'empty'],
    ['a non-JSON --file', () => importArgs('report.txt'), '--file', 'not JSON'],
    ['an --output-json that is a directory', () => [...scanArgs, '--output-json', join(dir, 'a-folder')], '--output-json', 'is a directory'],
    ['a --sarif below a file', () => [...scanArgs, '--sarif', join(dir, 'report.txt', 'out.sarif')], '--sarif', 'cannot be created'],
    ['semgrep JSON imported into trivy', () => importInto('trivy', 'semgrep.json'), '--file', 'is semgrep JSON, which trivy does not import; give trivy\'s report as trivy JSON or SARIF 2.1.0'],
    ['gosec JSON imported into semgrep', () => importInto('semgrep', 'gosec.json'), '--file', 'is gosec JSON, which semgrep does not import; give semgrep\'s report as semgrep JSON or SARIF 2.1.0'],
    ['a missing --ca-cert', () => [...scanArgs, '--ca-cert', join(dir, 'nope.pem')], '--ca-cert', 'does not exist'],
    ['a directory as --ca-cert', () => [...scanArgs, '--ca-cert', join(dir, 'a-folder')], '--ca-cert', 'is a directory'],
    ['a --ca-cert with no PEM certificate', () => [...scanArgs, '--ca-cert', join(dir, 'not-a-cert.pem')], '--ca-cert', 'holds no PEM certificate'],
    ['a bad --ca-cert for ping', () => ['ping', '--ca-cert', join(dir, 'a-folder')], '--ca-cert', 'is a directory'],
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

  it('the Bitbucket pipe names INVICTI_CA_CERT for a bad CA bundle, before any request', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/bitbucket/index.js', [], {
      env: baseEnv({
        CI: 'true',
        BITBUCKET_BUILD_NUMBER: '7',
        BITBUCKET_CLONE_DIR: dir,
        BITBUCKET_COMMIT: 'c'.repeat(40),
        BITBUCKET_BRANCH: 'main',
        BITBUCKET_WORKSPACE: 'acme',
        BITBUCKET_REPO_SLUG: 'shop',
        BITBUCKET_REPO_FULL_NAME: 'acme/shop',
        INVICTI_ASPM_HOST: emu.url,
        INVICTI_ASPM_TOKEN: TOKEN,
        INVICTI_PROJECT: 'demo-app',
        INVICTI_SCANNER: 'codethreat',
        INVICTI_CA_CERT: join(dir, 'not-a-cert.pem'),
      }),
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('INVICTI_CA_CERT');
    expect(run.stderr).toContain('holds no PEM certificate');
    expect(emu.requests(since)).toEqual([]);
  });

  it('JSON of no known format into a known scanner: a warning naming the formats, then the platform decides', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', importInto('semgrep', 'odd.json'), { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.stderr).toMatch(/warning: --file \(INVICTI_FILE\): the format of ".*odd\.json" was not recognised \(semgrep imports semgrep JSON or SARIF 2\.1\.0\)/);
    expect(emu.requests(since).length).toBeGreaterThan(0);
  });

  it('a semgrep report into semgrep passes the check and reaches the platform', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', importInto('semgrep', 'semgrep.json'), { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.stderr).not.toContain('--file');
    expect(emu.requests(since).some((r) => r.method === 'POST' && r.path.endsWith('/scans/import')), JSON.stringify(emu.requests(since).map((r) => r.path))).toBe(true);
  });

  it('a good SARIF file passes the check and reaches the platform', async () => {
    const since = emu.nextRequestIndex();
    const run = await runBundle('dist/cli/index.js', importArgs('good.sarif'), { env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }), cwd: dir });
    expect(run.stderr).not.toContain('--file:');
    expect(emu.requests(since).length).toBeGreaterThan(0);
  });
});

describe('the GitHub Action checks the same files before the first request', () => {
  it.each([
    ['a missing file', { scanner: 'semgrep', file: 'nope.json' }, 'input "file"', 'does not exist'],
    ['semgrep JSON into trivy', { scanner: 'trivy', file: 'semgrep.json' }, 'input "file"', 'is semgrep JSON, which trivy does not import'],
    ['an output-json that is a folder', { scanner: 'codethreat', 'output-json': '.' }, 'input "output-json"', 'is a directory'],
    ['a CA bundle with no certificate', { scanner: 'codethreat', 'ca-cert': 'not-a-cert.pem' }, 'input "ca-cert"', 'holds no PEM certificate'],
  ] as const)('%s: the step fails naming the input, no request to the platform or GitHub', async (_case, extra, label, text) => {
    const github = await startFakeGitHub({ tokens: { [GH_TOKEN]: { ...GITHUB_ACTIONS_BOT, userStatus: 403 } } });
    // File inputs name files of the test's folder; `.` (the runner's working directory) is the workspace folder.
    const inDir = (value: string): string => (value === '.' || value === 'nope.json' ? value : join(dir, value));
    const inputs = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, k === 'scanner' ? v : inDir(v)]));
    let stepDir: string | undefined;
    try {
      const { env, files } = await prepareStep({
        inputs: { host: emu.url, token: TOKEN, project: 'demo-app', branch: 'main', ...inputs },
        githubToken: GH_TOKEN,
        apiUrl: github.url,
        eventName: 'pull_request',
        payload: pullRequestPayload(),
      });
      stepDir = files.dir;
      const since = emu.nextRequestIndex();
      const step = await runAction(env, files, 60_000);
      expect(step.code, step.stdout).toBe(2);
      const log = visibleLog(step.stdout);
      expect(log).toContain(label);
      expect(log).toContain(text);
      expect(log).not.toMatch(STACK_FRAME);
      expect(step.outputs['exit-code']).toBe('2');
      expect(emu.requests(since)).toEqual([]);
      expect(github.requests).toEqual([]);
    } finally {
      await github.close();
      if (stepDir) await rm(stepDir, { recursive: true, force: true });
    }
  });
});
