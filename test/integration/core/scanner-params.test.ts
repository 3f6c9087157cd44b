/**
 * A scanner that declares a required parameter (not optional, no default value): the product passes no scanner
 * parameters, so with nothing to re-run it stops with a configuration error naming the parameter and the setup
 * steps, before it creates a configuration, whichever way the platform reads a configuration without it (the
 * emulator's `requiredParams: refuse`, or `ignore`). A saved configuration (made in the UI, with the parameter)
 * is used as it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import { creatableScenario, startEmulator, type Emulator, type Scenario } from '../../emulator/index.js';
import { runCore } from '../../helpers/core-run.js';

const scenario = (requiredParams: 'refuse' | 'ignore', saved: boolean): Scenario => ({
  ...creatableScenario,
  requiredParams,
  scanners: [
    ...(creatableScenario.scanners ?? []),
    {
      slug: 'sonatypenl',
      displayName: 'Sonatype Nexus Lifecycle',
      type: 'sca',
      labels: ['kdt'],
      customType: 7,
      params: {
        public_id: { description: 'Application public id', optional: false, type: 'string' },
        report_id: { description: 'Report id', optional: true, type: 'string' },
        stage: { description: 'Stage', optional: false, default_value: 'build', type: 'string' },
      },
      findings: { default: [{ name: 'CVE-2024-0001', severity: 'low', path: 'pom.xml' }] },
    },
  ],
  scanparams: [
    ...(creatableScenario.scanparams ?? []),
    ...(saved ? [{ project: 'demo-app', tool: 'sonatypenl', branch: 'main', custom: { type: 7, params: { public_id: 'app-1' } } }] : []),
  ],
});

describe.each(['refuse', 'ignore'] as const)('a scanner with a required parameter (emulator requiredParams: %s)', (reading) => {
  let emu: Emulator;
  afterEach(() => emu.close());
  const settings = { project: 'demo-app', scanner: 'sonatypenl', branch: 'main', 'release-criteria': 'off' };

  it('nothing to re-run: a configuration error naming the parameter and the setup steps, and no configuration or scan created', async () => {
    emu = await startEmulator({ timeScale: 50, scenario: scenario(reading, false) });
    const run = runCore(emu, settings);
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    const err = (await run.catch((e: unknown) => e)) as ConfigError;
    expect(err.message).toContain('public_id (Application public id)');
    expect(err.message).not.toContain('report_id');
    expect(err.message).not.toContain('stage');
    expect(err.message).toContain('Settings > Scanners, choose SCA > Sonatype Nexus Lifecycle');
    expect(emu.requests().filter((r) => r.method === 'POST' || /\/restart/.test(r.apiPath))).toEqual([]);
    expect(emu.state().startedEvents).toHaveLength(0);
  });

  it('a saved configuration with the parameter: started from it, with its parameters', async () => {
    emu = await startEmulator({ timeScale: 50, scenario: scenario(reading, true) });
    const { result } = await runCore(emu, settings);
    expect(result.scanners[0]).toMatchObject({ mode: 'create', status: 'passed' });
    expect(emu.requests().filter((r) => r.apiPath.endsWith('/scanparams') && r.method === 'POST')).toEqual([]);
    expect(emu.store.scans.find((s) => emu.store.scanner(s.config.toolId)?.slug === 'sonatypenl')?.config.custom.params).toEqual({ public_id: 'app-1' });
  });
});
