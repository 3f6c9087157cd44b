/**
 * The completed list the start guard reads just before a start is handed on with it (`Started.completedBefore`)
 * and is what the run's scan history estimates from: the completed list (never the queue), as the history's own
 * read would have seen it, and no second read of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationHistory } from '../../../shared/core/history.js';
import { json, startRawServer, testClient, type RawServer } from './support/servers.js';

/** A list entry of project p1's semgrep scans on main that took `seconds`. */
const entry = (id: string, seconds: number) => ({
  id,
  event_id: `${id}-ev`,
  tool: 'semgrep',
  project: { id: 'p1' },
  branch: 'main',
  meta_data: '',
  started_at: '2026-01-01T10:00:00.000Z',
  finished_at: new Date(Date.parse('2026-01-01T10:00:00.000Z') + seconds * 1000).toISOString(),
});

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer((req, res) => {
    // The queue holds a scan whose times would give a very different estimate, were it taken for history.
    if (req.path === '/api/v2/scans/queue') return json(res, 200, { scans: [entry('queued', 900)], total: 1 });
    if (req.path === '/api/v2/scans/completed') return json(res, 200, { scans: [entry('c1', 10), entry('c2', 30), entry('c3', 20)], total: 3 });
    if (req.path === '/api/v2/scans/s0/restart') return json(res, 200, { event_id: 'ev-new', message: 'restarted' });
    json(res, 404, { error: 'not here' });
  });
});
afterAll(async () => {
  await server.close();
});

describe('the completed list handed on with a start', () => {
  it('is the completed list the guard read, and the history estimates from it without reading it again', async () => {
    const { client, logger } = testClient(server.url);
    const started = await client.restartScan('s0', { projectId: 'p1', tool: 'semgrep', branch: 'main' });
    expect(started.eventId).toBe('ev-new');
    expect(started.completedBefore?.map((s) => [s.id, s.durationMs])).toEqual([
      ['c1', 10_000],
      ['c2', 30_000],
      ['c3', 20_000],
    ]);

    const history = durationHistory(client, logger);
    history.known(started.completedBefore ?? []);
    expect(await history.estimate('p1', 'semgrep', 'main')).toEqual({ expectedMs: 20_000, samplesMs: [10_000, 20_000, 30_000] });
    // The guard's read, before the restart, is the only one.
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/scans/queue', '/api/v2/scans/completed', '/api/v2/scans/s0/restart']);
  });
});
