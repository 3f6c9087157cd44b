/**
 * A fake corporate proxy on 127.0.0.1: answers CONNECT by tunnelling to one fixed loopback upstream,
 * whatever host was asked for, and records the requested targets. Lets a test prove a client really went
 * through the proxy (it asked for `gitlab.example:443`, a name nobody resolves) without leaving loopback.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface FakeProxy {
  url: string;
  /** `host:port` of every CONNECT received, in order. */
  connects: string[];
  close: () => Promise<void>;
}

export async function startFakeProxy(upstream: { host: string; port: number }): Promise<FakeProxy> {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const up = net.connect(upstream.port, upstream.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
