/**
 * A multipart/form-data body that streams its file part from disk, with the exact Content-Length computed
 * up front. The file is never held in memory; `stream()` may be called once per attempt.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ConfigError } from '../errors.js';

export interface MultipartBody {
  contentType: string;
  /** Bytes on the wire, file included. */
  length: number;
  /** A fresh stream of the whole body; errors (the file vanished, changed size) surface as stream errors. */
  stream(): Readable;
}

/** Quote a value for a Content-Disposition parameter (the escaping Go's mime/multipart uses). */
function quoted(value: string): string {
  return `"${value.replace(/[\r\n]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Build the body: the file part first, named `file`, then each text field in the order given.
 * A missing, unreadable or non-regular file is a `ConfigError` on `setting`, naming the path.
 */
export async function fileMultipart(filePath: string, fields: ReadonlyArray<readonly [string, string]>, setting: string): Promise<MultipartBody> {
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    size = info.size;
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'unreadable';
    throw new ConfigError(setting, `The file "${filePath}" cannot be uploaded (${code}); check the path, relative to the working directory.`);
  }
  const boundary = `invicti-appsec-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quoted(path.basename(filePath))}\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(
    `\r\n${fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`,
  );

  async function* parts(): AsyncGenerator<Buffer> {
    yield head;
    let sent = 0;
    const file = createReadStream(filePath, { highWaterMark: 256 * 1024 });
    try {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        sent += chunk.length;
        if (sent > size) break;
        yield chunk;
      }
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'read error';
      throw new ConfigError(setting, `The file "${filePath}" could not be read while uploading (${code}).`);
    } finally {
      file.destroy();
    }
    // Content-Length was promised from the size at the start; a file that changes meanwhile cannot be sent.
    if (sent !== size) throw new ConfigError(setting, `The file "${filePath}" changed size while it was being uploaded; upload a finished file.`);
    yield tail;
  }

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + size + tail.length,
    stream: () => Readable.from(parts(), { objectMode: false }),
  };
}
