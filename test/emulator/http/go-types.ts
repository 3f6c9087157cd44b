/**
 * The platform is a Go server: its `encoding/json` decoder refuses a body field of the wrong JSON kind (a number
 * for a string, `"true"` for a bool, a fraction for an int) with `json: cannot unmarshal number into Go struct
 * field ProjectDetail.name of type string`. These shapes describe each JSON body route's fields (names as kdt
 * sends them; the Go struct names are guesses) so the emulator refuses what such a decoder refuses. As in Go,
 * `null` is accepted for any field, unknown keys are ignored, and keys match case-insensitively.
 */
export type GoType = 'string' | 'bool' | 'int' | 'uint' | 'any' | GoStruct | { array: GoType };
export interface GoStruct {
  struct: string;
  fields: Record<string, GoType>;
}

const struct = (name: string, fields: Record<string, GoType>): GoStruct => ({ struct: name, fields });
const strings = (...names: string[]): Record<string, GoType> => Object.fromEntries(names.map((n) => [n, 'string' as const]));

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v);

function typeName(t: GoType): string {
  if (typeof t === 'string') return t === 'any' ? 'interface {}' : t;
  if ('array' in t) return `[]${typeName(t.array)}`;
  return `kondukto.${t.struct}`;
}

/** The Go decoder's message for the first mismatch (walking in body order), or undefined. */
function check(value: unknown, t: GoType, top: string, path: string): string | undefined {
  if (value === null || t === 'any') return undefined;
  const where = path === '' ? `Go value of type ${typeName(t)}` : `Go struct field ${top}.${path} of type ${typeName(t)}`;
  const k = kind(value);
  const refuse = (what = k) => `json: cannot unmarshal ${what} into ${where}`;
  if (t === 'string') return k === 'string' ? undefined : refuse();
  if (t === 'bool') return k === 'bool' ? undefined : refuse();
  if (t === 'int' || t === 'uint') {
    if (k !== 'number') return refuse();
    const n = value as number;
    return Number.isInteger(n) && (t === 'int' || n >= 0) ? undefined : refuse(`number ${String(n)}`);
  }
  if ('array' in t) {
    if (k !== 'array') return refuse();
    for (const item of value as unknown[]) {
      const e = check(item, t.array, top, path);
      if (e !== undefined) return e;
    }
    return undefined;
  }
  if (k !== 'object') return refuse();
  const byLower = new Map(Object.entries(t.fields).map(([name, ft]) => [name.toLowerCase(), [name, ft] as const]));
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = byLower.get(key.toLowerCase());
    if (field === undefined) continue;
    const e = check(v, field[1], top, path === '' ? field[0] : `${path}.${field[0]}`);
    if (e !== undefined) return e;
  }
  return undefined;
}

/** `undefined` when the body decodes into `shape`, else the Go decoder's error text. */
export function goDecodeError(body: unknown, shape: GoStruct): string | undefined {
  return check(body, shape, shape.struct, '');
}

const pr = struct('PRInfo', { ok: 'bool', target: 'string', pr_number: 'string', no_decoration: 'bool', pr_decoration_scanner_types: 'string' });
const custom = struct('Custom', { type: 'int', params: 'any' });
const named = (n: string) => struct(n, strings('id', 'name'));
const label = struct('Label', { ...strings('name', 'color'), risk_value: 'int', add_to_all_projects: 'bool' });

export const GO_BODIES = {
  project: struct('ProjectDetail', {
    ...strings('name', 'fork_source_branch', 'default_branch'),
    source: struct('ProjectSource', {
      ...strings('tool', 'id', 'url'),
      clone_disabled: 'bool',
      path_scope: struct('PathScope', { include_empty: 'bool', ...strings('included_paths', 'included_files') }),
    }),
    team: named('ProjectTeam'),
    labels: { array: label },
    override: 'bool',
    overwrite: 'bool',
    feature_branch_retention: 'uint',
    feature_branch_no_retention: 'bool',
    criticality_level: 'int',
  }),
  scanparams: struct('ScanparamsDetail', {
    ...strings('bind_name', 'branch', 'scan_type', 'meta_data', 'scan_tag', 'environment', 'fork_source_branch'),
    tool: named('IDWithName'),
    project: named('IDWithName'),
    agent: named('IDWithName'),
    fork_scan: 'bool',
    manual: 'bool',
    pr,
    custom,
  }),
  scanparamsDelete: struct('ScanparamsSearchParams', { ...strings('id', 'tool_name', 'branch', 'meta_data'), meta_data_is_empty: 'bool' }),
  scanCreate: struct('ScanPR', {
    ...strings('scanparams_id', 'branch', 'project', 'tool_id', 'tool', 'agent_id', 'meta_data', 'scan_tag', 'fork_source_branch', 'environment'),
    pr,
    custom,
    fork_scan: 'bool',
    override_fork_source_branch: 'bool',
  }),
  restartWithOption: struct('ScanRestartOptions', {
    ...strings('from', 'to', 'pr_number', 'pr_decoration_scanner_types', 'environment'),
    override_old_analyze: 'bool',
    no_decoration: 'bool',
    custom,
  }),
  imageScan: struct('ImageScanParams', { ...strings('project', 'tool', 'branch', 'image', 'meta_data', 'environment', 'scan_tag', 'agent_id'), custom }),
  product: struct('ProductDetail', {
    ...strings('id', 'name'),
    projects: { array: struct('Project', { ...strings('id', 'name', 'default_branch'), team: named('ProjectTeam'), labels: { array: label } }) },
    business_unit_tags: { array: 'any' },
    accessible_for: struct('AccessibleFor', { owner_ids: { array: 'string' }, team_ids: { array: 'string' } }),
    default_team: named('DefaultTeam'),
  }),
  label,
  team: struct('Team', { name: 'string', issue_responsible: struct('IssueResponsible', strings('id', 'username')) }),
} as const;
