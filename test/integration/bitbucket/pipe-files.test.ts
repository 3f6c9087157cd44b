/**
 * The pipe's files, checked statically (there is no Docker engine here): pipe.yml against a zod model and the
 * option registry, the Dockerfile's base, user, COPY sources and entrypoint (run with node), and every
 * bitbucket-pipelines.yml example in the README and docs against Atlassian's JSON schema.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { markdownTable, pipeVariables } from '../../../shared/core/option-formats.js';
import { VERSION } from '../../../shared/version.js';
import { repoRoot, schemaPath } from '../../helpers/paths.js';
import { ensureBundle } from './support.js';

const PIPE_DIR = join(repoRoot, 'bitbucket-pipes', 'invicti-appsec');
const IMAGE = `docker.io/invicti/appsec-ci:${VERSION}`;
const read = (path: string): string => readFileSync(path, 'utf8');

// Atlassian's pipe metadata has no published schema: this is the shape its own pipes use, kept strict so a typo
// (trivy-pipe ships `respository:`) fails here rather than on the Marketplace.
const Contact = z.strictObject({ name: z.string().min(1), website: z.url({ protocol: /^https$/ }), email: z.email().optional() });
const PipeVariable = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  description: z.string().min(10),
  required: z.boolean(),
  default: z.string().optional(),
  secret: z.literal(true).optional(),
  allowed_values: z.array(z.string()).min(2).optional(),
});
const PipeYml = z.strictObject({
  name: z.string().min(3).max(60),
  image: z.string().regex(/^[a-z0-9.-]+\/[a-z0-9-]+\/[a-z0-9-]+:\d+\.\d+\.\d+$/, 'an image pinned by version'),
  category: z.enum(['Security', 'Code quality', 'Testing', 'Deployment', 'Notifications', 'Utilities', 'Monitoring', 'Artifact management', 'Workflow automation']),
  description: z.string().min(20).max(300),
  repository: z.url({ protocol: /^https$/ }),
  maintainer: Contact,
  vendor: Contact.optional(),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  variables: z.array(PipeVariable).min(1),
});

describe('pipe.yml', () => {
  const pipe = parse(read(join(PIPE_DIR, 'pipe.yml'))) as unknown;

  it('matches the pipe metadata model', () => {
    const parsed = PipeYml.safeParse(pipe);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('runs the shared image at this release', () => {
    expect(PipeYml.parse(pipe).image).toBe(IMAGE);
  });

  it('lists exactly the variables of the option registry, in its order', () => {
    expect(PipeYml.parse(pipe).variables).toEqual(pipeVariables());
  });

  it('keeps defaults inside allowed values and secrets without defaults', () => {
    for (const v of PipeYml.parse(pipe).variables) {
      if (v.default !== undefined && v.allowed_values) expect(v.allowed_values, v.name).toContain(v.default);
      if (v.secret) expect(v.default, v.name).toBeUndefined();
    }
    expect(PipeYml.parse(pipe).variables.filter((v) => v.required).map((v) => v.name)).toEqual(['INVICTI_ASPM_HOST', 'INVICTI_ASPM_TOKEN']);
  });

  it('does not expose the internal knobs', () => {
    const names = PipeYml.parse(pipe).variables.map((v) => v.name);
    expect(names).not.toContain('INVICTI_BITBUCKET_PROXY_URL');
    expect(names).not.toContain('INVICTI_BITBUCKET_API_URL');
  });
});

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of a Dockerfile: comments dropped, `\` continuations joined. */
function instructions(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const all = instructions(read(join(PIPE_DIR, 'Dockerfile')));
  const fromIndex = all.findIndex((i) => i.keyword === 'FROM');
  const argDefaults = new Map(
    all
      .filter((i) => i.keyword === 'ARG')
      .map((i) => i.args.split('=') as [string, string?])
      .filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
  const copies = all
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      return { source: parts[0] ?? '', target: parts[1] ?? '' };
    });

  beforeAll(ensureBundle, 120_000);

  it('starts from a Node 24 slim base pinned by version (digest optional)', () => {
    expect(fromIndex).toBeGreaterThanOrEqual(0);
    const base = all[fromIndex]!.args.replace(/\$\{(\w+)\}/g, (_, name: string) => argDefaults.get(name) ?? '');
    expect(base).toMatch(/^node:24\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
  });

  it('labels the image with this release', () => {
    expect(argDefaults.get('VERSION')).toBe(VERSION);
  });

  it('copies exactly the three bundles, each from a build entry, into /opt/invicti-appsec', () => {
    const build = read(join(repoRoot, 'scripts', 'build.mjs'));
    expect(copies.map((c) => c.source)).toEqual(['dist/cli/', 'dist/gitlab/', 'dist/bitbucket/']);
    for (const { source, target } of copies) {
      const name = /^dist\/(\w+)\/$/.exec(source)?.[1] ?? '';
      expect(build, `scripts/build.mjs builds ${name}`).toMatch(new RegExp(`\\b${name}: '`));
      expect(target).toBe(`/opt/invicti-appsec/${name}/`);
    }
  });

  it('finds every COPY source after the build (run `npm run build` first)', () => {
    for (const { source } of copies) {
      for (const file of ['index.js', 'package.json']) expect(existsSync(join(repoRoot, source, file)), `${source}${file}`).toBe(true);
    }
  });

  it('sends only the bundles as build context', () => {
    const ignore = read(join(PIPE_DIR, 'Dockerfile.dockerignore'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(ignore[0]).toBe('*');
    expect(ignore.slice(1)).toEqual(copies.map((c) => `!${c.source.replace(/\/$/, '')}`));
  });

  it('runs as a non-root user and builds nothing at run time', () => {
    const users = all.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(all.findIndex((i) => i.keyword === 'USER')).toBeGreaterThan(all.findLastIndex((i) => i.keyword === 'COPY'));
    for (const i of all) {
      if (['RUN', 'CMD', 'ENTRYPOINT'].includes(i.keyword)) expect(i.args, i.keyword).not.toMatch(/\b(npm|npx|yarn|pnpm|tsc|ncc|tsx)\b/);
    }
  });

  it('has the bitbucket bundle as its exec-form ENTRYPOINT, which node runs', async () => {
    const entrypoint = all.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
    const argv = JSON.parse(entrypoint?.args ?? 'null') as unknown;
    expect(argv).toEqual(['node', '/opt/invicti-appsec/bitbucket/index.js']);
    // Map the image path back through its COPY to the file in the checkout, and run it as the container would.
    const [, script] = argv as [string, string];
    const copy = copies.find((c) => script.startsWith(c.target))!;
    const local = join(repoRoot, copy.source, script.slice(copy.target.length));
    const { stdout } = await promisify(execFile)(process.execPath, [local, '--version'], { env: { PATH: process.env.PATH ?? '' } });
    expect(stdout).toBe(`${VERSION}\n`);
  });
});

/** Every ```yaml block of a markdown file. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

interface PipeStep {
  pipe: string;
  variables?: Record<string, unknown>;
}

function pipeSteps(node: unknown): PipeStep[] {
  if (Array.isArray(node)) return node.flatMap(pipeSteps);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  if (typeof record.pipe === 'string') return [record as unknown as PipeStep];
  return Object.values(record).flatMap(pipeSteps);
}

const docs = {
  'bitbucket-pipes/invicti-appsec/README.md': read(join(PIPE_DIR, 'README.md')),
  'docs/bitbucket.md': read(join(repoRoot, 'docs', 'bitbucket.md')),
};

describe.each(Object.entries(docs))('%s', (_file, markdown) => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(read(schemaPath('bitbucket-pipelines.schema.json'))) as object);
  const blocks = yamlBlocks(markdown);
  const known = new Set(pipeVariables().map((v) => v.name));

  it('has bitbucket-pipelines.yml examples that validate against the Pipelines schema', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      const doc = parse(block) as unknown;
      expect(validate(doc) ? [] : validate.errors, block).toEqual([]);
    }
  });

  it('uses this release of the pipe and only its variables in every example', () => {
    for (const step of blocks.flatMap((b) => pipeSteps(parse(b)))) {
      expect([`docker://${IMAGE}`, `invicti/invicti-appsec-pipe:${VERSION}`]).toContain(step.pipe);
      const names = Object.keys(step.variables ?? {});
      expect(names).toEqual(expect.arrayContaining(['INVICTI_ASPM_HOST', 'INVICTI_ASPM_TOKEN']));
      for (const name of names.filter((n) => n.startsWith('INVICTI_'))) expect(known, name).toContain(name);
      // A token is always a reference to a (secured) variable, never a literal.
      expect(step.variables?.INVICTI_ASPM_TOKEN).toBe('$INVICTI_ASPM_TOKEN');
    }
  });

  it('shows a default pipeline, a pull-requests pipeline and parallel steps over several scanners', () => {
    const parsed = blocks.map((b) => parse(b) as { pipelines: Record<string, unknown> });
    expect(parsed.some((p) => p.pipelines.default !== undefined)).toBe(true);
    expect(parsed.some((p) => p.pipelines['pull-requests'] !== undefined)).toBe(true);
    const parallel = blocks.find((b) => b.includes('- parallel:'));
    const scanners = new Set(pipeSteps(parse(parallel ?? 'null')).map((s) => s.variables?.INVICTI_SCANNER));
    expect(scanners.size).toBeGreaterThanOrEqual(2);
  });

  it('carries the generated variables table', () => {
    const table = /<!-- settings:bitbucket:start -->\n([\s\S]*?)\n<!-- settings:bitbucket:end -->/.exec(markdown)?.[1];
    expect(table).toBe(markdownTable('bitbucket'));
  });
});
