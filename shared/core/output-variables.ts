/**
 * The run's `INVICTI_*` output variables. Today only the GitLab component writes them (its dotenv report, so later
 * jobs of the pipeline see them as variables). They live in the core, not in the GitLab packaging, because the
 * misspelled-setting check (`env-names.ts`) of every entry must know these names: whatever runs in a later job
 * (the CLI, the component again) sees `INVICTI_*` variables that are not settings and must not take them for typos.
 */

/** Output variable → what it holds (for the docs; a test keeps docs/gitlab.md in step). */
export const OUTPUT_VARIABLES = {
  INVICTI_STATUS: 'Outcome of the run: passed, failed, warned, error, timeout or skipped (async runs).',
  INVICTI_EXIT_CODE: 'Exit code of the job: 0 passed or warned, 1 gate failed, 3 platform error or timeout.',
  INVICTI_SUMMARY: 'One-line decision with the reasons (at most 300 characters).',
  INVICTI_EVENT_IDS: 'Platform event IDs of the scans, comma-separated (pass them to the event-id input with mode wait).',
  INVICTI_SCAN_IDS: 'Platform scan IDs, comma-separated.',
  INVICTI_CRITICAL: 'Critical findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_HIGH: 'High findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_MEDIUM: 'Medium findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_LOW: 'Low findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_INFO: 'Informational findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_TOTAL: 'All findings, summed over the scanners; empty when a scanner has no finished scan to count.',
  INVICTI_NEW_TOTAL: 'Findings new in this scan, all severities; empty when not known for every scanner.',
  INVICTI_FIXED_TOTAL: 'Merge request runs: findings of the target branch that this change fixes; empty when not known for every scanner.',
  INVICTI_RISK_SCORE: 'Risk score (the highest of the scanners); empty when the platform gave none.',
  INVICTI_RELEASE_STATUS: "Release criteria status as the gate read it, success or fail (fail when a failure counted for one of this run's scanners, see release-criteria); empty when not evaluated.",
  INVICTI_REPORT_URL: 'Link to the scan (one scanner) or the project in Invicti ASPM.',
  INVICTI_NOTE_URL: 'Link to the merge request note; empty when none was written.',
} as const;
