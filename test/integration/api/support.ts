/** The emulator's control API over HTTP, and a client wired for tests (fake clock, fixed jitter). */
import { startEmulator, type Emulator } from '../../emulator/index.js';
import type { FaultRule, RequestLogEntry, StateSummary, UploadRecord } from '../../emulator/index.js';
import { PlatformClient, type PlatformClientOptions } from '../../../shared/api/client.js';
import { fakeClock, recordingLogger, type FakeClock, type RecordingLogger } from '../../unit/api/support/servers.js';

export const TOKEN = 'emu-token-4f2a9c71';

export async function emulator(mode: 'core' | 'legacy' | 'both'): Promise<Emulator> {
  return startEmulator({ port: 0, token: TOKEN, mode, timeScale: 10 });
}

async function control<T>(emu: Emulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export const addFault = (emu: Emulator, rule: FaultRule) => control<unknown>(emu, 'POST', 'faults', rule);
export const clearFaults = (emu: Emulator) => control<unknown>(emu, 'DELETE', 'faults');
export const requestLog = async (emu: Emulator, since = 0) => (await control<{ requests: RequestLogEntry[]; next: number }>(emu, 'GET', `requests?since=${since}`));
export const completeEvent = (emu: Emulator, id: string) => control<{ state: string; scanId: string }>(emu, 'POST', `events/${encodeURIComponent(id)}/complete`);
export const state = (emu: Emulator) => control<StateSummary>(emu, 'GET', 'state');
export const uploads = async (emu: Emulator) => (await control<{ uploads: UploadRecord[] }>(emu, 'GET', 'uploads')).uploads;

export function client(emu: Emulator, extra: Partial<PlatformClientOptions> = {}): { api: PlatformClient; clock: FakeClock; logger: RecordingLogger } {
  const clock = fakeClock();
  const logger = recordingLogger();
  const api = new PlatformClient({
    host: emu.url,
    token: TOKEN,
    apiMode: 'auto',
    timeoutMs: 5000,
    retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 100 },
    logger,
    clock,
    random: () => 0.5,
    ...extra,
  });
  return { api, clock, logger };
}
