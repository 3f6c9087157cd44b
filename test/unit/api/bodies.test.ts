import { describe, expect, it } from 'vitest';
import * as b from '../../../shared/api/bodies.js';
import { queryString } from '../../../shared/api/urls.js';

describe('request shapes as kdt sends them (aspm-api.md §2-3)', () => {
  it('project scans query, as observed for `scan -p proj -t semgrep -b main`', () => {
    expect(queryString(b.scansQuery({ tool: 'semgrep', branch: 'main', limit: 1 }))).toBe(
      '?agent_id=&branch=main&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=&pr=false&tool=semgrep',
    );
  });

  it('scanparams query: every key, always', () => {
    expect(queryString(b.scanparamsQuery({ toolId: 'tid', branch: 'main', metaData: 'm' }))).toBe(
      '?agent=&branch=main&environment=&fork_scan=false&fork_source_branch=&limit=1&manual=false&meta_data=m&pr=false&target=&tool_id=tid',
    );
  });

  it('scanners and projects queries', () => {
    expect(queryString(b.scannersQuery({ name: 'semgrep', limit: 1 }))).toBe('?labels=&limit=1&name=semgrep&types=sast%2Cdast%2Csca%2Ccs%2Ciac%2Ciast%2Ccspm%2Cmast%2Cinfra%2Cfuzzing');
    expect(queryString(b.projectsQuery({ name: 'My Proj' }))).toBe('?alm=&name=My+Proj');
  });

  it('create project body has every key kdt sends', () => {
    const body = b.createProjectBody({ name: '', repoUrl: 'https://github.com/o/r', almTool: 'github', team: 'sec', labels: ['a', 'b'] });
    expect(body).toEqual({
      name: '',
      source: { tool: 'github', id: '', url: 'https://github.com/o/r', clone_disabled: false, path_scope: { include_empty: false, included_paths: '', included_files: '' } },
      team: { name: 'sec' },
      labels: [{ name: 'a' }, { name: 'b' }],
      override: false,
      overwrite: false,
      fork_source_branch: '',
      feature_branch_retention: 0,
      feature_branch_no_retention: false,
      default_branch: 'main',
      criticality_level: 0,
    });
    expect((b.createProjectBody({ name: 'x', repoUrl: '12345' }).source as { id: string }).id).toBe('12345');
  });

  it('create scan body, with scanparams, as in §3.4 step 5', () => {
    expect(JSON.stringify(b.createScanBody({ scanparamsId: 'sp', branch: 'main', project: 'proj', toolId: 'tid', custom: { type: 1, params: { a: 1 } } }))).toBe(
      '{"scanparams_id":"sp","branch":"main","project":"proj","tool_id":"tid","pr":{"ok":false,"target":"","pr_number":"","no_decoration":false,"pr_decoration_scanner_types":""},"custom":{"type":1,"params":{"a":1}},"meta_data":"","scan_tag":"","fork_scan":false,"fork_source_branch":"","override_fork_source_branch":false,"environment":""}',
    );
  });

  it('restart with option sends Environment (as kdt) and environment', () => {
    const body = b.restartWithOptionBody({ from: 'feat', to: 'main', prNumber: '7', environment: 'develop' });
    expect(body).toMatchObject({ from: 'feat', to: 'main', pr_number: '7', override_old_analyze: false, Environment: 'develop', environment: 'develop', custom: { type: 0, params: null } });
  });

  it('scanparams body and import fields', () => {
    expect(b.createScanparamsBody({ projectId: 'p', toolId: 't', branch: 'main', agentId: 'a' })).toMatchObject({ tool: { id: 't' }, project: { id: 'p' }, agent: { id: 'a' }, scan_type: 'kdt', custom: { type: 0, params: null } });
    const names = b.importFields({ filePath: 'f', project: 'p', tool: 'semgrep', branch: 'main' }).map(([n]) => n);
    expect(names).toEqual(['project', 'branch', 'tool', 'meta_data', 'scan_tag', 'environment', 'target', 'pr_number', 'pr_decoration_scanner_types', 'no_decoration', 'override_old_analyze', 'fork-scan', 'fork-source', 'override-fork-source', 'incremental-scan', 'sbom_file_scan', 'api_file_scan']);
  });
});
