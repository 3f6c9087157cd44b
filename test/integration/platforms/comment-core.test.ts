import { describe, expect, it } from 'vitest';
import { commentKey, hasMarker, markerLine, truncateBody, upsertComment, type CommentStore, type ExistingComment } from '../../../shared/platforms/comment.js';
import { noProxyMatches, proxyFor, proxySettingsFromEnv } from '../../../shared/proxy.js';

describe('commentKey and markers', () => {
  it('is stable whatever the order or repetition of scanners', () => {
    expect(commentKey('payments', ['trivy', 'semgrep', 'trivy'])).toBe(commentKey('payments', ['semgrep', 'trivy']));
    expect(commentKey('payments', ['semgrep', 'trivy'])).toBe('payments/semgrep,trivy');
    expect(commentKey('payments')).toBe('payments');
  });

  it('keeps user text from breaking out of either comment syntax, and keeps distinct names distinct', () => {
    for (const evil of ['x --> <img src=x>', 'a) [link](http://evil)', 'line\nbreak', 'ünïcode ✓']) {
      const id = commentKey(evil, ['s)-->']);
      for (const style of ['html', 'bitbucket'] as const) {
        const line = markerLine(id, style);
        expect(line.split('\n')).toHaveLength(1);
        const inner = style === 'html' ? line.slice(4, -3) : line.slice(8, -1);
        expect(inner).not.toMatch(/-->|[()<>\s]{2}|[)>\n]/);
      }
    }
    expect(commentKey('a b', [])).not.toBe(commentKey('a_b', []));
    expect(commentKey('a,b', ['c'])).not.toBe(commentKey('a', ['b', 'c']));
  });

  it('bounds very long names', () => {
    const id = commentKey('p'.repeat(1000), ['s'.repeat(500)]);
    expect(id.length).toBeLessThanOrEqual(200);
    expect(commentKey('p'.repeat(1000), ['t'])).not.toBe(commentKey('p'.repeat(999), ['t']));
  });

  it('renders both encodings and refuses ids that could escape them', () => {
    expect(markerLine('p/s', 'html')).toBe('<!-- invicti-appsec:v1 id=p/s -->');
    expect(markerLine('p/s', 'bitbucket')).toBe('[//]: # (invicti-appsec:v1 id=p/s)');
    expect(() => markerLine('x -->', 'html')).toThrow(/invalid comment marker id/);
    expect(() => markerLine('x)', 'bitbucket')).toThrow(/invalid comment marker id/);
  });

  it('finds the marker only on a line of its own, for this id only', () => {
    const id = commentKey('p', ['s']);
    expect(hasMarker(`hello\n${markerLine(id, 'html')}\r\n`, id)).toBe(true);
    expect(hasMarker(`${markerLine(id, 'bitbucket')}\nhello`, id)).toBe(true);
    expect(hasMarker(`> ${markerLine(id, 'html')}`, id)).toBe(false);
    expect(hasMarker(`see ${markerLine(id, 'html')} here`, id)).toBe(false);
    expect(hasMarker(markerLine(commentKey('p', ['s', 't']), 'html'), id)).toBe(false);
  });
});

describe('truncateBody', () => {
  const marker = markerLine('p/s', 'html');
  const note = '_truncated, see the summary_';

  it('returns a body that fits unchanged', () => {
    expect(truncateBody('short', 100, note)).toBe('short');
  });

  it('fits the limit, appends the note and keeps a trailing marker', () => {
    const body = `${'row of the table\n'.repeat(500)}${marker}`;
    const out = truncateBody(body, 1000, note);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContain(note);
    expect(hasMarker(out, 'p/s')).toBe(true);
    expect(out.split('\n').filter((l) => l === marker)).toHaveLength(1);
  });

  it('closes an open code fence and <details> so the note is not swallowed', () => {
    const body = `<details><summary>all</summary>\n\n\`\`\`\n${'code line\n'.repeat(300)}\`\`\`\n</details>`;
    const out = truncateBody(body, 500, note);
    expect(out.length).toBeLessThanOrEqual(500);
    const beforeNote = out.slice(0, out.indexOf(note));
    expect(beforeNote.match(/^```$/gm)).toHaveLength(2);
    expect(beforeNote).toContain('</details>');
  });

  it('never splits a surrogate pair', () => {
    const out = truncateBody('😀'.repeat(400), 301, 'n');
    expect(out.length).toBeLessThanOrEqual(301);
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});

describe('upsertComment over a store', () => {
  function memoryStore(me: string, seeded: ExistingComment[]): CommentStore & { writes: string[] } {
    const comments = [...seeded];
    const writes: string[] = [];
    return {
      writes,
      whoAmI: () => Promise.resolve({ id: me }),
      async *list() {
        await Promise.resolve();
        yield* comments;
      },
      create(body) {
        writes.push('create');
        comments.push({ id: String(comments.length + 1), body, authorId: me });
        return Promise.resolve({ id: String(comments.length) });
      },
      update(id, body) {
        writes.push(`update ${id}`);
        const c = comments.find((x) => x.id === id)!;
        c.body = body;
        return Promise.resolve({ id });
      },
    };
  }
  const id = commentKey('p', ['s']);
  const body = (t: string) => `${markerLine(id, 'html')}\n${t}`;

  it('refuses a body without its marker', async () => {
    await expect(upsertComment(memoryStore('1', []), { markerId: id, body: 'no marker', mode: 'update', maxChars: 100 })).rejects.toThrow(/marker/);
  });

  it('updates the most recent of several own comments (left by an earlier "new" mode)', async () => {
    const store = memoryStore('1', [
      { id: '1', body: body('a'), authorId: '1' },
      { id: '2', body: body('b'), authorId: '1' },
    ]);
    expect(await upsertComment(store, { markerId: id, body: body('c'), mode: 'update', maxChars: 1000 })).toMatchObject({ action: 'updated', id: '2' });
    expect(store.writes).toEqual(['update 2']);
  });

  it('treats line-ending and trailing-space differences as unchanged', async () => {
    const store = memoryStore('1', [{ id: '1', body: `${body('a').replace(/\n/g, '\r\n')}\n\n`, authorId: '1' }]);
    expect(await upsertComment(store, { markerId: id, body: body('a'), mode: 'update', maxChars: 1000 })).toMatchObject({ action: 'unchanged' });
    expect(store.writes).toEqual([]);
  });

  it('lets non-permission errors through', async () => {
    const store = memoryStore('1', []);
    store.whoAmI = () => Promise.reject(new Error('boom'));
    await expect(upsertComment(store, { markerId: id, body: body('a'), mode: 'update', maxChars: 1000 })).rejects.toThrow('boom');
  });
});

describe('proxy selection', () => {
  it.each([
    ['gitlab.example.com', 'gitlab.example.com', true],
    ['gitlab.example.com', 'example.com', true],
    ['gitlab.example.com', '.example.com', true],
    ['gitlab.example.com', '*.example.com', true],
    ['example.com', '.example.com', true],
    ['notexample.com', 'example.com', false],
    ['gitlab.example.com:8443', 'gitlab.example.com:8443', true],
    ['gitlab.example.com:443', 'gitlab.example.com:8443', false],
    ['anything.test', '*', true],
    ['gitlab.example.com', 'other.org, example.com', true],
    ['gitlab.example.com', '', false],
  ])('noProxyMatches(%s, %s) is %s', (host, noProxy, expected) => {
    expect(noProxyMatches(host, noProxy)).toBe(expected);
  });

  it('matches URLs with their default port, and never proxies loopback', () => {
    expect(noProxyMatches(new URL('https://gitlab.example.com/api/v4'), 'gitlab.example.com:443')).toBe(true);
    const settings = { httpsProxy: 'http://proxy:3128', httpProxy: 'http://proxy:8080', noProxy: 'internal.example' };
    expect(proxyFor('https://gitlab.com/api/v4', settings)).toBe('http://proxy:3128');
    expect(proxyFor('http://gitlab.local/api/v4', settings)).toBe('http://proxy:8080');
    expect(proxyFor('https://git.internal.example/api/v4', settings)).toBeUndefined();
    expect(proxyFor('http://127.0.0.1:9000/api/v4', settings)).toBeUndefined();
    expect(proxyFor('http://[::1]:9000/', settings)).toBeUndefined();
    expect(proxyFor('https://gitlab.com', undefined)).toBeUndefined();
  });

  it('reads proxy variables from an env object, lower-case first', () => {
    expect(proxySettingsFromEnv({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1', NO_PROXY: 'a.example', HTTP_PROXY: ' ' })).toEqual({
      httpsProxy: 'http://lower:1',
      noProxy: 'a.example',
    });
  });
});
