/**
 * A hostile error body that echoes the token in every spelling (raw, base64, URL- and form-encoded, HTML
 * entities, JSON-escaped) and places it where the error text is cut to a length: nothing the run prints or
 * writes may keep any form of it, nor the start of a form left at the cut. The token has `+ / = !` in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../shared/errors.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { Captured, cliInProcess, leakForms, virtualTime } from './support.js';

const TOKEN = 'leak+Probe/tok=en!7Qz-91xW';
const time = virtualTime(50);
const captured = new Captured();
let emu: Emulator;

/** An error text of exactly `length` characters whose last 13 are the token's first 13. */
function cutAt(length: number, lead: string): string {
  return `${lead}${'x'.repeat(length - lead.length - 13)}${TOKEN.slice(0, 13)}${TOKEN.slice(13)}`;
}

function echoBody(): string {
  const forms = leakForms(TOKEN).join(' | ');
  return `access denied for ${forms} | ${TOKEN.replace(/\//g, '\\/')}`;
}

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, now: time.now });
});
afterAll(async () => {
  await emu.close();
  captured.expectNoLeak([TOKEN]);
});

describe('a platform error body echoing the token in every form', () => {
  it.each([
    ['a JSON error field cut at 500 characters', 500, (text: string) => ({ error: text })],
    ['a plain-text body cut at 200 characters', 200, (text: string) => text],
  ])('%s: stdout, stderr, --output-json, --summary-markdown and --sarif keep none of it', async (_what, cut, shape) => {
    emu.reset();
    const text = cutAt(cut, echoBody().slice(0, cut - 40));
    emu.addFault({ path: '/events/[0-9a-f]{24}/status', count: 0, fault: { type: 'status', status: 500, body: shape(`${text}${echoBody()}`) } });
    const run = await cliInProcess(
      ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--verbose', '--output-json', 'r.json', '--summary-markdown', 's.md', '--sarif', 'r.sarif'],
      { INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN },
      { clock: time.clock },
    );
    captured.addRun(`cut at ${cut}`, run);
    expect(run.code).toBe(3);
    expect(run.files.get('r.json')).toContain('"status": "error"');
    expect(run.files.get('s.md')).toBeDefined();
    // The error is still reported, with the secret masked.
    expect(run.stderr).toContain('***');
  });
});

describe('redact', () => {
  const secret = 'pässwörd+/=!Ω-ünïcode';
  it.each(leakForms(secret).map((f) => [f] as const))('masks the form %s', (form) => {
    expect(redact(`before ${form} after`, [secret])).toBe('before *** after');
  });

  it('masks an 8+ character start of a form left at the end or before an ellipsis, but not shorter pieces', () => {
    expect(redact(`cut here: ${secret.slice(0, 9)}`, [secret])).toBe('cut here: ***');
    expect(redact(`cut here: ${encodeURIComponent(secret).slice(0, 12)}… more`, [secret])).toBe('cut here: ***… more');
    expect(redact(`short: ${secret.slice(0, 5)}`, [secret])).toBe(`short: ${secret.slice(0, 5)}`);
  });
});
