/**
 * The Invicti Platform conventions the API seed states (X-Correlation-ID, X-Invicti-OrganizationId) and the scan
 * tag, end to end: the client's headers and bodies as the emulator records them, the emulator's core-mode
 * organization rule, and the messages a user sees.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detectContext } from '../../../shared/ci/index.js';
import { parseConfig } from '../../../shared/core/config.js';
import { ApiError, ConfigError } from '../../../shared/errors.js';
import { creatableScenario, startEmulator, type Emulator } from '../../emulator/index.js';
import { runCore } from '../../helpers/core-run.js';
import { client, TOKEN } from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('X-Correlation-ID and X-Invicti-OrganizationId', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ token: TOKEN, timeScale: 50, scenario: { ...creatableScenario, organizations: { required: true, ids: ['org-a', 'org-b'] } } });
  });
  afterAll(() => emu.close());
  afterEach(() => {
    emu.reset();
    emu.clearRequests();
  });

  it('sends one UUID per client on every request, the probe included, and logs it in verbose mode', async () => {
    const { api, logger } = client(emu, { organizationId: 'org-a' });
    await api.listProjects({});
    await api.listActiveScanners({ limit: 0 });
    const started = await api.restartScan((await api.listScans('demo-app', { tool: 'codethreat', branch: 'main', limit: 1 })).items[0]!.id, { projectId: 'p', tool: 'codethreat', branch: 'main' });
    expect(started.eventId).not.toBe('');
    const seen = emu.requests();
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const ids = new Set(seen.map((r) => r.headers['x-correlation-id']));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(id).toMatch(UUID);
    expect(id).toBe(api.correlationId);
    expect(seen.every((r) => r.headers['x-invicti-organizationid'] === 'org-a')).toBe(true);
    expect(logger.lines.map((l) => l.message).join('\n')).toContain(`correlation ID ${id}`);
    const other = client(emu).api;
    expect(other.correlationId).toMatch(UUID);
    expect(other.correlationId).not.toBe(id);
  });

  it('the emulator core family: 422 {"error"} without the header, 403 {"message"} for an organization not the token\'s; legacy unaffected', async () => {
    const get = (p: string, headers: Record<string, string>) => fetch(`${emu.url}${p}`, { headers });
    const none = await get('/api/aspm/v1/api/v2/projects', { 'x-auth': TOKEN });
    expect(none.status).toBe(422);
    expect(await none.json()).toEqual({ error: expect.stringContaining('X-Invicti-OrganizationId') });
    const wrong = await get('/api/aspm/v1/api/v2/projects', { 'x-auth': TOKEN, 'x-invicti-organizationid': 'org-z' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ message: 'forbidden operation' });
    const right = await get('/api/aspm/v1/api/v2/projects', { 'x-auth': TOKEN, 'x-invicti-organizationid': 'org-b' });
    expect(right.status).toBe(200);
    expect((await get('/api/v2/projects', { 'x-cookie': TOKEN })).status).toBe(200);
  });

  it('a refusal names the organization-id setting and the correlation ID', async () => {
    const { api } = client(emu, { apiMode: 'core' });
    const err = await api.listProjects({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const message = (err as ApiError).message;
    expect(message).toContain('HTTP 422');
    expect(message).toContain('set the organization-id setting');
    expect(message.endsWith(`(correlation ID ${api.correlationId})`)).toBe(true);
  });

  it('a whole run with organization-id passes the core-mode rule', async () => {
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'main', 'api-mode': 'core', 'organization-id': 'org-b', 'release-criteria': 'off' });
    expect(result.exitCode).toBe(0);
    expect(emu.requests().every((r) => r.headers['x-invicti-organizationid'] === 'org-b')).toBe(true);
  });

  it('refuses an organization ID with spaces or line breaks at the edge, naming the setting', () => {
    const parse = () => parseConfig({ host: emu.url, token: TOKEN, project: 'demo-app', scanner: 'codethreat', 'organization-id': 'org a\nX-Evil: 1' }, detectContext({}));
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/"organization-id" contains spaces/);
  });
});

describe('scan-tag', () => {
  let emu: Emulator;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({ token: TOKEN, timeScale: 50, scenario: creatableScenario });
    dir = await mkdtemp(path.join(tmpdir(), 'scan-tag-'));
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    emu.reset();
    emu.clearRequests();
  });
  const body = (suffix: string) => emu.requests().find((r) => r.apiPath.endsWith(suffix) && r.method === 'POST')?.body as Record<string, unknown> | undefined;

  it('goes into a new scan configuration and the scan it starts', async () => {
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'feature/tagged', 'scan-tag': 'nightly-42', 'release-criteria': 'off' });
    expect(result.scanners[0]?.mode).toBe('create');
    expect(body('/scanparams')).toMatchObject({ scan_tag: 'nightly-42' });
    expect(body('/scans/create')).toMatchObject({ scan_tag: 'nightly-42' });
  });

  it('goes into an image scan and an import', async () => {
    await runCore(emu, { project: 'demo-app', scanner: 'trivy', branch: 'main', image: 'registry.example/app:1.2', 'scan-tag': 'img-7', 'release-criteria': 'off' });
    expect(body('/scans/image')).toMatchObject({ scan_tag: 'img-7', image: 'registry.example/app:1.2' });
    const file = path.join(dir, 'semgrep.json');
    await writeFile(file, JSON.stringify({ results: [], errors: [] }));
    await runCore(emu, { project: 'demo-app', scanner: 'semgrep', branch: 'main', file, 'scan-tag': 'imp-3', 'release-criteria': 'off' });
    expect(emu.uploads()[0]?.fields).toMatchObject({ scan_tag: 'imp-3', tool: 'semgrep' });
  });
});
