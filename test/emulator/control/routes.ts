/** The control API under `/__emulator/` (no auth; not part of the platform contract). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { decodeBody, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/reply.js';
import type { Mode } from '../http/router.js';
import type { UploadRecord } from '../state/types.js';
import type { ActiveFault, FaultRule } from './faults.js';
import { UnknownEventError } from './inspect.js';
import type { EventInfo, StateSummary } from './inspect.js';
import type { RequestLogEntry } from './request-log.js';

/** What the control API can do; the `Emulator` object offers the same as typed methods. */
export interface ControlApi {
  addFault(rule: FaultRule): ActiveFault;
  faults(): ActiveFault[];
  clearFaults(): number;
  requests(since?: number): RequestLogEntry[];
  nextRequestIndex(): number;
  clearRequests(): void;
  event(id: string): EventInfo | undefined;
  completeEvent(id: string): EventInfo;
  failEvent(id: string, message?: string): EventInfo;
  reset(): void;
  state(): StateSummary;
  uploads(): UploadRecord[];
  setMode(mode: Mode): void;
}

const modeBody = z.strictObject({ mode: z.enum(['core', 'legacy', 'both']) });
const failBody = z.object({ message: z.string().optional() }).optional();

function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export function controlHandler(api: ControlApi) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const decoded = decodeBody(await readBody(req));
    const parts = path.split('/').slice(2);
    const route = `${method} ${parts.map((p, i) => (parts[0] === 'events' && i === 1 ? ':id' : p)).join('/')}`;
    const rawId = parts[0] === 'events' ? (parts[1] ?? '') : '';
    try {
      const eventId = decodeURIComponent(rawId);
      if (decoded.invalid) throw new HttpError(400, 'invalid JSON body');
      const body = decoded.value;
      switch (route) {
        case 'POST faults':
          if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'fault rule must be a JSON object');
          return sendJson(res, 201, { fault: api.addFault(body as FaultRule) });
        case 'GET faults':
          return sendJson(res, 200, { faults: api.faults() });
        case 'DELETE faults':
          return sendJson(res, 200, { cleared: api.clearFaults() });
        case 'GET requests': {
          const since = Number.parseInt(query.get('since') ?? '0', 10);
          return sendJson(res, 200, { requests: api.requests(Number.isFinite(since) ? since : 0), next: api.nextRequestIndex() });
        }
        case 'DELETE requests':
          api.clearRequests();
          return sendJson(res, 200, { cleared: true });
        case 'GET events/:id': {
          const ev = api.event(eventId);
          if (ev === undefined) throw new HttpError(404, `unknown event ${eventId}`);
          return sendJson(res, 200, ev);
        }
        case 'POST events/:id/complete':
          return sendJson(res, 200, api.completeEvent(eventId));
        case 'POST events/:id/fail': {
          const parsed = failBody.safeParse(body);
          if (!parsed.success) throw new HttpError(400, zodMessage(parsed.error));
          return sendJson(res, 200, api.failEvent(eventId, parsed.data?.message));
        }
        case 'POST reset':
          api.reset();
          return sendJson(res, 200, { reset: true });
        case 'GET state':
          return sendJson(res, 200, api.state());
        case 'GET uploads':
          return sendJson(res, 200, { uploads: api.uploads() });
        case 'POST mode': {
          const parsed = modeBody.safeParse(body);
          if (!parsed.success) throw new HttpError(400, zodMessage(parsed.error));
          api.setMode(parsed.data.mode);
          return sendJson(res, 200, { mode: parsed.data.mode });
        }
        default:
          throw new HttpError(404, 'not found');
      }
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      if (err instanceof z.ZodError) return sendJson(res, 400, { error: zodMessage(err) });
      if (err instanceof UnknownEventError) return sendJson(res, 404, { error: err.message });
      throw err;
    }
  };
}
