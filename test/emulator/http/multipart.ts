/**
 * Multipart uploads streamed to a temp file with busboy: no in-memory size limit, the byte count recorded.
 * The caller deletes the file.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import busboy from 'busboy';
import { HttpError } from './reply.js';

export interface UploadedFile {
  path: string;
  bytes: number;
  filename: string;
  mimeType: string;
}

export interface MultipartResult {
  fields: Record<string, string>;
  file?: UploadedFile;
}

let uploadCounter = 0;

export function receiveMultipart(req: IncomingMessage, tmpDir: string, fileField = 'file'): Promise<MultipartResult> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fieldSize: 1024 * 1024 } });
    } catch (err) {
      reject(new HttpError(400, `invalid multipart request: ${err instanceof Error ? err.message : String(err)}`));
      req.resume();
      return;
    }
    const fields: Record<string, string> = {};
    let file: UploadedFile | undefined;
    let writing: Promise<void> = Promise.resolve();
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      const cleanup = file ? rm(file.path, { force: true }) : Promise.resolve();
      void cleanup.finally(() => reject(err instanceof HttpError ? err : new HttpError(400, `upload failed: ${String(err)}`)));
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== fileField || file !== undefined) {
        stream.resume();
        return;
      }
      uploadCounter += 1;
      const target: UploadedFile = {
        path: join(tmpDir, `upload-${process.pid}-${uploadCounter}.bin`),
        bytes: 0,
        filename: info.filename ?? '',
        mimeType: info.mimeType,
      };
      file = target;
      stream.on('data', (chunk: Buffer) => {
        target.bytes += chunk.length;
      });
      const out = createWriteStream(target.path);
      writing = new Promise<void>((done, broke) => {
        out.on('finish', () => done());
        out.on('error', broke);
        stream.on('error', broke);
      });
      stream.pipe(out);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      writing.then(
        () => {
          if (!failed) resolve(file ? { fields, file } : { fields });
        },
        fail,
      );
    });
    req.on('close', () => {
      if (!req.complete) fail(new HttpError(400, 'upload aborted'));
    });
    req.on('error', fail);
    req.pipe(parser);
  });
}
