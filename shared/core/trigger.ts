/**
 * Starting a scan, the way the official CLI decides (reference §3), minus its traps:
 * - a PR/MR scan looks for the latest scan on the source branch, then on the target, never "any branch";
 * - a failed lookup is an error, not a silent "not found" that changes the decision path;
 * - with no scan and no saved configuration, a configuration is created (unless the scanner is rescan-only).
 */
import type { PlatformApi, PrOptions, Project, Scan, Scanner, StartKey } from '../api/types.js';
import { ConfigError } from '../errors.js';
import type { ScannerResult } from './result.js';
import { isRescanOnly } from './resolve.js';

export interface TriggerRequest {
  branch: string;
  /** Set for a PR/MR run: the merge target. */
  targetBranch?: string;
  prNumber?: string;
  metaData?: string;
  /** Sent where the API takes a tag (create, image, import, new configuration); a rescan keeps the saved one. */
  scanTag?: string;
  environment?: string;
  /** Import this result file instead of scanning. */
  file?: string;
  /** Scan this container image. */
  image?: string;
}

export interface Triggered {
  eventId: string;
  mode: ScannerResult['mode'];
  /** The scan that was restarted, when one was. */
  restartedScanId?: string;
}

async function latestScan(api: PlatformApi, project: Project, scanner: Scanner, branch: string, metaData: string): Promise<Scan | undefined> {
  const page = await api.listScans(project.name, { tool: scanner.slug, branch, metaData, limit: 1 });
  return page.items[0];
}

function prOptions(request: TriggerRequest): PrOptions | undefined {
  if (!request.targetBranch) return undefined;
  return {
    ok: true,
    target: request.targetBranch,
    prNumber: request.prNumber ?? '',
    noDecoration: false,
    decorationScannerTypes: '',
  };
}

export async function startScan(api: PlatformApi, project: Project, scanner: Scanner, request: TriggerRequest): Promise<Triggered> {
  const metaData = request.metaData ?? '';
  const key: StartKey = { projectId: project.id, tool: scanner.slug, branch: request.branch, metaData, ...(request.environment !== undefined ? { environment: request.environment } : {}) };
  const common = {
    ...(request.metaData !== undefined ? { metaData: request.metaData } : {}),
    ...(request.scanTag !== undefined ? { scanTag: request.scanTag } : {}),
    ...(request.environment !== undefined ? { environment: request.environment } : {}),
  };

  if (request.image) {
    const started = await api.scanImage({ projectId: project.id, tool: scanner.slug, image: request.image, branch: request.branch, ...common }, key);
    return { eventId: started.eventId, mode: 'image' };
  }
  if (request.file) {
    const started = await api.importScan(
      {
        filePath: request.file,
        project: project.name,
        tool: scanner.slug,
        branch: request.branch,
        ...common,
        ...(request.targetBranch ? { target: request.targetBranch } : {}),
        ...(request.prNumber ? { prNumber: request.prNumber } : {}),
      },
      key,
    );
    return { eventId: started.eventId, mode: 'import' };
  }

  const pr = prOptions(request);
  if (pr && request.targetBranch) {
    // A PR/MR scan re-runs an existing configuration with from/to: the source branch's own scan if it has
    // one, else the merge target's, so the platform analyses the change against the target.
    const base =
      (await latestScan(api, project, scanner, request.branch, metaData)) ??
      (await latestScan(api, project, scanner, request.targetBranch, metaData));
    if (base) {
      const started = await api.restartScanWithOption(
        base.id,
        {
          from: request.branch,
          to: request.targetBranch,
          prNumber: request.prNumber ?? '',
          ...(request.environment !== undefined ? { environment: request.environment } : {}),
        },
        key,
      );
      return { eventId: started.eventId, mode: 'pr', restartedScanId: base.id };
    }
  } else {
    const previous = await latestScan(api, project, scanner, request.branch, metaData);
    if (previous) {
      const started = await api.restartScan(previous.id, key);
      return { eventId: started.eventId, mode: 'rescan', restartedScanId: previous.id };
    }
  }

  const params = await api.listScanparams(project.name, {
    toolId: scanner.id,
    branch: request.branch,
    metaData,
    ...(request.environment !== undefined ? { environment: request.environment } : {}),
    pr: pr !== undefined,
    target: request.targetBranch ?? '',
    limit: 1,
  });
  let scanparams = params.items[0];
  if (!scanparams) {
    if (isRescanOnly(scanner)) {
      throw new ConfigError(
        'scanner',
        `scanner "${scanner.slug}" only allows rescans, and project "${project.name}" has no ${scanner.slug} scan on branch "${request.branch}" to re-run. Run it once from the platform first.`,
      );
    }
    scanparams = await api.createScanparams({
      projectId: project.id,
      toolId: scanner.id,
      branch: request.branch,
      ...common,
      ...(pr ? { pr } : {}),
      custom: { type: scanner.customType, params: null },
    });
  }
  const started = await api.createScan(
    {
      project: project.name,
      branch: request.branch,
      toolId: scanner.id,
      scanparamsId: scanparams.id,
      ...common,
      ...(pr ? { pr } : {}),
      custom: scanparams.custom,
    },
    key,
  );
  return { eventId: started.eventId, mode: pr ? 'pr' : 'create' };
}
