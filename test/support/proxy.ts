/** A database outage as the server sees it: a TCP proxy in front of PostgreSQL that drops every connection and refuses new ones until restored. */
import net from 'node:net';
import { createTestDatabase } from './database.ts';

/** A TCP proxy to `target` that can be cut (every connection dropped, new ones refused) and restored. */
export async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const port = await listen(0);
  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restore: () => listen(port),
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

/** A seeded PostgreSQL database of the test's own, with a cuttable proxy in front of it: connect through `proxied` to have outages. */
export async function proxiedDatabase() {
  const database = await createTestDatabase({ seeded: true });
  if (database.config.kind !== 'postgres') throw new Error('postgres only');
  const direct = new URL(database.config.url);
  const proxy = await cuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(direct);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return { database, proxy, direct: direct.toString(), proxied: proxied.toString() };
}
