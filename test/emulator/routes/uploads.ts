/** Multipart uploads: scan result import (starts an event), SBOM upload and API-spec upload. */
import { mkdir, rm } from 'node:fs/promises';
import { FORMAT_NAMES, parseImportFile } from '../import/parse.js';
import { receiveMultipart } from '../http/multipart.js';
import type { MultipartResult } from '../http/multipart.js';
import { badRequest, ok } from '../http/reply.js';
import type { Reply } from '../http/reply.js';
import type { RouteContext, Router } from '../http/router.js';
import { startEvent } from '../state/events.js';
import type { ScanConfig } from '../state/types.js';
import { requireProject } from './projects.js';
import { IMPORT_FORMATS } from '../scenario/schema.js';

/** Streams the upload to a temp file, runs `use`, and always deletes the file. */
async function withUpload(ctx: RouteContext, use: (m: MultipartResult & { file: NonNullable<MultipartResult['file']> }) => Promise<Reply>): Promise<Reply> {
  await mkdir(ctx.env.tmpDir, { recursive: true });
  const m = await receiveMultipart(ctx.req, ctx.env.tmpDir);
  try {
    if (m.file === undefined) throw badRequest('file is required');
    return await use({ fields: m.fields, file: m.file });
  } finally {
    if (m.file) await rm(m.file.path, { force: true });
  }
}

/** First present field among spellings (kdt's and the docs' differ: `fork-scan`/`fork_scan`, ...). */
const field = (fields: Record<string, string>, ...names: string[]): string => {
  for (const n of names) if (fields[n] !== undefined) return fields[n];
  return '';
};
const flag = (fields: Record<string, string>, ...names: string[]): boolean => field(fields, ...names) === 'true';

function importScan(ctx: RouteContext): Promise<Reply> {
  const { store, clock } = ctx.env;
  return withUpload(ctx, async ({ fields, file }) => {
    const project = store.project(field(fields, 'project').trim());
    if (project === undefined) throw badRequest('project not found');
    const tool = store.scanner(field(fields, 'tool', 'tool_id'));
    if (tool === undefined || tool.disabled) throw badRequest('invalid or inactive scanner tool');
    if (!tool.labels.includes('import')) throw badRequest(`scanner ${tool.slug} does not support importing scan results`);
    const branch = field(fields, 'branch');
    if (branch === '' && tool.type !== 'infra') throw badRequest('branch is required');
    // With `importFormats: tool` a scanner takes only its own report formats (the real check is not documented).
    const formats = store.scenario.importFormats === 'tool' && tool.importFormats ? tool.importFormats : IMPORT_FORMATS;
    const expected = formats.map((f) => FORMAT_NAMES[f]).join(' or ');
    const parsed = await parseImportFile(file.path, file.bytes, store.scenario.importParseLimitBytes);
    if (parsed === undefined) throw badRequest(`unsupported file format: scanner ${tool.slug} imports ${expected}`);
    if (!formats.includes(parsed.format)) {
      throw badRequest(`unsupported file format: the file is ${FORMAT_NAMES[parsed.format]}, but scanner ${tool.slug} imports ${expected}`);
    }
    const target = field(fields, 'target');
    const sp = store.findOrCreateScanparams({
      projectId: project.id,
      toolId: tool.id,
      branch,
      metaData: field(fields, 'meta_data'),
      environment: field(fields, 'environment'),
      agentId: '',
      pr: {
        ok: target !== '',
        target,
        prNumber: field(fields, 'pr_number'),
        noDecoration: flag(fields, 'no_decoration'),
        decorationScannerTypes: field(fields, 'pr_decoration_scanner_types'),
      },
      forkScan: flag(fields, 'fork-scan', 'fork_scan'),
      forkSourceBranch: field(fields, 'fork-source', 'fork_source', 'fork-value', 'fork_source_branch'),
      manual: false,
      scanType: 'import',
      scanTag: '',
      custom: { type: tool.customType, params: null },
    });
    const config: ScanConfig = { ...store.configFromScanparams(sp), scanType: 'import', scanTag: field(fields, 'scan_tag') };
    const ev = startEvent(store, clock, 'import', config, { findings: parsed.findings, durationMs: store.scenario.importDurationMs });
    store.uploads.push({
      kind: 'import',
      eventId: ev.id,
      projectId: project.id,
      bytes: file.bytes,
      filename: file.filename,
      fields: { ...fields },
      format: parsed.format,
      parsed: parsed.parsed,
      findingCount: parsed.findings.length,
      at: clock.now(),
    });
    return ok({ event_id: ev.id, message: 'scan results imported successfully' });
  });
}

function projectUpload(kind: 'sbom' | 'apispecs', message: string) {
  return (ctx: RouteContext): Promise<Reply> => {
    const { store, clock } = ctx.env;
    const project = requireProject(store, ctx.params.project!);
    return withUpload(ctx, ({ fields, file }) => {
      store.uploads.push({ kind, projectId: project.id, bytes: file.bytes, filename: file.filename, fields: { ...fields }, at: clock.now() });
      return Promise.resolve(ok({ message }));
    });
  };
}

export function uploadRoutes(r: Router): void {
  r.add('POST', '/api/v2/scans/import', importScan);
  r.add('POST', '/api/v2/projects/:project/sbom/upload', projectUpload('sbom', 'sbom file uploaded successfully'));
  r.add('POST', '/api/v2/projects/:project/apispecs', projectUpload('apispecs', 'api specification imported successfully'));
}
