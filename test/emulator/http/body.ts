/** Reading small request bodies (JSON calls); multipart uploads are streamed elsewhere. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './reply.js';

const JSON_BODY_LIMIT = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'request body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface DecodedBody {
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  value: unknown;
  /** A non-empty body that is not JSON. */
  invalid: boolean;
  raw: string;
}

export function decodeBody(buf: Buffer): DecodedBody {
  const raw = buf.toString('utf8');
  if (buf.length === 0) return { value: undefined, invalid: false, raw };
  try {
    return { value: JSON.parse(raw) as unknown, invalid: false, raw };
  } catch {
    return { value: undefined, invalid: true, raw };
  }
}
