/**
 * graphql-ws sign-in against a real server: the shapes of `connectionParams` clients send, and a
 * refusal that says what was expected.
 */
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
let url: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await t.tokenFor('YOUTH_WORKER');
  ({ url } = await t.app.start(0, '127.0.0.1'));
});
afterAll(async () => {
  await t?.close();
});

/** Connects with `connectionParams`, asks `{ me { id } }`, and tells what came back or how the socket closed. */
async function signIn(connectionParams: Record<string, unknown>) {
  let closed: { code: number; reason: string } | undefined;
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (event) => void (closed = { code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: '{ me { id } }' }, { next: resolve, error: reject, complete: () => {} });
    });
    return { result };
  } catch {
    return { closed };
  } finally {
    await client.dispose();
  }
}

describe('graphql-ws sign-in', () => {
  it.each([
    ['authorization: "Bearer …"', () => ({ authorization: `Bearer ${token}` })],
    ['Authorization: "Bearer …"', () => ({ Authorization: `Bearer ${token}` })],
    ['a bare token as authorization', () => ({ authorization: token })],
    ['token: "…"', () => ({ token })],
    ['headers: { Authorization }', () => ({ headers: { Authorization: `Bearer ${token}` } })],
  ])('accepts %s', async (_name, params) => {
    const { result } = await signIn(params());
    expect(result).toMatchObject({ data: { me: { id: expect.any(String) } } });
  });

  it('refuses a missing or invalid token with 4403 and a reason that says what is expected', async () => {
    for (const params of [{}, { authorization: 'Bearer not-a-token' }, { Authorization: 42 }]) {
      const { closed } = await signIn(params);
      expect(closed?.code).toBe(4403);
      expect(closed?.reason).toMatch(/connectionParams \{ authorization: "Bearer <token>" \}/);
    }
  });
});

describe('graphql-ws limits', () => {
  it('a connection holds at most MAX_SUBSCRIPTIONS_PER_SOCKET subscriptions: one more is a coded error for its id, the others keep going', async () => {
    const limited = await createTestApp({ env: { MAX_SUBSCRIPTIONS_PER_SOCKET: '2' } });
    const { url: limitedUrl } = await limited.app.start(0, '127.0.0.1');
    const workerToken = await limited.tokenFor('YOUTH_WORKER');
    const client = createClient({ url: limitedUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${workerToken}` }, retryAttempts: 0 });
    const errors: unknown[][] = [];
    const disposers: (() => void)[] = [];
    try {
      const subscribe = () =>
        new Promise<void>((resolve) => {
          disposers.push(
            client.subscribe({ query: 'subscription { activityLogged { id } }' }, { next: () => {}, error: (e) => (errors.push(e as unknown[]), resolve()), complete: () => resolve() }),
          );
          setTimeout(resolve, 300);
        });
      await subscribe();
      await subscribe();
      await subscribe();
      expect(errors).toHaveLength(1);
      expect((errors[0] as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
      // The socket is still open: once one completes, an operation on it answers.
      disposers[0]!();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const me = await new Promise((resolve, reject) => client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => {} }));
      expect(me).toBeDefined();
    } finally {
      disposers.forEach((d) => d());
      await client.dispose();
      await limited.close();
    }
  });

  it('a person holds at most MAX_SUBSCRIPTIONS_PER_VIEWER over all their connections; completing one frees a place', async () => {
    const limited = await createTestApp({ env: { MAX_SUBSCRIPTIONS_PER_VIEWER: '2' } });
    const { url: limitedUrl } = await limited.app.start(0, '127.0.0.1');
    const workerToken = await limited.tokenFor('YOUTH_WORKER');
    const clients = [0, 1, 2].map(() =>
      createClient({ url: limitedUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${workerToken}` }, retryAttempts: 0 }),
    );
    const otherClient = createClient({ url: limitedUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${await limited.tokenFor('SCHOOL_CONTACT')}` }, retryAttempts: 0 });
    const disposers: (() => void)[] = [];
    const subscribe = (client: ReturnType<typeof createClient>) =>
      new Promise<unknown[] | null>((resolve) => {
        disposers.push(client.subscribe({ query: 'subscription { activityLogged { id } }' }, { next: () => {}, error: (e) => resolve(e as unknown[]), complete: () => resolve(null) }));
        setTimeout(() => resolve(null), 300);
      });
    try {
      expect(await subscribe(clients[0]!)).toBeNull();
      expect(await subscribe(clients[1]!)).toBeNull();
      const refused = await subscribe(clients[2]!);
      expect((refused as { extensions?: { code?: string; per?: string } }[] | null)?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', per: 'viewer' });
      // Someone else is not affected; and once one completes, the person may subscribe again.
      expect(await subscribe(otherClient)).toBeNull();
      disposers[0]!();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await subscribe(clients[2]!)).toBeNull();
    } finally {
      disposers.forEach((d) => d());
      await Promise.all([...clients, otherClient].map((c) => c.dispose()));
      await limited.close();
    }
  });
});

describe('graphql-ws connections over time (WS_KEEPALIVE_SECONDS=1)', () => {
  let short: TestApp;
  let shortUrl: string;
  beforeAll(async () => {
    short = await createTestApp({ env: { WS_KEEPALIVE_SECONDS: '1' } });
    ({ url: shortUrl } = await short.app.start(0, '127.0.0.1'));
  });
  afterAll(async () => {
    await short?.close();
  });

  /** A raw graphql-transport-ws socket, acknowledged; resolves with it and a promise of its close. */
  async function acknowledged(bearer: string, options: { autoPong?: boolean } = {}) {
    const socket = new WebSocket(shortUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: options.autoPong ?? true });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bearer}` } })));
      socket.on('message', (data) => (JSON.parse(String(data)).type === 'connection_ack' ? resolve() : undefined));
      socket.once('error', reject);
    });
    return { socket, closed };
  }

  it('closes a connection whose token has expired with 4403 and a reason, at the next heartbeat', async () => {
    const { SignJWT } = await import('jose');
    const personId = (await short.db.prisma.person.findFirstOrThrow({ where: { roleAssignments: { some: { role: 'YOUTH_WORKER' } } } })).id;
    const expiring = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personId)
      .setIssuer(short.config.jwt.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(new TextEncoder().encode((short.config.jwt as any).secret));
    const lasting = await acknowledged(await short.tokenFor('YOUTH_WORKER'));
    const { closed } = await acknowledged(expiring);
    const result = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 6_000))]);
    expect(result).toMatchObject({ code: 4403, reason: expect.stringMatching(/expired/) });
    expect(lasting.socket.readyState).toBe(WebSocket.OPEN);
    lasting.socket.close();
  });

  it('answers only a pong that echoes its ping: a socket sending pongs of its own without reading is dropped', async () => {
    const { socket, closed } = await acknowledged(await short.tokenFor('YOUTH_WORKER'), { autoPong: false });
    const pongs = setInterval(() => socket.pong(Buffer.from('not your ping')), 200);
    try {
      const result = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000))]);
      expect(result).toMatchObject({ code: 1006 });
    } finally {
      clearInterval(pongs);
    }
  });

  it('keeps a socket that echoes its pings', async () => {
    const { socket, closed } = await acknowledged(await short.tokenFor('YOUTH_WORKER'));
    const result = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 3_500))]);
    expect(result).toBe('still open');
    socket.close();
  });
});
