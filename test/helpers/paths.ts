import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project checkout. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The reference folder laid beside the checkout (`../shared`): schemas and docs, read-only. */
export const referenceRoot = path.resolve(repoRoot, '..', 'shared');
export const schemaPath = (file: string): string => path.join(referenceRoot, 'schemas', file);
