/**
 * `runAction` in-process with a recording toolkit, against the emulator: the paths the bundle tests do not
 * walk (async runs, unwritable report files, unknown projects, an unreachable platform under on-error policies).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../../actions/github/run-action.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { inputEnv, pushPayload, REPOSITORY } from '../../helpers/github-runner.js';
import { recordingToolkit } from '../../helpers/recording-toolkit.js';
import { endlessScanner, failingScanner } from '../../helpers/scanner-scenarios.js';

const EMU_TOKEN = 'emuInProcessToken0123456789';

let emulator: Emulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50 });
  dir = await mkdtemp(join(tmpdir(), 'gh-run-action-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function runWith(inputs: Record<string, string>) {
  const rec = recordingToolkit();
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    ...inputEnv({ host: emulator.url, token: EMU_TOKEN, project: 'demo-app', scanner: 'codethreat', ...inputs }, 'ghs_unused0123456789'),
  };
  const written: string[] = [];
  const code = await runAction({
    env,
    event: pushPayload('main'),
    toolkit: rec.toolkit,
    writeFile: async (path, text) => {
      written.push(path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    },
  });
  return { code, written, ...rec };
}

describe('runAction', () => {
  it('async: returns the event id at once, writes no SARIF (and says so), no comment, exit 0', async () => {
    const r = await runWith({ async: 'true', sarif: join(dir, 'async.sarif') });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'skipped', 'sarif-file': '', 'comment-url': '' });
    expect(r.outputs['event-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(r.written).toEqual([]);
    expect(r.log.some((l) => l.kind === 'notice' && l.message.includes('SARIF: not writing'))).toBe(true);
    expect(r.secrets).toContain(EMU_TOKEN);
  });

  it('a report file that cannot be written: exit 2 before the run, naming the input (the gate never hides behind it)', async () => {
    const blocker = join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const r = await runWith({ 'output-json': join(blocker, 'result.json'), 'release-criteria': 'off', 'threshold-critical': '9' });
    expect(r.code).toBe(2);
    expect(r.outputs).toMatchObject({ status: 'error', 'exit-code': '2' });
    expect(r.summary).toEqual([]);
    const errors = r.log.filter((l) => l.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^input "output-json": ".*not-a-dir" is a file, so ".*result\.json" cannot be created/);
  });

  it('writes the JSON and markdown reports asked for', async () => {
    const json = join(dir, 'out', 'result.json');
    const md = join(dir, 'out', 'summary.md');
    const r = await runWith({ 'output-json': json, 'summary-markdown': md, 'release-criteria': 'off' });
    expect(r.code).toBe(0);
    expect((JSON.parse(await readFile(json, 'utf8')) as { status: string }).status).toBe('passed');
    expect(await readFile(md, 'utf8')).toContain('### Scanners');
  });

  it("per-scanner releaseStatus agrees with each scanner's gate line: codethreat fails SAST, saltsecurity passes DAST", async () => {
    const json = join(dir, 'two', 'result.json');
    const r = await runWith({ scanner: 'codethreat,saltsecurity', 'output-json': json });
    expect(r.code).toBe(1);
    const scanners = JSON.parse(r.outputs.scanners ?? '[]') as { scanner: string; status: string; releaseStatus: string }[];
    expect(scanners.map((s) => [s.scanner, s.status, s.releaseStatus])).toEqual([
      ['codethreat', 'failed', 'fail'],
      ['saltsecurity', 'passed', 'success'],
    ]);
    expect(r.outputs['release-status']).toBe('fail');
    // Both scanners counted: the totals are sums (codethreat 1 critical of 9, saltsecurity 5 without a critical).
    expect(r.outputs).toMatchObject({ critical: '1', high: '4', total: '14' });
    const report = JSON.parse(await readFile(json, 'utf8')) as { scanners: { scanner: string; releaseStatus: string; reasons: { rule: string; outcome: string }[] }[] };
    for (const s of report.scanners) {
      const line = s.reasons.find((x) => x.rule === 'release-criteria');
      expect(s.releaseStatus).toBe(line?.outcome === 'fail' ? 'fail' : 'success');
    }
  });

  it.each([
    ['failed on the platform, under on-error pass', () => failingScanner('saltsecurity'), { 'on-error': 'pass' }, 'error'],
    ['outlived the timeout, under on-timeout warn', () => endlessScanner('saltsecurity'), { timeout: '2s', 'on-timeout': 'warn' }, 'timeout'],
  ])('a scanner that %s: every count output is empty (unknown), never 0, and the summary shows — for it', async (_, scenario, policy, status) => {
    const platform = await startEmulator({ port: 0, token: EMU_TOKEN, timeScale: 50, scenario: scenario() });
    try {
      const r = await runWith({ host: platform.url, scanner: 'codethreat,saltsecurity', 'release-criteria': 'off', 'threshold-critical': '5', ...policy });
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ status, 'exit-code': '0', critical: '', high: '', medium: '', low: '', info: '', total: '' });
      expect(r.outputs).toMatchObject({ 'new-critical': '', 'new-total': '' });
      const scanners = JSON.parse(r.outputs.scanners ?? '[]') as { scanner: string; status: string; counts?: unknown }[];
      expect(scanners.map((s) => [s.scanner, s.status, s.counts])).toEqual([
        ['codethreat', 'passed', { critical: 1, high: 2, medium: 3, low: 2, info: 1 }],
        ['saltsecurity', status, undefined],
      ]);
      const summary = r.summary.join('\n');
      expect(summary.split('\n').find((l) => /^\| \[?saltsecurity/.test(l))).toMatch(/\| — \| — \| — \| — \| — \| — \| — \|$/);
      expect(summary).toContain('not known');
    } finally {
      await platform.close();
    }
  });

  it('an unknown project is a configuration error: exit 2, the message names it, no result outputs', async () => {
    const r = await runWith({ project: 'no-such-project' });
    expect(r.code).toBe(2);
    const errors = r.log.filter((l) => l.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('no-such-project');
    expect(r.outputs).toMatchObject({ status: 'error', 'exit-code': '2' });
    expect(r.summary).toEqual([]);
  });

  it.each([
    ['fail', 3],
    ['warn', 0],
  ])('an unreachable platform under on-error %s: status error, exit %i, still a summary', async (policy, exitCode) => {
    const r = await runWith({ host: 'http://127.0.0.1:9', 'on-error': policy, 'request-timeout': '2s' });
    expect(r.code).toBe(exitCode);
    expect(r.outputs).toMatchObject({ status: 'error', 'exit-code': String(exitCode) });
    expect(r.summary[0]).toContain('Invicti AppSec: error');
    const last = r.log.filter((l) => l.kind === 'error' || l.kind === 'warning').at(-1);
    expect(last?.kind).toBe(exitCode === 0 ? 'warning' : 'error');
    for (const l of r.log) expect(l.message).not.toContain(EMU_TOKEN);
  });
});
