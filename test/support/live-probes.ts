/**
 * What the live-path attack probes share (test/attack7.test.ts, test/attack8.test.ts): a raw
 * graphql-transport-ws client that keeps every message, and one app with demo data, people and
 * writes to probe with.
 */
import WebSocket from 'ws';
import { signToken } from '../../src/auth/token.ts';
import { createTestApp, type TestApp } from './app.ts';
import { dataOf, httpGraphql } from './clients.ts';
import { gid, loadDemo, type Demo } from './fixtures.ts';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// A raw graphql-transport-ws client: every message the server sends is kept, in order.

export type Message = { id?: string; type: string; payload?: any };

export class Raw {
  readonly messages: Message[] = [];
  readonly ws: WebSocket;
  closed: { code: number; reason: string } | undefined;
  private listeners = new Set<() => void>();
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('error', () => {});
    this.ws.on('message', (data) => {
      let m: Message;
      try {
        m = JSON.parse(String(data));
      } catch {
        m = { type: 'unparseable', payload: String(data) };
      }
      this.messages.push(m);
      for (const l of this.listeners) l();
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const l of this.listeners) l();
    });
  }

  static async connect(url: string, token?: string) {
    const raw = new Raw(url);
    await raw.opened;
    if (token !== undefined) {
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
      await raw.until((m) => m.type === 'connection_ack');
    }
    return raw;
  }

  send(message: unknown) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>) {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  complete(id: string) {
    this.send({ id, type: 'complete' });
  }

  of(id: string) {
    return this.messages.filter((m) => m.id === id);
  }

  nexts(id: string) {
    return this.of(id).filter((m) => m.type === 'next');
  }

  /** Waits for a message matching `pred` (from index `from`), or rejects after `ms`. */
  until(pred: (m: Message) => boolean, ms = 8_000, from = 0): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(pred);
        if (found) {
          done();
          resolve(found);
        } else if (this.closed) {
          done();
          reject(new Error(`socket closed ${this.closed.code} ${this.closed.reason} before the message came`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(this.messages.slice(-5)).slice(0, 600)}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  untilClosed(ms = 8_000): Promise<{ code: number; reason: string }> {
    return new Promise((resolve, reject) => {
      if (this.closed) return resolve(this.closed);
      const timer = setTimeout(() => reject(new Error('socket not closed')), ms);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve(this.closed!);
      });
    });
  }

  close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

export const nextOf = (id: string) => (m: Message) => m.id === id && m.type === 'next';
export const endOf = (id: string) => (m: Message) => m.id === id && (m.type === 'error' || m.type === 'complete');
export const codesOf = (m: Message | undefined) =>
  (Array.isArray(m?.payload) ? m!.payload : (m?.payload?.errors ?? [])).map((e: any) => e?.extensions?.code);
/** Waits for the end of `id` (error, or complete after a `next` carrying errors): every error of it. */
export async function endErrors(r: Raw, id: string, ms = 8_000) {
  await r.until(endOf(id), ms);
  return r.of(id).flatMap((m) => (m.type === 'error' ? m.payload : m.type === 'next' ? (m.payload?.errors ?? []) : []));
}
export const codes = (errors: any[]) => errors.map((e) => e?.extensions?.code);

export const ACTIVITY_DOC = 'subscription ($p: ID, $after: String) { activityLogged(partnershipId: $p, after: $after) { id notes } }';
export const SIGNAL_DOC = 'subscription ($p: ID, $after: String) { signalReported(partnershipId: $p, after: $after) { id access summary } }';

// ---------------------------------------------------------------------------------------------
// One app shared by most probes.

export interface World {
  t: TestApp;
  url: string;
  demo: Demo;
  p: { gid: string; id: string; cityId: string };
  other: { gid: string; id: string; cityId: string };
  orgId: string | null;
  gql(doc: string, variables: unknown, token: string): Promise<any>;
  person(name: string, roles: { role: any; partnershipId?: string; cityId: string; scope?: any }[], ttl?: number): Promise<{ id: string; token: string; assignments: { id: string }[] }>;
  logActivity(token: string, extra?: Record<string, unknown>, partnershipGid?: string): Promise<string>;
  report(token: string, summary: string, extra?: Record<string, unknown>): Promise<{ id: string }>;
  livePosition(token: string): Promise<string>;
  revoke(assignmentId: string): Promise<void>;
  hub(): Promise<any>;
}

export async function world(env: Record<string, string> = {}, label = 'probe'): Promise<World> {
  const t = await createTestApp({ env });
  const url = (await t.app.start(0, '127.0.0.1')).url;
  const demo = await loadDemo(t);
  const a = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'YOUTH_WORKER', personId: demo.people.YOUTH_WORKER }, select: { partnershipId: true, cityId: true } });
  const p = { id: a.partnershipId!, gid: gid('Partnership', a.partnershipId!), cityId: a.cityId! };
  const o = Object.values(demo.partnerships).find((x) => x.id !== p.id)!;
  const other = { id: o.id, gid: gid('Partnership', o.id), cityId: o.cityId };
  const orgId = (await t.db.prisma.person.findUniqueOrThrow({ where: { id: demo.people.YOUTH_WORKER } })).organisationId;
  const gql = async (doc: string, variables: unknown, token: string) => httpGraphql<any, unknown>(url, doc, variables, token);
  let n = 0;
  const w: World = {
    t,
    url,
    demo,
    p,
    other,
    orgId,
    gql,
    async person(name, roles, ttl) {
      const created = await t.db.prisma.person.create({ data: { name, email: `${label}.${Date.now()}.${n++}@${label}.example`, organisationId: orgId } });
      const assignments = [];
      for (const r of roles) {
        assignments.push(
          await t.db.prisma.roleAssignment.create({
            data: { personId: created.id, role: r.role, scope: r.scope ?? (r.partnershipId ? 'PARTNERSHIP' : 'CITY'), partnershipId: r.partnershipId, cityId: r.cityId },
          }),
        );
      }
      let token: string;
      if (ttl === undefined) token = await signToken(t.config.jwt, created.id);
      else {
        const { SignJWT } = await import('jose');
        token = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(created.id)
          .setIssuer(t.config.jwt.issuer)
          .setIssuedAt()
          .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
          .sign(new TextEncoder().encode((t.config.jwt as any).secret));
      }
      // The hub may not have read the roleChanged events of the inserts yet: make it read them now.
      return { id: created.id, token, assignments };
    },
    async logActivity(token, extra = {}, partnershipGid = p.gid) {
      return dataOf(
        await gql(
          'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }',
          { input: { partnershipId: partnershipGid, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10, ...extra } },
          token,
        ),
      ).logActivity.activity.id as string;
    },
    async report(token, summary, extra = {}) {
      return dataOf(
        await gql(
          'mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }',
          { input: { partnershipId: p.gid, lifeDomain: 'SCHOOL', category: 'BULLYING', summary, ...extra } },
          token,
        ),
      ).reportSignal.signal as { id: string };
    },
    async livePosition(token) {
      return dataOf(await gql('{ livePosition }', {}, token)).livePosition as string;
    },
    async revoke(assignmentId) {
      dataOf(await gql('mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { revokedRoleAssignmentId } }', { i: { roleAssignmentId: gid('RoleAssignment', assignmentId) } }, demo.tokens.ADMIN));
    },
    async hub() {
      const ctx = await (t.app.yoga as any).getEnveloped({}).contextFactory();
      return ctx.live;
    },
  };
  return w;
}

/** Subscribes `raw` and waits until it is live (a probe activity reaches it). */
export async function liveActivity(w: World, raw: Raw, id: string, variables: Record<string, unknown> = {}) {
  raw.subscribe(id, ACTIVITY_DOC, { p: w.p.gid, ...variables });
  for (let i = 0; i < 20; i++) {
    const from = raw.messages.length;
    const probe = await w.logActivity(w.demo.tokens.YOUTH_WORKER);
    try {
      await raw.until((m) => m.id === id && m.type === 'next' && m.payload?.data?.activityLogged?.id === probe, 600, from);
      return;
    } catch {
      // not live yet
    }
  }
  throw new Error('subscription never became live');
}

// ---------------------------------------------------------------------------------------------
// Backed-up sockets, the hub and the gauge (attack8, attack9).

/** The server's end of a raw client's TCP connection (the app runs in this process). */
export function serverSocketOf(r: Raw): import('node:net').Socket {
  const client = (r.ws as any)._socket as import('node:net').Socket;
  const handles = (process as any)._getActiveHandles() as unknown[];
  const found = handles.find(
    (h: any) => h && h.remotePort === client.localPort && h.localPort === client.remotePort && h !== client,
  ) as import('node:net').Socket | undefined;
  if (!found) throw new Error('server socket not found');
  return found;
}

/** Stops the client reading its TCP socket (the server's writes back up); returns a function that reads again. */
export function pauseReading(r: Raw) {
  const socket = (r.ws as any)._socket as import('node:net').Socket;
  const listeners = socket.listeners('data') as ((...a: unknown[]) => void)[];
  socket.removeAllListeners('data');
  socket.pause();
  return () => {
    for (const l of listeners) socket.on('data', l);
    socket.resume();
  };
}

export const BIG_QUERY = '{ __schema { types { name description fields { name description args { name description type { name kind } } type { name kind ofType { name kind } } } } } }';

/** Sends big queries over `r` (not reading) until the server holds `bytes` it cannot write. */
export async function backUp(r: Raw, bytes = 2_000_000) {
  const server = serverSocketOf(r);
  for (let i = 0; i < 600 && server.writableLength < bytes; i++) {
    for (let j = 0; j < 5; j++) r.send({ id: `fill${i}.${j}`, type: 'subscribe', payload: { query: BIG_QUERY } });
    await sleep(30);
  }
  if (server.writableLength < bytes) throw new Error(`socket did not back up (${server.writableLength} bytes waiting)`);
  return server;
}

export async function activeSubscriptionsGauge(url: string) {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('graphql_active_subscriptions{') || l.startsWith('graphql_active_subscriptions '))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}

export const streamCount = (hub: any) => [...hub.streams.values()].reduce((n: number, s: Set<unknown>) => n + s.size, 0);
