/**
 * What kind of scanner report a file is, recognised from a bounded prefix of its bytes (imports can be 1 GiB, so
 * the file is never parsed whole), and which report formats each known scanner takes as an import. A pure module:
 * the caller reads the prefix. The format names match the emulator's import route (`sarif`, `semgrep`).
 */

export type ReportFormat = 'sarif' | 'semgrep' | 'bandit' | 'gosec' | 'gitleaks' | 'trivy' | 'cyclonedx' | 'dependency-check' | 'gitlab';

/** How messages name each format. */
export const REPORT_FORMAT_NAMES: Readonly<Record<ReportFormat, string>> = {
  sarif: 'SARIF 2.1.0',
  semgrep: 'semgrep JSON',
  bandit: 'bandit JSON',
  gosec: 'gosec JSON',
  gitleaks: 'gitleaks JSON',
  trivy: 'trivy JSON',
  cyclonedx: 'CycloneDX JSON',
  'dependency-check': 'OWASP dependency-check JSON',
  gitlab: 'GitLab security report JSON',
};

/**
 * The formats a known scanner's import takes, keyed by scanner slug. SARIF is the common format every SARIF-capable
 * scanner can write; the rest is each tool's own JSON. A scanner absent from this table is not judged: the platform
 * decides (the catalogue is the tenant's, so a guess must never refuse a run).
 */
const SCANNER_IMPORT_FORMATS: Readonly<Record<string, readonly ReportFormat[]>> = {
  semgrep: ['semgrep', 'sarif'],
  bandit: ['bandit', 'sarif'],
  gosec: ['gosec', 'sarif'],
  gitleaks: ['gitleaks', 'sarif'],
  trivy: ['trivy', 'sarif'],
};

/** A key at any depth of the prefix (`"name":`), which survives a prefix cut in the middle of the document. */
const hasKey = (text: string, key: string): boolean => new RegExp(`"${key.replace(/[$]/g, '\\$&')}"\\s*:`).test(text);

/** Recognisers in order: the most specific shapes first (SARIF and bandit also carry a `results` key). */
const RECOGNISERS: readonly [ReportFormat, (head: string) => boolean][] = [
  ['sarif', (h) => /"\$schema"\s*:\s*"[^"]*sarif/i.test(h) || (/"version"\s*:\s*"2\.1\.0"/.test(h) && hasKey(h, 'runs'))],
  ['cyclonedx', (h) => /"bomFormat"\s*:\s*"CycloneDX"/i.test(h)],
  ['gitlab', (h) => hasKey(h, 'vulnerabilities') && /"scan"\s*:\s*\{/.test(h) && /"analyzer"\s*:|"scanner"\s*:/.test(h)],
  ['trivy', (h) => hasKey(h, 'SchemaVersion') && (hasKey(h, 'ArtifactName') || hasKey(h, 'Results'))],
  ['dependency-check', (h) => hasKey(h, 'reportSchema') && (hasKey(h, 'scanInfo') || hasKey(h, 'dependencies'))],
  ['gosec', (h) => hasKey(h, 'Issues') && (hasKey(h, 'Stats') || hasKey(h, 'Golang errors'))],
  ['bandit', (h) => hasKey(h, 'results') && (hasKey(h, 'test_id') || (hasKey(h, 'metrics') && hasKey(h, 'generated_at')))],
  // An empty semgrep report has no `check_id`: then `errors` or `paths` beside an empty `results` tell it.
  ['semgrep', (h) => hasKey(h, 'results') && (hasKey(h, 'check_id') || (/"results"\s*:\s*\[\s*\]/.test(h) && (hasKey(h, 'errors') || hasKey(h, 'paths'))))],
  ['gitleaks', (h) => /^\s*\[/.test(h) && hasKey(h, 'RuleID')],
];

/** The first bytes of the file, as text (a UTF-8 BOM dropped; a character cut at the end is harmless). */
function prefixText(prefix: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(prefix).replace(/^\uFEFF/, '');
}

export type Sniffed = { kind: 'not-json' } | { kind: 'json'; format?: ReportFormat };

/** What a report file is, from its first bytes: not JSON at all, or JSON of a recognised format (or of none). */
export function sniffReportFormat(prefix: Uint8Array): Sniffed {
  const head = prefixText(prefix).trimStart();
  if (!head.startsWith('{') && !head.startsWith('[')) return { kind: 'not-json' };
  const found = RECOGNISERS.find(([, test]) => test(head));
  return found ? { kind: 'json', format: found[0] } : { kind: 'json' };
}

export type ImportVerdict =
  | { kind: 'ok' }
  /** A known scanner and a recognised format it does not take: refuse before any request. */
  | { kind: 'refuse'; found: ReportFormat; accepted: readonly ReportFormat[] }
  /** A known scanner and JSON of no recognised format: worth a warning, never a refusal. */
  | { kind: 'unrecognised'; accepted: readonly ReportFormat[] };

/** Whether `scanner` takes a file of the sniffed format; only a certain mismatch refuses. */
export function judgeImport(scanner: string, format: ReportFormat | undefined): ImportVerdict {
  const accepted = SCANNER_IMPORT_FORMATS[scanner.toLowerCase()];
  if (accepted === undefined) return { kind: 'ok' };
  if (format === undefined) return { kind: 'unrecognised', accepted };
  return accepted.includes(format) ? { kind: 'ok' } : { kind: 'refuse', found: format, accepted };
}

/** "SARIF 2.1.0 or semgrep JSON" for messages. */
export function formatList(formats: readonly ReportFormat[]): string {
  const names = formats.map((f) => REPORT_FORMAT_NAMES[f]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}
