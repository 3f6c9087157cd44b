import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import { json, startRawServer, testClient, type RawServer, type Seen } from './support/servers.js';

interface Parsed {
  parts: Array<{ name: string; value: string; filename?: string }>;
}

function parseMultipart(req: Seen): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const parts: Parsed['parts'] = [];
    const bb = busboy({ headers: req.headers });
    bb.on('file', (name, stream, info) => {
      // Keep the part's position: its content arrives after later fields may have been parsed.
      const part = { name, value: '', filename: info.filename };
      parts.push(part);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (part.value = Buffer.concat(chunks).toString()));
    });
    bb.on('field', (name, value) => parts.push({ name, value }));
    bb.on('close', () => resolve({ parts }));
    bb.on('error', reject);
    Readable.from([req.body]).pipe(bb);
  });
}

let dir: string;
let server: RawServer;
let fail429 = 0;
const parsed: Parsed[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'api-upload-'));
  server = await startRawServer(async (req, res) => {
    // The start guard reads the scan lists (GET, no body) before an import: only uploads are checked here.
    if (req.method !== 'POST') return json(res, 200, { scans: [], total: 0 });
    expect(Number(req.headers['content-length'])).toBe(req.body.length);
    parsed.push(await parseMultipart(req));
    if (fail429 > 0) {
      fail429--;
      return json(res, 429, { error: 'slow down' });
    }
    if (req.path.endsWith('/sbom/upload')) return json(res, 200, { message: 'sbom uploaded', error: '' });
    json(res, 200, { event_id: 'ev-import', message: 'imported' });
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('multipart uploads', () => {
  it('import sends the file part first, then every text field, with an exact Content-Length', async () => {
    const file = path.join(dir, 'semgrep "results".json');
    await writeFile(file, '{"results":[]}');
    const { client } = testClient(server.url);
    const started = await client.importScan({ filePath: file, project: 'demo', tool: 'semgrep', branch: 'main', metaData: 'm1' }, { projectId: 'p1', tool: 'semgrep' });
    // With the (empty) completed list the start guard read just before it, for the run's scan history.
    expect(started).toEqual({ eventId: 'ev-import', message: 'imported', completedBefore: [] });
    const { parts } = parsed.at(-1)!;
    expect(parts[0]).toEqual({ name: 'file', value: '{"results":[]}', filename: 'semgrep "results".json' });
    expect(Object.fromEntries(parts.slice(1).map((p) => [p.name, p.value]))).toMatchObject({
      project: 'demo',
      branch: 'main',
      tool: 'semgrep',
      meta_data: 'm1',
      'fork-scan': 'false',
      'incremental-scan': 'false',
      sbom_file_scan: 'false',
    });
    expect(server.requests.at(-1)!.path).toBe('/api/v2/scans/import');
  });

  it('a retried upload streams the whole file again', async () => {
    const file = path.join(dir, 'sbom.json');
    await writeFile(file, JSON.stringify({ bomFormat: 'CycloneDX', components: Array.from({ length: 200 }, (_, i) => ({ name: `c${i}` })) }));
    fail429 = 1;
    const before = parsed.length;
    const { client } = testClient(server.url);
    const res = await client.uploadSbom({ projectId: 'p1', filePath: file, project: 'demo', branch: 'main', sbomType: 'source_dir' });
    expect(res).toEqual({ message: 'sbom uploaded' });
    const attempts = parsed.slice(before);
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) {
      expect(attempt.parts[0]!.value).toContain('"c199"');
      expect(attempt.parts.slice(1).map((p) => p.name)).toEqual(['project', 'branch', 'sbom_type', 'allow_empty']);
    }
  });

  it('a missing file is a ConfigError naming the path, and nothing is sent', async () => {
    const { client } = testClient(server.url);
    const before = server.requests.length;
    const missing = path.join(dir, 'nope.json');
    const err = await client.importScan({ filePath: missing, project: 'demo', tool: 'semgrep', branch: 'main' }, { projectId: 'p1', tool: 'semgrep' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).setting).toBe('file');
    expect((err as ConfigError).message).toContain(missing);
    expect((err as ConfigError).message).toContain('ENOENT');
    await expect(client.uploadSbom({ projectId: 'p', filePath: dir, project: 'd', branch: 'main' })).rejects.toBeInstanceOf(ConfigError);
    expect(server.requests.length).toBe(before);
  });
});
