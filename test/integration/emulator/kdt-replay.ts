/**
 * Replays the requests the real `kdt` CLI sends (reference §1.3, §3.4, §4, §5.2): same paths, same
 * alphabetical query strings, same bodies and the same checks on the answers. Not a client for the project:
 * it only drives the emulator the way kdt would, so the contract tests see kdt's exact traffic.
 */
import { KDT_TYPES } from './helpers.js';
import type { EventJson, Obj, ProjectJson, ScanJson, ScannerJson, ScanparamsJson } from './helpers.js';

type Q = [string, string][];
const qs = (pairs: Q): string => new URLSearchParams(pairs).toString();

export class KdtError extends Error {}

export class KdtReplay {
  mode: 'core' | 'legacy' = 'legacy';
  private pinged = false;

  constructor(
    private readonly host: string,
    private readonly token: string,
    /** Called instead of kdt's sleeps (10 s between event polls, 5 s between release polls). */
    private readonly sleep: (ms: number) => void,
  ) {}

  /** Every client construction: the core probe, then once per process the "TLS" ping in the chosen mode. */
  async construct(): Promise<void> {
    let core: boolean;
    try {
      const res = await fetch(`${this.host}/api/aspm/v1/core/version`, { headers: { 'User-Agent': 'KDT', Accept: 'application/json', 'X-Auth': this.token } });
      const text = await res.text();
      core = res.ok && (JSON.parse(text) as unknown) !== undefined;
    } catch {
      core = false;
    }
    this.mode = core ? 'core' : 'legacy';
    if (!this.pinged) {
      this.pinged = true;
      const path = core ? '/api/aspm/v1/core/version' : '/core/version';
      await fetch(this.host + path, { headers: this.authHeaders() }).then((r) => r.text());
    }
  }

  private authHeaders(): Record<string, string> {
    return { 'User-Agent': 'KDT', Accept: 'application/json', [this.mode === 'core' ? 'X-Auth' : 'X-Cookie']: this.token };
  }

  /** kdt's `do`: a 2xx body must be JSON; a non-2xx body is read as `{error}`. */
  async call<T = Obj>(method: string, path: string, opts: { query?: string; body?: unknown; form?: FormData; expect?: number } = {}): Promise<T> {
    const url = `${this.host}${this.mode === 'core' ? '/api/aspm/v1' : ''}${path}${opts.query === undefined ? '' : `?${opts.query}`}`;
    const headers = this.authHeaders();
    let body: string | FormData | undefined;
    if (opts.form) body = opts.form;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) {
      const e = JSON.parse(text) as { error?: string };
      throw new KdtError(e.error ? `response not OK: response status:${res.status} error message: ${e.error}` : `response not OK: ${text}`);
    }
    const data = JSON.parse(text) as T;
    if (opts.expect !== undefined && res.status !== opts.expect) throw new KdtError(`HTTP response status not expected: ${opts.expect}/${res.status}`);
    return data;
  }

  scanners(tool: string, limit: number) {
    return this.call<{ active_scanners: ScannerJson[]; total: number }>('GET', '/api/v2/scanners/active', { query: `labels=&limit=${limit}&name=${encodeURIComponent(tool)}&types=${KDT_TYPES}` });
  }

  /** Pre-run check: total > 0 and the first scanner enabled; returns its type. */
  async preRun(tool: string): Promise<string> {
    const r = await this.scanners(tool, 0);
    if (r.total === 0 || r.active_scanners[0]!.disabled) throw new KdtError('unknown, disabled or inactive tool name');
    return r.active_scanners[0]!.type;
  }

  /** getScanner: requires total == 1. */
  async getScanner(tool: string): Promise<ScannerJson> {
    const r = await this.scanners(tool, 1);
    if (r.total === 0) throw new KdtError(`invalid or inactive scanner tool name: ${tool}`);
    if (r.total > 1) throw new KdtError(`multiple scanners found for tool: ${tool}`);
    return r.active_scanners[0]!;
  }

  async findProject(name: string): Promise<ProjectJson> {
    const r = await this.call<{ projects: ProjectJson[] }>('GET', '/api/v2/projects', { query: qs([['alm', ''], ['name', name]]), expect: 200 });
    if (r.projects.length === 0) throw new KdtError('no projects were found according to the given parameters');
    if (r.projects.length > 1) throw new KdtError('multiple projects found for given parameters');
    return r.projects[0]!;
  }

  /** Mode 7 scan search; an error is swallowed into "no scan", as kdt does. */
  async findScan(project: string, tool: string, branch: string, meta = ''): Promise<ScanJson | undefined> {
    const query = qs([['agent_id', ''], ['branch', branch], ['environment', ''], ['fork_scan', 'false'], ['fork_source_branch', ''], ['limit', '1'], ['manual', 'false'], ['meta_data', meta], ['pr', 'false'], ['tool', tool]]);
    try {
      const r = await this.call<{ scans: ScanJson[] }>('GET', `/api/v2/projects/${encodeURIComponent(project)}/scans`, { query, expect: 200 });
      return r.scans[0];
    } catch {
      return undefined;
    }
  }

  async findScanparams(project: string, toolId: string, branch: string, meta = ''): Promise<ScanparamsJson | undefined> {
    const query = qs([['agent', ''], ['branch', branch], ['environment', ''], ['fork_scan', 'false'], ['fork_source_branch', ''], ['limit', '1'], ['manual', 'false'], ['meta_data', meta], ['pr', 'false'], ['target', ''], ['tool_id', toolId]]);
    try {
      const r = await this.call<{ scanparams: ScanparamsJson[]; total: number }>('GET', `/api/v2/projects/${encodeURIComponent(project)}/scanparams`, { query });
      return r.total === 0 ? undefined : r.scanparams[0];
    } catch {
      return undefined;
    }
  }

  async createScanparams(projectId: string, toolId: string, branch: string, customType: number): Promise<ScanparamsJson> {
    const body = {
      tool: { id: toolId }, project: { id: projectId }, agent: {}, bind_name: '', branch, scan_type: 'kdt', meta_data: '', scan_tag: '', fork_scan: false,
      pr: { ok: false, target: '', pr_number: '', no_decoration: false, pr_decoration_scanner_types: '' }, manual: false, custom: { type: customType, params: null }, environment: '',
    };
    const r = await this.call<{ scanparams: ScanparamsJson }>('POST', `/api/v2/projects/${projectId}/scanparams`, { body });
    if (r.scanparams.custom === null || r.scanparams.custom === undefined) throw new KdtError('nil custom: kdt would panic here');
    return r.scanparams;
  }

  /** kdt's rescan-only rule (§3.3): `bind`, `agent` or `template`, unless `creatable-on-tool`. */
  static rescanOnly(scanner: ScannerJson): boolean {
    const labels = scanner.labels ?? [];
    return !labels.includes('creatable-on-tool') && labels.some((l) => l === 'bind' || l === 'agent' || l === 'template');
  }

  /** Mode 4's scan search: no `branch` key, so the latest scan of the tool on any branch. */
  async findAnyScan(project: string, tool: string): Promise<ScanJson | undefined> {
    const query = qs([['agent_id', ''], ['environment', ''], ['fork_scan', 'false'], ['fork_source_branch', ''], ['limit', '1'], ['manual', 'false'], ['meta_data', ''], ['pr', 'false'], ['tool', tool]]);
    const r = await this.call<{ scans: ScanJson[] }>('GET', `/api/v2/projects/${encodeURIComponent(project)}/scans`, { query, expect: 200 });
    return r.scans[0];
  }

  async restartWithOption(scanId: string, from: string, to: string): Promise<string> {
    const body = { from, to, override_old_analyze: false, pr_number: '', no_decoration: false, pr_decoration_scanner_types: '', custom: { type: 0, params: null }, Environment: '' };
    const r = await this.call<{ event?: string }>('POST', `/api/v2/scans/${scanId}/restart_with_option`, { body, expect: 201 });
    if (!r.event) throw new KdtError('event not found in restart scan response');
    return r.event;
  }

  async createScan(body: Record<string, unknown>): Promise<string> {
    const r = await this.call<{ event_id?: string }>('POST', '/api/v2/scans/create', { body, expect: 201 });
    if (!r.event_id) throw new KdtError('event id not found in new scan response');
    return r.event_id;
  }

  async restart(scanId: string): Promise<string> {
    const r = await this.call<{ event?: string }>('GET', `/api/v2/scans/${scanId}/restart`, { expect: 201 });
    if (!r.event) throw new KdtError('event not found in restart scan response');
    return r.event;
  }

  async importFile(file: Blob, fields: Record<string, string>): Promise<string> {
    const form = new FormData();
    form.append('file', file, 'results.sarif');
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const r = await this.call<{ event_id?: string }>('POST', '/api/v2/scans/import', { form, expect: 200 });
    if (!r.event_id) throw new KdtError('event id not found in import response');
    return r.event_id;
  }

  /** `list products [-n]`: no rows is an error (exit 1). */
  async listProducts(name = ''): Promise<{ id: string; name: string; projects_count: number }[]> {
    const r = await this.call<{ products: { id: string; name: string; projects_count: number }[] }>('GET', '/api/v2/products', { query: qs([['name', name]]) });
    if (r.products.length === 0) throw new KdtError('no products found');
    return r.products;
  }

  /** The product flow of `create product` and `create project -P`: find by exact name, POST when missing, else GET + PATCH. */
  async addToProduct(product: string, projectIds: string[]): Promise<Obj> {
    const entry = (id: string) => ({ id, default_branch: '', labels: null, team: { name: '' }, links: { html: '' } });
    const r = await this.call<{ products: { id: string; name: string }[] }>('GET', '/api/v2/products', { query: qs([['name', product]]) });
    const found = r.products.find((p) => p.name === product);
    if (found === undefined) {
      const body = { name: product, projects: projectIds.map(entry), business_unit_tags: [], accessible_for: { owner_ids: [], team_ids: [] }, default_team: { id: '' } };
      return (await this.call<{ product: Obj }>('POST', '/api/v2/products', { body })).product;
    }
    const detail = (await this.call<{ product: Obj & { projects: { id: string }[] } }>('GET', `/api/v2/products/${found.id}`)).product;
    const body = { ...detail, projects: [...detail.projects, ...projectIds.map(entry)] };
    return (await this.call<{ product: Obj }>('PATCH', `/api/v2/products/${found.id}`, { body })).product;
  }

  /** `create product -n N -p a,b`: non-ID entries are looked up by exact name first. */
  async createProduct(name: string, projects: string[]): Promise<Obj> {
    const ids: string[] = [];
    for (const p of projects) {
      if (/^[0-9a-f]{24}$/.test(p)) {
        ids.push(p);
        continue;
      }
      const r = await this.call<{ projects: ProjectJson[] }>('GET', '/api/v2/projects', { query: qs([['alm', ''], ['name', p]]) });
      const exact = r.projects.find((x) => x.name === p);
      if (exact === undefined) throw new KdtError(`project not found: ${p}`);
      ids.push(exact.id);
    }
    return this.addToProduct(name, ids);
  }

  /** `create project -p NAME [-T team] [-l labels] [-P product]`: duplicate check, POST, then the product flow. */
  async createProject(name: string, opts: { team?: string; labels?: string[]; product?: string } = {}): Promise<ProjectJson> {
    const dup = await this.call<{ projects: ProjectJson[] }>('GET', '/api/v2/projects', { query: qs([['alm', ''], ['name', name]]) });
    if (dup.projects.some((p) => p.name === name)) throw new KdtError('project already exists');
    const body = {
      name, source: { tool: '', id: '', url: '', clone_disabled: false, path_scope: { include_empty: false, included_paths: '', included_files: '' } },
      team: { name: opts.team ?? '' }, labels: (opts.labels ?? []).map((l) => ({ name: l })), override: false, overwrite: false,
      fork_source_branch: '', feature_branch_retention: 0, feature_branch_no_retention: false, default_branch: 'main', criticality_level: -1,
    };
    const r = await this.call<{ project: ProjectJson }>('POST', '/api/v2/projects', { body });
    if (opts.product !== undefined) await this.addToProduct(opts.product, [r.project.id]);
    return r.project;
  }

  async createLabel(name: string, color = '000000'): Promise<Obj> {
    return this.call('POST', '/api/v2/labels', { body: { name, color } });
  }

  /** The ID form of `issue_responsible` when the `-r` value is an ObjectID, else the username form. */
  async createTeam(name: string, responsible: string): Promise<Obj> {
    const issue_responsible = /^[0-9a-f]{24}$/.test(responsible) ? { id: responsible } : { username: responsible };
    return this.call('POST', '/api/v2/teams', { body: { name, issue_responsible } });
  }

  /** §4: poll until finished; returns the statuses seen while active and the scan id. */
  async waitForScan(eventId: string): Promise<{ statuses: number[]; scanId: string }> {
    const statuses: number[] = [];
    for (let busy = 0; busy < 1000; busy++) {
      const e = await this.call<EventJson>('GET', `/api/v2/events/${eventId}/status`, { expect: 200 });
      if (e.active === -1) throw new KdtError(`scan failed: ${e.message}`);
      if (e.active === 0 && e.status === 6) return { statuses, scanId: e.scan_id };
      if (e.active === 0) continue;
      if (e.active !== 1) throw new KdtError(`unknown event status: ${e.active}`);
      statuses.push(e.status);
      this.sleep(10_000);
    }
    throw new KdtError('busy loop did not end');
  }

  async scanDetail(scanId: string): Promise<ScanJson> {
    const s = await this.call<ScanJson>('GET', `/api/v2/scans/${scanId}`, { expect: 200 });
    if (s.date === null || s.date === undefined) throw new KdtError('nil date: kdt would panic here');
    return s;
  }

  /** §5.2: poll while in progress (5 s), then fail when status == "fail" with the failing types. */
  async releaseCheck(project: string, branch: string): Promise<{ polls: number; failing: string[]; pass: boolean }> {
    let polls = 0;
    for (;;) {
      polls += 1;
      const r = await this.call<Record<string, { status?: string } | string | undefined>>('GET', `/api/v2/projects/${encodeURIComponent(project)}/release`, { query: branch === '' ? undefined : qs([['branch', branch]]) });
      if (r.progress_status === 'in_progress') {
        this.sleep(5_000);
        continue;
      }
      const types = ['sast', 'dast', 'pentest', 'iast', 'sca', 'cs', 'iac', 'mast', 'sbom', 'infra'];
      const failing = types.filter((t) => (r[t] as { status?: string } | undefined)?.status === 'fail').map((t) => t.toUpperCase());
      return { polls, failing, pass: r.status !== 'fail' };
    }
  }
}
