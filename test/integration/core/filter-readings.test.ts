/**
 * Whether the platform reads an empty `meta_data=` / `environment=` filter as "empty" or "any" is not documented.
 * The product's rescan and configuration lookups must pick the same scan under both readings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { creatableScenario, defaultScenario, startEmulator, type Emulator, type Scenario } from '../../emulator/index.js';
import { runCore } from '../../helpers/core-run.js';

const READINGS = ['empty', 'any'] as const;

function scenario(base: Scenario, emptyFilter: (typeof READINGS)[number]): Scenario {
  return {
    ...base,
    emptyFilter,
    // Newer than the plain baseline (120 min old): an "any" reading lists these first.
    baselineScans: [
      ...(base.baselineScans ?? []),
      { project: 'demo-app', tool: 'codethreat', branch: 'main', metaData: 'nightly', ageMinutes: 30 },
      { project: 'demo-app', tool: 'codethreat', branch: 'main', environment: 'staging', ageMinutes: 20 },
    ],
    scanparams: [...(base.scanparams ?? []), { project: 'demo-app', tool: 'codethreat', branch: 'develop', metaData: 'other-team' }],
  };
}

describe.each(READINGS)('lookups under the "%s" reading of an empty filter', (reading) => {
  let emu: Emulator;
  afterEach(() => emu.close());

  /** The id of the finished codethreat scan on main with exactly this meta data and environment. */
  const scanWith = (metaData: string, environment: string): string =>
    emu.store.scans.find((s) => s.config.branch === 'main' && s.config.metaData === metaData && s.config.environment === environment && emu.store.scanner(s.config.toolId)?.slug === 'codethreat')!.id;
  const restarted = (): string | undefined => emu.requests().find((r) => /\/scans\/[0-9a-f]{24}\/restart$/.test(r.apiPath))?.apiPath.split('/')[4];

  it('re-runs the scan without meta data or environment when none is set, and the one named when set', async () => {
    emu = await startEmulator({ timeScale: 50, scenario: scenario(defaultScenario, reading) });
    const plain = await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'main', 'release-criteria': 'off' });
    expect(plain.result.scanners[0]?.mode).toBe('rescan');
    expect(restarted()).toBe(scanWith('', ''));
    emu.reset();
    emu.clearRequests();
    await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'main', 'meta-data': 'nightly', 'release-criteria': 'off' });
    expect(restarted()).toBe(scanWith('nightly', ''));
    emu.reset();
    emu.clearRequests();
    await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'main', environment: 'staging', 'release-criteria': 'off' });
    expect(restarted()).toBe(scanWith('', 'staging'));
  });

  it('does not start another team\'s saved configuration (other meta data) on the branch', async () => {
    emu = await startEmulator({ timeScale: 50, scenario: scenario(creatableScenario, reading) });
    const theirs = emu.store.scanparams.find((sp) => sp.branch === 'develop')!.id;
    const { result } = await runCore(emu, { project: 'demo-app', scanner: 'codethreat', branch: 'develop', 'release-criteria': 'off' });
    expect(result.scanners[0]?.mode).toBe('create');
    const created = emu.requests().find((r) => r.apiPath.endsWith('/scans/create'))?.body as { scanparams_id?: string };
    expect(created.scanparams_id).toBeDefined();
    expect(created.scanparams_id).not.toBe(theirs);
  });
});
