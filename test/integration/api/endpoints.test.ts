import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index.js';
import { USER_AGENT } from '../../../shared/version.js';
import type { PlatformClient } from '../../../shared/api/client.js';
import { client, completeEvent, emulator, requestLog, uploads } from './support.js';

const SEMGREP = JSON.stringify({
  results: [{ check_id: 'js.xss', path: 'src/a.ts', start: { line: 3 }, extra: { severity: 'ERROR', message: 'xss', metadata: { cwe: ['CWE-79: XSS'] } } }],
  errors: [],
});

describe.each(['legacy', 'core'] as const)('every endpoint in %s mode', (mode) => {
  let emu: Emulator;
  let api: PlatformClient;
  let dir: string;
  let projectId: string;
  const key = (tool: string) => ({ projectId, tool });

  beforeAll(async () => {
    emu = await emulator(mode);
    api = client(emu).api;
    dir = await mkdtemp(path.join(tmpdir(), 'api-int-'));
    projectId = (await api.getProject('demo-app')).id;
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('detects the mode; every call uses that family, its token header and our User-Agent', async () => {
    expect(await api.mode()).toBe(mode);
    await api.ping();
    await api.healthCheck();
    const { requests } = await requestLog(emu);
    // With api-mode auto the first project search is the mode probe, sent in core mode: in legacy mode that one
    // request got the platform's 404 and was sent again in legacy mode; no version probe is sent.
    const [probe, ...rest] = requests.filter((r) => r.apiPath.startsWith('/api/v2/'));
    expect(probe).toMatchObject({ apiPath: '/api/v2/projects', family: 'core', status: mode === 'core' ? 200 : 404 });
    const platform = mode === 'core' ? [probe!, ...rest] : rest;
    expect(platform.length).toBeGreaterThan(0);
    for (const r of platform) {
      expect(r.family).toBe(mode);
      expect(r.authorized).toBe(true);
      expect(r.headers['user-agent']).toBe(USER_AGENT);
      expect(r.headers[mode === 'core' ? 'x-auth' : 'x-cookie']).toBe('***');
    }
    const probes = requests.filter((r) => r.path === '/api/aspm/v1/core/version');
    expect(probes).toHaveLength(mode === 'core' ? 1 : 0); // ping in core mode
  });

  it('projects: list, get, create', async () => {
    const page = await api.listProjects({ name: 'demo-app' });
    expect(page.items.map((p) => p.name)).toContain('demo-app');
    const created = await api.createProject({ name: `svc-${mode}`, repoUrl: `https://github.com/o/svc-${mode}`, almTool: 'github', labels: ['api'] });
    expect(created.name).toBe(`svc-${mode}`);
    expect(created.labels).toEqual(['api']);
    expect((await api.getProject(created.id)).name).toBe(`svc-${mode}`);
  });

  it('scanners, scans, scan detail, last results, scanparams', async () => {
    const scanners = await api.listActiveScanners({ name: 'semgrep', limit: 1 });
    expect(scanners.total).toBe(1);
    expect(scanners.items[0]).toMatchObject({ slug: 'semgrep', type: 'sast', customType: 1 });
    const all = await api.listActiveScanners({});
    expect(all.items.map((s) => s.slug).sort()).toEqual(['codethreat', 'saltsecurity', 'semgrep', 'trivy']);

    const scans = await api.listScans('demo-app', { tool: 'codethreat', branch: 'main', limit: 1 });
    expect(scans.total).toBeGreaterThanOrEqual(1);
    const scan = await api.getScan(scans.items[0]!.id);
    expect(scan).toMatchObject({ tool: 'codethreat', branch: 'main', project: 'demo-app' });
    expect((await api.lastResults(scan.id)).last?.summary.critical).toBe(scan.summary.critical);

    const codethreat = (await api.listActiveScanners({ name: 'codethreat', limit: 1 })).items[0]!;
    const sps = await api.listScanparams('demo-app', { toolId: codethreat.id, branch: 'main' });
    expect(sps.total).toBeGreaterThanOrEqual(1);
    const semgrep = scanners.items[0]!;
    const created = await api.createScanparams({ projectId, toolId: semgrep.id, branch: `feature-${mode}`, custom: { type: semgrep.customType, params: { ruleset_type: 2 } } });
    expect(created.custom).toEqual({ type: 1, params: { ruleset_type: 2 } });
    const found = await api.listScanparams('demo-app', { toolId: semgrep.id, branch: `feature-${mode}` });
    expect(found.items.map((sp) => sp.id)).toEqual([created.id]);
  });

  it('create, follow to completion, restart, restart with options, image scan', async () => {
    const codethreat = (await api.listActiveScanners({ name: 'codethreat', limit: 1 })).items[0]!;
    const sp = (await api.listScanparams('demo-app', { toolId: codethreat.id, branch: 'main' })).items[0]!;
    const started = await api.createScan({ project: 'demo-app', branch: 'main', toolId: codethreat.id, scanparamsId: sp.id, custom: sp.custom }, key('codethreat'));
    expect((await api.getEventStatus(started.eventId)).active).toBe(1);
    await completeEvent(emu, started.eventId);
    const done = await api.getEventStatus(started.eventId);
    expect(done).toMatchObject({ id: started.eventId, active: 0, status: 6 });
    expect((await api.getScan(done.scanId)).tool).toBe('codethreat');

    const restarted = await api.restartScan(done.scanId, key('codethreat'));
    expect(restarted.eventId).not.toBe(started.eventId);
    const pr = await api.restartScanWithOption(done.scanId, { from: 'feature', to: 'main', prNumber: '12', environment: 'develop' }, key('codethreat'));
    expect(pr.eventId).not.toBe(restarted.eventId);
    const image = await api.scanImage({ projectId, tool: 'trivy', image: 'nginx:1.27', branch: 'main' }, key('trivy'));
    expect(image.eventId).toMatch(/^[0-9a-f]{24}$/);
    const completed = await api.listCompletedScans({ limit: 50 });
    expect(completed.items.some((s) => s.eventId === started.eventId && s.durationMs !== undefined && s.durationMs > 0)).toBe(true);
  });

  it('import and SBOM upload, streamed as multipart', async () => {
    const file = path.join(dir, 'semgrep.json');
    await writeFile(file, SEMGREP);
    const started = await api.importScan({ filePath: file, project: 'demo-app', tool: 'semgrep', branch: 'main' }, key('semgrep'));
    const sbom = path.join(dir, 'bom.json');
    await writeFile(sbom, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }));
    const res = await api.uploadSbom({ projectId, filePath: sbom, project: 'demo-app', branch: 'main', sbomType: 'source_dir' });
    expect(res.message).toMatch(/sbom/i);
    const recorded = await uploads(emu);
    expect(recorded.find((u) => u.kind === 'import')).toMatchObject({ eventId: started.eventId, bytes: Buffer.byteLength(SEMGREP), format: 'semgrep', findingCount: 1 });
    expect(recorded.find((u) => u.kind === 'sbom')?.fields).toMatchObject({ project: 'demo-app', branch: 'main', sbom_type: 'source_dir', allow_empty: 'false' });
  });

  it('release status and paginated vulnerabilities', async () => {
    // A quiet emulator of its own: scans finishing meanwhile would change the list between pages.
    const quiet = await emulator(mode);
    try {
      await pagesOf(client(quiet).api);
    } finally {
      await quiet.close();
    }
  });

  async function pagesOf(api: PlatformClient): Promise<void> {
    const projectId = (await api.getProject('demo-app')).id;
    const release = await api.releaseStatus('demo-app', 'main');
    expect(release.progressStatus).not.toBe('');
    expect(release.types.sast?.status).toMatch(/success|fail|undefined/);

    const first = await api.listVulnerabilities(projectId, { branch: 'main', limit: 4, start: 0 });
    expect(first.total).toBeGreaterThan(4);
    const seen = [...first.items];
    for (let start = 4; start < first.total; start += 4) {
      const page = await api.listVulnerabilities(projectId, { branch: 'main', limit: 4, start });
      expect(page.start).toBe(start);
      seen.push(...page.items);
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen.map((v) => v.id)).size).toBe(first.total);
    expect(seen.every((v) => ['critical', 'high', 'medium', 'low', 'info'].includes(v.severity))).toBe(true);
    const onlyCodethreat = await api.listVulnerabilities(projectId, { toolName: 'codethreat', limit: 100 });
    expect(onlyCodethreat.items.every((v) => v.toolName === 'codethreat')).toBe(true);
  }
});
