/**
 * The default scenario with scans that last an hour of platform time: a test of timeouts, cancellation or
 * signals gets a scan that surely outlives it, so the only race left is the one the test means (no scan that
 * happens to finish first on a slow machine).
 */
import { defaultScenario, type Scenario } from '../emulator/index.js';

export const endlessScenario: Scenario = { ...defaultScenario, scanners: defaultScenario.scanners?.map((s) => ({ ...s, durationMs: 3_600_000 })) };
