/**
 * Routes that never answer (or answer too late): each request ends at the request timeout, retries are bounded,
 * and the run ends with a timeout error naming the request timeout (exit 3), never a hang. A route that hangs
 * once is ridden out; a start call whose answer comes after the timeout does not start a second scan.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from '../../shared/api/index.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { startRequests } from '../helpers/core-run.js';
import { Captured, cliInProcess, STACK_FRAME, virtualTime, type CliRun } from './support.js';

const TOKEN = 'resilience-hang-token-71e0aa';
const SCALE = 100;
const REQUEST_TIMEOUT_MS = 1_000;
/** Every attempt of one request may take the request timeout; the backoff between them is platform time. */
const ONE_REQUEST_BOUND_MS = DEFAULT_RETRY_POLICY.maxAttempts * REQUEST_TIMEOUT_MS;
const time = virtualTime(SCALE);
const captured = new Captured();
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, now: time.now });
});
afterEach(() => {
  emu.reset();
  emu.clearRequests();
});
afterAll(async () => {
  await emu.close();
  captured.expectNoLeak([TOKEN]);
});

async function scan(extra: string[] = []): Promise<CliRun> {
  const run = await cliInProcess(
    ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--threshold-critical', '0', '--release-criteria', 'off', '--request-timeout', `${REQUEST_TIMEOUT_MS}ms`, '--timeout', '30m', '--output-json', 'r.json', ...extra],
    { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN },
    { clock: time.clock },
  );
  captured.addRun(expect.getState().currentTestName ?? 'run', run);
  return run;
}

const statusOf = (run: CliRun): string => (JSON.parse(run.files.get('r.json') ?? '{}') as { status?: string }).status ?? '(none)';
const hung = (pattern: RegExp): number => emu.requests().filter((r) => pattern.test(r.apiPath) && r.fault === 'hang').length;

describe('a route that hangs', () => {
  it('ends the run with a request-timeout error, within the retries of one request, when event status never answers', async () => {
    emu.addFault({ path: '/events/[0-9a-f]{24}/status', count: 0, fault: { type: 'hang' } });
    const run = await scan();
    expect(run.code).toBe(3);
    expect(statusOf(run)).toBe('error');
    expect(run.stderr).toContain(`no complete answer within ${REQUEST_TIMEOUT_MS / 1000} s (request timeout)`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(hung(/\/events\//)).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
    // Not a hang: every attempt ended at the request timeout (the rest of the run is a few round trips, which a
    // loaded machine may stretch to seconds).
    expect(run.wallMs).toBeLessThan(ONE_REQUEST_BOUND_MS + 10_000);
  });

  it('gives up on a start call that never answers without starting anything, and says so', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]{24}/restart$', count: 0, fault: { type: 'hang' } });
    const run = await scan(['--on-error', 'warn']);
    expect(run.code).toBe(0);
    expect(statusOf(run)).toBe('error');
    expect(run.stderr).toContain('request timeout');
    expect(startRequests(emu)).toBe(0);
    expect(emu.state().startedEvents).toHaveLength(0);
    expect(run.wallMs).toBeLessThan(ONE_REQUEST_BOUND_MS + 10_000);
  });

  it('ends with exit 3 when the project search hangs, before anything starts', async () => {
    emu.addFault({ path: '^/api/v2/projects$', count: 0, fault: { type: 'hang' } });
    const run = await scan();
    expect(run.code).toBe(3);
    expect(statusOf(run)).toBe('error');
    expect(run.stderr).toContain('request timeout');
    expect(emu.state().startedEvents).toHaveLength(0);
    expect(run.wallMs).toBeLessThan(ONE_REQUEST_BOUND_MS + 10_000);
  });

  it('rides out a status request that hangs once and decides as usual', async () => {
    emu.addFault({ path: '/events/[0-9a-f]{24}/status', count: 1, fault: { type: 'hang' } });
    const run = await scan();
    expect(run.code).toBe(1);
    expect(statusOf(run)).toBe('failed');
    expect(hung(/\/events\//)).toBe(1);
    expect(startRequests(emu)).toBe(1);
  });

  it('does not start a second scan when the answer to the start call comes after the request timeout', async () => {
    emu.addFault({ path: '/scans/[0-9a-f]{24}/restart$', count: 1, fault: { type: 'delay', ms: REQUEST_TIMEOUT_MS * 2 } });
    const run = await scan();
    expect(run.code).toBe(1);
    expect(statusOf(run)).toBe('failed');
    expect(emu.state().startedEvents).toHaveLength(1);
  });
});
