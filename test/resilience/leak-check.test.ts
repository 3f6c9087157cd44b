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
    // raw, three base64 alignments, and the HTML numeric-entity form (the others equal the raw token here)
    expect(leakForms(TOKEN)).toHaveLength(5);
  });

  it('finds URL-encoded, HTML-entity and JSON-escaped forms, and the start of a form left at a cut', () => {
    const token = 'leak+check/token=5Qx!9';
    const leaksOf = (text: string): boolean => {
      const captured = new Captured();
      captured.add('text', text);
      try {
        captured.expectNoLeak([token]);
        return false;
      } catch {
        return true;
      }
    };
    expect(leaksOf(`q=${encodeURIComponent(token)}`)).toBe(true);
    expect(leaksOf(`q=${new URLSearchParams({ t: token }).toString()}`)).toBe(true);
    expect(leaksOf(`<p>${token.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)).toBe(true);
    expect(leaksOf(`{"t":"${token.replace(/\//g, '\\/')}"}`)).toBe(true);
    expect(leaksOf(`error text cut here ${token.slice(0, 13)}…`)).toBe(true);
  });
});
