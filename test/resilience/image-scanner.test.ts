/**
 * `image` with a scanner that is not a container scanner stops the built CLI with exit 2 before any scan starts:
 * a scanner whose type is known by its slug (codethreat is SAST, saltsecurity DAST) before any request at all,
 * naming both settings; any other scanner once `scanners/active` has told its type. Before, the image scan was
 * sent and the platform's 400 came back as exit 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultScenario, startEmulator, type Emulator } from '../emulator/index.js';
import { baseEnv, runBundle } from '../helpers/spawn.js';
import { STACK_FRAME } from './support.js';

const TOKEN = 'resilience-image-token-3c9d';
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({
    token: TOKEN,
    timeScale: 50,
    scenario: {
      ...defaultScenario,
      scanners: [
        ...(defaultScenario.scanners ?? []),
        // Slugs the product cannot know: only the platform tells their type.
        { slug: 'acme-dast', type: 'dast', labels: ['kdt'] },
        { slug: 'acme-images', type: 'sca', labels: ['kdt', 'container'] },
      ],
    },
  });
});
afterAll(() => emu.close());

const run = (scanner: string, extra: string[] = []) =>
  runBundle('dist/cli/index.js', ['scan', '-p', 'demo-app', '-s', scanner, '-b', 'main', '--image', 'registry.example.test/app:1.2', ...extra], {
    env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: TOKEN }),
  });
/** Calls that start work on the platform. */
const STARTS = /\/scans\/(image|create|import)$|\/restart(_with_option)?$|\/scanparams$/;

describe('image with a non-container scanner', () => {
  it.each(['codethreat', 'saltsecurity'])('a known non-container scanner (%s): exit 2 naming --image and --scanner, zero requests', async (scanner) => {
    const since = emu.nextRequestIndex();
    const result = await run(scanner);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('--image');
    expect(result.stderr).toContain(`--scanner (INVICTI_SCANNER) "${scanner}"`);
    expect(result.stderr).toMatch(/needs a container scanner/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(emu.requests(since)).toEqual([]);
  });

  it('a scanner only the platform knows: exit 2 once scanners/active says DAST, before any start call', async () => {
    const since = emu.nextRequestIndex();
    const result = await run('acme-dast');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('scanner "acme-dast" is a DAST scanner');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const requests = emu.requests(since);
    expect(requests.some((r) => r.apiPath.endsWith('/scanners/active'))).toBe(true);
    expect(requests.filter((r) => r.method === 'POST' || STARTS.test(r.apiPath))).toEqual([]);
  });

  it.each(['trivy', 'acme-images'])('a container scanner (%s: type CS, or labelled container) starts the image scan', async (scanner) => {
    const since = emu.nextRequestIndex();
    const result = await run(scanner, ['--async']);
    expect(result.code, result.stderr).toBe(0);
    expect(emu.requests(since).filter((r) => r.apiPath.endsWith('/scans/image')).map((r) => r.status)).toEqual([201]);
  });
});
