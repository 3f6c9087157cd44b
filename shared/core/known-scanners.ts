/**
 * Types of scanners whose type is known without asking the platform, so that a mistake that depends only on the
 * type (an image with a SAST scanner) stops the run before its first request. The catalogue is the platform's, so
 * this table lists only what is certain: the seeds' integrations (CodeThreat SAST, Salt Security DAST/API) and the
 * official CLI's former built-in list (reference §6). Trivy is left out: the CLI's README shows it as `sca` with a
 * `container` label, its old list as `cs`. Any other scanner is checked once `scanners/active` tells its type.
 */
import type { ScannerType } from '../api/types.js';

const KNOWN: Readonly<Record<ScannerType, readonly string[]>> = {
  sast: ['codethreat', 'semgrep', 'gosec', 'bandit', 'findsecbugs', 'fortify', 'securitycodescan', 'veracode', 'gitleaks', 'checkmarx'],
  dast: ['saltsecurity', 'owaspzap', 'owaspzapheadless', 'webinspect', 'netsparker', 'appspider', 'hclappscan', 'burpsuite', 'burpsuiteenterprise', 'nuclei'],
  sca: ['checkmarxsca', 'dependencycheck'],
  iac: ['checkmarxkics', 'semgrepconfig'],
  cs: [],
  iast: [],
  cspm: [],
  mast: [],
  infra: [],
  fuzzing: [],
};

const BY_SLUG: ReadonlyMap<string, ScannerType> = new Map(
  Object.entries(KNOWN).flatMap(([type, slugs]) => slugs.map((slug) => [slug, type as ScannerType] as const)),
);

/** The type of a scanner known by its slug, or undefined when only the platform can tell. */
export function knownScannerType(slug: string): ScannerType | undefined {
  return BY_SLUG.get(slug);
}

/** A container scanner scans images: type `cs`, or the `container` label (trivy in the official CLI's README). */
export function scansImages(scanner: { type: string; labels: readonly string[] }): boolean {
  return scanner.type.toLowerCase() === 'cs' || scanner.labels.includes('container');
}
