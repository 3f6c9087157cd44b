/**
 * The start guard against the emulator, through the CLI as its entry wires it: after an ambiguous start failure
 * a run adopts only a scan that provably began after its own start call, with its project, tool, branch and
 * meta-data; a start delivered late is found instead of started twice; a 201 whose body is cut off is followed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../shared/api/index.js';
import { startScan } from '../../shared/core/trigger.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { START_PATH } from '../helpers/core-run.js';
import { Captured, cliInProcess, virtualTime, type CliRun } from './support.js';

const TOKEN = 'resilience-adopt-token-5b0e2c';
const time = virtualTime(50);
const captured = new Captured();
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, now: time.now });
});
afterEach(() => {
  time.resume();
  emu.reset();
});
afterAll(async () => {
  await emu.close();
  captured.expectNoLeak([TOKEN]);
});

async function scan(target: Emulator, args: string[], options: { realClock?: boolean } = {}): Promise<CliRun> {
  const argv = ['scan', '-p', 'demo-app', '-b', 'main', '--threshold-critical', '0', '--release-criteria', 'off', '--output-json', 'r.json', ...args];
  const run = await cliInProcess(argv, { INVICTI_ASPM_HOST: target.url, INVICTI_ASPM_TOKEN: TOKEN }, options.realClock ? {} : { clock: time.clock });
  captured.addRun(expect.getState().currentTestName ?? 'run', run);
  return run;
}

const resultOf = (run: CliRun): { status: string; scanners: { eventId?: string }[] } => JSON.parse(run.files.get('r.json') ?? '{}') as never;
const startsSince = (target: Emulator, since: number): { status: number | null; fault?: string }[] => target.requests(since).filter((r) => START_PATH.test(r.apiPath));

describe('adopting a scan after an ambiguous start failure', () => {
  it('never gates on an earlier run\'s scan of the same project, tool and branch when its own restart got a 502 that reached nothing', async () => {
    const a = await scan(emu, ['-s', 'codethreat']);
    expect(a.code).toBe(1);
    const aEvent = resultOf(a).scanners[0]?.eventId;
    // Run B, a little later on the platform's clock: its first restart is answered 502 by a proxy, unprocessed.
    await time.clock.sleep(10_000);
    emu.addFault({ path: '/scans/[0-9a-f]{24}/restart$', count: 1, fault: { type: 'status', status: 502, body: { error: 'bad gateway' } } });
    const since = emu.nextRequestIndex();
    const b = await scan(emu, ['-s', 'codethreat']);
    expect(b.code).toBe(1);
    expect(b.stderr).not.toContain('did reach the platform');
    const bEvent = resultOf(b).scanners[0]?.eventId;
    expect(bEvent).toBeDefined();
    expect(bEvent).not.toBe(aEvent);
    // B sent two restarts (the 502 and its own), and the platform started exactly one scan for it.
    expect(startsSince(emu, since).map((r) => r.status)).toEqual([502, 201]);
    expect(emu.state().startedEvents).toHaveLength(2);
  });

  it('never adopts a parallel job\'s scan that differs only in meta-data, even one that began after its start call', async () => {
    emu.addFault({ path: '^/api/v2/scans/create$', count: 1, fault: { type: 'status', status: 502, body: { error: 'bad gateway' } } });
    const other = new PlatformClient({ host: emu.url, token: TOKEN, apiMode: 'legacy' });
    const since = emu.nextRequestIndex();
    let otherEvent: string | undefined;
    // As soon as B's create is answered 502, the other job (same project, tool, branch; no meta-data) restarts
    // its scan, while platform time stands still: it is in the scan queue before B's first look.
    const watcher = (async () => {
      while (!emu.requests(since).some((r) => r.apiPath === '/api/v2/scans/create' && r.status === 502)) await new Promise((r) => setTimeout(r, 2));
      time.hold();
      try {
        const project = await other.getProject('demo-app');
        const [scanner] = (await other.listActiveScanners({ name: 'semgrep' })).items;
        otherEvent = (await startScan(other, project, scanner!, { branch: 'main' })).eventId;
      } finally {
        time.resume();
      }
    })();
    const b = await scan(emu, ['-s', 'semgrep', '--meta-data', 'job-b']);
    await watcher;
    other.close();
    expect(b.stderr).not.toContain('did reach the platform');
    const bEvent = resultOf(b).scanners[0]?.eventId;
    expect(otherEvent).toBeDefined();
    expect(bEvent).toBeDefined();
    expect(bEvent).not.toBe(otherEvent);
    expect(emu.state().startedEvents).toHaveLength(2);
  });

  it('follows the scan of a 201 whose body was cut off, without starting another', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]{24}/restart$', count: 1, fault: { type: 'garbled' } });
    const since = emu.nextRequestIndex();
    const run = await scan(emu, ['-s', 'codethreat']);
    expect(run.code).toBe(1);
    expect(resultOf(run).status).toBe('failed');
    expect(run.stderr).toContain('did reach the platform');
    expect(startsSince(emu, since)).toHaveLength(1);
    expect(emu.state().startedEvents).toHaveLength(1);
  });
});

describe('late delivery', () => {
  it('a start held by a slow proxy past the request timeout arrives late: it is found, not started twice', async () => {
    // Real time here: the proxy holds the request 2.5 s, the client gives up after 1 s, then looks for the scan
    // for its grace period (10 s) before any second start.
    const slow = await startEmulator({ token: TOKEN, timeScale: 20 });
    try {
      slow.addFault({ path: '/scans/[0-9a-f]{24}/restart$', count: 1, fault: { type: 'hold', ms: 2_500 } });
      const run = await scan(slow, ['-s', 'codethreat', '--request-timeout', '1s'], { realClock: true });
      expect(run.code).toBe(1);
      expect(resultOf(run).status).toBe('failed');
      expect(run.stderr).toContain('did reach the platform');
      expect(startsSince(slow, 0)).toHaveLength(1);
      expect(slow.state().startedEvents).toHaveLength(1);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
