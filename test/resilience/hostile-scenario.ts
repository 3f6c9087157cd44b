/**
 * A platform whose scanners report hostile findings: markdown, HTML, script links, @mentions, control and
 * right-to-left characters, table breakers, and names and paths of about 1 MB. The default project and scanners
 * stay as they are; two more scanners (one SAST, one DAST) with a finished scan on main carry the hostile text.
 */
import { defaultScenario, type Scenario, type ScenarioFinding } from '../emulator/index.js';
import { HOSTILE, HUGE } from '../unit/render/fixtures.js';

export const HOSTILE_SAST = 'hostile-sast';
export const HOSTILE_DAST = 'hostile-dast';

const SAST_FINDINGS: ScenarioFinding[] = [
  { name: HOSTILE, severity: 'critical', cwe: 89, cweName: HOSTILE, path: `src/${HOSTILE}.ts`, line: 3 },
  { name: HUGE, severity: 'high', path: HUGE, line: 1, cweName: HUGE },
  { name: '@octocat @org/team please look', severity: 'medium', path: '[x](javascript:alert(1))', line: 2 },
  { name: 'Windows path', severity: 'low', path: 'C:\\repo\\src\\a b.ts', line: 7 },
];

const DAST_FINDINGS: ScenarioFinding[] = [
  { name: HOSTILE, severity: 'high', path: 'javascript:alert(1)', method: 'GET<script>', parameter: 'q"><svg onload=alert(1)>' },
  { name: HOSTILE, severity: 'medium', path: `https://app.example.com/a|b/<x>?q=${HOSTILE}`, method: HOSTILE, parameter: HOSTILE },
  { name: `\u202Eyrros\u202C ${HUGE}`, severity: 'low', path: `https://app.example.com/${HUGE}`, method: 'GET', parameter: HUGE },
];

export function hostileScenario(): Scenario {
  const base = defaultScenario;
  return {
    ...base,
    scanners: [
      ...(base.scanners ?? []),
      { slug: HOSTILE_SAST, type: 'sast', labels: ['kdt'], durationMs: 3000, findings: { default: SAST_FINDINGS } },
      { slug: HOSTILE_DAST, type: 'dast', labels: ['kdt'], durationMs: 3000, findings: { default: DAST_FINDINGS } },
    ],
    scanparams: [
      ...(base.scanparams ?? []),
      { project: 'demo-app', tool: HOSTILE_SAST, branch: 'main' },
      { project: 'demo-app', tool: HOSTILE_DAST, branch: 'main' },
    ],
    baselineScans: [
      ...(base.baselineScans ?? []),
      { project: 'demo-app', tool: HOSTILE_SAST, branch: 'main', ageMinutes: 60 },
      { project: 'demo-app', tool: HOSTILE_DAST, branch: 'main', ageMinutes: 60 },
    ],
  };
}
