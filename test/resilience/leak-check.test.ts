/** The leak check the other resilience tests rely on: it must see a token however it is encoded, and only then. */
import { describe, expect, it } from 'vitest';
import { Captured, leakForms } from './support.js';

const TOKEN = 'leak-check-token-5Qx9';

function leaks(...texts: string[]): boolean {
  const captured = new Captured();
  captured.add('text', ...texts);
  try {
    captured.expectNoLeak([TOKEN]);
    return false;
  } catch {
    return true;
  }
}

describe('the token-leak check', () => {
  it('finds the token as is and base64-encoded at every offset inside longer text', () => {
    expect(leaks(`log line ${TOKEN} end`)).toBe(true);
    for (const prefix of ['', 'u', 'us', 'user:']) {
      const header = `Authorization: Basic ${Buffer.from(`${prefix}${TOKEN}:x`).toString('base64')}`;
      expect(leaks(header), prefix).toBe(true);
    }
  });

  it('passes text without it, and masked text', () => {
    expect(leaks('nothing here', Buffer.from('other-secret-value').toString('base64'), TOKEN.replace(/./g, '*'))).toBe(false);
    expect(leakForms(TOKEN)).toHaveLength(4);
  });
});
