/**
 * Turning a 2xx response into a domain value: JSON first, then the schema. Any mismatch is an
 * `ApiError('protocol')` naming the endpoint and the field that did not match.
 */
import type { z } from 'zod';
import { HttpFailure, protocolFailure } from './http-errors.js';
import type { ApiResponse } from './transport.js';

type Issue = z.core.$ZodIssue;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(body)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** One issue in words: `field "active" expected number, got string`. */
export function describeIssue(issue: Issue, input: unknown): string {
  const field = `field "${fieldPath(issue.path)}"`;
  const actual = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') {
    return actual === undefined ? `${field} is missing (expected ${issue.expected})` : `${field} expected ${issue.expected}, got ${typeName(actual)}`;
  }
  if (issue.code === 'invalid_union') return `${field} has an unexpected form (got ${typeName(actual)})`;
  if (issue.code === 'invalid_value') {
    return `${field} expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(actual)}`;
  }
  return `${field}: ${issue.message}`;
}

/** Parse a 2xx response with `schema`; throws a protocol `HttpFailure` on bad JSON or a shape mismatch. */
export function decode<T>(res: ApiResponse, endpoint: string, schema: z.ZodType<T>): T {
  if (res.text.trim() === '') throw protocolFailure(endpoint, res.status, res.contentType, res.text);
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw protocolFailure(endpoint, res.status, res.contentType, res.text);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const message = `${endpoint}: ${first === undefined ? 'unexpected response' : describeIssue(first, json)}${more}`;
  throw new HttpFailure('protocol', endpoint, message, 'answered', false, res.status);
}
