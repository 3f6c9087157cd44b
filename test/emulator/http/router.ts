/**
 * Path-pattern router. Patterns are split on `/`: a literal segment, `:name` (one non-empty segment) or
 * `*name` (the rest of the path, slashes kept: `projects/check/:alm/*repo` receives `https://github.com/o/r`).
 */
import type { IncomingMessage } from 'node:http';
import type { EmuClock } from '../core/clock.js';
import type { Store } from '../state/store.js';
import type { Reply } from './reply.js';

export type Mode = 'core' | 'legacy' | 'both';

/** What handlers work on; `store` is swapped by a reset, so read it at call time. */
export interface AppEnv {
  store: Store;
  clock: EmuClock;
  baseUrl: string;
  tmpDir: string;
  mode: Mode;
}

export interface RouteContext {
  env: AppEnv;
  req: IncomingMessage;
  method: string;
  /** Path without the core prefix (`/api/v2/...`). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined for bodiless or multipart requests). */
  body: unknown;
  /** The body was sent but is not JSON. */
  bodyInvalid: boolean;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/'), handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    const parts = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    if (seg.startsWith('*')) {
      const rest = parts.slice(i).map(decodeSegment).join('/');
      if (rest === '') return undefined;
      params[seg.slice(1)] = rest;
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (seg.startsWith(':')) {
      if (part === '') return undefined;
      params[seg.slice(1)] = decodeSegment(part);
    } else if (seg !== part) {
      return undefined;
    }
  }
  return pattern.length === parts.length ? params : undefined;
}
