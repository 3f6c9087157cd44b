/**
 * Resolution of what to scan: the project (by ID or exact name, across all pages), the scanners (by exact
 * slug, active, of the asserted type) and the branch. Mistakes here are configuration errors (exit 2) with a
 * suggestion, not the official CLI's "unknown, disabled or inactive tool name".
 */
import type { CreateProjectInput, PlatformApi, Project, Scanner } from '../api/types.js';
import { readPages, type PagesRead } from '../api/paging.js';
import { ApiError, ConfigError } from '../errors.js';
import { scansImages } from './known-scanners.js';
import { nearest } from './suggest.js';
import { isObjectId } from './object-id.js';

const PAGE = 100;
/**
 * Bound on projects read for one name. The name filter may match by substring, so many similar names mean
 * many pages; past this bound the answer is an honest "too many matches", never a wrong "not found".
 */
const MAX_PROJECTS_SCANNED = 50_000;
/** Projects read for "did you mean" suggestions when the name matched nothing. */
const SUGGESTION_POOL = 1_000;

/** Projects whose name the platform matches with `name`, read until one satisfies `stop` (names are unique). */
function searchProjects(api: PlatformApi, name: string, cap: number, stop?: (p: Project) => boolean): Promise<PagesRead<Project>> {
  return readPages((start, limit) => api.listProjects({ name, start, limit }), {
    pageSize: PAGE,
    cap,
    ...(stop ? { enough: (items: readonly Project[]) => items.some(stop) } : {}),
  });
}

export interface ProjectRequest {
  project: string;
  /** Create the project when it does not exist. */
  create?: Omit<CreateProjectInput, 'name'>;
}

export async function resolveProject(api: PlatformApi, request: ProjectRequest): Promise<{ project: Project; created: boolean }> {
  const wanted = request.project.trim();
  if (isObjectId(wanted)) {
    try {
      return { project: await api.getProject(wanted), created: false };
    } catch (err) {
      // An ID-looking name is still a valid project name; fall through to the name search.
      if (!(err instanceof ApiError && err.kind === 'not-found')) throw err;
    }
  }
  const isExact = (p: Project): boolean => p.name === wanted || p.id === wanted;
  const found = await searchProjects(api, wanted, MAX_PROJECTS_SCANNED, isExact);
  const candidates = found.items;
  const exact = candidates.filter(isExact);
  if (exact.length === 1 && exact[0]) return { project: exact[0], created: false };
  if (exact.length > 1) {
    throw new ConfigError('project', `${exact.length} projects are named "${wanted}"; give the project ID instead.`);
  }
  if (found.total > candidates.length) {
    throw new ConfigError(
      'project',
      `more than ${MAX_PROJECTS_SCANNED.toLocaleString('en')} projects match "${wanted}" and none of those read is named exactly that; give the project ID instead.`,
    );
  }
  if (request.create) {
    const project = await api.createProject({ name: wanted, ...request.create });
    return { project, created: true };
  }
  const pool = candidates.length > 0 ? candidates : (await searchProjects(api, '', SUGGESTION_POOL)).items;
  const near = nearest(
    wanted,
    pool.map((p) => p.name),
    3,
  );
  const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
  throw new ConfigError(
    'project',
    `project "${wanted}" was not found on the platform.${hint} Give the exact name or ID, or set create-project to create it.`,
  );
}

/** Labels that make a scanner rescan-only: it cannot be given a new configuration from CI (reference §3.3). */
const RESCAN_ONLY_LABELS = ['bind', 'agent', 'template'];

export function isRescanOnly(scanner: Scanner): boolean {
  if (scanner.labels.includes('creatable-on-tool')) return false;
  return scanner.labels.some((l) => RESCAN_ONLY_LABELS.includes(l));
}

/**
 * An import goes only to a scanner the platform labels `import`; anything else the platform refuses after the
 * upload, so it is a configuration error before it.
 */
export function assertCanImport(scanner: Scanner): void {
  if (scanner.labels.includes('import')) return;
  throw new ConfigError(
    'scanner',
    `scanner "${scanner.slug}" cannot import result files (it has no "import" label). Choose a scanner that imports (invicti-appsec scanners lists the labels), or drop file to start a scan.`,
  );
}

/**
 * An image goes only to a container scanner. A scanner known by its slug is refused before any request (config);
 * any other is checked here, once the platform has told its type, still before the scan is started.
 */
export function assertCanScanImage(scanner: Scanner): void {
  if (scansImages(scanner)) return;
  throw new ConfigError(
    'image',
    `image needs a container scanner (type CS), but scanner "${scanner.slug}" is a ${scanner.type.toUpperCase()} scanner on the platform. Name a container scanner (invicti-appsec scanners lists the types), or remove image.`,
  );
}

export async function resolveScanners(
  api: PlatformApi,
  slugs: readonly string[],
  assertedTypes: readonly string[],
): Promise<Scanner[]> {
  const asserted = assertedTypes.map((t) => t.toLowerCase());
  let catalogue: Scanner[] | undefined;
  const all = async (): Promise<Scanner[]> => {
    catalogue ??= (await api.listActiveScanners({ limit: 0 })).items;
    return catalogue;
  };
  const resolved: Scanner[] = [];
  for (const slug of slugs) {
    // One scanner: the platform filters by name. Several: one read of the catalogue serves them all.
    const listed = slugs.length > 1 ? await all() : (await api.listActiveScanners({ name: slug, limit: 0 })).items;
    // The platform's name filter may be a substring match; only the exact slug counts.
    const matches = listed.filter((s) => s.slug === slug);
    const scanner = matches.find((s) => !s.disabled) ?? matches[0];
    if (!scanner) {
      const near = nearest(
        slug,
        (await all()).map((s) => s.slug),
        3,
      );
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
      throw new ConfigError('scanner', `scanner "${slug}" is not an active scanner on the platform.${hint} List them with: invicti-appsec scanners`);
    }
    if (scanner.disabled) {
      throw new ConfigError('scanner', `scanner "${slug}" is disabled on the platform. Enable it there, or choose another scanner.`);
    }
    if (asserted.length > 0 && !asserted.includes(scanner.type.toLowerCase())) {
      throw new ConfigError(
        'scanner-type',
        `scanner "${slug}" is a ${scanner.type.toUpperCase()} scanner, not ${asserted.map((t) => t.toUpperCase()).join(' or ')}. Fix scanner-type or scanner.`,
      );
    }
    resolved.push(scanner);
  }
  return resolved;
}
