/**
 * GitHub's annotation limits. A module of its own, with no imports: the action reads what findings it annotates
 * before its first platform request, and the annotations (with the renderers they use) load once the run decided.
 */
import type { AnnotationLevel } from './annotations.js';

/** The runner's display limit per step and kind. */
export const RUNNER_ANNOTATION_LIMIT = 10;
/** What findings may use of it; the rest is left for the adapter's own error/warning lines. */
export const FINDING_ANNOTATION_LIMITS: Readonly<Record<AnnotationLevel, number>> = { error: 8, warning: 8 };
