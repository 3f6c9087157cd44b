/** The emulator's whole state, built from a scenario; `Store.build` again is a reset. */
import { IdAllocator } from '../core/ids.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type {
  AgentRec,
  EventRec,
  NamedRef,
  PrInfo,
  ProductRec,
  ProjectRec,
  ScanConfig,
  ScannerRec,
  ScanparamsRec,
  ScanRec,
  UploadRecord,
} from './types.js';

export const emptyPr = (): PrInfo => ({ ok: false, target: '', prNumber: '', noDecoration: false, decorationScannerTypes: '' });

export class Store {
  readonly ids = new IdAllocator();
  readonly projects: ProjectRec[] = [];
  readonly scanners: ScannerRec[] = [];
  readonly agents: AgentRec[] = [];
  readonly scanparams: ScanparamsRec[] = [];
  readonly scans: ScanRec[] = [];
  readonly events = new Map<string, EventRec>();
  readonly uploads: UploadRecord[] = [];
  readonly products: ProductRec[] = [];
  private readonly labelIds = new Map<string, string>();
  private readonly teamIds = new Map<string, string>();
  private scanSeq = 0;

  constructor(readonly scenario: ResolvedScenario) {
    const s = scenario;
    for (const x of [...s.projects, ...s.scanners, ...s.agents, ...s.scanparams, ...s.products]) if (x.id !== undefined) this.ids.reserve(x.id);
    for (const l of s.labels) this.labelRef(l);
    for (const t of ['default', ...s.teams]) this.teamRef(t);
    for (const p of s.projects) {
      this.addProject({
        name: p.name,
        defaultBranch: p.defaultBranch,
        labels: p.labels,
        team: p.team,
        repoUrl: p.repoUrl ?? '',
        repoId: '',
        almTool: p.almTool ?? '',
        createdAt: 0,
        criticalityLevel: -1,
        id: p.id,
      });
      const rec = this.projects[this.projects.length - 1]!;
      rec.releaseRules = { ...p.release.rules };
      rec.inProgressPolls = p.release.inProgressPolls;
      rec.pendingPolls = p.release.inProgressPolls;
    }
    for (const sc of s.scanners) {
      this.scanners.push({
        id: sc.id ?? this.ids.next(),
        slug: sc.slug,
        displayName: sc.displayName ?? sc.slug,
        type: sc.type,
        labels: [...sc.labels],
        disabled: sc.disabled,
        customType: sc.customType,
        params: sc.params,
        ...(sc.importFormats ? { importFormats: [...sc.importFormats] } : {}),
        durationMs: sc.durationMs,
        ...(sc.durationsMs ? { durationsMs: [...sc.durationsMs] } : {}),
        scansStarted: 0,
        ...(sc.phaseWeights ? { phaseWeights: [...sc.phaseWeights] } : {}),
        ...(sc.failure ? { failure: sc.failure } : {}),
        findings: sc.findings,
      });
    }
    for (const pr of s.products) {
      const projectIds = pr.projects.map((ref) => this.project(ref)!.id);
      this.products.push({ id: pr.id ?? this.ids.next(), name: pr.name, projectIds, businessUnitTags: [], accessibleFor: { owner_ids: [], team_ids: [] }, defaultTeamId: '' });
    }
    for (const a of s.agents) this.agents.push({ id: a.id ?? this.ids.next(), label: a.label, url: a.url });
    for (const sp of s.scanparams) {
      const project = this.project(sp.project)!;
      const tool = this.scanner(sp.tool)!;
      this.scanparams.push({
        id: sp.id ?? this.ids.next(),
        projectId: project.id,
        toolId: tool.id,
        branch: sp.branch,
        metaData: sp.metaData,
        environment: sp.environment,
        agentId: sp.agent === undefined ? '' : (this.agents.find((a) => a.label === sp.agent)?.id ?? ''),
        pr: { ...emptyPr(), ok: sp.pr.ok, target: sp.pr.target, prNumber: sp.pr.prNumber },
        forkScan: sp.forkScan,
        forkSourceBranch: sp.forkSourceBranch,
        manual: sp.manual,
        bindName: sp.bindName,
        scanType: 'kdt',
        scanTag: '',
        custom: { type: sp.custom?.type ?? tool.customType, params: sp.custom?.params ?? null },
      });
    }
  }

  hasLabel(name: string): boolean {
    return this.labelIds.has(name);
  }

  hasTeam(name: string): boolean {
    return this.teamIds.has(name);
  }

  /** The label's ref, created when new (scenario setup, `POST /labels`, or `unknownTeamsLabels: create`). */
  labelRef(name: string): NamedRef {
    let id = this.labelIds.get(name);
    if (id === undefined) {
      id = this.ids.next();
      this.labelIds.set(name, id);
    }
    return { id, name };
  }

  /** The team's ref, created when new (scenario setup, `POST /teams`, or `unknownTeamsLabels: create`). */
  teamRef(name: string): NamedRef {
    let id = this.teamIds.get(name);
    if (id === undefined) {
      id = this.ids.next();
      this.teamIds.set(name, id);
    }
    return { id, name };
  }

  addProject(input: {
    id?: string | undefined;
    name: string;
    defaultBranch: string;
    labels: string[];
    team: string;
    repoUrl: string;
    repoId: string;
    almTool: string;
    createdAt: number;
    criticalityLevel: number;
  }): ProjectRec {
    const rec: ProjectRec = {
      id: input.id ?? this.ids.next(),
      name: input.name,
      defaultBranch: input.defaultBranch,
      labels: input.labels.map((l) => this.labelRef(l)),
      team: this.teamRef(input.team),
      repoUrl: input.repoUrl,
      repoId: input.repoId,
      almTool: input.almTool,
      createdAt: input.createdAt,
      criticalityLevel: input.criticalityLevel,
      releaseRules: {},
      inProgressPolls: 0,
      pendingPolls: 0,
    };
    this.projects.push(rec);
    return rec;
  }

  /** By exact id or exact name (path segments carry either). */
  project(idOrName: string): ProjectRec | undefined {
    return this.projects.find((p) => p.id === idOrName) ?? this.projects.find((p) => p.name === idOrName);
  }

  /** By exact id or slug. */
  scanner(idOrSlug: string): ScannerRec | undefined {
    return this.scanners.find((s) => s.id === idOrSlug) ?? this.scanners.find((s) => s.slug === idOrSlug);
  }

  scan(id: string): ScanRec | undefined {
    return this.scans.find((s) => s.id === id);
  }

  nextScanSeq(): number {
    this.scanSeq += 1;
    return this.scanSeq;
  }

  /** Finished scans of a project, newest first. */
  projectScans(projectId: string): ScanRec[] {
    return this.scans.filter((s) => s.config.projectId === projectId).sort((a, b) => b.date - a.date || b.seq - a.seq);
  }

  /** The scanparams with exactly this configuration, or a new one (start calls without scanparams). */
  findOrCreateScanparams(c: Omit<ScanConfig, 'scanparamsId' | 'image'>): ScanparamsRec {
    return this.findScanparams(c) ?? this.createScanparams(c);
  }

  findScanparams(c: Omit<ScanConfig, 'scanparamsId' | 'image'>): ScanparamsRec | undefined {
    return this.scanparams.find(
      (sp) =>
        sp.projectId === c.projectId &&
        sp.toolId === c.toolId &&
        sp.branch === c.branch &&
        sp.metaData === c.metaData &&
        sp.environment === c.environment &&
        sp.agentId === c.agentId &&
        sp.pr.ok === c.pr.ok &&
        sp.pr.target === c.pr.target &&
        sp.forkScan === c.forkScan &&
        sp.forkSourceBranch === c.forkSourceBranch,
    );
  }

  createScanparams(c: Omit<ScanConfig, 'scanparamsId' | 'image'>): ScanparamsRec {
    const rec: ScanparamsRec = {
      id: this.ids.next(),
      projectId: c.projectId,
      toolId: c.toolId,
      branch: c.branch,
      metaData: c.metaData,
      environment: c.environment,
      agentId: c.agentId,
      pr: { ...c.pr },
      forkScan: c.forkScan,
      forkSourceBranch: c.forkSourceBranch,
      manual: c.manual,
      bindName: '',
      scanType: c.scanType,
      scanTag: c.scanTag,
      custom: c.custom,
    };
    this.scanparams.push(rec);
    return rec;
  }

  configFromScanparams(sp: ScanparamsRec): ScanConfig {
    return {
      projectId: sp.projectId,
      toolId: sp.toolId,
      scanparamsId: sp.id,
      branch: sp.branch,
      metaData: sp.metaData,
      environment: sp.environment,
      agentId: sp.agentId,
      pr: { ...sp.pr },
      forkScan: sp.forkScan,
      forkSourceBranch: sp.forkSourceBranch,
      manual: sp.manual,
      scanType: sp.scanType,
      scanTag: sp.scanTag,
      custom: sp.custom,
    };
  }
}
