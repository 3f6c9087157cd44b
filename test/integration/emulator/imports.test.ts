import { openAsBlob } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario, startEmulator } from '../../emulator/index.js';
import type { Emulator } from '../../emulator/index.js';
import { apiClient, FAMILIES, sarifReport, semgrepReport, steppingClock, writeLargeSarif } from './helpers.js';
import type { ApiClient, EventJson, ProjectJson, ScanJson, StartedJson, VulnJson } from './helpers.js';

/** The form kdt sends: the file part first, then every field (booleans as strings). */
function kdtForm(file: Blob, name: string, over: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', file, name);
  const fields: Record<string, string> = {
    project: 'demo-app', branch: 'main', tool: 'semgrep', meta_data: '', scan_tag: '', target: '', pr_number: '',
    pr_decoration_scanner_types: '', no_decoration: 'false', environment: '', 'fork-scan': 'false', 'fork-source': '',
    'override-fork-source': 'false', override_old_analyze: 'false', 'incremental-scan': 'false', sbom_file_scan: 'false', api_file_scan: 'false',
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
const jsonBlob = (doc: unknown): Blob => new Blob([JSON.stringify(doc)], { type: 'application/json' });

describe.each(FAMILIES)('scan result import (%s)', (family) => {
  const clock = steppingClock();
  let emu: Emulator;
  let api: ApiClient;
  const finishedScan = async (eventId: string) => {
    clock.advance(1_000);
    const s = await api.get<EventJson>(`/api/v2/events/${eventId}/status`);
    expect(s.json).toMatchObject({ active: 0, status: 6 });
    return (await api.get<ScanJson>(`/api/v2/scans/${s.json.scan_id}`)).json;
  };
  beforeAll(async () => {
    emu = await startEmulator({ now: clock.now });
    api = apiClient(emu, family);
  });
  beforeEach(() => emu.reset());
  afterAll(() => emu.close());

  it('imports SARIF 2.1.0: 200 {event_id, message}; severity from security-severity or level, CWE from tags', async () => {
    const doc = sarifReport([
      { ruleId: 'sqli', score: '9.8', uri: 'src/db.ts', line: 10, cwe: 'external/cwe/cwe-089', text: 'SQL injection' },
      { ruleId: 'xss', level: 'error', uri: 'src/web.ts', line: 20, cwe: 'CWE-79', text: 'XSS' },
      { ruleId: 'weak', level: 'warning', uri: 'src/h.ts', line: 3, text: 'Weak hash' },
      { ruleId: 'note', level: 'note', uri: 'src/n.ts', line: 4, text: 'Note' },
    ]);
    const a = await api.upload<StartedJson>('/api/v2/scans/import', kdtForm(jsonBlob(doc), 'results.sarif'));
    expect(a.status).toBe(200);
    expect(Object.keys(a.json).sort()).toEqual(['event_id', 'message']);
    const scan = await finishedScan(a.json.event_id);
    expect(scan).toMatchObject({ tool: 'semgrep', branch: 'main', scan_type: 'import', summary: { critical: 1, high: 1, medium: 1, low: 1, info: 0 } });
    const vulns = (await api.get<{ vulnerabilities: VulnJson[] }>(`/api/v2/projects/demo-app/vulnerabilities?tool_name=semgrep`)).json.vulnerabilities;
    expect(vulns[0]).toMatchObject({ name: 'SQL injection', severity: 4, cwe_id: 89, path: 'src/db.ts', line: 10, cvss_v3: 9.8 });
    expect(vulns[1]).toMatchObject({ name: 'XSS', cwe_id: 79 });
    const [record] = emu.uploads();
    expect(record).toMatchObject({ kind: 'import', eventId: a.json.event_id, format: 'sarif', parsed: true, findingCount: 4, filename: 'results.sarif' });
    expect(record!.fields).toMatchObject({ project: 'demo-app', 'fork-scan': 'false', 'incremental-scan': 'false', api_file_scan: 'false' });
    expect(record!.bytes).toBe(JSON.stringify(doc).length);
    expect(await readdir(emu.uploadDir)).toEqual([]);
  });

  it('imports semgrep JSON', async () => {
    const doc = semgrepReport([
      { check_id: 'js.sqli', severity: 'ERROR', path: 'a.js', line: 5, cwe: ['CWE-89: SQL Injection'], message: 'sqli' },
      { check_id: 'js.regex', severity: 'WARNING', path: 'b.js', line: 6, message: 'regex' },
      { check_id: 'js.info', severity: 'INFO', path: 'c.js', line: 7, message: 'info' },
    ]);
    const a = await api.upload<StartedJson>('/api/v2/scans/import', kdtForm(jsonBlob(doc), 'semgrep.json', { branch: 'dev' }));
    expect(a.status).toBe(200);
    const scan = await finishedScan(a.json.event_id);
    expect(scan).toMatchObject({ branch: 'dev', summary: { critical: 0, high: 1, medium: 1, low: 1 } });
    const v = (await api.get<{ vulnerabilities: VulnJson[] }>('/api/v2/projects/demo-app/vulnerabilities?branch=dev')).json.vulnerabilities;
    expect(v[0]).toMatchObject({ name: 'js.sqli', cwe_id: 89, cwe_name: 'SQL Injection', path: 'a.js', line: 5 });
    expect(emu.uploads()[0]).toMatchObject({ format: 'semgrep', findingCount: 3 });
  });

  it('accepts the docs field spellings too', async () => {
    const form = kdtForm(jsonBlob(sarifReport([])), 'r.sarif', { 'fork-scan': '', 'fork-value': 'main', 'override-old-analyze': 'true' });
    form.delete('fork-scan');
    form.delete('fork-source');
    form.append('fork_scan', 'true');
    const a = await api.upload<StartedJson>('/api/v2/scans/import', form);
    expect(a.status).toBe(200);
    expect(emu.uploads()[0]!.fields).toMatchObject({ 'fork-value': 'main', 'override-old-analyze': 'true', fork_scan: 'true' });
    const scan = await finishedScan(a.json.event_id);
    expect(scan.fork_scan).toBe(true);
  });

  it('rejects with 400 {"error"}: unknown format, tool without import, unknown project, no branch, no file', async () => {
    const cases: [FormData, RegExp][] = [
      [kdtForm(jsonBlob({ hello: 'world' }), 'x.json'), /unsupported file format/],
      [kdtForm(new Blob(['<xml/>']), 'x.xml'), /unsupported file format/],
      [kdtForm(jsonBlob(sarifReport([])), 'r.sarif', { tool: 'codethreat' }), /does not support importing/],
      [kdtForm(jsonBlob(sarifReport([])), 'r.sarif', { tool: 'nope' }), /scanner/],
      [kdtForm(jsonBlob(sarifReport([])), 'r.sarif', { project: 'nope' }), /project not found/],
      [kdtForm(jsonBlob(sarifReport([])), 'r.sarif', { branch: '' }), /branch is required/],
    ];
    const noFile = new FormData();
    noFile.append('project', 'demo-app');
    cases.push([noFile, /file is required/]);
    for (const [form, message] of cases) {
      const a = await api.upload<{ error: string }>('/api/v2/scans/import', form);
      expect(a.status).toBe(400);
      expect(a.json.error).toMatch(message);
    }
    expect(emu.state().counts.events).toBe(2);
    expect(await readdir(emu.uploadDir)).toEqual([]);
  });

  it('uploads an SBOM: 200 {message}, recorded with its fields', async () => {
    const projectId = (await api.get<{ projects: ProjectJson[] }>('/api/v2/projects?name=demo-app')).json.projects[0]!.id;
    const form = new FormData();
    form.append('file', jsonBlob({ bomFormat: 'CycloneDX', specVersion: '1.5' }), 'bom.json');
    for (const [k, v] of Object.entries({ project: 'demo-app', branch: 'main', sbom_type: 'source_dir', allow_empty: 'false' })) form.append(k, v);
    const a = await api.upload(`/api/v2/projects/${projectId}/sbom/upload`, form);
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ message: expect.any(String) });
    expect(emu.uploads()[0]).toMatchObject({ kind: 'sbom', projectId, fields: { sbom_type: 'source_dir' } });
    const spec = new FormData();
    spec.append('file', new Blob(['openapi: 3.0.0\n']), 'openapi.yaml');
    expect((await api.upload(`/api/v2/projects/${projectId}/apispecs`, spec)).status).toBe(200);
    expect(emu.uploads()[1]).toMatchObject({ kind: 'apispecs', filename: 'openapi.yaml', bytes: 15 });
    expect((await api.upload('/api/v2/projects/nope/sbom/upload', form)).status).toBe(404);
  });
});

describe('large uploads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emu-import-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('streams a ~50 MB file to disk, records its byte count, sniffs it above the parse limit', async () => {
    const file = join(dir, 'big.sarif');
    const { size } = await writeLargeSarif(file, 50 * 1024 * 1024);
    const emu = await startEmulator({ scenario: { ...defaultScenario, importParseLimitBytes: 1024 * 1024 }, timeScale: 1000 });
    try {
      const form = kdtForm(await openAsBlob(file), 'big.sarif');
      const a = await apiClient(emu, 'legacy').upload('/api/v2/scans/import', form);
      expect(a.status).toBe(200);
      expect(emu.uploads()[0]).toMatchObject({ bytes: size, format: 'sarif', parsed: false, findingCount: 0 });
      expect(await readdir(emu.uploadDir)).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('parses a few-MB file fully under the default limit', async () => {
    const file = join(dir, 'mid.sarif');
    const { size, results } = await writeLargeSarif(file, 3 * 1024 * 1024);
    const emu = await startEmulator({ timeScale: 1000 });
    try {
      const a = await apiClient(emu, 'core').upload('/api/v2/scans/import', kdtForm(await openAsBlob(file), 'mid.sarif'));
      expect(a.status).toBe(200);
      expect(emu.uploads()[0]).toMatchObject({ bytes: size, parsed: true, findingCount: results });
    } finally {
      await emu.close();
    }
  });
});
