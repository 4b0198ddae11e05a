/**
 * End to end: the real server listening on a free port, used by real clients — `fetch` over HTTP,
 * graphql-ws over a WebSocket and Server-Sent Events — as a frontend would.
 *
 * Subscriptions are never given a fixed sleep to "settle": `untilLive` causes probe events the
 * subscriber may see until one arrives. "Receives nothing" is proven the same way: after the event
 * that must not arrive, an event the subscriber may see is caused, and it must be the first one
 * received (events of one subscription arrive in order).
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../prisma/seed.ts';
import { signToken } from '../src/auth/token.ts';
import {
  dataOf,
  type Feed,
  httpGraphql,
  sseSubscribe,
  untilLive,
  type WsConnection,
  wsConnect,
} from './support/clients.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import {
  E2ePartnershipsDocument,
  E2eReportSignalDocument,
  E2eSignalReportedDocument,
  LogActivityDocument,
  OnActivityLoggedDocument,
} from './generated/graphql.ts';

let t: TestApp;
let url: string;
const tokens = {} as Record<'YOUTH_WORKER' | 'SCHOOL_CONTACT' | 'MENTOR', string>;
/** The Amsterdam in-school partnership all demo partnership roles belong to (global ID). */
let demoPartnershipId: string;
/** A partnership of another school in Arnhem, with one of its youth workers. */
let foreign: { personId: string; token: string; partnershipId: string };

/** Everything a test opens is closed here even when the test fails half-way. */
const opened: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(resource: T): T => {
  opened.push(resource);
  return resource;
};
async function closeAll() {
  for (const resource of opened.splice(0).reverse()) await resource.close().catch(() => {});
}

const ws = (token?: string | null): WsConnection => track(wsConnect(url, token));
const sse = async <R, V>(...args: Parameters<typeof sseSubscribe<R, V>>) => track(await sseSubscribe(...args));

function logActivity(token: string, partnershipId: string, extra: { notes?: string } = {}) {
  return httpGraphql(
    url,
    LogActivityDocument,
    {
      input: {
        partnershipId,
        kind: 'BREAK_CONVERSATION',
        startsAt: new Date().toISOString(),
        durationMinutes: 15,
        participantCount: 4,
        ...extra,
      },
    },
    token,
  );
}

async function reportSignal(token: string, partnershipId: string, summary: string): Promise<string> {
  const result = await httpGraphql(
    url,
    E2eReportSignalDocument,
    // Shared with both sides, so every signal handler of the partnership may read it.
    { input: { partnershipId, lifeDomain: 'SCHOOL', category: 'WELLBEING', subject: 'GROUP', summary, sharedWith: 'BOTH', legalBasis: 'CONSENT' } },
    token,
  );
  return dataOf(result).reportSignal.signal!.id;
}

/** The demo partnership among those the demo youth worker lists over HTTP. */
async function demoPartnership() {
  const listed = await httpGraphql(url, E2ePartnershipsDocument, undefined, tokens.YOUTH_WORKER);
  expect(listed.status).toBe(200);
  const partnerships = dataOf(listed).partnerships.edges.map((e) => e.node);
  const found = partnerships.find((p) => p.city.name === 'Amsterdam' && p.name.includes('Sloterplas'));
  expect(found, JSON.stringify(partnerships)).toBeDefined();
  return found!;
}

/** Probes that make a signal subscriber of `partnershipId` live (reported by `token`'s holder). */
const signalProbe = (token: string, partnershipId: string) => () => reportSignal(token, partnershipId, 'probe');
const activityProbe = (token: string, partnershipId: string) => async () =>
  dataOf(await logActivity(token, partnershipId)).logActivity.activity!.id;

beforeAll(async () => {
  t = await createTestApp();
  ({ url } = await t.app.start(0, '127.0.0.1'));
  for (const role of ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR'] as const) tokens[role] = await t.tokenFor(role);
  demoPartnershipId = (await demoPartnership()).id;

  const demo = await t.db.prisma.roleAssignment.findFirstOrThrow({
    where: { role: 'YOUTH_WORKER', person: { email: DEMO_EMAILS.YOUTH_WORKER } },
    select: { partnershipId: true },
  });
  // A youth worker of a partnership in Arnhem who holds no role at all in the demo partnership.
  const other = await t.db.prisma.roleAssignment.findFirstOrThrow({
    where: {
      role: 'YOUTH_WORKER',
      partnership: { city: { name: 'Arnhem' } },
      person: { roleAssignments: { none: { partnershipId: demo.partnershipId } } },
    },
    orderBy: { person: { email: 'asc' } },
    select: { personId: true, partnership: { select: { name: true } } },
  });
  const token = await signToken(t.config.jwt, other.personId);
  const theirs = dataOf(await httpGraphql(url, E2ePartnershipsDocument, undefined, token)).partnerships.edges;
  const partnership = theirs.find((e) => e.node.name === other.partnership!.name);
  expect(partnership, 'the Arnhem youth worker sees their partnership').toBeDefined();
  foreign = { personId: other.personId, token, partnershipId: partnership!.node.id };
});

afterAll(async () => {
  await closeAll();
  await t?.close();
});

describe('e2e: the real server with real clients', () => {
  it('a youth worker lists their partnerships over HTTP, subscribes over graphql-ws and receives the break conversation they log', async () => {
    try {
      const partnership = await demoPartnership();
      expect(partnership.id).toBe(demoPartnershipId);

      const feed = ws(tokens.YOUTH_WORKER).subscribe(OnActivityLoggedDocument, { partnershipId: demoPartnershipId });
      await untilLive(feed, activityProbe(tokens.YOUTH_WORKER, demoPartnershipId), (d) => d.activityLogged.id);

      // Only the fields a quick "few taps" log needs.
      const logged = await httpGraphql(
        url,
        LogActivityDocument,
        {
          input: {
            partnershipId: demoPartnershipId,
            kind: 'BREAK_CONVERSATION',
            startsAt: new Date().toISOString(),
            durationMinutes: 10,
            participantCount: 6,
          },
        },
        tokens.YOUTH_WORKER,
      );
      expect(logged.status).toBe(200);
      const activity = dataOf(logged).logActivity.activity!;
      expect(activity.__typename).toBe('BreakConversation');

      const received = (await feed.nextData()).activityLogged;
      expect(received).toEqual({
        __typename: 'BreakConversation',
        id: activity.id,
        kind: 'BREAK_CONVERSATION',
        durationMinutes: 10,
        partnership: { id: demoPartnershipId },
      });
    } finally {
      await closeAll();
    }
  });

  it('an SSE subscriber receives a signal reported in their partnership', async () => {
    try {
      const feed = await sse(url, E2eSignalReportedDocument, { partnershipId: demoPartnershipId }, tokens.YOUTH_WORKER);
      expect(feed.status).toBe(200);
      expect(feed.contentType).toMatch(/^text\/event-stream/);
      await untilLive(feed, signalProbe(tokens.YOUTH_WORKER, demoPartnershipId), (d) => d.signalReported.id);

      const id = await reportSignal(tokens.SCHOOL_CONTACT, demoPartnershipId, 'Onrust in de aula na de pauze');
      expect((await feed.nextData()).signalReported).toEqual({
        __typename: 'Signal',
        id,
        summary: 'Onrust in de aula na de pauze',
        partnership: { id: demoPartnershipId },
      });
    } finally {
      await closeAll();
    }
  });

  it('a signal never reaches subscribers of another school, nor a mentor who did not report it', async () => {
    try {
      // Someone of an Arnhem partnership (graphql-ws, all signals they may see) …
      const outsider = ws(foreign.token).subscribe(E2eSignalReportedDocument, {});
      await untilLive(outsider, signalProbe(foreign.token, foreign.partnershipId), (d) => d.signalReported.id);
      // … a mentor of the same partnership (SSE) …
      const mentor = await sse(url, E2eSignalReportedDocument, {}, tokens.MENTOR);
      await untilLive(mentor, signalProbe(tokens.MENTOR, demoPartnershipId), (d) => d.signalReported.id);
      // … and, as a control, a school contact of the partnership, who must get it.
      const insider = ws(tokens.SCHOOL_CONTACT).subscribe(E2eSignalReportedDocument, {});
      await untilLive(insider, signalProbe(tokens.SCHOOL_CONTACT, demoPartnershipId), (d) => d.signalReported.id);

      const secret = await reportSignal(tokens.YOUTH_WORKER, demoPartnershipId, 'Zorgen over thuissituatie');
      expect((await insider.nextData()).signalReported.id).toBe(secret);

      // Events they may see, caused after the secret one: each must be the first they receive.
      const own = await reportSignal(tokens.MENTOR, demoPartnershipId, 'Mentor: verzuim loopt op');
      expect((await mentor.nextData()).signalReported.id).toBe(own);
      const theirs = await reportSignal(foreign.token, foreign.partnershipId, 'Arnhem: groep hangt rond bij school');
      expect((await outsider.nextData()).signalReported).toMatchObject({ id: theirs, partnership: { id: foreign.partnershipId } });

      // The control saw the mentor's signal (it may see all) but never the Arnhem one.
      expect((await insider.nextData()).signalReported.id).toBe(own);
      const next = await reportSignal(tokens.SCHOOL_CONTACT, demoPartnershipId, 'Controle');
      expect((await insider.nextData()).signalReported.id).toBe(next);
    } finally {
      await closeAll();
    }
  });

  it('publishes an event only after the write committed: a write rolled back in the database sends nothing', async () => {
    // The trigger fires on the facilitator row, which is inserted after the activity row in the same
    // nested write: the activity row really exists for a moment and must be rolled back with it.
    await t.db.withSession((s) =>
      s.exec(`
        CREATE FUNCTION e2e_fail_me() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM "Activity" WHERE id = NEW."activityId" AND notes = 'fail-me') THEN
            RAISE EXCEPTION 'e2e: refused by trigger';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER e2e_fail_me AFTER INSERT ON "ActivityFacilitator" FOR EACH ROW EXECUTE FUNCTION e2e_fail_me();
      `),
    );
    try {
      const feed = ws(tokens.SCHOOL_CONTACT).subscribe(OnActivityLoggedDocument, { partnershipId: demoPartnershipId });
      await untilLive(feed, activityProbe(tokens.SCHOOL_CONTACT, demoPartnershipId), (d) => d.activityLogged.id);
      const before = await t.db.prisma.activity.count();

      const failed = await logActivity(tokens.YOUTH_WORKER, demoPartnershipId, { notes: 'fail-me' });
      expect(failed.errors?.length).toBeGreaterThan(0);
      expect(failed.data?.logActivity ?? null).toBeNull();
      // The database's message stays on the server: the client gets yoga's masked error.
      expect(failed.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
      expect(await t.db.prisma.activity.count({ where: { notes: 'fail-me' } })).toBe(0);
      expect(await t.db.prisma.activity.count()).toBe(before);

      const good = dataOf(await logActivity(tokens.YOUTH_WORKER, demoPartnershipId, { notes: 'goed' })).logActivity.activity!;
      expect((await feed.nextData()).activityLogged.id).toBe(good.id);
    } finally {
      await closeAll();
      await t.db.withSession((s) =>
        s.exec(`DROP TRIGGER IF EXISTS e2e_fail_me ON "ActivityFacilitator"; DROP FUNCTION IF EXISTS e2e_fail_me();`),
      );
    }
  });

  it('a subscriber whose role is revoked receives nothing more on the subscription they already had open', async () => {
    const contact = await t.db.prisma.person.findUniqueOrThrow({
      where: { email: DEMO_EMAILS.SCHOOL_CONTACT },
      select: { id: true, roleAssignments: { select: { role: true, scope: true, cityId: true, partnershipId: true } } },
    });
    try {
      const feed = ws(tokens.SCHOOL_CONTACT).subscribe(E2eSignalReportedDocument, {});
      await untilLive(feed, signalProbe(tokens.SCHOOL_CONTACT, demoPartnershipId), (d) => d.signalReported.id);
      await t.db.prisma.roleAssignment.deleteMany({ where: { personId: contact.id } });

      await reportSignal(tokens.YOUTH_WORKER, demoPartnershipId, 'Na intrekking: mag niet aankomen');
      await t.db.prisma.roleAssignment.createMany({ data: contact.roleAssignments.map((a) => ({ ...a, personId: contact.id })) });
      // With the role back, the next signal is the first thing the subscription delivers.
      const after = await reportSignal(tokens.YOUTH_WORKER, demoPartnershipId, 'Na herstel');
      expect((await feed.nextData()).signalReported.id).toBe(after);
    } finally {
      await closeAll();
      if ((await t.db.prisma.roleAssignment.count({ where: { personId: contact.id } })) === 0) {
        await t.db.prisma.roleAssignment.createMany({ data: contact.roleAssignments.map((a) => ({ ...a, personId: contact.id })) });
      }
    }
  });

  describe('authentication', () => {
    const forgedToken = async () => {
      const person = await t.db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS.ADMIN }, select: { id: true } });
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(person.id)
        .setIssuer(t.config.jwt.issuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not-the-server-secret-but-long-enough-0123456789'));
    };
    const expiredToken = async () => {
      const person = await t.db.prisma.person.findUniqueOrThrow({ where: { email: DEMO_EMAILS.ADMIN }, select: { id: true } });
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(person.id)
        .setIssuer(t.config.jwt.issuer)
        .setIssuedAt(now - 7200)
        .setExpirationTime(now - 3600)
        .sign(new TextEncoder().encode(t.config.jwt.secret));
    };

    it('an HTTP query without a token is 401 UNAUTHENTICATED', async () => {
      const result = await httpGraphql(url, E2ePartnershipsDocument);
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it('introspection and /health work without a token', async () => {
      const introspection = await httpGraphql<{ __schema: { queryType: { name: string } } }, undefined>(
        url,
        '{ __schema { queryType { name } } }',
      );
      expect(introspection.status).toBe(200);
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      await health.body?.cancel();
    });

    it.each([
      ['forged', forgedToken],
      ['expired', expiredToken],
    ])('a %s token is refused over HTTP', async (_kind, make) => {
      const result = await httpGraphql(url, E2ePartnershipsDocument, undefined, await make());
      expect(result.status).toBe(401);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });

    it.each([
      ['no', async () => null],
      ['a forged', forgedToken],
      ['an expired', expiredToken],
    ])('a graphql-ws connection with %s token is closed with 4403 and its subscription fails', async (_kind, make) => {
      try {
        const connection = ws(await make());
        const feed: Feed<unknown> = connection.subscribe(E2eSignalReportedDocument, {});
        const item = await feed.take(5_000);
        expect(item.type).toBe('error');
        expect((item as { error: { code: number } }).error.code).toBe(4403);
        expect(connection.closeCodes).toContain(4403);
      } finally {
        await closeAll();
      }
    });

    it('an SSE subscription without a token ends with UNAUTHENTICATED and no events', async () => {
      try {
        const feed = await sse(url, E2eSignalReportedDocument, {});
        expect(feed.status).toBe(401);
        const first = await feed.take(5_000);
        expect(first.type).toBe('next');
        const result = (first as { result: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }).result;
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        expect((await feed.take(5_000)).type).toBe('complete');
      } finally {
        await closeAll();
      }
    });
  });

  it('GET /graphql from a browser serves GraphiQL', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html/i);
    expect(html).toContain('Jongerenwerk × school API');
    expect(html.toLowerCase()).toContain('graphiql');
  });
});
