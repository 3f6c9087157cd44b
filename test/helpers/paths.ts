import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project checkout. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** JSON schemas vendored with the tests (provenance and licenses in test/schemas/README.md). */
export const schemaPath = (file: string): string => path.join(repoRoot, 'test', 'schemas', file);
