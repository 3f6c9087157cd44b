// Baseline for the import benchmark: what a client that buffers the whole file does (the official CLI builds its
// multipart body in memory). Reads the file, builds the body as one Buffer, POSTs it once.
// Usage: node baseline-buffered-upload.mjs <file> (env: HOST, TOKEN)
import { readFileSync } from 'node:fs';
import http from 'node:http';

const file = process.argv[2];
const boundary = `----bench${Date.now()}`;
const fields = { project: 'demo-app', branch: 'main', tool: 'semgrep', meta_data: '', scan_tag: '', environment: '' };
const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="results.json"\r\nContent-Type: application/octet-stream\r\n\r\n`);
let tail = '\r\n';
for (const [k, v] of Object.entries(fields)) tail += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
tail += `--${boundary}--\r\n`;
const body = Buffer.concat([head, readFileSync(file), Buffer.from(tail)]);
const url = new URL('/api/v2/scans/import', process.env.HOST);
const req = http.request(url, { method: 'POST', headers: { 'X-Cookie': process.env.TOKEN, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length } }, (res) => {
  res.resume();
  res.on('end', () => process.exit(res.statusCode === 200 ? 0 : 1));
});
req.end(body);
