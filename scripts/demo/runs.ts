/** The demo's runs: one per packaging, each started as its CI starts it. */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Emulator } from '../../test/emulator/index.js';

export interface DemoContext {
  root: string;
  outDir: string;
  emulator: Emulator;
  token: string;
}

export interface DemoRun {
  id: string;
  name: string;
  run(ctx: DemoContext): Promise<{ ok: boolean; why: string }>;
}

/** Runs a bundle with a literal environment; its output is shown as it comes. */
export function runNode(bundle: string, args: readonly string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

const cliRun: DemoRun = {
  id: 'cli',
  name: 'CLI (invicti-appsec scan)',
  async run(ctx) {
    const json = path.join(ctx.outDir, 'result.json');
    const code = await runNode(
      path.join(ctx.root, 'dist/cli/index.js'),
      ['scan', '--project', 'demo-app', '--scanner', 'codethreat,saltsecurity', '--branch', 'main', '--threshold-critical', '0',
        '--output-json', json, '--sarif', path.join(ctx.outDir, 'results.sarif'), '--summary-markdown', path.join(ctx.outDir, 'summary.md')],
      { INVICTI_ASPM_HOST: ctx.emulator.url, INVICTI_ASPM_TOKEN: ctx.token },
      ctx.root,
    );
    const result = JSON.parse(await readFile(json, 'utf8')) as { status: string; scanners: { scanner: string; counts: { critical: number } }[] };
    const critical = result.scanners.find((s) => s.scanner === 'codethreat')?.counts.critical ?? 0;
    const ok = code === 1 && result.status === 'failed' && critical > 0 && result.scanners.length === 2;
    return { ok, why: `exit ${code}, status ${result.status}, ${critical} critical in codethreat (expected: exit 1, failed gate)` };
  },
};

export const DEMO_RUNS: readonly DemoRun[] = [cliRun];
