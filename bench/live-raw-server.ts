/**
 * The raw baseline for `npm run bench:live`: a plain `ws` server on PORT. `POST /broadcast?bytes=N&seq=K`
 * sends one message of exactly N bytes (JSON carrying `seq`) to every open socket, the usual
 * `for (const ws of wss.clients) ws.send(message)` loop, and answers once the sends are queued.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://raw');
  if (req.method === 'POST' && url.pathname === '/broadcast') {
    const bytes = Number(url.searchParams.get('bytes') ?? 200);
    const seq = Number(url.searchParams.get('seq') ?? 0);
    const head = JSON.stringify({ type: 'next', seq, pad: '' });
    const message = JSON.stringify({ type: 'next', seq, pad: 'x'.repeat(Math.max(0, bytes - head.length)) });
    for (const ws of wss.clients) ws.send(message);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sockets: wss.clients.size }));
    return;
  }
  res.writeHead(url.pathname === '/ready' ? 200 : 404).end();
});
const wss = new WebSocketServer({ server });
server.listen(Number(process.env.PORT ?? 4714), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
