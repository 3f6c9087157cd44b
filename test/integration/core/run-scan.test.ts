import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detectContext } from '../../../shared/ci/index.js';
import { ConfigError } from '../../../shared/errors.js';
import { createPlatformClient } from '../../../shared/api/index.js';
import { durationHistory } from '../../../shared/core/history.js';
import { silentLogger } from '../../../shared/ports.js';
import { creatableScenario, defaultScenario, startEmulator, type Emulator } from '../../emulator/index.js';
import { runCore, startRequests } from '../../helpers/core-run.js';
import { textReport } from '../../../shared/cli/text-report.js';
import { endlessScenario } from '../../helpers/endless-scenario.js';
import { endlessScanner, failingScanner } from '../../helpers/scanner-scenarios.js';
import { runTotals } from '../../../shared/core/run-totals.js';
import { renderJson } from '../../../shared/render/json.js';
import { renderMarkdown } from '../../../shared/render/markdown.js';
import type { RunResult } from '../../../shared/core/result.js';

const TOKEN = 'core-test-token-5b1c9e';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 20 });
  dir = await mkdtemp(path.join(tmpdir(), 'core-run-'));
});
afterAll(async () => emu.close());
afterEach(() => {
  emu.reset();
  emu.clearRequests();
  emu.clearFaults();
});

const scan = (extra: Record<string, string> = {}): Record<string, string> => ({ project: 'demo-app', scanner: 'codethreat', branch: 'main', ...extra });

describe('scan mode', () => {
  it('rescans the latest scan of the branch and fails a critical threshold', async () => {
    const { result, logs } = await runCore(emu, scan({ 'threshold-critical': '0', 'release-criteria': 'off' }));
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(1);
    const [s] = result.scanners;
    expect(s).toMatchObject({ scanner: 'codethreat', scannerType: 'sast', mode: 'rescan', status: 'failed' });
    expect(s!.counts?.critical).toBe(1);
    expect(s!.reasons).toEqual([expect.objectContaining({ rule: 'threshold-critical', outcome: 'fail', actual: 1, limit: 0 })]);
    expect(s!.findings.length).toBe(Object.values(s!.counts!).reduce((a, b) => a + b, 0));
    expect(s!.findings[0]?.severity).toBe('critical');
    expect(s!.findings[0]?.path).toMatch(/\.\w+$/);
    expect(startRequests(emu)).toBe(1);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('passes with thresholds above the counts and release criteria off', async () => {
    const { result } = await runCore(emu, scan({ 'threshold-critical': '5', 'threshold-high': '5', 'release-criteria': 'off' }));
    expect(result.status).toBe('passed');
    expect(result.exitCode).toBe(0);
    expect(result.scanners[0]?.reasons.every((r) => r.outcome === 'pass')).toBe(true);
  });

  it('gates on release criteria of the scanner type by default, and only that type', async () => {
    const sast = await runCore(emu, scan());
    expect(sast.result.scanners[0]?.release?.failingTypes).toEqual(['sast']);
    expect(sast.result.exitCode).toBe(1);
    const dastOnly = await runCore(emu, scan({ 'release-criteria': 'dast' }));
    expect(dastOnly.result.scanners[0]?.reasons).toMatchObject([{ rule: 'release-criteria', outcome: 'pass' }]);
    expect(dastOnly.result.exitCode).toBe(0);
  });

  it('warns instead of failing in warn-only mode', async () => {
    const { result } = await runCore(emu, scan({ 'threshold-critical': '0', 'warn-only': 'true' }));
    expect(result.status).toBe('warned');
    expect(result.exitCode).toBe(0);
  });

  it('has an info threshold', async () => {
    const { result } = await runCore(emu, scan({ 'threshold-info': '0', 'release-criteria': 'off' }));
    expect(result.scanners[0]?.reasons).toMatchObject([{ rule: 'threshold-info', outcome: 'fail', actual: 1 }]);
  });

  it('does not fail a risk score that did not rise', async () => {
    const { result } = await runCore(emu, scan({ 'fail-on-risk-increase': 'true', 'release-criteria': 'off' }));
    const risk = result.scanners[0]?.reasons.find((r) => r.rule === 'risk-score');
    expect(risk?.outcome).toBe('pass');
    expect(result.scanners[0]?.previousRiskScore).toBe(result.scanners[0]?.riskScore);
  });

  it('runs several scanners concurrently, each with its own result', async () => {
    const { result } = await runCore(emu, scan({ scanner: 'codethreat,saltsecurity', 'threshold-critical': '0', 'release-criteria': 'off' }));
    expect(result.scanners.map((s) => [s.scanner, s.scannerType, s.status])).toEqual([
      ['codethreat', 'sast', 'failed'],
      ['saltsecurity', 'dast', 'passed'],
    ]);
    expect(result.exitCode).toBe(1);
    const log = emu.requests();
    const starts = log.filter((r) => r.path.endsWith('/restart')).map((r) => r.index);
    const firstDetail = log.find((r) => /\/scans\/[0-9a-f]{24}$/.test(r.path))!.index;
    expect(starts).toHaveLength(2);
    expect(Math.max(...starts)).toBeLessThan(firstDetail);
    // at most one read of the platform's scan history serves both scanners' waiters (none when the first poll
    // sees them done); each start reads the scan lists once before it is sent (the start guard's baseline)
    expect(log.filter((r) => r.apiPath === '/api/v2/scans/completed').length).toBeLessThanOrEqual(3);
    expect(log.filter((r) => r.apiPath === '/api/v2/scans/queue')).toHaveLength(2);
    // one catalogue read and one release read serve both scanners
    expect(log.filter((r) => r.apiPath === '/api/v2/scanners/active')).toHaveLength(1);
    const salt = result.scanners[1]!.findings[0]!;
    expect(salt.url).toMatch(/^https?:\/\//);
    expect(salt.method).toBeDefined();
  });
});

describe('pull request mode', () => {
  const pr = detectContext({
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF_NAME: '7/merge',
    GITHUB_HEAD_REF: 'feature/login',
    GITHUB_BASE_REF: 'main',
    GITHUB_REPOSITORY: 'acme/demo-app',
  }, { pull_request: { number: 7, head: { ref: 'feature/login', sha: 'abc', repo: { full_name: 'acme/demo-app' } }, base: { ref: 'main', repo: { full_name: 'acme/demo-app' } } } });

  it('scans the source branch against the merge target and counts new findings', async () => {
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'codethreat', 'threshold-critical': '0', 'new-findings-only': 'true', 'release-criteria': 'off' }, { context: pr });
    expect(result).toMatchObject({ branch: 'feature/login', targetBranch: 'main', pullRequest: '7' });
    const s = result.scanners[0]!;
    expect(s.mode).toBe('pr');
    expect(s.newCounts).toMatchObject({ critical: 1, medium: 1, high: 0 });
    expect(s.counts?.critical).toBe(2);
    expect(s.reasons[0]?.message).toBe('1 new critical finding, more than the allowed 0');
    const restart = emu.requests().find((r) => r.path.endsWith('/restart_with_option'));
    expect(restart?.body).toMatchObject({ from: 'feature/login', to: 'main', pr_number: '7' });
  });

  it('passes when the change adds nothing above the new-findings threshold', async () => {
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'saltsecurity', 'threshold-critical': '0', 'new-findings-only': 'true', 'release-criteria': 'off' }, { context: pr });
    expect(result.scanners[0]).toMatchObject({ status: 'passed' });
    expect(result.scanners[0]?.newCounts?.high).toBe(1);
  });
});

describe('other modes', () => {
  it('imports a semgrep result file', async () => {
    const file = path.join(dir, 'semgrep.json');
    const results = [
      { check_id: 'js.sqli', path: 'src/a.js', start: { line: 3 }, extra: { severity: 'ERROR', message: 'SQL injection', metadata: { cwe: ['CWE-89: SQL Injection'] } } },
      { check_id: 'js.xss', path: 'src/b.js', start: { line: 9 }, extra: { severity: 'WARNING', message: 'XSS', metadata: { cwe: ['CWE-79'] } } },
    ];
    await writeFile(file, JSON.stringify({ results, errors: [] }));
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'semgrep', branch: 'main', file, 'release-criteria': 'off' });
    const s = result.scanners[0]!;
    expect(s.mode).toBe('import');
    expect(s.findings.map((f) => f.path).sort()).toEqual(['src/a.js', 'src/b.js']);
    expect(emu.uploads()).toHaveLength(1);
  });

  it('scans a container image', async () => {
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'trivy', branch: 'main', image: 'registry.example/app:1.2', 'release-criteria': 'off' });
    expect(result.scanners[0]).toMatchObject({ mode: 'image', scannerType: 'cs', status: 'passed' });
    const body = emu.requests().find((r) => r.path.endsWith('/scans/image'))?.body as Record<string, unknown>;
    expect(body).toMatchObject({ image: 'registry.example/app:1.2', tool: 'trivy' });
  });

  it('checks release criteria alone', async () => {
    const failing = await runCore(emu, { project: 'demo-app', branch: 'main', mode: 'release', 'release-criteria': 'on' });
    expect(failing.result).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(failing.result.scanners[0]?.release?.failingTypes).toEqual(['sast']);
    const dast = await runCore(emu, { project: 'demo-app', branch: 'main', mode: 'release', 'release-criteria': 'dast' });
    expect(dast.result).toMatchObject({ status: 'passed', exitCode: 0 });
    expect(startRequests(emu)).toBe(0);
    // No scan, nothing counted: no counts (not zeros), no totals, and the decision block claims none.
    expect(dast.result.scanners[0]?.counts).toBeUndefined();
    expect(runTotals(dast.result).total).toBeUndefined();
    expect(textReport(dast.result)).toMatch(/^ {2}release-criteria: passed$/m);
  });

  it('starts without waiting, then resumes the event with wait', async () => {
    const started = await runCore(emu, scan({ async: 'true' }));
    expect(started.result).toMatchObject({ status: 'skipped', exitCode: 0 });
    const eventId = started.result.scanners[0]?.eventId;
    expect(eventId).toMatch(/^[0-9a-f]{24}$/);
    const resumed = await runCore(emu, { mode: 'wait', 'event-id': eventId!, 'threshold-critical': '0' });
    expect(resumed.result.project.name).toBe('demo-app');
    expect(resumed.result.scanners[0]).toMatchObject({ scanner: 'codethreat', mode: 'wait', status: 'failed' });
    expect(resumed.result.scanners[0]?.counts?.critical).toBe(1);
    expect(startRequests(emu)).toBe(1);
  });
});

describe('failures', () => {
  it('survives a 503 on the start call with one scan started', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]+/restart$', count: 1, fault: { type: 'status', status: 503, body: { error: 'unavailable' } } });
    const { result } = await runCore(emu, scan({ 'threshold-critical': '0', 'release-criteria': 'off' }));
    expect(result.exitCode).toBe(1);
    expect(result.scanners[0]?.counts?.critical).toBe(1);
    expect(startRequests(emu)).toBe(1);
  });

  it('never sends a third start: two 503s on the start call end the run with an error, nothing started', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]+/restart$', count: 3, fault: { type: 'status', status: 503, body: { error: 'unavailable' } } });
    const { result } = await runCore(emu, scan({ 'threshold-critical': '0', 'release-criteria': 'off' }));
    expect(result).toMatchObject({ status: 'error', exitCode: 3 });
    expect(result.scanners[0]?.error).toContain('after 2 start requests');
    expect(emu.requests().filter((r) => r.path.endsWith('/restart'))).toHaveLength(2);
    expect(startRequests(emu)).toBe(0);
  });

  it('a scanner that ends in an error before its findings were read has no new-findings split (unknown, not 0), even when the run reads one', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]+/restart$', count: 3, fault: { type: 'status', status: 503, body: { error: 'unavailable' } } });
    const { result } = await runCore(emu, scan({ 'release-criteria': 'off' }), { findings: { all: false, top: 10, newCounts: true } });
    expect(result.scanners[0]).toMatchObject({ status: 'error' });
    expect(result.scanners[0]?.newCounts).toBeUndefined();
    expect(textReport(result)).not.toMatch(/ new \d/);
  });

  it('survives 429, a reset and a hang while waiting', async () => {
    emu.addFault({ path: '/events/.*/status', count: 1, fault: { type: 'retry-after', seconds: 0 } });
    emu.addFault({ path: '/scans/[0-9a-f]+$', count: 1, fault: { type: 'reset' } });
    emu.addFault({ path: '/projects/.*/vulnerabilities', count: 1, fault: { type: 'hang' } });
    const { result } = await runCore(emu, scan({ 'threshold-critical': '0', 'release-criteria': 'off', 'request-timeout': '1s' }));
    expect(result.exitCode).toBe(1);
    expect(result.scanners[0]?.counts?.critical).toBe(1);
    expect(startRequests(emu)).toBe(1);
  });

  it('says timeout when the scan outlives the timeout, and the policy decides the exit code', async () => {
    const slow = await startEmulator({ token: TOKEN, scenario: endlessScenario });
    try {
      const failed = await runCore(slow, scan({ timeout: '2s' }));
      expect(failed.result).toMatchObject({ status: 'timeout', exitCode: 3 });
      expect(failed.result.scanners[0]?.error).toContain('goes on on the platform');
      const warned = await runCore(slow, scan({ timeout: '2s', 'on-timeout': 'warn' }));
      expect(warned.result).toMatchObject({ status: 'timeout', exitCode: 0 });
      expect(warned.result.scanners[0]?.reasons).toMatchObject([{ rule: 'timeout', outcome: 'warn' }]);
    } finally {
      await slow.close();
    }
  });

  it('reports a scan that failed on the platform as an error, under the on-error policy', async () => {
    const failing = await startEmulator({
      token: TOKEN,
      timeScale: 20,
      scenario: { ...(await import('../../emulator/index.js')).defaultScenario, scanners: (await import('../../emulator/index.js')).defaultScenario.scanners?.map((s) => (s.slug === 'codethreat' ? { ...s, failure: { message: 'repository clone failed', branches: ['*'] } } : s)) },
    });
    try {
      const failed = await runCore(failing, scan());
      expect(failed.result).toMatchObject({ status: 'error', exitCode: 3 });
      expect(failed.result.scanners[0]?.error).toContain('repository clone failed');
      const passed = await runCore(failing, scan({ 'on-error': 'pass' }));
      expect(passed.result).toMatchObject({ status: 'error', exitCode: 0 });
    } finally {
      await failing.close();
    }
  });

  it('stops waiting on cancellation and says where to follow the scan', async () => {
    const slow = await startEmulator({ token: TOKEN, scenario: endlessScenario });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('SIGTERM')), 500);
      const { result } = await runCore(slow, scan(), { signal: controller.signal });
      expect(result.status).toBe('error');
      const scanner = result.scanners[0];
      expect(scanner?.error).toBe(`cancelled; the scan goes on on the platform. Resume with: invicti-appsec wait --event-id ${scanner?.eventId}. Follow it at ${scanner?.links.project}`);
      expect(scanner?.error).not.toContain('/events/');
    } finally {
      await slow.close();
    }
  });
});

describe('a scanner without a finished scan: its counts are unknown, never 0', () => {
  /** What every report of the run says about `codethreat` (finished: 1 critical, 2 high, ...) and `saltsecurity` (not). */
  function expectUnknownSalt(result: RunResult): void {
    const [code, salt] = result.scanners;
    expect(code).toMatchObject({ scanner: 'codethreat', status: 'passed', counts: { critical: 1, high: 2, medium: 3, low: 2, info: 1 } });
    expect(salt?.scanner).toBe('saltsecurity');
    expect(salt?.counts).toBeUndefined();
    // The run's totals are not the sum of what is known: every count output is empty (unknown), not 9 nor 0.
    const totals = runTotals(result);
    expect(totals.counts).toBeUndefined();
    expect(totals.total).toBeUndefined();
    const json = JSON.parse(renderJson(result)) as { scanners: Record<string, unknown>[] };
    expect(json.scanners[0]?.counts).toEqual({ critical: 1, high: 2, medium: 3, low: 2, info: 1 });
    expect(json.scanners[1]).not.toHaveProperty('counts');
    const markdown = renderMarkdown(result, { flavour: 'summary' });
    const row = markdown.split('\n').find((l) => l.startsWith('| saltsecurity') || l.startsWith('| [saltsecurity'));
    expect(row).toMatch(/\| — \| — \| — \| — \| — \| — \| — \|$/);
    expect(markdown).toContain('not known');
    const text = textReport(result);
    expect(text).toMatch(/saltsecurity \(dast\): (error|timeout) {2}counts unknown/);
    expect(text).not.toMatch(/saltsecurity.*critical 0/);
  }

  it.each([
    ['failed on the platform, under on-error pass', () => failingScanner('saltsecurity'), { 'on-error': 'pass' }, 'error', { rule: 'error', outcome: 'pass' }],
    ['outlived the timeout, under on-timeout warn', () => endlessScanner('saltsecurity'), { timeout: '2s', 'on-timeout': 'warn' }, 'timeout', { rule: 'timeout', outcome: 'warn' }],
  ] as const)('a scan that %s', async (_, scenario, policy, status, reason) => {
    const platform = await startEmulator({ token: TOKEN, timeScale: 20, scenario: scenario() });
    try {
      const { result } = await runCore(platform, scan({ scanner: 'codethreat,saltsecurity', 'release-criteria': 'off', 'threshold-critical': '5', ...policy }));
      expect(result).toMatchObject({ status, exitCode: 0 });
      expect(result.scanners[1]).toMatchObject({ status, reasons: [reason] });
      expectUnknownSalt(result);
    } finally {
      await platform.close();
    }
  });

  it('a scan started without waiting (async) has no counts either', async () => {
    const { result } = await runCore(emu, scan({ async: 'true' }));
    expect(result.scanners[0]).toMatchObject({ status: 'skipped' });
    expect(result.scanners[0]?.counts).toBeUndefined();
    expect(runTotals(result).total).toBeUndefined();
  });
});

describe('scan history', () => {
  it("expects a project's first scan to take as long as the same scanner takes on other projects", async () => {
    const api = createPlatformClient({ host: emu.url, token: TOKEN });
    const history = durationHistory(api, silentLogger);
    const demo = (await api.listProjects({ name: 'demo-app' })).items[0]!;
    const own = await history.expectedMs(demo.id, 'codethreat');
    expect(own).toBeGreaterThan(0);
    expect(await history.expectedMs('0'.repeat(24), 'codethreat')).toBe(own);
    expect(await history.expectedMs(demo.id, 'no-such-scanner')).toBeUndefined();
    expect(emu.requests().filter((r) => r.apiPath === '/api/v2/scans/completed')).toHaveLength(1);
  });
});

describe('creatable scanners (a platform that lets CI create scan configurations)', () => {
  let creatable: Emulator;
  beforeAll(async () => {
    creatable = await startEmulator({ token: TOKEN, timeScale: 20, scenario: creatableScenario });
  });
  afterAll(() => creatable.close());
  afterEach(() => {
    creatable.reset();
    creatable.clearRequests();
  });

  it('creates a scan configuration on a branch that has none, then scans it', async () => {
    const { result } = await runCore(creatable, scan({ branch: 'release/2.0', 'release-criteria': 'off' }));
    expect(result.scanners[0]).toMatchObject({ mode: 'create', branch: 'release/2.0', status: 'passed' });
    expect(result.scanners[0]?.note).toBeUndefined();
    const created = creatable.requests().filter((r) => r.method === 'POST' && r.apiPath.endsWith('/scanparams'));
    expect(created).toHaveLength(1);
    expect(startRequests(creatable)).toBe(1);
  });

  it('creates a missing project when asked, from the CI repository', async () => {
    const context = detectContext({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/new-service', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REF_NAME: 'main', GITHUB_EVENT_NAME: 'push' });
    const { result, logs } = await runCore(creatable, { project: 'new-service', scanner: 'codethreat', 'create-project': 'true', team: 'payments', labels: 'pci,api', 'release-criteria': 'off' }, { context });
    expect(result.project.name).toBe('new-service');
    expect(result.scanners[0]).toMatchObject({ mode: 'create', status: 'passed', branch: 'main' });
    expect(logs).toContain('created project "new-service" on the platform');
    const body = creatable.requests().find((r) => r.method === 'POST' && r.apiPath === '/api/v2/projects')?.body;
    expect(body).toMatchObject({ name: 'new-service', source: { tool: 'github', url: 'https://github.com/acme/new-service' }, team: { name: 'payments' }, labels: [{ name: 'pci' }, { name: 'api' }] });
  });
});

describe('rescan-only scanners (the default scenario: codethreat and saltsecurity are bound)', () => {
  const configError = async (raw: Record<string, string>, options: Parameters<typeof runCore>[2] = {}): Promise<ConfigError> => {
    const err = await runCore(emu, raw, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  };

  it('a push to a branch with no scan nor configuration re-runs the default branch scan as a comparison, and says so', async () => {
    const { result, logs } = await runCore(emu, scan({ scanner: 'codethreat,saltsecurity', branch: 'feature/new-login', 'release-criteria': 'off' }));
    expect(result.exitCode).toBe(0);
    for (const s of result.scanners) {
      expect(s).toMatchObject({ mode: 'compare', branch: 'feature/new-login', targetBranch: 'main', status: 'passed' });
      expect(s.note).toContain('comparison against the default branch');
      expect(s.note).toContain('default-branch-fallback');
    }
    // The branch's own findings: the default scenario adds one critical on branches other than main.
    expect(result.scanners.find((s) => s.scanner === 'codethreat')?.counts?.critical).toBe(2);
    expect(logs.some((l) => l.includes('[codethreat]') && l.includes('re-ran the default branch\'s scan with from "feature/new-login" to "main"'))).toBe(true);
    const restarts = emu.requests().filter((r) => r.apiPath.endsWith('/restart_with_option'));
    expect(restarts.map((r) => r.body)).toEqual([expect.objectContaining({ from: 'feature/new-login', to: 'main' }), expect.objectContaining({ from: 'feature/new-login', to: 'main' })]);
    expect(emu.requests().some((r) => r.method === 'POST' && (r.apiPath.endsWith('/scanparams') || r.apiPath.endsWith('/scans/create')))).toBe(false);
    expect(startRequests(emu)).toBe(2);
  });

  it('with default-branch-fallback off, stops before starting anything with the platform setup steps (exit 2)', async () => {
    const err = await configError(scan({ branch: 'feature/new-login', 'default-branch-fallback': 'false' }));
    expect(err.exitCode).toBe(2);
    expect(err.setting).toBe('scanner');
    expect(err.message).toContain('bound to an integration');
    expect(err.message).toContain('default-branch-fallback is off');
    expect(err.message).toMatch(/Settings > Scanners, choose SAST > CodeThreat, Add, fill in "Bind to".*Branch "feature\/new-login"/);
    expect(startRequests(emu)).toBe(0);
  });

  it('a saved configuration on the branch (bound in the platform UI) is started as it is', async () => {
    const project = emu.store.projects[0]!;
    const tool = emu.store.scanners.find((t) => t.slug === 'codethreat')!;
    const res = await fetch(`${emu.url}/api/v2/projects/${project.id}/scanparams`, {
      method: 'POST',
      headers: { 'x-cookie': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ tool: { id: tool.id }, project: { id: project.id }, bind_name: 'demo-app (CodeThreat)', branch: 'develop', meta_data: '', environment: '' }),
    });
    expect(res.status).toBe(200);
    emu.clearRequests();
    const { result } = await runCore(emu, scan({ branch: 'develop', 'release-criteria': 'off' }));
    expect(result.scanners[0]).toMatchObject({ mode: 'create', branch: 'develop', status: 'passed' });
    expect(emu.requests().find((r) => r.apiPath.endsWith('/scans/create'))?.body).toMatchObject({ scanparams_id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(emu.requests().some((r) => r.method === 'POST' && r.apiPath.endsWith('/scanparams'))).toBe(false);
  });

  it('a pull request whose source and target have no scan gets the setup steps, not a comparison', async () => {
    const err = await configError(scan({ branch: 'feature/a', 'target-branch': 'release/9' }));
    expect(err.message).toContain('has no codethreat scan or scan configuration on branch "feature/a"');
    expect(err.message).toContain('"Bind to"');
    expect(startRequests(emu)).toBe(0);
  });

  it('a custom bound scanner with no scan anywhere names the default branch in the steps', async () => {
    const bound = await startEmulator({
      token: TOKEN,
      timeScale: 20,
      scenario: { ...defaultScenario, scanners: [...(defaultScenario.scanners ?? []), { slug: 'checkmarx', displayName: 'Checkmarx', type: 'sast', labels: ['kdt', 'bind'] }] },
    });
    try {
      await expect(runCore(bound, scan({ scanner: 'checkmarx', branch: 'feature/x' }))).rejects.toThrow(/nor on the default branch "main".*SAST > Checkmarx.*Branch "main"/);
      expect(startRequests(bound)).toBe(0);
    } finally {
      await bound.close();
    }
  });
});

describe('configuration errors', () => {
  const configError = async (raw: Record<string, string>): Promise<ConfigError> => {
    try {
      await runCore(emu, raw);
    } catch (err) {
      if (err instanceof ConfigError) return err;
      throw err;
    }
    throw new Error('expected a ConfigError');
  };

  it('suggests the scanner on a typo', async () => {
    const err = await configError(scan({ scanner: 'codethret' }));
    expect(err.setting).toBe('scanner');
    expect(err.message).toContain('Did you mean "codethreat"?');
  });

  it('rejects a scanner of another type than asserted', async () => {
    const err = await configError(scan({ scanner: 'saltsecurity', 'scanner-type': 'sast' }));
    expect(err.setting).toBe('scanner-type');
    expect(err.message).toContain('DAST');
  });

  it('suggests the project on a typo and names the fix', async () => {
    const err = await configError(scan({ project: 'demo-ap' }));
    expect(err.setting).toBe('project');
    expect(err.message).toContain('Did you mean "demo-app"?');
    expect(err.message).toContain('create-project');
  });
});
