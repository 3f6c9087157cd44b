/** Public entry of the local Invicti ASPM platform emulator (see README.md in this folder). */
export { startEmulator } from './emulator.js';
export type { Emulator, EmulatorOptions } from './emulator.js';
export { creatableScenario, defaultScenario } from './scenario/default.js';
export { parseScenario, loadScenarioFile, ScenarioError } from './scenario/parse.js';
export type { Scenario, ResolvedScenario, ReleaseRule, ScenarioFinding } from './scenario/schema.js';
export type { FaultRule, Fault, ActiveFault } from './control/faults.js';
export type { RequestLogEntry } from './control/request-log.js';
export type { EventInfo, StateSummary } from './control/inspect.js';
export type { Mode } from './http/router.js';
export type { UploadRecord } from './state/types.js';
export { riskScore, SEVERITY_NUMBER } from './state/findings.js';
