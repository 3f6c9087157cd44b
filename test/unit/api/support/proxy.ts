/**
 * A tiny forward proxy on loopback: absolute-form HTTP requests and CONNECT tunnels, each recorded.
 * Host names are resolved only through `hosts` (e.g. `platform.test` -> 127.0.0.1), so a test's target is
 * a name the client cannot reach, or bypass, by itself.
 */
import http from 'node:http';
import net from 'node:net';
import { listen, trackSockets } from './servers.js';

export interface ProxyRecord {
  method: string;
  target: string;
  proxyAuthorization?: string;
}

export interface TestProxy {
  url: string;
  port: number;
  records: ProxyRecord[];
  /** TCP connections clients opened to the proxy. */
  connections(): number;
  close(): Promise<void>;
}

export async function startProxy(hosts: Record<string, string>, options: { requireAuth?: string } = {}): Promise<TestProxy> {
  const records: ProxyRecord[] = [];
  const resolve = (host: string): string => hosts[host] ?? '0.0.0.0';
  const authorized = (value: string | undefined): boolean => options.requireAuth === undefined || value === options.requireAuth;

  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    records.push({ method: req.method ?? '', target: req.url ?? '', ...(auth === undefined ? {} : { proxyAuthorization: auth }) });
    if (!authorized(auth)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': '0' });
      res.end();
      return;
    }
    const target = new URL(req.url ?? '/');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ host: resolve(target.hostname), port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    records.push({ method: 'CONNECT', target: req.url ?? '', ...(auth === undefined ? {} : { proxyAuthorization: auth }) });
    if (!authorized(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), resolve(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });

  let connections = 0;
  server.on('connection', () => (connections += 1));
  const destroySockets = trackSockets(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    records,
    connections: () => connections,
    close: () =>
      new Promise<void>((done) => {
        destroySockets();
        server.close(() => done());
      }),
  };
}
