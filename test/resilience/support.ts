/**
 * Shared pieces of the resilience suite: a seeded PRNG, the CLI run in process on a sped-up clock shared with
 * the emulator, and the token-leak check every file applies to everything it captured.
 */
import { expect } from 'vitest';
import { runCli } from '../../shared/cli/run-cli.js';
import type { Clock, Random } from '../../shared/ports.js';

/** mulberry32: small, fast, good enough to draw test cases; the same seed draws the same cases. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed from RESILIENCE_SEED, else a fresh one (printed by the tests that use it, so a failure can be replayed). */
export function suiteSeed(): number {
  const given = process.env.RESILIENCE_SEED;
  return given !== undefined && given !== '' ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}

/**
 * One sped-up time line for the emulator (`startEmulator({ now })`) and the client (`clock`), the benchmarks'
 * own: scans, polls, backoffs, Retry-After and deadlines all shrink alike, so a run of minutes of platform time
 * takes a blink and reaches the decision a real-time run would. Request timeouts stay in wall time.
 */
export { virtualTime } from '../../bench/virtual-clock.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files the run wrote, by path (kept in memory). */
  files: Map<string, string>;
  /** Wall milliseconds the run took. */
  wallMs: number;
}

/** `invicti-appsec <argv>` in process, exactly as the bundle's entry wires it, but with our clock and files. */
export async function cliInProcess(argv: readonly string[], env: Record<string, string>, options: { clock?: Clock; random?: Random; signal?: AbortSignal } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
  const started = performance.now();
  const code = await runCli({
    argv,
    env,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    writeFile: (path, text) => {
      files.set(path, text);
      return Promise.resolve();
    },
    gitBranch: () => undefined,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr, files, wallMs: performance.now() - started };
}

/**
 * The forms a token could leak in: as is; base64-encoded at each of the three alignments it can have inside a
 * longer base64 text (a basic-auth header, a data URL), keeping only the characters that depend on it alone;
 * URL- and form-encoded; as HTML entities; JSON-escaped. Written out here, independently of the redactor.
 */
export function leakForms(secret: string): string[] {
  const forms = [secret];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.from(`${'\0'.repeat(offset)}${secret}`).toString('base64');
    const lead = Math.ceil((offset * 4) / 3);
    const core = encoded.slice(lead, encoded.length - 4);
    if (core.length >= 8) forms.push(core);
  }
  forms.push(encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2));
  forms.push(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
  forms.push(secret.replace(/[^A-Za-z0-9]/gu, (c) => `&#${c.codePointAt(0)};`));
  forms.push(JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'));
  return [...new Set(forms)].filter((f) => f !== '');
}

/** The 13-character starts of each form: what a cut at a length limit could leave of it. */
export function leakPrefixes(secret: string): string[] {
  return leakForms(secret)
    .filter((f) => f.length > 13)
    .map((f) => f.slice(0, 13));
}

/** Collects everything a test file captured; `expectNoLeak` scans it for every form of every secret. */
export class Captured {
  private readonly texts: { where: string; text: string }[] = [];

  add(where: string, ...texts: readonly (string | undefined)[]): void {
    for (const text of texts) if (text !== undefined && text !== '') this.texts.push({ where, text });
  }

  addRun(where: string, run: CliRun): void {
    this.add(`${where} stdout`, run.stdout);
    this.add(`${where} stderr`, run.stderr);
    for (const [path, text] of run.files) this.add(`${where} file ${path}`, text);
  }

  get size(): number {
    return this.texts.length;
  }

  expectNoLeak(secrets: readonly string[]): void {
    const hits: string[] = [];
    for (const secret of secrets) {
      for (const form of leakForms(secret)) {
        for (const { where, text } of this.texts) if (text.includes(form)) hits.push(`${where}: ${form === secret ? 'the token' : `an encoded form of the token (${form.slice(0, 4)}…)`}`);
      }
      for (const piece of leakPrefixes(secret)) {
        for (const { where, text } of this.texts) if (text.includes(piece)) hits.push(`${where}: the first 13 characters of a form of the token`);
      }
    }
    expect(hits, 'secrets found in captured output').toEqual([]);
  }
}

/** A JavaScript stack frame (`    at fn (file:1:2)`) anywhere in the text. */
export const STACK_FRAME = /\n\s+at .+:\d+:\d+/;
