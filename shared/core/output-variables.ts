/**
 * The run's output variables as later jobs of a GitLab pipeline see them (the component's dotenv report). They
 * live in the core, not in the GitLab packaging, because every entry must know these names: a job after the
 * component's job sees them as `INVICTI_*` variables that are not settings, and the misspelled-setting check
 * (`env-names.ts`), whatever entry runs there, must not take them for typos.
 */

/** Output variable → what it holds (for the docs; a test keeps docs/gitlab.md in step). */
export const GITLAB_OUTPUTS = {
  INVICTI_STATUS: 'Outcome of the run: passed, failed, warned, error, timeout or skipped (async runs).',
  INVICTI_EXIT_CODE: 'Exit code of the job: 0 passed or warned, 1 gate failed, 3 platform error or timeout.',
  INVICTI_SUMMARY: 'One-line decision with the reasons (at most 300 characters).',
  INVICTI_EVENT_IDS: 'Platform event IDs of the scans, comma-separated (pass them to the event-id input with mode wait).',
  INVICTI_SCAN_IDS: 'Platform scan IDs, comma-separated.',
  INVICTI_CRITICAL: 'Critical findings, summed over the scanners.',
  INVICTI_HIGH: 'High findings, summed over the scanners.',
  INVICTI_MEDIUM: 'Medium findings, summed over the scanners.',
  INVICTI_LOW: 'Low findings, summed over the scanners.',
  INVICTI_INFO: 'Informational findings, summed over the scanners.',
  INVICTI_TOTAL: 'All findings, summed over the scanners.',
  INVICTI_NEW_TOTAL: 'Findings new in this scan, all severities.',
  INVICTI_FIXED_TOTAL: 'Merge request runs: findings of the target branch that this change fixes; empty when not known.',
  INVICTI_RISK_SCORE: 'Risk score (the highest of the scanners); empty when the platform gave none.',
  INVICTI_RELEASE_STATUS: "Release criteria status as the gate read it, success or fail (fail when a failure counted for one of this run's scanners, see release-criteria); empty when not evaluated.",
  INVICTI_REPORT_URL: 'Link to the scan (one scanner) or the project in Invicti ASPM.',
  INVICTI_NOTE_URL: 'Link to the merge request note; empty when none was written.',
} as const;
