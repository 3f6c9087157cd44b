import type { PackagingReads } from '../../shared/core/findings.js';

/** What the job's own outputs read of the findings: the security reports list every finding (and so every new one). */
export const GITLAB_READS: PackagingReads = { allFindings: true };
