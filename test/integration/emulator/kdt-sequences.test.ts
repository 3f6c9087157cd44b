import { afterEach, describe, expect, it } from 'vitest';
import { creatableScenario, defaultScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator, EmulatorOptions, Scenario } from '../../emulator/index.js';
import { KdtError, KdtReplay } from './kdt-replay.js';
import { KDT_TYPES, sarifReport, steppingClock } from './helpers.js';

/** The emulator mode, and the mode kdt's probe must land in. */
const MODES = [
  ['legacy', 'legacy'],
  ['both', 'core'],
] as const;

describe.each(MODES)('kdt request sequences (emulator mode %s, kdt lands in %s)', (emulatorMode, kdtMode) => {
  let emu: Emulator;
  const P = kdtMode === 'core' ? '/api/aspm/v1' : '';
  const PROBE = 'GET /api/aspm/v1/core/version';
  const PING = kdtMode === 'core' ? PROBE : 'GET /core/version';

  async function setup(extra: Partial<EmulatorOptions> = {}) {
    const clock = steppingClock();
    emu = await startEmulator({ mode: emulatorMode, now: clock.now, ...extra });
    const kdt = new KdtReplay(emu.url, emu.token, (ms) => clock.advance(ms));
    return { kdt, clock };
  }
  afterEach(() => emu.close());
  const lines = (from = 0) => emu.requests(from).map((r) => `${r.method} ${r.path}${r.rawQuery === '' ? '' : `?${r.rawQuery}`}`);

  /** `kdt scan -p <project> -t <tool> -b <branch>` (mode 7) up to the release decision. */
  async function mode7(kdt: KdtReplay, project: string, tool: string, branch: string) {
    await kdt.construct();
    await kdt.preRun(tool);
    await kdt.construct();
    const scanner = await kdt.getScanner(tool);
    const p = await kdt.findProject(project);
    const found = await kdt.findScan(p.name, tool, branch);
    let eventId: string;
    let path: 'restart' | 'scanparams' | 'new-scanparams';
    if (found) {
      path = 'restart';
      eventId = await kdt.restart(found.id);
    } else {
      let sp = await kdt.findScanparams(p.name, scanner.id, branch);
      if (!sp && KdtReplay.rescanOnly(scanner)) throw new KdtError(`scanner tool ${tool} is only allowing rescans`);
      path = sp ? 'scanparams' : 'new-scanparams';
      sp ??= await kdt.createScanparams(p.id, scanner.id, branch, scanner.custom_type);
      eventId = await kdt.createScan({
        scanparams_id: sp.id, branch, project: p.name, tool_id: scanner.id,
        pr: { ok: false, target: '', pr_number: '', no_decoration: false, pr_decoration_scanner_types: '' },
        custom: sp.custom, meta_data: '', scan_tag: '', fork_scan: false, fork_source_branch: '', override_fork_source_branch: false, environment: '',
      });
    }
    const { statuses, scanId } = await kdt.waitForScan(eventId);
    const scan = await kdt.scanDetail(scanId);
    await kdt.construct();
    await kdt.construct();
    const release = await kdt.releaseCheck(scan.project, scan.branch);
    return { path, found, eventId, statuses, scan, release };
  }

  it('mode 7 on main restarts the latest scan, polls to completion and fails the release on SAST', async () => {
    const { kdt } = await setup();
    const r = await mode7(kdt, 'demo-app', 'codethreat', 'main');
    expect(kdt.mode).toBe(kdtMode);
    expect(r.path).toBe('restart');
    expect(r.scan).toMatchObject({ project: 'demo-app', branch: 'main', tool: 'codethreat', summary: { critical: 1, high: 2, medium: 3, low: 2, info: 1 } });
    expect(r.release).toEqual({ polls: 1, failing: ['SAST'], pass: false });
    const polls = Array.from({ length: r.statuses.length + 1 }, () => `GET ${P}/api/v2/events/${r.eventId}/status`);
    expect(lines()).toEqual([
      PROBE, PING,
      `GET ${P}/api/v2/scanners/active?labels=&limit=0&name=codethreat&types=${KDT_TYPES}`,
      PROBE,
      `GET ${P}/api/v2/scanners/active?labels=&limit=1&name=codethreat&types=${KDT_TYPES}`,
      `GET ${P}/api/v2/projects?alm=&name=demo-app`,
      `GET ${P}/api/v2/projects/demo-app/scans?agent_id=&branch=main&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=&pr=false&tool=codethreat`,
      `GET ${P}/api/v2/scans/${r.found!.id}/restart`,
      ...polls,
      `GET ${P}/api/v2/scans/${r.scan.id}`,
      PROBE, PROBE,
      `GET ${P}/api/v2/projects/demo-app/release?branch=main`,
    ]);
    const statuses = emu.requests().map((e) => e.status);
    expect(statuses[0]).toBe(kdtMode === 'core' ? 200 : 404);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(emu.requests().every((e) => e.authorized || e.apiPath === '/core/version')).toBe(true);
  });

  it('mode 7 on a new branch with a bound scanner (the default scenario): kdt refuses before creating anything', async () => {
    const { kdt } = await setup();
    await expect(mode7(kdt, 'demo-app', 'codethreat', 'feature/login')).rejects.toThrow('scanner tool codethreat is only allowing rescans');
    expect(emu.requests().some((r) => r.method === 'POST')).toBe(false);
  });

  it('mode 4 (-b feature -M main) on a bound scanner re-runs the latest scan with from/to, as the product\'s default-branch fallback does', async () => {
    const { kdt } = await setup();
    await kdt.construct();
    await kdt.preRun('codethreat');
    await kdt.construct();
    await kdt.getScanner('codethreat');
    const p = await kdt.findProject('demo-app');
    const base = await kdt.findAnyScan(p.name, 'codethreat');
    expect(base?.branch).toBe('main');
    const eventId = await kdt.restartWithOption(base!.id, 'feature/login', 'main');
    const { scanId } = await kdt.waitForScan(eventId);
    expect(await kdt.scanDetail(scanId)).toMatchObject({ branch: 'feature/login', summary: { critical: 2 } });
    const sent = lines();
    expect(sent.filter((l) => l.startsWith('POST'))).toEqual([`POST ${P}/api/v2/scans/${base!.id}/restart_with_option`]);
  });

  it('mode 7 on a new branch creates scanparams and a scan (creatable scanners); the next run restarts it', async () => {
    const { kdt } = await setup({ scenario: creatableScenario });
    const r = await mode7(kdt, 'demo-app', 'codethreat', 'feature/login');
    const toolId = emu.store.scanner('codethreat')!.id;
    expect(r.path).toBe('new-scanparams');
    expect(r.scan).toMatchObject({ branch: 'feature/login', summary: { critical: 2, medium: 4 } });
    expect(r.release.failing).toEqual(['SAST']);
    const sent = lines();
    const i = sent.findIndex((l) => l.includes('/scanparams?'));
    expect(sent.slice(i - 1, i + 3)).toEqual([
      `GET ${P}/api/v2/projects/demo-app/scans?agent_id=&branch=feature%2Flogin&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=&pr=false&tool=codethreat`,
      `GET ${P}/api/v2/projects/demo-app/scanparams?agent=&branch=feature%2Flogin&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=&pr=false&target=&tool_id=${toolId}`,
      `POST ${P}/api/v2/projects/${emu.store.projects[0]!.id}/scanparams`,
      `POST ${P}/api/v2/scans/create`,
    ]);
    const create = emu.requests().find((e) => e.path.endsWith('/scans/create'))!;
    expect(create.status).toBe(201);
    expect(create.body).toMatchObject({ custom: { type: 0, params: null }, branch: 'feature/login', project: 'demo-app' });
    const again = await mode7(kdt, 'demo-app', 'codethreat', 'feature/login');
    expect(again.path).toBe('restart');
    expect(again.found?.id).toBe(r.scan.id);
  });

  it('mode 7 with saved scanparams but no scan creates from them', async () => {
    const scenario: Scenario = { ...defaultScenario, baselineScans: [] };
    const { kdt } = await setup({ scenario });
    const r = await mode7(kdt, 'demo-app', 'saltsecurity', 'main');
    expect(r.path).toBe('scanparams');
    expect(r.release).toEqual({ polls: 1, failing: [], pass: true });
  });

  it('§4 polling: kdt sees every status 0..5 with its 10 s sleeps, then finishes', async () => {
    const scenario: Scenario = { ...defaultScenario, scanners: defaultScenario.scanners!.map((s) => ({ ...s, durationMs: 60_000 })) };
    const { kdt } = await setup({ scenario });
    const r = await mode7(kdt, 'demo-app', 'saltsecurity', 'main');
    expect(r.statuses).toEqual([0, 1, 2, 3, 4, 5]);
    expect(emu.event(r.eventId)).toMatchObject({ state: 'finished', finishedAt: emu.event(r.eventId)!.endsAt });
  });

  it('§4 a failed scan ends the wait with "scan failed: <message>"', async () => {
    const scenario: Scenario = { ...defaultScenario, scanners: defaultScenario.scanners!.map((s) => ({ ...s, failure: { message: 'scanner unreachable' } })) };
    const { kdt } = await setup({ scenario });
    await expect(mode7(kdt, 'demo-app', 'codethreat', 'main')).rejects.toThrow(new KdtError('scan failed: scanner unreachable'));
  });

  it('§5.2 release: kdt polls every 5 s while in_progress, then decides', async () => {
    const scenario: Scenario = {
      ...defaultScenario,
      projects: [{ ...defaultScenario.projects![0]!, release: { rules: { dast: { failWhen: { high: 0 } } }, inProgressPolls: 2 } }],
    };
    const { kdt } = await setup({ scenario });
    const r = await mode7(kdt, 'demo-app', 'codethreat', 'main');
    expect(r.release).toEqual({ polls: 3, failing: ['DAST'], pass: false });
    expect(lines().filter((l) => l.includes('/release'))).toEqual(Array(3).fill(`GET ${P}/api/v2/projects/demo-app/release?branch=main`));
  });

  it('file import (-f): project search, two scanner lookups, the multipart upload, poll, release', async () => {
    const { kdt } = await setup();
    await kdt.construct();
    await kdt.preRun('semgrep');
    await kdt.construct();
    const p = await kdt.findProject('demo-app');
    await kdt.getScanner('semgrep');
    await kdt.getScanner('semgrep');
    const report = new Blob([JSON.stringify(sarifReport([{ ruleId: 'r1', level: 'error', uri: 'a.ts', line: 1, text: 'Bad thing' }]))]);
    const eventId = await kdt.importFile(report, {
      project: p.name, branch: 'main', tool: 'semgrep', meta_data: '', scan_tag: '', target: '', pr_number: '', pr_decoration_scanner_types: '',
      no_decoration: 'false', environment: '', 'fork-scan': 'false', 'fork-source': '', 'override-fork-source': 'false',
      override_old_analyze: 'false', 'incremental-scan': 'false', sbom_file_scan: 'false', api_file_scan: 'false',
    });
    const { scanId } = await kdt.waitForScan(eventId);
    const scan = await kdt.scanDetail(scanId);
    expect(scan).toMatchObject({ tool: 'semgrep', summary: { high: 1 } });
    // The import is now the latest SAST scan on main and has no critical, so SAST passes.
    expect(await kdt.releaseCheck(scan.project, scan.branch)).toEqual({ polls: 1, failing: [], pass: true });
    const upload = emu.requests().find((e) => e.path.endsWith('/scans/import'))!;
    expect(upload).toMatchObject({ method: 'POST', path: `${P}/api/v2/scans/import`, status: 200 });
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(emu.uploads()[0]).toMatchObject({ kind: 'import', eventId, findingCount: 1 });
  });

  it('list products, create product, create project -P, create label and create team: the calls and answers kdt expects', async () => {
    const { kdt } = await setup();
    await kdt.construct();
    const from = emu.requests().length;
    expect((await kdt.listProducts()).map((p) => [p.name, p.projects_count])).toEqual([['storefront', 1]]);
    await expect(kdt.listProducts('nothing')).rejects.toThrow('no products found');
    expect(await kdt.createLabel('gdpr')).toMatchObject({ label: { name: 'gdpr', color: '000000' } });
    expect(await kdt.createTeam('mobile', 'alice')).toMatchObject({ team: { name: 'mobile' } });
    const made = await kdt.createProject('ios-app', { team: 'mobile', labels: ['gdpr'], product: 'apps' });
    expect(made).toMatchObject({ name: 'ios-app', team: { name: 'mobile' }, labels: [{ name: 'gdpr' }] });
    const product = await kdt.createProduct('apps', ['demo-app']);
    expect(product).toMatchObject({ name: 'apps', projects: [{ name: 'ios-app' }, { name: 'demo-app' }] });
    expect(lines(from)).toEqual([
      `GET ${P}/api/v2/products?name=`,
      `GET ${P}/api/v2/products?name=nothing`,
      `POST ${P}/api/v2/labels`,
      `POST ${P}/api/v2/teams`,
      `GET ${P}/api/v2/projects?alm=&name=ios-app`,
      `POST ${P}/api/v2/projects`,
      `GET ${P}/api/v2/products?name=apps`,
      `POST ${P}/api/v2/products`,
      `GET ${P}/api/v2/projects?alm=&name=demo-app`,
      `GET ${P}/api/v2/products?name=apps`,
      `GET ${P}/api/v2/products/${String(product.id)}`,
      `PATCH ${P}/api/v2/products/${String(product.id)}`,
    ]);
    expect(emu.requests(from).map((r) => r.status)).toEqual([200, 200, 201, 201, 200, 201, 200, 201, 200, 200, 200, 200]);
    await expect(kdt.createProject('android-app', { team: 'nobody' })).rejects.toThrow('response not OK: response status:400 error message: team not found: nobody');
  });

  it('kdt errors surface the {"error"} text of a non-2xx answer', async () => {
    const { kdt } = await setup();
    await kdt.construct();
    await expect(kdt.findProject('nope')).rejects.toThrow('no projects were found');
    await expect(kdt.restart('0123456789abcdef01234567')).rejects.toThrow('response not OK: response status:404 error message: scan not found');
  });
});
