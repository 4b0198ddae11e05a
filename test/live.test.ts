/**
 * Live updates at scale and across interruptions: the SQL an event costs does not grow with its
 * subscribers, a subscriber that resumes with `after` gets every committed event after it (also when
 * Redis, the doorbell, restarts meanwhile), and a position no longer kept is refused with a code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db.ts';
import { ViewerCache } from '../src/auth/viewer-cache.ts';
import { createLogger } from '../src/logger.ts';
import { createEventBus } from '../src/pubsub.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { dataOf, type Feed, httpGraphql, wsConnect, type WsConnection } from './support/clients.ts';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { signToken } from '../src/auth/token.ts';
import { loadConfig } from '../src/config.ts';
import { type TestDatabaseConfig, testDatabaseKind } from './support/database.ts';
import { type cuttableProxy, proxiedDatabase } from './support/proxy.ts';
import { TEST_JWT_SECRET } from './support/secret.ts';
import { closeTestApp, gid } from './support/fixtures.ts';

const ON_LOGGED = 'subscription ($p: ID, $after: String) { activityLogged(partnershipId: $p, after: $after) { id kind partnership { name } } }';
const LOG = 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }';
type Logged = { activityLogged: { id: string; kind: string; partnership: { name: string } } };
const MISSING_ID = '00000000-0000-7000-8000-000000000001';
const READERS = ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'ADMIN', 'POLICY_ADVISOR'] as const;

async function setUp(t: TestApp) {
  const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({
    where: { role: 'YOUTH_WORKER', person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } },
  });
  const tokens = Object.fromEntries(await Promise.all(READERS.map(async (r) => [r, await t.tokenFor(r)] as const)));
  return { partnershipId: gid('Partnership', assignment.partnershipId!), tokens };
}

const logOn = async (url: string, token: string, partnershipId: string) =>
  dataOf(
    await httpGraphql<{ logActivity: { activity: { id: string } } }, unknown>(
      url,
      LOG,
      { input: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10 } },
      token,
    ),
  ).logActivity.activity.id;

/** The next `next` of a feed, with its extensions. */
async function nextEvent(feed: Feed<Logged>, ms = 8_000) {
  const item = await feed.take(ms);
  if (item.type !== 'next') throw new Error(`expected an event, got ${item.type}: ${JSON.stringify((item as { error?: unknown }).error)}`);
  return item.result as { data?: Logged; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** Waits until a fresh subscription is live (graphql-ws acknowledges the subscribe only implicitly). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('live updates: one event, any number of subscribers', () => {
  let t: TestApp;
  let url: string;
  let partnershipId: string;
  let tokens: Record<string, string>;
  const connections: WsConnection[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    url = (await t.app.start(0, '127.0.0.1')).url;
    ({ partnershipId, tokens } = await setUp(t));
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await closeTestApp(t);
  });

  /** SQL statements from logging an activity until each of `n` subscribers (of five roles) has it. */
  async function statementsFor(n: number) {
    const feeds: Feed<Logged>[] = [];
    // From a known position: a subscription that becomes live late (a busy machine) still gets the warm event.
    const { livePosition } = dataOf(await httpGraphql<{ livePosition: string }, unknown>(url, '{ livePosition }', {}, tokens.ADMIN));
    for (let i = 0; i < n; i++) {
      const connection = wsConnect(url, tokens[READERS[i % READERS.length]!]);
      connections.push(connection);
      feeds.push(connection.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId, after: livePosition }));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Warm: every subscriber's roles are cached and the outbox read once.
    const warm = await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    for (const feed of feeds) expect((await nextEvent(feed)).data?.activityLogged.id).toBe(warm);
    let id = '';
    const counted = await countQueries(t.db, async () => {
      id = await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
      for (const feed of feeds) expect((await nextEvent(feed)).data?.activityLogged.id).toBe(id);
    });
    await Promise.all(feeds.map((f) => f.close()));
    return counted;
  }

  it('costs the same SQL statements for 10 and for 100 subscribers (at most 8 beyond the write itself)', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred.count, hundred.queries.join('\n')).toBe(ten.count);
    const write = await countQueries(t.db, () => logOn(url, tokens.YOUTH_WORKER!, partnershipId));
    expect(ten.count - write.count).toBeLessThanOrEqual(8);
  }, 120_000);

  it('marks each event with its position; resuming after it delivers every event committed meanwhile, in order', async () => {
    const connection = wsConnect(url, tokens.SCHOOL_CONTACT);
    connections.push(connection);
    const feed = connection.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId });
    await settle();
    const first = await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    const event = await nextEvent(feed);
    expect(event.data?.activityLogged.id).toBe(first);
    const position = event.extensions?.livePosition as string;
    expect(position).toMatch(/^\d+$/);
    await connection.close();

    const missed = [];
    for (let i = 0; i < 3; i++) missed.push(await logOn(url, tokens.YOUTH_WORKER!, partnershipId));
    const again = wsConnect(url, tokens.SCHOOL_CONTACT);
    connections.push(again);
    const resumed = again.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId, after: position });
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await nextEvent(resumed)).data?.activityLogged.id);
    expect(got).toEqual(missed);
    // …and then the live ones, without repeating any.
    const live = await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    expect((await nextEvent(resumed)).data?.activityLogged.id).toBe(live);
  }, 60_000);

  it('livePosition from a query is a starting point that loses nothing', async () => {
    const { livePosition } = dataOf(await httpGraphql<{ livePosition: string }, unknown>(url, '{ livePosition }', {}, tokens.ADMIN));
    const id = await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    const connection = wsConnect(url, tokens.ADMIN);
    connections.push(connection);
    const feed = connection.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId, after: livePosition });
    expect((await nextEvent(feed)).data?.activityLogged.id).toBe(id);
  });

  it('refuses a position older than the events kept (LIVE_POSITION_EXPIRED) and a malformed one (BAD_USER_INPUT)', async () => {
    const { livePosition } = dataOf(await httpGraphql<{ livePosition: string }, unknown>(url, '{ livePosition }', {}, tokens.ADMIN));
    await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    await logOn(url, tokens.YOUTH_WORKER!, partnershipId);
    // What pruning does to old events (LIVE_EVENT_RETENTION_MINUTES).
    await t.db.prisma.$executeRaw`DELETE FROM "LiveEvent" WHERE "position" <= ${BigInt(livePosition) + 1n}`;
    const connection = wsConnect(url, tokens.ADMIN);
    connections.push(connection);
    const expired = await connection.subscribe<Logged, unknown>(ON_LOGGED, { after: livePosition }).take();
    expect(JSON.stringify(expired)).toContain('LIVE_POSITION_EXPIRED');
    const malformed = await connection.subscribe<Logged, unknown>(ON_LOGGED, { after: 'yesterday' }).take();
    expect(JSON.stringify(malformed)).toContain('BAD_USER_INPUT');
  });

  it('a subscriber too far behind is ended with LIVE_SUBSCRIBER_BEHIND and its last position, and resumes from it without a gap', async () => {
    const bus = await createEventBus({ prisma: t.db.prisma, log: createLogger('silent'), viewers: new ViewerCache(0), pollMs: 60_000, maxBehind: 10 });
    try {
      const topic = 'plugin:probe:tick' as const;
      const slow = bus.pubsub.subscribe(topic, bus.hub.current);
      const first = slow.next();
      await bus.hub.publish(topic, MISSING_ID, MISSING_ID, { n: 0 });
      const got = [(await first).value!];
      // Nobody reads this subscriber any more while 20 events come in.
      for (let n = 1; n <= 20; n++) await bus.hub.publish(topic, MISSING_ID, MISSING_ID, { n });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const behind = await slow.next().then(
        () => null,
        (error: { extensions?: Record<string, unknown> }) => error.extensions,
      );
      expect(behind).toMatchObject({ code: 'LIVE_SUBSCRIBER_BEHIND', lastPosition: got[0]!.position });
      const resumed = bus.pubsub.subscribe(topic, BigInt(behind!.lastPosition as string));
      for (let n = 1; n <= 20; n++) got.push((await resumed.next()).value!);
      expect(got.map((e) => e.data?.n)).toEqual(Array.from({ length: 21 }, (_, n) => n));
      await resumed.return?.();
    } finally {
      await bus.close();
    }
  });

  it('a revoked role stops working at once for requests with a cached viewer', async () => {
    const person = await t.db.prisma.person.findUniqueOrThrow({ where: { email: 'aart.hoekstra@sloterplascollege.school.example' }, select: { id: true } });
    const mentor = await t.tokenFor('MENTOR');
    const count = async () =>
      dataOf(await httpGraphql<{ me: { roles: unknown[] } }, unknown>(url, '{ me { roles { role } } }', {}, mentor)).me.roles.length;
    const before = await count();
    expect(await count()).toBe(before); // cached now
    const assignment = await t.db.prisma.roleAssignment.findFirstOrThrow({ where: { personId: person.id } });
    const revoked = await httpGraphql(url, 'mutation ($id: ID!) { revokeRole(input: { roleAssignmentId: $id }) { revokedRoleAssignmentId } }', { id: gid('RoleAssignment', assignment.id) }, tokens.ADMIN);
    expect(revoked.errors).toBeUndefined();
    expect(await count()).toBe(before - 1);
  });
});

/**
 * Subscribes on `url` and writes through `write` before, during and after an outage: the subscriber
 * gets every event committed, in order, and so does one that resumes from the last position it saw.
 */
async function expectNothingLost(url: string, token: string, partnershipId: string, write: () => Promise<string>, outage: { begin(): Promise<unknown>; end(): Promise<unknown> }) {
  const connection = wsConnect(url, token);
  const feed = connection.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId });
  try {
    await settle();
    const before = await write();
    const seen = await nextEvent(feed);
    expect(seen.data?.activityLogged.id).toBe(before);

    await outage.begin();
    const during = [];
    for (let i = 0; i < 3; i++) during.push(await write());
    await outage.end();
    const after = await write();
    const got = [];
    for (let i = 0; i < 4; i++) got.push((await nextEvent(feed, 15_000)).data?.activityLogged.id);
    expect(got).toEqual([...during, after]);

    // And a subscriber that dropped meanwhile resumes from its last position with nothing lost.
    await feed.close();
    const missed = await write();
    const resumed = connection.subscribe<Logged, unknown>(ON_LOGGED, { p: partnershipId, after: seen.extensions?.livePosition as string });
    const replay = [];
    for (let i = 0; i < 5; i++) replay.push((await nextEvent(resumed)).data?.activityLogged.id);
    expect(replay).toEqual([...during, after, missed]);
  } finally {
    await connection.close();
  }
}

/** A Redis of this test's own on a free port (so restarting it touches no other test). */
async function freePort() {
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = createServer();
      socket.once('error', () => resolve(true));
      socket.listen(port, '127.0.0.1', () => socket.close(() => resolve(false)));
    });
    if (up) return redis;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('redis-server did not start');
}

describe.skipIf(testDatabaseKind !== 'postgres')('live updates across instances while Redis restarts', () => {
  let first: TestApp;
  let second: { app: App; db: Database };
  let redis: ChildProcess;
  let port: number;
  let urls: [string, string];
  let partnershipId: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, LIVE_POLL_MS: '200' };
    first = await createTestApp({ env });
    const db = await openDatabase(first.config.database);
    second = { app: await buildApp({ ...first.config }, { db, log: createLogger('silent') }), db };
    urls = [(await first.app.start(0, '127.0.0.1')).url, (await second.app.start(0, '127.0.0.1')).url];
    ({ partnershipId, tokens } = await setUp(first));
  });
  afterAll(async () => {
    redis?.kill('SIGKILL');
    await second?.app.stop();
    await second?.db.close();
    await first?.close();
  });

  it('a subscriber on one instance gets every event written through the other, also those committed while Redis was down', async () => {
    await expectNothingLost(urls[0], tokens.YOUTH_WORKER!, partnershipId, () => logOn(urls[1], tokens.YOUTH_WORKER!, partnershipId), {
      begin: async () => void redis.kill('SIGKILL'),
      end: async () => void (redis = await startRedis(port)),
    });
  }, 60_000);
});

describe.skipIf(testDatabaseKind !== 'postgres')('live updates while PostgreSQL is away from one instance', () => {
  let database: TestDatabaseConfig;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let first: { app: App; db: Database };
  let second: { app: App; db: Database };
  let urls: [string, string];
  let partnershipId: string;
  let token: string;

  beforeAll(async () => {
    let urlsOf: { direct: string; proxied: string };
    ({ database, proxy, ...urlsOf } = await proxiedDatabase());
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LIVE_POLL_MS: '200', JWT_SECRET: TEST_JWT_SECRET }), seedDemoData: false };
    const instance = async (url: string) => {
      const db = await openDatabase({ kind: 'postgres', url });
      return { app: await buildApp({ ...config, database: { kind: 'postgres', url } }, { db, log: createLogger('silent') }), db };
    };
    first = await instance(urlsOf.proxied);
    second = await instance(urlsOf.direct);
    urls = [(await first.app.start(0, '127.0.0.1')).url, (await second.app.start(0, '127.0.0.1')).url];
    const assignment = await second.db.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'YOUTH_WORKER', person: { email: DEMO_EMAILS.YOUTH_WORKER } } });
    partnershipId = gid('Partnership', assignment.partnershipId!);
    token = await signToken(config.jwt, assignment.personId);
  });
  afterAll(async () => {
    for (const instance of [first, second]) {
      await instance?.app.stop();
      await instance?.db.close();
    }
    await proxy?.close();
    await database?.drop();
  });

  it('a subscriber gets every event committed while its instance could not reach the database, and so does one that resumes', async () => {
    await expectNothingLost(urls[0], token, partnershipId, () => logOn(urls[1], token, partnershipId), {
      begin: () => proxy.cut(),
      // Several outbox polls fail meanwhile.
      end: () => new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => proxy.restore()),
    });
  }, 60_000);
});
