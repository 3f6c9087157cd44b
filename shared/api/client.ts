/**
 * `PlatformClient`: the Invicti ASPM REST API v2 over the transport, in core or legacy mode.
 * Calls that start work go through a guard that never repeats them blindly (see `start`).
 */
import { z } from 'zod';
import { ApiError } from '../errors.js';
import type { Logger } from '../ports.js';
import * as bodies from './bodies.js';
import { clientSettings, toPage, type PlatformClientOptions } from './client-options.js';
import { decode } from './decode.js';
import { HttpFailure, NO_SERVER_CODES } from './http-errors.js';
import { readPages } from './paging.js';
import { fileMultipart } from './multipart.js';
import type { Safety } from './retry.js';
import * as schemas from './schemas.js';
import { StartGuard, startGraceMs } from './start-guard.js';
import { StartUnreadable, Transport, type ApiResponse, type RequestBody } from './transport.js';
import type * as t from './types.js';
import { CORE_PREFIX, queryString, seg, v2Url, versionUrl, type HostUrls, type QueryValue } from './urls.js';

export type { PlatformClientOptions } from './client-options.js';

interface Call<T> {
  method: 'GET' | 'POST' | 'PATCH';
  /** The v2 path with escaped segments: `/api/v2/projects/My%20Proj/scans`. */
  path: string;
  /** The same path as messages name it: `/api/v2/projects/{project}/scans`. */
  template: string;
  query?: Record<string, QueryValue>;
  body?: RequestBody;
  safety?: Safety;
  schema: z.ZodType<T>;
  lookup?: (failure: string) => Promise<T | undefined>;
  /** A list read whose 404 can only mean "no such route": with `api-mode` auto, the first one is the mode probe. */
  probe?: boolean;
}

const anyJson = z.unknown();

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export class PlatformClient implements t.PlatformApi {
  private readonly transport: Transport;
  private readonly urls: HostUrls;
  private readonly token: string;
  private readonly forced: t.ApiMode | undefined;
  private readonly logger: Logger;
  private readonly guard: StartGuard;
  private readonly organizationId: string | undefined;
  /** The `X-Correlation-ID` of every request this client sends: one per run, for support to trace it. */
  readonly correlationId: string;
  private detected: Promise<t.ApiMode> | undefined;
  /** Why auto-detection chose legacy; appended to 401/404 errors, where it is often the real cause. */
  private probeNote = '';

  constructor(options: PlatformClientOptions) {
    const settings = clientSettings(options);
    this.urls = settings.urls;
    this.token = settings.token;
    this.forced = settings.forcedMode;
    this.logger = settings.transport.logger;
    this.correlationId = settings.correlationId;
    this.organizationId = settings.organizationId;
    this.logger.debug(`correlation ID ${this.correlationId} (sent as X-Correlation-ID on every request)`);
    this.guard = new StartGuard({
      listQueue: (list) => this.queuePage(list),
      logger: this.logger,
      clock: settings.transport.clock,
      graceMs: settings.startGraceMs ?? startGraceMs(settings.transport.timeoutMs),
      ...(settings.transport.signal === undefined ? {} : { signal: settings.transport.signal }),
    });
    this.transport = new Transport(settings.transport);
  }

  mode(): Promise<t.ApiMode> {
    this.detected ??= this.forced === undefined ? this.detect() : Promise.resolve(this.forced);
    return this.detected;
  }

  /**
   * The version probe, for runs whose first call is not a list read: core when `GET {host}/api/aspm/v1/core/version`
   * answers 2xx JSON; otherwise as `legacyAfter` decides.
   */
  private async detect(): Promise<t.ApiMode> {
    const endpoint = `GET ${this.urls.basePath}/${CORE_PREFIX}/core/version`;
    try {
      const req = { method: 'GET' as const, url: versionUrl(this.urls, 'core'), endpoint, headers: { 'x-auth': this.token } };
      await this.transport.execute(req, 'idempotent', (res) => decode(res, endpoint, anyJson));
      this.logger.debug('API mode: core (the core API answered)');
      return 'core';
    } catch (err) {
      return this.legacyAfter(err, endpoint);
    }
  }

  /**
   * `legacy` when a core-mode request got a definite "no core API here": a 4xx, or a 2xx that is not JSON (a web
   * app's page). TLS trouble, or nothing listening at all, is thrown as is (the legacy API on the same address
   * would not answer either). A 5xx, an error page, a reset or a timeout says nothing about the mode, and falling
   * back on it would send the token to legacy paths the platform may not serve: after the retries, that is an error.
   */
  private legacyAfter(err: unknown, endpoint: string): 'legacy' {
    if (!(err instanceof HttpFailure) || err.tls || NO_SERVER_CODES.has(err.code)) throw err;
    const status = err.status;
    const definite = status !== undefined && ((status >= 400 && status < 500 && status !== 408 && status !== 429) || (status >= 200 && status < 300));
    if (!definite) {
      throw new ApiError(
        err.kind,
        endpoint,
        this.transport.clean(`${err.message}. The API mode could not be detected, so nothing else was sent (a passing failure is never taken to mean "legacy"); try again, or set the api-mode setting to core or legacy.`),
        status,
      );
    }
    this.probeNote = `(API mode auto-detected as legacy because ${endpoint} gave ${err.status === undefined ? `a ${err.kind} error` : `HTTP ${err.status}`}; set the api-mode setting to core or legacy to skip detection.)`;
    this.logger.debug(`API mode: legacy (${err.message})`);
    return 'legacy';
  }

  private authHeader(mode: t.ApiMode): Record<string, string> {
    return mode === 'core' ? { 'x-auth': this.token } : { 'x-cookie': this.token };
  }

  private async call<T>(spec: Call<T>): Promise<T> {
    if (spec.probe === true && this.detected === undefined && this.forced === undefined) return this.probeWith(spec);
    return this.send(spec, await this.mode());
  }

  /**
   * The first list read of an `auto` run is the mode probe itself, one request instead of two: it is sent in
   * core mode, and its answer decides as the version probe's would (any 2xx JSON: core; a definite 4xx or a 2xx
   * that is not JSON: legacy, and the read is sent again in legacy mode; anything else: an error, nothing sent
   * in legacy mode). Only list reads are used, where a 404 can only mean "no such route", never "no such item".
   */
  private async probeWith<T>(spec: Call<T>): Promise<T> {
    let json = false;
    const attempt = this.send(spec, 'core', (text) => {
      json = isJson(text);
    });
    const endpoint = `${spec.method} ${this.urls.basePath}/${CORE_PREFIX}${spec.template}`;
    const detected = attempt.then(
      () => 'core' as const,
      (err: unknown) => (json ? 'core' : this.legacyAfter(err, endpoint)),
    );
    this.detected = detected;
    if ((await detected) === 'core') {
      this.logger.debug('API mode: core (the core API answered)');
      return attempt;
    }
    return this.send(spec, 'legacy');
  }

  private async send<T>(spec: Call<T>, mode: t.ApiMode, seen?: (text: string) => void): Promise<T> {
    // Messages name the path as requested: in both modes it lies below the host's own path (`/sub/...`).
    const endpoint = `${spec.method} ${this.urls.basePath}${spec.template}`;
    const req = {
      method: spec.method,
      url: `${v2Url(this.urls, mode, spec.path)}${queryString(spec.query ?? {})}`,
      endpoint,
      headers: this.authHeader(mode),
      ...(spec.body === undefined ? {} : { body: spec.body }),
    };
    const parse = (res: ApiResponse): T => {
      seen?.(res.text);
      return decode(res, endpoint, spec.schema);
    };
    try {
      return await this.transport.execute(req, spec.safety ?? 'idempotent', parse, spec.lookup);
    } catch (err) {
      if (err instanceof ApiError && this.probeNote !== '' && (err.kind === 'unauthorized' || err.kind === 'not-found')) {
        this.addHint(err, ` ${this.probeNote}`);
      }
      if (err instanceof ApiError && this.organizationId === undefined && (err.status === 403 || err.status === 422)) {
        this.addHint(err, ". If the token's account has access to several organizations, set the organization-id setting.");
      }
      throw err;
    }
  }

  /** Append `hint` to an error's message before the correlation ID, which every message keeps last. */
  private addHint(err: ApiError, hint: string): void {
    const trace = ` (correlation ID ${this.correlationId})`;
    const text = err.message.endsWith(trace) ? err.message.slice(0, -trace.length) : err.message;
    err.message = `${text}${hint}${trace}`;
  }

  /**
   * A call that starts work. The transport retries it only when it certainly did not arrive (connection
   * refused, 429); after an ambiguous failure the StartGuard looks for a scan that provably began after this
   * call was sent (absent from the scan lists read just before it), and at most one more start is sent.
   */
  private async start(spec: Omit<Call<t.Started>, 'schema' | 'safety' | 'lookup'>, key: t.StartKey): Promise<t.Started> {
    const baseline = await this.guard.baseline();
    try {
      const started = this.guard.remember(await this.call({ ...spec, safety: 'start', schema: schemas.startedSchema, lookup: (failure) => this.guard.find(key, baseline, failure) }));
      return 'completed' in baseline ? { ...started, completedBefore: baseline.completed } : started;
    } catch (err) {
      if (!(err instanceof StartUnreadable)) throw err;
      const where = `project ${key.projectId}, scanner ${key.tool}${key.branch === undefined ? '' : `, branch "${key.branch}"`}`;
      err.message +=
        `. Do not re-run the job (that would start a second scan): find the newest scan of ${where} on the platform ` +
        '(its Scans page, or GET /api/v2/scans/queue), then resume the gate on it with ' +
        '`invicti-appsec wait --event-id <its event id>` (same settings as this run).';
      throw err;
    }
  }

  /** Up to 500 entries of a scan list: the order is not documented, so a busy queue is read past page one. */
  private async queuePage(list: 'queue' | 'completed'): Promise<t.Page<t.QueuedScan>> {
    const path = `/api/v2/scans/${list}`;
    const read = async (start: number, limit: number): Promise<t.Page<t.QueuedScan>> =>
      toPage(await this.call({ method: 'GET', path, template: path, query: { limit, start }, schema: schemas.pageSchema('scans', schemas.queuedScanSchema) }), { start, limit });
    const { items, total } = await readPages(read, { pageSize: 100, cap: 500 });
    return { items, total, start: 0, limit: items.length };
  }

  async ping(): Promise<void> {
    const mode = await this.mode();
    const endpoint = mode === 'core' ? `GET ${this.urls.basePath}/${CORE_PREFIX}/core/version` : `GET ${this.urls.basePath}/core/version`;
    await this.transport.execute({ method: 'GET', url: versionUrl(this.urls, mode), endpoint }, 'idempotent', (res) => decode(res, endpoint, anyJson));
  }

  async healthCheck(): Promise<void> {
    await this.call({ method: 'GET', path: '/api/v2/health/check', template: '/api/v2/health/check', schema: anyJson });
  }

  async listProjects(query: { name?: string; alm?: string; start?: number; limit?: number }): Promise<t.Page<t.Project>> {
    const raw = await this.call({ method: 'GET', path: '/api/v2/projects', template: '/api/v2/projects', query: bodies.projectsQuery(query), probe: true, schema: schemas.pageSchema('projects', schemas.projectSchema) });
    return toPage(raw, query);
  }

  /** The project whose id or name is exactly `idOrName` (the platform's name filter may match more). */
  async getProject(idOrName: string): Promise<t.Project> {
    const page = await this.listProjects({ name: idOrName });
    const match = page.items.find((p) => p.id === idOrName) ?? page.items.find((p) => p.name === idOrName);
    if (match !== undefined) return match;
    const others = page.items.length === 0 ? 'none matched' : `it returned ${page.items.map((p) => `"${p.name}"`).join(', ')}`;
    throw new ApiError('not-found', 'GET /api/v2/projects', `GET /api/v2/projects: no project with the id or name "${idOrName}" (${others}).`, 404);
  }

  async createProject(input: t.CreateProjectInput): Promise<t.Project> {
    const body = { kind: 'json' as const, value: bodies.createProjectBody(input) };
    const res = await this.call({ method: 'POST', path: '/api/v2/projects', template: '/api/v2/projects', body, safety: 'unsafe', schema: schemas.createProjectSchema });
    return res.project;
  }

  async listActiveScanners(query: { name?: string; labels?: string; types?: readonly string[]; limit?: number }): Promise<t.Page<t.Scanner>> {
    const path = '/api/v2/scanners/active';
    const raw = await this.call({ method: 'GET', path, template: path, query: bodies.scannersQuery(query), probe: true, schema: schemas.pageSchema('active_scanners', schemas.scannerSchema) });
    return toPage(raw, query);
  }

  async listScans(project: string, query: t.ScanQuery): Promise<t.Page<t.Scan>> {
    const raw = await this.call({
      method: 'GET',
      path: `/api/v2/projects/${seg(project)}/scans`,
      template: '/api/v2/projects/{project}/scans',
      query: bodies.scansQuery(query),
      schema: schemas.pageSchema('scans', schemas.scanSchema),
    });
    return toPage(raw, query);
  }

  getScan(scanId: string): Promise<t.Scan> {
    return this.call({ method: 'GET', path: `/api/v2/scans/${seg(scanId)}`, template: '/api/v2/scans/{id}', schema: schemas.scanSchema });
  }

  createScan(input: t.CreateScanInput, key: t.StartKey): Promise<t.Started> {
    const body = { kind: 'json' as const, value: bodies.createScanBody(input) };
    return this.start({ method: 'POST', path: '/api/v2/scans/create', template: '/api/v2/scans/create', body }, { branch: input.branch, ...key });
  }

  restartScan(scanId: string, key: t.StartKey): Promise<t.Started> {
    // A plain restart keeps the restarted scan's environment, whatever this run asked for.
    const { projectId, tool, branch, metaData } = key;
    const restarted = { projectId, tool, ...(branch === undefined ? {} : { branch }), ...(metaData === undefined ? {} : { metaData }) };
    return this.start({ method: 'GET', path: `/api/v2/scans/${seg(scanId)}/restart`, template: '/api/v2/scans/{id}/restart' }, restarted);
  }

  restartScanWithOption(scanId: string, options: t.RestartOptions, key: t.StartKey): Promise<t.Started> {
    const body = { kind: 'json' as const, value: bodies.restartWithOptionBody(options) };
    return this.start({ method: 'POST', path: `/api/v2/scans/${seg(scanId)}/restart_with_option`, template: '/api/v2/scans/{id}/restart_with_option', body }, { branch: options.from, ...key });
  }

  scanImage(input: t.ImageScanInput, key: t.StartKey): Promise<t.Started> {
    const body = { kind: 'json' as const, value: bodies.imageScanBody(input) };
    return this.start({ method: 'POST', path: '/api/v2/scans/image', template: '/api/v2/scans/image', body }, { branch: input.branch, ...key });
  }

  async importScan(input: t.ImportInput, key: t.StartKey): Promise<t.Started> {
    const body = await fileMultipart(input.filePath, bodies.importFields(input), 'file');
    return this.start({ method: 'POST', path: '/api/v2/scans/import', template: '/api/v2/scans/import', body: { kind: 'multipart', body } }, { branch: input.branch, ...key });
  }

  async getEventStatus(eventId: string): Promise<t.ScanEvent> {
    const event = await this.call({ method: 'GET', path: `/api/v2/events/${seg(eventId)}/status`, template: '/api/v2/events/{id}/status', schema: schemas.eventSchema });
    return event.id === '' ? { ...event, id: eventId } : event;
  }

  async listCompletedScans(query: { start?: number; limit?: number }): Promise<t.Page<t.QueuedScan>> {
    const path = '/api/v2/scans/completed';
    const raw = await this.call({ method: 'GET', path, template: path, query: { limit: query.limit, start: query.start }, schema: schemas.pageSchema('scans', schemas.queuedScanSchema) });
    return toPage(raw, query);
  }

  lastResults(scanId: string): Promise<t.LastResults> {
    return this.call({ method: 'GET', path: `/api/v2/scans/${seg(scanId)}/last_results`, template: '/api/v2/scans/{id}/last_results', schema: schemas.lastResultsSchema });
  }

  releaseStatus(project: string, branch?: string): Promise<t.ReleaseStatus> {
    return this.call({
      method: 'GET',
      path: `/api/v2/projects/${seg(project)}/release`,
      template: '/api/v2/projects/{project}/release',
      query: { branch: branch === undefined || branch === '' ? undefined : branch },
      schema: schemas.releaseSchema,
    });
  }

  async listVulnerabilities(projectId: string, query: t.VulnerabilityQuery): Promise<t.Page<t.Vulnerability>> {
    const raw = await this.call({
      method: 'GET',
      path: `/api/v2/projects/${seg(projectId)}/vulnerabilities`,
      template: '/api/v2/projects/{id}/vulnerabilities',
      query: bodies.vulnerabilitiesQuery(query),
      schema: schemas.pageSchema('vulnerabilities', schemas.vulnerabilitySchema),
    });
    return toPage(raw, query);
  }

  async listScanparams(project: string, query: t.ScanparamsQuery): Promise<t.Page<t.Scanparams>> {
    const raw = await this.call({
      method: 'GET',
      path: `/api/v2/projects/${seg(project)}/scanparams`,
      template: '/api/v2/projects/{project}/scanparams',
      query: bodies.scanparamsQuery(query),
      schema: schemas.pageSchema('scanparams', schemas.scanparamsSchema),
    });
    return toPage(raw, { limit: query.limit ?? 1 });
  }

  async createScanparams(input: t.CreateScanparamsInput): Promise<t.Scanparams> {
    const res = await this.call({
      method: 'POST',
      path: `/api/v2/projects/${seg(input.projectId)}/scanparams`,
      template: '/api/v2/projects/{id}/scanparams',
      body: { kind: 'json', value: bodies.createScanparamsBody(input) },
      safety: 'unsafe',
      schema: schemas.createScanparamsSchema,
    });
    return res.scanparams;
  }

  async uploadSbom(input: { projectId: string; filePath: string; project: string; branch: string; sbomType?: string }): Promise<{ message: string }> {
    const body = await fileMultipart(input.filePath, bodies.sbomFields(input), 'file');
    const endpoint = 'POST /api/v2/projects/{id}/sbom/upload';
    const res = await this.call({
      method: 'POST',
      path: `/api/v2/projects/${seg(input.projectId)}/sbom/upload`,
      template: '/api/v2/projects/{id}/sbom/upload',
      body: { kind: 'multipart', body },
      safety: 'unsafe',
      schema: schemas.sbomUploadSchema,
    });
    // The platform answers `{message, error}`; a 2xx that carries an error text is still a refusal.
    if (res.error !== '') throw new ApiError('invalid-request', endpoint, this.transport.clean(`${endpoint}: the platform refused the SBOM: ${res.error}`));
    return { message: res.message };
  }

  /** Release agent state; the client keeps no connection open between requests. */
  close(): void {
    this.transport.close();
  }
}
