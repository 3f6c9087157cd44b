/**
 * The default scenario with one scanner changed: a run of several scanners where one of them fails on the
 * platform or outlives the run's timeout while the others finish, as happens on a real tenant.
 */
import { defaultScenario, type Scenario } from '../emulator/index.js';

type ScannerSpec = NonNullable<Scenario['scanners']>[number];

export function withScanner(slug: string, patch: Partial<ScannerSpec>, base: Scenario = defaultScenario): Scenario {
  return { ...base, scanners: base.scanners?.map((s) => (s.slug === slug ? { ...s, ...patch } : s)) };
}

/** `slug`'s scans end in failure on the platform (event `active=-1`) on every branch. */
export const failingScanner = (slug: string, message = 'repository clone failed'): Scenario => withScanner(slug, { failure: { message, branches: ['*'] } });

/** `slug`'s scans last an hour of platform time: surely longer than any test's timeout. */
export const endlessScanner = (slug: string): Scenario => withScanner(slug, { durationMs: 3_600_000 });
