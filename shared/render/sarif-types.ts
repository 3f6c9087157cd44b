/** The subset of the SARIF 2.1.0 object model we write (no dependency on `@types/sarif` needed). */

export interface SarifMessage {
  text: string;
}

export interface SarifRule {
  id: string;
  shortDescription: SarifMessage;
  fullDescription?: SarifMessage;
  helpUri?: string;
  help: SarifMessage;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[]; 'security-severity': string; precision: string };
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number };
  };
  logicalLocations?: { kind: string; fullyQualifiedName: string }[];
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  kind: 'fail';
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState: 'new' | 'unchanged';
  properties: Record<string, string | number | boolean>;
}

export interface SarifRun {
  tool: { driver: { name: string; informationUri: string; version: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: { executionSuccessful: boolean }[];
  results: SarifResult[];
  properties: Record<string, string | number | boolean>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
