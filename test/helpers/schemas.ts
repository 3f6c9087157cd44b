/** Ajv validators for the vendored report (and Bitbucket Pipelines) schemas (draft-07; `strict: false` for GitLab's `self` keyword). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { schemaPath } from './paths.js';

// ajv-formats is CommonJS: at runtime the default import is the plugin function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const cache = new Map<string, ValidateFunction>();

export function validator(
  file: 'sarif-2.1.0.schema.json' | 'gitlab-sast-report-format.json' | 'gitlab-dast-report-format.json' | 'bitbucket-pipelines.schema.json',
): ValidateFunction {
  const known = cache.get(file);
  if (known !== undefined) return known;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as object;
  const validate = ajv.compile(schema);
  cache.set(file, validate);
  return validate;
}

/** Validates a JSON round trip of `report` (what a file on disk would hold); returns the errors as text. */
export function schemaErrors(file: Parameters<typeof validator>[0], report: unknown): string {
  const validate = validator(file);
  const data: unknown = JSON.parse(JSON.stringify(report));
  return validate(data) ? '' : JSON.stringify(validate.errors?.slice(0, 10), null, 1);
}
