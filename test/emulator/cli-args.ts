/** Command-line flags of `npm run emulator`; every problem becomes one readable line. */
import { parseArgs } from 'node:util';
import { requiresBind, scansImages } from './routes/common.js';
import { creatableScenario, defaultScenario } from './scenario/default.js';
import type { EmulatorOptions } from './emulator.js';
import type { Scenario } from './scenario/schema.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: npm run emulator -- [--port <n>] [--token <t>] [--scenario <file.json|yaml>|creatable] [--mode core|legacy|both] [--time-scale <n>]';

/** How a scanner of a scenario gets its scans from CI, by the routes' own rules (`bind` = rescan-only, as kdt reads it). */
function scannerUse(scanner: { slug: string; type: string; labels: readonly string[] }): string {
  if (requiresBind(scanner)) return 'bound to an integration on the platform: rescan-only (CI re-runs its saved scan, cannot create one)';
  const ways = ['scan'];
  if (scanner.labels.includes('import')) ways.push('import');
  if (scansImages(scanner)) ways.push('image');
  return ways.join(', ');
}

/** The rows of a scenario: its projects (with release criteria) and scanners, generated so the help cannot drift. */
function scenarioLines(scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const project of scenario.projects ?? []) {
    const rules = Object.entries(project.release?.rules ?? {}).map(([type, rule]) =>
      typeof rule === 'string' ? `${type} ${rule}` : `${type} fails on ${Object.entries(rule.failWhen).map(([k, n]) => `${k} > ${String(n)}`).join(' or ')}`,
    );
    lines.push(`    ${project.name}: default branch ${project.defaultBranch ?? 'main'}; release criteria: ${rules.length > 0 ? rules.join(', ') : 'none'}`);
  }
  const scanners = scenario.scanners ?? [];
  const width = Math.max(0, ...scanners.map((s) => s.slug.length)) + 2;
  const rows = scanners.map((s) => `    ${s.slug.padEnd(width)}${s.type.padEnd(6)}${scannerUse({ slug: s.slug, type: s.type, labels: s.labels ?? [] })}`);
  const baselines = (scenario.baselineScans ?? []).map((b) => `${b.tool} on ${b.project}/${b.branch}`);
  return [
    '  Projects:',
    ...lines,
    '  Scanners:',
    ...rows,
    ...(baselines.length > 0 ? [`  Finished scans at start: ${baselines.join(', ')}.`] : []),
  ];
}

/** `npm run emulator -- --help`: options, defaults and the scenario served when none is given. */
export function helpText(): string {
  return [
    USAGE,
    '',
    'A local Invicti ASPM platform (REST API v2) on 127.0.0.1, for the tests, the demo and trying the integrations.',
    '',
    'Options:',
    '  --port <n>                 Port on 127.0.0.1 (default 0: a free port; the first line printed names the URL).',
    '  --token <t>                The API token it accepts (default: a random one, printed on the second line).',
    '  --scenario <file>          Projects, scanners, findings and release criteria from a JSON or YAML file',
    '                             (default: the built-in scenario below; format in test/emulator/README.md).',
    '  --scenario creatable       The built-in scenario with codethreat and saltsecurity creatable from CI (no bind).',
    '  --mode <core|legacy|both>  Which API family it serves: core (/api/aspm/v1/..., X-Auth), legacy (/api/v2/...,',
    '                             X-Cookie) or both (default both).',
    '  --time-scale <n>           Run scan time n times faster (default 1: each scan takes its scenario duration).',
    '  -h, --help                 This help.',
    '',
    `Default scenario: ${defaultScenario.description ?? ''}.`,
    ...scenarioLines(defaultScenario),
    '',
    'Stop it with Ctrl-C (exit 0). A bad flag or scenario prints one line and exits 2.',
  ].join('\n');
}

export function parseCliArgs(argv: string[]): EmulatorOptions & { help: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        token: { type: 'string' },
        scenario: { type: 'string' },
        mode: { type: 'string' },
        'time-scale': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'bad arguments');
  }
  const out: EmulatorOptions & { help: boolean } = { help: values.help === true };
  const port = values.port;
  if (typeof port === 'string') {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${port}"`);
    out.port = n;
  }
  if (typeof values.token === 'string') {
    if (values.token.trim() === '') throw new UsageError('--token must not be empty');
    out.token = values.token;
  }
  const mode = values.mode;
  if (typeof mode === 'string') {
    if (mode !== 'core' && mode !== 'legacy' && mode !== 'both') throw new UsageError(`--mode must be core, legacy or both, got "${mode}"`);
    out.mode = mode;
  }
  const scale = values['time-scale'];
  if (typeof scale === 'string') {
    const n = Number(scale);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--time-scale must be a positive number, got "${scale}"`);
    out.timeScale = n;
  }
  // `creatable` names the built-in scenario whose CodeThreat and Salt Security are not bound; anything else is a file.
  if (typeof values.scenario === 'string') out.scenario = values.scenario === 'creatable' ? creatableScenario : values.scenario;
  return out;
}
