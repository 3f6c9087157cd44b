/** `startEmulator`: wires scenario, state, clock, control API and the HTTP server together. */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultTable } from './control/faults.js';
import type { ActiveFault, FaultRule } from './control/faults.js';
import { eventInfo, stateSummary, UnknownEventError } from './control/inspect.js';
import type { EventInfo, StateSummary } from './control/inspect.js';
import { RequestLog } from './control/request-log.js';
import type { RequestLogEntry } from './control/request-log.js';
import { controlHandler } from './control/routes.js';
import type { ControlApi } from './control/routes.js';
import { EmuClock } from './core/clock.js';
import type { AppEnv, Mode } from './http/router.js';
import { EmulatorServer } from './http/server.js';
import { buildRouter } from './routes/index.js';
import { defaultScenario } from './scenario/default.js';
import { loadScenarioFile, parseScenario } from './scenario/parse.js';
import type { ResolvedScenario, Scenario } from './scenario/schema.js';
import { forceComplete, forceFail, seedBaselines, settle } from './state/events.js';
import { Store } from './state/store.js';
import type { UploadRecord } from './state/types.js';

export interface EmulatorOptions {
  /** Default 0 (a free port); always binds 127.0.0.1. */
  port?: number;
  /** The accepted token; default: a random one. */
  token?: string;
  /** Which URL families answer; default `both`. */
  mode?: Mode;
  /** A scenario object, or the path of a JSON/YAML file; default: `defaultScenario`. */
  scenario?: Scenario | string;
  /** >1 speeds the emulator clock up (durations are divided by it); default 1. */
  timeScale?: number;
  /** Clock injection for tests; default `Date.now`. */
  now?: () => number;
}

export interface Emulator extends ControlApi {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly mode: Mode;
  readonly scenario: ResolvedScenario;
  /** Temp folder uploads are streamed to, created on the first upload (each file is deleted once handled; the folder on close). */
  readonly uploadDir: string;
  /** The live state (replaced by `reset`); for assertions that the summaries do not cover. */
  readonly store: Store;
  /** Closes the server and every socket (hung requests included) promptly. */
  close(): Promise<void>;
}

function resolveScenario(input: Scenario | string | undefined): ResolvedScenario {
  if (typeof input === 'string') return loadScenarioFile(input);
  return parseScenario(input ?? defaultScenario);
}

function freshStore(scenario: ResolvedScenario, clock: EmuClock): Store {
  const store = new Store(scenario);
  const created = clock.now() - 30 * 86_400_000;
  for (const p of store.projects) p.createdAt = created;
  seedBaselines(store, clock);
  return store;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const scenario = resolveScenario(options.scenario);
  const clock = new EmuClock(options.now ?? Date.now, options.timeScale ?? 1);
  const token = options.token ?? randomBytes(16).toString('hex');
  if (token === '') throw new Error('token must not be empty');
  const env: AppEnv = {
    store: freshStore(scenario, clock),
    clock,
    baseUrl: '',
    // Created on the first upload only, so emulators that never receive one leave nothing behind.
    tmpDir: join(tmpdir(), `invicti-aspm-emulator-${process.pid}-${randomBytes(6).toString('hex')}`),
    mode: options.mode ?? 'both',
  };
  const faults = new FaultTable();
  const log = new RequestLog();

  const requireEvent = (id: string): EventInfo => {
    const ev = env.store.events.get(id);
    if (ev === undefined) throw new UnknownEventError(`unknown event ${id}`);
    return eventInfo(env.store, ev, clock.now());
  };
  const api: ControlApi = {
    addFault: (rule: FaultRule): ActiveFault => faults.add(rule),
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    requests: (since?: number): RequestLogEntry[] => log.since(since),
    nextRequestIndex: () => log.nextIndex(),
    clearRequests: () => log.clear(),
    event: (id: string) => {
      settle(env.store, clock.now());
      const ev = env.store.events.get(id);
      return ev === undefined ? undefined : eventInfo(env.store, ev, clock.now());
    },
    completeEvent: (id: string) => {
      forceComplete(env.store, id, clock.now());
      return requireEvent(id);
    },
    failEvent: (id: string, message?: string) => {
      forceFail(env.store, id, message ?? 'scan failed (injected by the emulator control API)', clock.now());
      return requireEvent(id);
    },
    reset: () => {
      // Back to the scenario's initial state, faults included; the request log is kept (clear it separately).
      env.store = freshStore(scenario, clock);
      faults.clear();
    },
    state: (): StateSummary => {
      settle(env.store, clock.now());
      return stateSummary(env.store, clock.now(), env.mode);
    },
    uploads: (): UploadRecord[] => env.store.uploads.map((u) => ({ ...u, fields: { ...u.fields } })),
    setMode: (mode: Mode) => {
      env.mode = mode;
    },
  };

  const server = new EmulatorServer({ env, router: buildRouter(), faults, log, token, control: controlHandler(api) });
  let port: number;
  try {
    port = await server.listen(options.port ?? 0);
  } catch (err) {
    await rm(env.tmpDir, { recursive: true, force: true });
    throw err;
  }
  env.baseUrl = `http://127.0.0.1:${port}`;

  return {
    ...api,
    url: env.baseUrl,
    port,
    token,
    scenario,
    uploadDir: env.tmpDir,
    get mode() {
      return env.mode;
    },
    get store() {
      return env.store;
    },
    close: async () => {
      await server.close();
      await rm(env.tmpDir, { recursive: true, force: true });
    },
  };
}
