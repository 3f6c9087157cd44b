/**
 * A second SIGTERM (`timeout` and CI runners send one more, and a user presses Ctrl-C twice) must not kill the
 * built CLI before it writes its result files: the run still ends with the cancel exit code (3, an error under the
 * default `on-error: fail`) and `--output-json` holds the cancelled result with the command that resumes it.
 * The scan lasts an hour of platform time; the first signal goes out when the log says the run is waiting, the
 * second when it says the run has cancelled, while a named pipe holds the result file's write open until the
 * second was sent. Nothing depends on timing: the bundle has minutes to finish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { endlessScenario } from '../helpers/endless-scenario.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';

const TOKEN = 'resilience-second-signal-token-3c9d';
let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, scenario: endlessScenario });
  dir = await mkdtemp(join(tmpdir(), 'second-signal-'));
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * `cat` reading the named pipe the CLI writes its result to: it starts only when the test says so, and until then
 * the CLI's write of `--output-json` cannot finish. That holds the run between cancelling and writing its files
 * for as long as the test needs, so the second signal surely lands in that window (no timing margin involved).
 */
function pipeReader(fifo: string): { text: Promise<string>; stop(): void } {
  const child = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
  return { text: new Promise((resolve) => child.on('close', () => resolve(text))), stop: () => child.kill('SIGKILL') };
}

describe('a second signal while the built CLI is cancelling', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('two %s signals: cancel exit code, and --output-json written with the cancelled result and how to resume', async (signal) => {
    const fifo = join(dir, `result-${signal}.json`);
    execFileSync('mkfifo', [fifo]);
    let signals = 0;
    let seen = '';
    let reader: ReturnType<typeof pipeReader> | undefined;
    const run = await runBundle('dist/cli/index.js', ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--output-json', fifo], {
      env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }),
      timeoutMs: 120_000,
      onStderr: (chunk, kill) => {
        seen += chunk; // a line may arrive in two chunks
        // The start is logged once the scan is on the platform: from here on the run is waiting for it.
        if (signals === 0 && seen.includes('restarted the latest scan')) {
          signals = 1;
          kill(signal);
        }
        // The run has taken the first signal and is about to write its files (held by the pipe): the second one.
        if (signals === 1 && seen.includes('cancelled; the scan goes on on the platform')) {
          signals = 2;
          kill(signal);
          reader = pipeReader(fifo);
        }
      },
    });
    if (run.signal !== null) reader?.stop();
    expect(signals, run.stderr).toBe(2);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(3);
    const json = JSON.parse((await reader?.text) ?? '') as { status: string; scanners: { error?: string }[] };
    expect(json.status).toBe('error');
    const scanner = json.scanners[0];
    expect(scanner?.error).toContain('cancelled; the scan goes on on the platform');
    expect(scanner?.error).toMatch(/Resume with: invicti-appsec wait --event-id [0-9a-f]{24}/);
    expect(run.stdout).toMatch(/^Resume and gate with: invicti-appsec wait --project demo-app --event-id [0-9a-f]{24}$/m);
  });
});
