/** Command-line flags of `npm run emulator`; every problem becomes one readable line. */
import { creatableScenario } from './scenario/default.js';
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE =
  'usage: npm run emulator -- [--port <n>] [--token <t>] [--scenario <file.json|yaml>|creatable] [--mode core|legacy|both] [--time-scale <n>]';

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
