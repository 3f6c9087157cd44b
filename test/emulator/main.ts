/** CLI entry: `npm run emulator -- --port <n> --token <t> [--scenario f] [--mode m] [--time-scale n]`. */
import { helpText, parseCliArgs, UsageError } from './cli-args.js';
import { startEmulator } from './emulator.js';
import { ScenarioError } from './scenario/parse.js';

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const emulator = await startEmulator(options);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().finally(() => process.exit(0));
  };
  // Before the first line: whoever waits for that line may signal at once, and a signal with no listener yet
  // kills the process instead of closing the emulator.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`Invicti ASPM emulator listening on ${emulator.url} (mode ${emulator.mode})\n`);
  if (options.token === undefined) process.stdout.write(`token: ${emulator.token}\n`);
}

main().catch((err: unknown) => {
  const known = err instanceof UsageError || err instanceof ScenarioError;
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  const hint = err instanceof UsageError ? ' (see --help)' : '';
  // One line, no stack: the message names the flag, the scenario field or the system error.
  process.stderr.write(`emulator: ${known || code !== undefined ? message : `failed to start: ${message}`}${hint}\n`);
  process.exit(2);
});
