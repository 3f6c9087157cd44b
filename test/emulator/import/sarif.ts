/** SARIF 2.1.0 results -> findings (name from rule/message, severity from `security-severity` or level, CWE from tags). */
import type { FindingRec } from '../state/types.js';
import type { SeverityName } from '../scenario/schema.js';

type J = Record<string, unknown>;
const asObj = (v: unknown): J | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as J) : undefined);
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const text = (v: unknown): string | undefined => asStr(asObj(v)?.text);

export function isSarif(doc: J): boolean {
  const schema = typeof doc.$schema === 'string' ? doc.$schema : '';
  return Array.isArray(doc.runs) && (doc.version === '2.1.0' || /sarif/i.test(schema));
}

/** CVSS-like `security-severity` score (GitHub convention) to a severity. */
export function severityFromScore(score: number): SeverityName {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const LEVELS: Record<string, SeverityName> = { error: 'high', warning: 'medium', note: 'low', none: 'info' };

/** First CWE number in tags like `CWE-89`, `external/cwe/cwe-089`, or a `cwe` property. */
export function cweFrom(values: unknown[]): { id: number; name?: string } | undefined {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = /cwe[-/_ ]?0*(\d+)(?::\s*(.+))?/i.exec(v);
    if (m) return { id: Number(m[1]), ...(m[2] ? { name: m[2].trim() } : {}) };
  }
  return undefined;
}

function ruleFor(run: J, result: J): J | undefined {
  const driver = asObj(asObj(run.tool)?.driver);
  const rules = [...asArr(driver?.rules), ...asArr(asObj(run.tool)?.extensions).flatMap((e) => asArr(asObj(e)?.rules))];
  const id = asStr(result.ruleId) ?? asStr(asObj(result.rule)?.id);
  const byId = id === undefined ? undefined : rules.map(asObj).find((r) => r?.id === id);
  if (byId) return byId;
  const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : asObj(result.rule)?.index;
  return typeof index === 'number' ? asObj(asArr(driver?.rules)[index]) : undefined;
}

export function sarifFindings(doc: J): FindingRec[] {
  const out: FindingRec[] = [];
  for (const runValue of asArr(doc.runs)) {
    const run = asObj(runValue);
    if (!run) continue;
    for (const resValue of asArr(run.results)) {
      const result = asObj(resValue);
      if (!result) continue;
      const rule = ruleFor(run, result);
      const ruleId = asStr(result.ruleId) ?? asStr(rule?.id) ?? '';
      const name = text(rule?.shortDescription) ?? asStr(rule?.name) ?? text(result.message) ?? (ruleId || 'unnamed finding');
      const rawScore = asObj(result.properties)?.['security-severity'] ?? asObj(rule?.properties)?.['security-severity'];
      const score = typeof rawScore === 'string' || typeof rawScore === 'number' ? Number(rawScore) : Number.NaN;
      const level = asStr(result.level) ?? asStr(asObj(rule?.defaultConfiguration)?.level) ?? 'warning';
      const severity = Number.isFinite(score) ? severityFromScore(score) : (LEVELS[level] ?? 'medium');
      const loc = asObj(asObj(asArr(result.locations)[0])?.physicalLocation);
      const path = asStr(asObj(loc?.artifactLocation)?.uri);
      const line = asObj(loc?.region)?.startLine;
      const props = [asObj(rule?.properties), asObj(result.properties)];
      const cwe = cweFrom(props.flatMap((p) => [...asArr(p?.tags), ...asArr(p?.cwe), p?.cwe]));
      const f: FindingRec = {
        fingerprint: [ruleId || name, path ?? '', typeof line === 'number' ? line : ''].join('|'),
        name,
        severity,
        ...(cwe ? { cwe: cwe.id, ...(cwe.name ? { cweName: cwe.name } : {}) } : {}),
        ...(path ? { path } : {}),
        ...(typeof line === 'number' && line > 0 ? { line } : {}),
        ...(Number.isFinite(score) ? { cvss: Math.min(10, Math.max(0, score)) } : {}),
      };
      out.push(f);
    }
  }
  return out;
}
