import { describe, expect, it } from 'vitest';
import { touches } from '../../../shared/diff/change-set.js';
import { addHunks, parseUnifiedDiff } from '../../../shared/diff/unified-diff.js';

const GIT_DIFF = [
  'diff --git a/src/jobs/convert.ts b/src/jobs/convert.ts',
  'index 1111111..2222222 100644',
  '--- a/src/jobs/convert.ts',
  '+++ b/src/jobs/convert.ts',
  '@@ -27 +27 @@ export function convert(input: string) {',
  '-  exec(input);',
  '+  execFile("convert", [input]);',
  '@@ -40,2 +40,0 @@',
  '-// old',
  '-// older',
  'diff --git a/src/new.ts b/src/new.ts',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/src/new.ts',
  '@@ -0,0 +1,3 @@',
  '+a',
  '+',
  '+c',
  'diff --git a/src/gone.ts b/src/gone.ts',
  'deleted file mode 100644',
  '--- a/src/gone.ts',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-x',
  '-y',
  'diff --git a/img/logo.png b/img/logo.png',
  'Binary files a/img/logo.png and b/img/logo.png differ',
  '',
].join('\n');

describe('parseUnifiedDiff', () => {
  const changes = parseUnifiedDiff(GIT_DIFF, 'test');

  it('keeps the new-side ranges of each file, marks deletions beside their place, and drops removed files', () => {
    expect([...changes.files.keys()].sort()).toEqual(['img/logo.png', 'src/jobs/convert.ts', 'src/new.ts']);
    expect(changes.files.get('src/jobs/convert.ts')).toEqual({ ranges: [[27, 27], [39, 40]], whole: false });
    expect(changes.files.get('src/new.ts')).toEqual({ ranges: [[1, 3]], whole: false });
    expect(changes.files.get('img/logo.png')).toEqual({ ranges: [], whole: true });
  });

  it('matches findings by line with a small context window, or by file', () => {
    expect(touches(changes, 'lines', 'src/jobs/convert.ts', 27)).toBe(true);
    expect(touches(changes, 'lines', './src/jobs/convert.ts', 30)).toBe(true);
    expect(touches(changes, 'lines', 'src/jobs/convert.ts', 31)).toBe(false);
    expect(touches(changes, 'files', 'src/jobs/convert.ts', 5)).toBe(true);
    expect(touches(changes, 'lines', '/home/runner/work/app/app/src/new.ts', 2)).toBe(true);
    expect(touches(changes, 'lines', 'img/logo.png', 900)).toBe(true);
    expect(touches(changes, 'files', 'src/gone.ts', 1)).toBe(false);
    expect(touches(changes, 'files', 'other/src/jobs/convert.ts.bak', 1)).toBe(false);
  });
});

describe('addHunks', () => {
  it('reads a GitHub patch with context lines, including a context line whose space was stripped', () => {
    const file = { ranges: [] as (readonly [number, number])[], whole: false };
    addHunks(file, ['@@ -10,4 +10,5 @@ fn', ' a', '', '+b', ' c', ' d', '\\ No newline at end of file'].join('\n'));
    expect(file.ranges).toEqual([[12, 12]]);
  });

  it('handles thousands of files quickly enough to be linear', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5_000; i += 1) parts.push(`diff --git a/f${i}.ts b/f${i}.ts`, `--- a/f${i}.ts`, `+++ b/f${i}.ts`, '@@ -1 +1,2 @@', '-x', '+y', '+z');
    const big = parseUnifiedDiff(parts.join('\n'), 'big');
    expect(big.files.size).toBe(5_000);
    expect(big.files.get('f4999.ts')).toEqual({ ranges: [[1, 2]], whole: false });
  });
});
