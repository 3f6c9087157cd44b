import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { startRequests } from '../../helpers/core-run.js';
import { schemaPath } from '../../helpers/paths.js';
import { baseEnv, runBundle, type Spawned } from '../../helpers/spawn.js';
import { endlessScenario } from '../../helpers/endless-scenario.js';

const CLI = 'dist/cli/index.js';
const TOKEN = 'cli-test-token-8d2f61';
let emu: Emulator;
let dir: string;
const outputs: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN, timeScale: 20 });
  dir = await mkdtemp(path.join(tmpdir(), 'cli-'));
});
afterAll(async () => {
  await emu.close();
  // Nothing any CLI run printed or wrote may carry the token or its base64 form.
  const all = outputs.join('\n');
  expect(all).not.toContain(TOKEN);
  expect(all).not.toContain(Buffer.from(TOKEN).toString('base64'));
});
afterEach(() => {
  emu.reset();
  emu.clearRequests();
  emu.clearFaults();
});

async function cli(args: string[], env: Record<string, string> = {}, target: Emulator = emu): Promise<Spawned> {
  const run = await runBundle(CLI, args, { env: baseEnv({ INVICTI_ASPM_HOST: target.url, INVICTI_ASPM_TOKEN: TOKEN, ...env }) });
  outputs.push(run.stdout, run.stderr);
  return run;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  outputs.push(text);
  return JSON.parse(text) as Record<string, unknown>;
}

const noStack = (run: Spawned): void => expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('invicti-appsec scan (acceptance)', () => {
  it('fails the gate on a critical finding and writes the JSON result', async () => {
    const out = path.join(dir, 'r.json');
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--threshold-critical', '0', '--output-json', out]);
    expect(run.code).toBe(1);
    const json = await readJson(out);
    expect(json).toMatchObject({ status: 'failed', exitCode: 1 });
    const [scanner] = json.scanners as { counts: { critical: number }; reasons: { rule: string; outcome: string }[] }[];
    expect(scanner?.counts.critical).toBe(1);
    expect(scanner?.reasons).toContainEqual(expect.objectContaining({ rule: 'threshold-critical', outcome: 'fail' }));
    expect(run.stdout).toContain('FAIL 1 critical finding, more than the allowed 0');
  });

  it('passes with a threshold above the counts and release criteria off', async () => {
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--threshold-critical', '5', '--release-criteria', 'off']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Invicti AppSec: PASSED/);
  });

  it('runs two scanners and reports each', async () => {
    const out = path.join(dir, 'two.json');
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat,saltsecurity', '--branch', 'main', '--output-json', out, '--release-criteria', 'off']);
    expect(run.code).toBe(0);
    const json = await readJson(out);
    expect((json.scanners as { scanner: string }[]).map((s) => s.scanner)).toEqual(['codethreat', 'saltsecurity']);
    expect(run.stdout).toContain('codethreat (sast)');
    expect(run.stdout).toContain('saltsecurity (dast)');
  });

  it('a push to a new branch with bound scanners compares it with the default branch and says so; with the fallback off, exit 2 and the setup steps', async () => {
    const out = path.join(dir, 'compare.json');
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat,saltsecurity', '--branch', 'feature/payments', '--release-criteria', 'off', '--output-json', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('branch feature/payments');
    expect(run.stdout).toMatch(/note: no codethreat scan or scan configuration on branch "feature\/payments".*comparison against the default branch/);
    expect(run.stderr + run.stdout).toContain('re-ran the default branch\'s scan with from "feature/payments" to "main"');
    const json = await readJson(out);
    expect(json.scanners).toEqual([expect.objectContaining({ mode: 'compare', targetBranch: 'main', note: expect.stringContaining('default-branch-fallback') }), expect.objectContaining({ mode: 'compare' })]);
    emu.clearRequests();
    const off = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'feature/payments', '--default-branch-fallback', 'false']);
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('bound to an integration on the platform');
    expect(off.stderr).toMatch(/Settings > Scanners, choose SAST > CodeThreat, Add, fill in "Bind to"/);
    noStack(off);
    expect(startRequests(emu)).toBe(0);
  });

  it('exits 2 with a suggestion on an unknown scanner, and on a scanner of the wrong type', async () => {
    const typo = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethraet', '--branch', 'main']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "codethreat"?');
    noStack(typo);
    const type = await cli(['scan', '--project', 'demo-app', '--scanner', 'saltsecurity', '--scanner-type', 'sast', '--branch', 'main']);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('scanner-type');
    noStack(type);
    expect(startRequests(emu)).toBe(0);
  });

  it('still decides right with one scan started when the platform answers 503 three times', async () => {
    emu.addFault({ path: '.*', count: 3, fault: { type: 'status', status: 503, body: { error: 'maintenance' } } });
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--threshold-critical', '0']);
    expect(run.code).toBe(1);
    expect(startRequests(emu)).toBe(1);
  });

  it('exits 3 with status timeout when the scan outlives --timeout, and 0 under --on-timeout warn', async () => {
    const slow = await startEmulator({ token: TOKEN, scenario: endlessScenario });
    try {
      const out = path.join(dir, 'timeout.json');
      const failed = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--timeout', '2s', '--output-json', out], {}, slow);
      expect(failed.code).toBe(3);
      expect(await readJson(out)).toMatchObject({ status: 'timeout' });
      const warned = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--timeout', '2s', '--on-timeout', 'warn', '--output-json', out], {}, slow);
      expect(warned.code).toBe(0);
      expect(await readJson(out)).toMatchObject({ status: 'timeout' });
    } finally {
      await slow.close();
    }
  });
});

describe('invicti-appsec scan (files, signals, settings)', () => {
  it('stops a stalled request at the run timeout and says timeout, not error', async () => {
    emu.addFault({ path: '/events/.*/status', count: 0, fault: { type: 'hang' } });
    const out = path.join(dir, 'stalled.json');
    const run = await cli(['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main', '--timeout', '2s', '--request-timeout', '20s', '--output-json', out]);
    expect(run.code).toBe(3);
    const json = await readJson(out);
    expect(json).toMatchObject({ status: 'timeout' });
    expect((json.scanners as { error: string }[])[0]?.error).toContain('the run reached its timeout (2s)');
  });

  it('writes SARIF valid against the 2.1.0 schema and a markdown summary', async () => {
    const sarif = path.join(dir, 'out.sarif');
    const md = path.join(dir, 'summary.md');
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat,saltsecurity', '--branch', 'main', '--sarif', sarif, '--summary-markdown', md]);
    expect(run.code).toBe(1);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(schemaPath('sarif-2.1.0.schema.json'), 'utf8')) as object);
    const log = await readJson(sarif);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect((log.runs as unknown[]).length).toBe(2);
    type Run = {
      tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string } }[] } };
      results: { ruleId: string; message: { text: string }; properties: Record<string, unknown>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } }; logicalLocations?: { fullyQualifiedName: string }[] }[] }[];
    };
    const [sast, dast] = log.runs as [Run, Run];
    // SAST keeps repository files; DAST URLs are logical locations and properties, never a repository path.
    expect(sast.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%')).toBe(true);
    for (const r of dast.results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'invicti-appsec/saltsecurity' });
      expect(r.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/^(GET|POST|PATCH) https:\/\/demo-app\.example\.test\/api\/v1\//);
      expect(r.properties.url).toMatch(/^https:\/\/demo-app\.example\.test\//);
    }
    // Rule descriptions say more than the result's title, and fullDescription is left out rather than repeated.
    const sqlRule = sast.tool.driver.rules.find((r) => r.id === 'codethreat/cwe-89')!;
    expect(sqlRule.shortDescription.text).toBe("CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')");
    for (const rule of [...sast.tool.driver.rules, ...dast.tool.driver.rules]) {
      expect(rule.fullDescription?.text).not.toBe(rule.shortDescription.text);
      const titles = [...sast.results, ...dast.results].filter((r) => r.ruleId === rule.id).map((r) => r.message.text.replace(/^\w+: /, '').replace(/ \(CWE-\d+\).*$/, ''));
      expect(titles).not.toContain(rule.shortDescription.text);
    }
    const summary = await readFile(md, 'utf8');
    outputs.push(summary);
    expect(summary).toContain('codethreat');
  });

  it('stops on SIGTERM while waiting and says where the scan can be followed', async () => {
    const slow = await startEmulator({ token: TOKEN, scenario: endlessScenario });
    try {
      const run = await runBundle(CLI, ['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main'], {
        env: baseEnv({ INVICTI_ASPM_HOST: slow.url, INVICTI_ASPM_TOKEN: TOKEN }),
        onStderr: (chunk, kill) => {
          if (chunk.includes('restarted the latest scan')) setTimeout(() => kill('SIGTERM'), 200);
        },
      });
      outputs.push(run.stdout, run.stderr);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('cancelled; the scan goes on on the platform');
      expect(run.stderr).toMatch(/Resume with: invicti-appsec wait --event-id [0-9a-f]{24}\. Follow it at http:\/\/127\.0\.0\.1:\d+\/projects\//);
      expect(run.stderr).not.toContain('/events/');
      expect(run.stdout).toMatch(/^Resume and gate with: invicti-appsec wait --project demo-app --event-id [0-9a-f]{24}$/m);
    } finally {
      await slow.close();
    }
  });

  it('reads the deprecated KONDUKTO_* variables with a warning', async () => {
    const run = await runBundle(CLI, ['ping'], { env: baseEnv({ KONDUKTO_HOST: emu.url, KONDUKTO_TOKEN: TOKEN }) });
    outputs.push(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('KONDUKTO_HOST is deprecated');
    expect(run.stdout).toContain('OK');
  });

  it.each([
    [['--threshold-critical', 'many'], 'threshold-critical'],
    [['--timeout', 'soon'], 'timeout'],
    [['--on-timeout', 'explode'], 'on-timeout'],
    [['--release-criteria', 'sats'], 'release-criteria'],
    [['--scaner', 'x'], 'scaner'],
    [['--file', 'a.json', '--image', 'b:1'], 'image'],
  ])('exits 2 naming the setting for %j', async (extra, setting) => {
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'semgrep', '--branch', 'main', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--${setting}`);
    noStack(run);
  });

  it('exits 2 naming the file when an import file is missing', async () => {
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'semgrep', '--branch', 'main', '--file', path.join(dir, 'nope.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json');
    noStack(run);
  });

  it('exits 2 before any upload when the scanner cannot import', async () => {
    const file = path.join(dir, 'results.sarif');
    await writeFile(file, '{"version":"2.1.0","runs":[]}');
    const run = await cli(['scan', '--project', 'demo-app', '--scanner', 'codethreat', '--branch', 'main', '--file', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/codethreat.*cannot import/);
    expect(run.stderr).not.toContain('Follow it at');
    expect(emu.requests().filter((r) => r.path.includes('/scans/import'))).toHaveLength(0);
    noStack(run);
  });

  it('exits 3 with a clear message on a wrong token', async () => {
    const run = await runBundle(CLI, ['scan', '-p', 'demo-app', '-s', 'codethreat', '-b', 'main'], {
      env: baseEnv({ INVICTI_ASPM_HOST: emu.url, INVICTI_ASPM_TOKEN: 'wrong-token-value' }),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/401|authori[sz]/i);
    expect(run.stderr).not.toContain('wrong-token-value');
    noStack(run);
  });
});

describe('invicti-appsec list commands', () => {
  it('projects lists every project when the platform serves smaller pages than asked', async () => {
    const small = await startEmulator({ token: TOKEN, scenario: { maxPageSize: 7, projects: Array.from({ length: 30 }, (_, i) => ({ name: `listed-${String(i).padStart(2, '0')}` })) } });
    try {
      const run = await cli(['projects'], {}, small);
      expect(run.code).toBe(0);
      for (let i = 0; i < 30; i++) expect(run.stdout).toContain(`listed-${String(i).padStart(2, '0')}`);
    } finally {
      await small.close();
    }
  });

  it('pings, lists projects and scanners', async () => {
    expect((await cli(['ping'])).stdout).toMatch(/^OK/);
    const projects = await cli(['projects']);
    expect(projects.code).toBe(0);
    expect(projects.stdout).toContain('demo-app');
    const scanners = await cli(['scanners', '--scanner-type', 'dast']);
    expect(scanners.stdout).toContain('saltsecurity');
    expect(scanners.stdout).not.toContain('codethreat');
  });

  it('prints help for every command', async () => {
    for (const command of ['scan', 'release', 'wait', 'ping', 'projects', 'scanners']) {
      const run = await cli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: invicti-appsec ${command}`);
    }
  });
});
