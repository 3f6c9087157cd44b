/**
 * The action's toolkit loads `@actions/core` late (after the first platform request is on its way): calls made
 * before are queued and replayed in their order, so masks still come before any line that could hold a secret.
 */
import { describe, expect, it } from 'vitest';
import type * as CoreModule from '@actions/core';
import { coreToolkit } from '../../../actions/github/toolkit.js';

function recordingCore(): { core: typeof CoreModule; calls: string[] } {
  const calls: string[] = [];
  const core = {
    setSecret: (v: string) => calls.push(`add-mask ${v}`),
    setOutput: (n: string, v: string) => calls.push(`output ${n}=${v}`),
    debug: (m: string) => calls.push(`debug ${m}`),
    info: (m: string) => calls.push(`info ${m}`),
    notice: (m: string) => calls.push(`notice ${m}`),
    warning: (m: string) => calls.push(`warning ${m}`),
    error: (m: string, p?: { title?: string }) => calls.push(`error ${m}${p?.title ? ` (${p.title})` : ''}`),
    summary: { addRaw: (md: string) => ({ write: () => Promise.resolve(void calls.push(`summary ${md}`)) }) },
  };
  return { core: core as unknown as typeof CoreModule, calls };
}

describe('the deferred toolkit', () => {
  it('queues calls until @actions/core is loaded, replays them in order, then passes calls straight through', async () => {
    const { core, calls } = recordingCore();
    let imports = 0;
    const kit = coreToolkit({}, () => {
      imports += 1;
      return Promise.resolve(core);
    });
    kit.setSecret('s3cret');
    kit.info('starting');
    kit.error('bad', { title: 'T' });
    expect(calls).toEqual([]);
    expect(imports).toBe(0);
    await Promise.all([kit.load(), kit.load()]);
    expect(imports).toBe(1);
    expect(calls).toEqual(['add-mask s3cret', 'info starting', 'error bad (T)']);
    kit.setOutput('status', 'passed');
    expect(calls.at(-1)).toBe('output status=passed');
  });

  it('the job summary loads the module itself, after what was queued; without the summary file it loads nothing', async () => {
    const { core, calls } = recordingCore();
    let imports = 0;
    const load = (): Promise<typeof CoreModule> => {
      imports += 1;
      return Promise.resolve(core);
    };
    expect(await coreToolkit({}, load).appendSummary('# none')).toBe(false);
    expect(imports).toBe(0);
    const kit = coreToolkit({ GITHUB_STEP_SUMMARY: 'summary.md' }, load);
    kit.warning('queued');
    expect(await kit.appendSummary('# run')).toBe(true);
    expect(calls).toEqual(['warning queued', 'summary # run']);
  });
});
