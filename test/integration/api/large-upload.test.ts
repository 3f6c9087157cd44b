import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index.js';
import { client, emulator, uploads } from './support.js';

const TARGET_BYTES = 100 * 1024 * 1024;

/** Write a semgrep-shaped result file of about `bytes`, batch by batch (never whole in memory). */
async function writeSemgrepFile(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"version":"1.0.0","results":[');
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const batch: string[] = [];
    for (let i = 0; i < 2000; i++, n++) {
      batch.push(
        `${n === 0 ? '' : ','}{"check_id":"rules.generated.rule-${n % 97}","path":"src/module${n % 500}/file${n}.ts","start":{"line":${(n % 900) + 1},"col":1},"end":{"line":${(n % 900) + 2},"col":1},"extra":{"severity":"WARNING","message":"generated finding ${n}","metadata":{"cwe":["CWE-79: XSS"]}}}`,
      );
    }
    const text = batch.join('');
    written += text.length;
    await write(text);
  }
  await write('],"errors":[]}');
  out.end();
  await once(out, 'finish');
  return (await stat(file)).size;
}

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator('core');
  dir = await mkdtemp(path.join(tmpdir(), 'api-large-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

describe('streaming upload', () => {
  it('imports a 100 MB semgrep file without holding it in memory', async () => {
    const file = path.join(dir, 'semgrep-large.json');
    const size = await writeSemgrepFile(file, TARGET_BYTES);
    expect(size).toBeGreaterThanOrEqual(TARGET_BYTES);
    const { api } = client(emu, { timeoutMs: 20_000 });
    const project = await api.getProject('demo-app');

    const rssBefore = process.memoryUsage().rss;
    const started = await api.importScan({ filePath: file, project: 'demo-app', tool: 'semgrep', branch: 'main' }, { projectId: project.id, tool: 'semgrep' });
    const growth = process.memoryUsage().rss - rssBefore;

    expect(started.eventId).toMatch(/^[0-9a-f]{24}$/);
    const recorded = (await uploads(emu)).find((u) => u.eventId === started.eventId);
    expect(recorded).toMatchObject({ kind: 'import', bytes: size, format: 'semgrep', filename: 'semgrep-large.json' });
    // A sanity bound, not a measurement: reading the file whole would add at least its size.
    expect(growth).toBeLessThan(size / 2);
  }, 25_000);
});
