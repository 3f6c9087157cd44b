/**
 * Bitbucket Code Insights' documented limits. A module of its own, with no imports: the pipe's entry reads the
 * annotation cap before its first platform request, and the Code Insights client (with its HTTP stack) loads
 * only once the scan has decided.
 */
export const INSIGHTS_LIMITS = {
  reportDetails: 2000,
  reportData: 10,
  annotationsPerRequest: 100,
  annotationsPerReport: 1000,
  annotationSummary: 450,
  /** Not documented for annotations; the report's limit is used to stay clear of a 400. */
  annotationDetails: 2000,
} as const;
