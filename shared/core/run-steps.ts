/**
 * What a run needs once its project is known: the scanners' own flow (trigger, wait, findings, gate, release), the
 * change scope and the combined result. run-scan imports this module dynamically, after the project's request, so
 * that a bundle starts without loading or compiling any of it before its first request (bench: cold start).
 */
export { combinedExitCode, combinedStatus, summarize } from './combine.js';
export { readScope } from './change-scope.js';
export { evaluateGate, gateStatus } from './gate.js';
export { readReleaseStatus, sharedReleaseReads, summarizeRelease } from './release.js';
export { resolveScannersByType } from './resolve-by-type.js';
export { scanOne } from './scan-one.js';
