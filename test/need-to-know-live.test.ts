/**
 * Attack probes (security review, branch attack2): grouped execution of live events, shared rows,
 * resuming, metadata readers. Each `it` states what must hold; a failure is a finding.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth/token.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { dataOf, type Feed, httpGraphql, type LiveItem, nextResult, sseSubscribe, wsConnect, type WsConnection } from './support/clients.ts';
import { closeTestApp, gid, loadDemo, type Demo } from './support/fixtures.ts';

type Item = LiveItem;
const nextEvent = nextResult;

async function noEvent(feed: Feed<unknown>, ms = 1_500) {
  try {
    const item = await feed.take(ms);
    return item;
  } catch {
    return undefined;
  }
}
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
const rawId = (g: string) => Buffer.from(g, 'base64').toString('utf8').split(':')[1]!;

describe('need to know on live events shared by a group', () => {
  let t: TestApp;
  let url: string;
  let demo: Demo;
  const connections: WsConnection[] = [];
  const ws = (token: string) => {
    const c = wsConnect(url, token);
    connections.push(c);
    return c;
  };
  const gql = async (doc: string, variables: unknown, token: string) => httpGraphql<any, unknown>(url, doc, variables, token);
  const livePosition = async (token: string) => dataOf(await gql('{ livePosition }', {}, token)).livePosition as string;

  let p: { gid: string; id: string; cityId: string };
  let orgId: string | null;
  let schoolId: string | null;

  async function person(name: string, roles: { role: any; partnershipId?: string; cityId: string; scope?: any }[]) {
    const created = await t.db.prisma.person.create({ data: { name, email: `${name.replace(/\W/g, '').toLowerCase()}${Date.now()}@attack2.example`, organisationId: orgId } });
    const assignments = [];
    for (const r of roles) {
      assignments.push(
        await t.db.prisma.roleAssignment.create({
          data: { personId: created.id, role: r.role, scope: r.scope ?? (r.partnershipId ? 'PARTNERSHIP' : 'CITY'), partnershipId: r.partnershipId, cityId: r.cityId },
        }),
      );
    }
    return { id: created.id, token: await signToken(t.config.jwt, created.id), assignments };
  }

  const report = async (token: string, summary: string, extra: Record<string, unknown> = {}) =>
    dataOf(
      await gql(
        'mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id ownerSide sharedWith } } }',
        { input: { partnershipId: p.gid, lifeDomain: 'SCHOOL', category: 'BULLYING', summary, ...extra } },
        token,
      ),
    ).reportSignal.signal as { id: string; ownerSide: string; sharedWith: string };

  const logActivity = async (token: string, extra: Record<string, unknown> = {}) =>
    dataOf(
      await gql(
        'mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }',
        { input: { partnershipId: p.gid, kind: 'BREAK_CONVERSATION', startsAt: new Date().toISOString(), durationMinutes: 10, ...extra } },
        token,
      ),
    ).logActivity.activity.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    url = (await t.app.start(0, '127.0.0.1')).url;
    demo = await loadDemo(t);
    const a = await t.db.prisma.roleAssignment.findFirstOrThrow({
      where: { role: 'YOUTH_WORKER', personId: demo.people.YOUTH_WORKER },
      select: { partnershipId: true, cityId: true },
    });
    p = { id: a.partnershipId!, gid: gid('Partnership', a.partnershipId!), cityId: a.cityId! };
    orgId = (await t.db.prisma.person.findUniqueOrThrow({ where: { id: demo.people.YOUTH_WORKER } })).organisationId;
    schoolId = (await t.db.prisma.person.findUniqueOrThrow({ where: { id: demo.people.SCHOOL_CONTACT } })).schoolId;
    void schoolId;
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await closeTestApp(t);
  });

  it('A1: resuming after a role was revoked must not serve a result computed with the old roles (person access class ignores roles)', async () => {
    // P: youth worker AND school contact of the same partnership.
    const P = await person('Dual Role', [
      { role: 'YOUTH_WORKER', partnershipId: p.id, cityId: p.cityId },
      { role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId },
    ]);
    const doc = 'subscription ($p: ID, $after: String) { signalReported(partnershipId: $p, after: $after) { id access summary category status } }';
    const start = await livePosition(P.token);
    const c1 = ws(P.token);
    const live = c1.subscribe<unknown, unknown>(doc, { p: p.gid, after: start });
    await settle();
    const s = await report(demo.tokens.YOUTH_WORKER, 'A1 youth work only, secret summary');
    expect(s.sharedWith).toBe('YOUTH_WORK');
    const first = await nextEvent(live);
    expect(first.data?.signalReported.summary).toBe('A1 youth work only, secret summary');
    await live.close();

    // Revoke the youth worker role (admin, through the API: rings the hub and empties the viewer cache).
    const yw = P.assignments.find((x) => x.role === 'YOUTH_WORKER')!;
    dataOf(await gql('mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { revokedRoleAssignmentId } }', { i: { roleAssignmentId: gid('RoleAssignment', yw.id) } }, demo.tokens.ADMIN));
    await settle();
    // As a plain query the signal is now metadata only.
    const q = dataOf(await gql('query ($id: ID!) { node(id: $id) { ... on Signal { access summary } } }', { id: s.id }, P.token));
    expect(q.node).toEqual({ access: 'METADATA', summary: null });

    // Resume with the same document and variables (a client reconnecting).
    const c2 = ws(P.token);
    const resumed = c2.subscribe<unknown, unknown>(doc, { p: p.gid, after: start });
    const again = await nextEvent(resumed);
    expect(again.data?.signalReported.id).toBe(s.id);
    expect(again.data?.signalReported, 'resumed event for the now metadata-only reader').toMatchObject({ access: 'METADATA', summary: null, category: null });
    await resumed.close();
  });

  it('A1b: resuming with a different `after` (new key) delivers metadata only', async () => {
    const P = await person('Dual Role B', [
      { role: 'YOUTH_WORKER', partnershipId: p.id, cityId: p.cityId },
      { role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId },
    ]);
    const doc = 'subscription ($p: ID, $after: String) { signalReported(partnershipId: $p, after: $after) { id access summary } }';
    const start = await livePosition(P.token);
    const s = await report(demo.tokens.YOUTH_WORKER, 'A1b secret');
    const yw = P.assignments.find((x) => x.role === 'YOUTH_WORKER')!;
    dataOf(await gql('mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { revokedRoleAssignmentId } }', { i: { roleAssignmentId: gid('RoleAssignment', yw.id) } }, demo.tokens.ADMIN));
    await settle();
    const resumed = ws(P.token).subscribe<unknown, unknown>(doc, { p: p.gid, after: start });
    const ev = await nextEvent(resumed);
    expect(ev.data?.signalReported).toMatchObject({ id: s.id, access: 'METADATA', summary: null });
    await resumed.close();
  });

  it('A2: a shared payload row is never reused for someone whose nested lists differ (youth worker vs school contact, partnership.signals)', async () => {
    const doc = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id partnership { signals(first: 100) { totalCount edges { node { id access } } } } } }';
    const listDoc = 'query ($p: ID!) { node(id: $p) { ... on Partnership { signals(first: 100) { totalCount edges { node { id access } } } } } }';
    const people: [string, string][] = [
      ['SCHOOL_CONTACT', demo.tokens.SCHOOL_CONTACT],
      ['YOUTH_WORKER', demo.tokens.YOUTH_WORKER],
      ['MENTOR', demo.tokens.MENTOR],
      ['POLICY_ADVISOR', demo.tokens.POLICY_ADVISOR],
      ['STUDENT_COUNSELLOR', demo.tokens.STUDENT_COUNSELLOR],
    ];
    // Several orders: whoever executes first must not decide another's list.
    const lists = new Map<string, string>();
    for (const order of [people, [...people].reverse()]) {
      const feeds = order.map(([, token]) => ws(token).subscribe<unknown, unknown>(doc, { p: p.gid }));
      await settle();
      await logActivity(demo.tokens.YOUTH_WORKER);
      for (const [i, [role, token]] of order.entries()) {
        if (role === 'MENTOR') {
          // a mentor does not see activities at all
          expect(await noEvent(feeds[i]!, 500)).toBeUndefined();
          continue;
        }
        const ev = await nextEvent(feeds[i]!);
        const own = dataOf(await gql(listDoc, { p: p.gid }, token)).node;
        const got = ev.data?.activityLogged?.partnership?.signals ?? null;
        expect(got, `${role}'s live list`).toEqual(own?.signals ?? null);
        lists.set(role, JSON.stringify(got));
      }
      await Promise.all(feeds.map((f) => f.close()));
    }
    expect(lists.get('YOUTH_WORKER')).not.toBe(lists.get('SCHOOL_CONTACT'));
  });

  it('A3: two people with equal roles, role-only document: result equal (by design) and both audited; SSE and ws share', async () => {
    const A = await person('Twin SC A', [{ role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId }]);
    const B = await person('Twin SC B', [{ role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId }]);
    const doc = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id __typename notes themes ... on IndividualGuidance { id } partnership { id openSignalCount name } } }';
    const fa = ws(A.token).subscribe<unknown, unknown>(doc, { p: p.gid });
    const fb = await sseSubscribe<unknown, unknown>(url, doc, { p: p.gid }, B.token);
    await settle();
    await logActivity(demo.tokens.YOUTH_WORKER, { notes: 'note A3' });
    const [ea, eb] = [await nextEvent(fa), await nextEvent(fb)];
    expect(ea.data).toEqual(eb.data);
    expect(ea.data?.activityLogged.notes).toBe('note A3');
    await fa.close();
    await fb.close();
  });

  it('A4: the metadata-only reader (school contact) hears nothing of a referral through live events', async () => {
    const SC = demo.tokens.SCHOOL_CONTACT;
    const s = await report(demo.tokens.YOUTH_WORKER, 'A4 referral');
    const changed = ws(SC).subscribe<unknown, unknown>('subscription ($p: ID) { signalChanged(partnershipId: $p) { id status } }', { p: p.gid });
    const reported = ws(SC).subscribe<unknown, unknown>('subscription ($p: ID) { signalReported(partnershipId: $p) { id status allowedTransitions } }', { p: p.gid });
    await settle();
    // Move the signal to REFERRED as the youth worker.
    let version = 1;
    const transition = async (status: string, extra: Record<string, unknown> = {}) => {
      const r = await gql(
        'mutation ($input: ChangeSignalStatusInput!) { changeSignalStatus(input: $input) { signal { id status version } } }',
        { input: { signalId: s.id, status, expectedVersion: version, ...extra } },
        demo.tokens.YOUTH_WORKER,
      );
      version = (r.data as any)?.changeSignalStatus?.signal?.version ?? version;
      return r;
    };
    const r0 = await transition('ACKNOWLEDGED');
    const r1 = await transition('IN_PROGRESS');
    const r2 = await transition('REFERRED', { referralDestination: 'Buurtteam' });
    expect([r0.errors, r1.errors, r2.errors]).toEqual([undefined, undefined, undefined]);
    const c = await noEvent(changed);
    const r = await noEvent(reported);
    expect(c, 'signalChanged to metadata reader').toBeUndefined();
    expect(r, 'signalReported to metadata reader').toBeUndefined();
    await changed.close();
    await reported.close();
  });

  it('A6: a resumed subscriber (same roles, another person) gets the record as it is now, not a result memoised before a correction or an erasure', async () => {
    const A = await person('Memo Twin A', [{ role: 'YOUTH_WORKER', partnershipId: p.id, cityId: p.cityId }]);
    const B = await person('Memo Twin B', [{ role: 'YOUTH_WORKER', partnershipId: p.id, cityId: p.cityId }]);
    const doc = 'subscription ($p: ID, $after: String) { activityLogged(partnershipId: $p, after: $after) { id notes } }';
    const start = await livePosition(A.token);
    const fa = ws(A.token).subscribe<unknown, unknown>(doc, { p: p.gid, after: start });
    await settle();
    const activityId = await logActivity(demo.tokens.YOUTH_WORKER, { notes: 'Talked with Jan de Vries (name written by mistake)' });
    expect((await nextEvent(fa)).data?.activityLogged.notes).toContain('Jan de Vries');
    await fa.close();
    // Correct the notes (the name must not be there), and, to be sure, erase the young person linked to it.
    const raw = rawId(activityId);
    const youth = await t.db.prisma.youth.findFirstOrThrow({ where: { school: { partnerships: { some: { id: p.id } } } } });
    await t.db.prisma.activity.update({ where: { id: raw }, data: { youthId: youth.id } });
    const erased = await gql('mutation ($i: EraseYouthInput!) { eraseYouth(input: $i) { changed } }', { i: { youthId: gid('Youth', youth.id) } }, demo.tokens.ADMIN);
    expect(erased.errors).toBeUndefined();
    const now = await t.db.prisma.activity.findUniqueOrThrow({ where: { id: raw }, select: { notes: true } });
    expect(now.notes).toBeNull();
    // B, with the same roles, resumes from the same position with the same document and variables.
    const fb = ws(B.token).subscribe<unknown, unknown>(doc, { p: p.gid, after: start });
    const ev = await nextEvent(fb);
    expect(ev.data?.activityLogged.id).toBe(activityId);
    expect(ev.data?.activityLogged.notes, 'notes after erasure, delivered to a resumed subscriber').toBeNull();
    await fb.close();
  });

  it('A7: revoking one twin\'s role stops their delivery; the other twin still gets it', async () => {
    const A = await person('Rev Twin A', [{ role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId }]);
    const B = await person('Rev Twin B', [{ role: 'SCHOOL_CONTACT', partnershipId: p.id, cityId: p.cityId }]);
    const doc = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id notes } }';
    const fa = ws(A.token).subscribe<unknown, unknown>(doc, { p: p.gid });
    const fb = await sseSubscribe<unknown, unknown>(url, doc, { p: p.gid }, B.token);
    await settle();
    await logActivity(demo.tokens.YOUTH_WORKER);
    await nextEvent(fa);
    await nextEvent(fb);
    dataOf(await gql('mutation ($i: RevokeRoleInput!) { revokeRole(input: $i) { revokedRoleAssignmentId } }', { i: { roleAssignmentId: gid('RoleAssignment', B.assignments[0]!.id) } }, demo.tokens.ADMIN));
    await settle();
    await logActivity(demo.tokens.YOUTH_WORKER);
    expect((await nextEvent(fa)).data?.activityLogged.id).toBeTruthy();
    const late = await noEvent(fb);
    expect(late?.type === 'next' ? late : undefined).toBeUndefined();
    await fa.close();
    await fb.close();
  });

  it('A5: an expired token stops delivery at the next event, ending the subscription with UNAUTHENTICATED', async () => {
    const P = await person('Short Token', [{ role: 'YOUTH_WORKER', partnershipId: p.id, cityId: p.cityId }]);
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(P.id)
      .setIssuer(t.config.jwt.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 3)
      .sign(new TextEncoder().encode((t.config.jwt as any).secret));
    const doc = 'subscription ($p: ID) { activityLogged(partnershipId: $p) { id } }';
    const feed = ws(token).subscribe<unknown, unknown>(doc, { p: p.gid });
    const sse = await sseSubscribe<unknown, unknown>(url, doc, { p: p.gid }, token);
    await settle();
    await logActivity(demo.tokens.YOUTH_WORKER);
    expect((await nextEvent(feed)).data?.activityLogged.id).toBeTruthy();
    expect((await nextEvent(sse)).data?.activityLogged.id).toBeTruthy();
    await settle(3_500);
    await logActivity(demo.tokens.YOUTH_WORKER);
    const late: any = await noEvent(feed);
    const lateSse: any = await noEvent(sse);
    // No data after expiry: the subscription ends with a coded error (over SSE yoga sends it as a result with errors).
    expect(late?.type, 'ws after expiry').toBe('error');
    expect(JSON.stringify(late.error)).toContain('UNAUTHENTICATED');
    expect(lateSse?.type === 'next' ? lateSse.result.data ?? undefined : undefined, 'sse data after expiry').toBeUndefined();
    expect(JSON.stringify(lateSse)).toContain('UNAUTHENTICATED');
    await feed.close();
    await sse.close();
  });
});

describe('metadata readers cannot tell a referral', () => {
  let t: TestApp;
  let demo: Demo;
  let X: { id: string; cityId: string };
  const ids: { ref: string; ip: string } = { ref: '', ip: '' };
  beforeAll(async () => {
    t = await createTestApp();
    demo = await loadDemo(t);
    X = demo.partnerships.sloterplas;
    const base = { partnershipId: X.id, lifeDomain: 'HOME' as const, category: 'HOME_SITUATION' as const, ownerSide: 'YOUTH_WORK' as const, sharedWith: 'YOUTH_WORK' as const, summary: 'm', reportedAt: new Date('2031-03-03T10:00:00Z'), acknowledgedAt: new Date('2031-03-03T11:00:00Z'), inProgressAt: new Date('2031-03-03T12:00:00Z') };
    ids.ref = (await t.db.prisma.signal.create({ data: { ...base, status: 'REFERRED', referredAt: new Date('2031-03-04T10:00:00Z'), referralDestination: 'Buurtteam' } })).id;
    ids.ip = (await t.db.prisma.signal.create({ data: { ...base, status: 'IN_PROGRESS' } })).id;
  });
  afterAll(async () => closeTestApp(t));

  const q = async (doc: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.execute(parse(doc) as any, variables, { token });
    return r as { data?: any; errors?: any[]; extensions?: any };
  };

  for (const role of ['SCHOOL_CONTACT', 'STUDENT_COUNSELLOR', 'POLICY_ADVISOR'] as const) {
    it(`M1 ${role}: a REFERRED signal reads exactly like an IN_PROGRESS one (node, status filters, nested list, counts, hiddenFields)`, async () => {
      const token = demo.tokens[role];
      const node = 'query ($id: ID!) { node(id: $id) { ... on Signal { access status allowedTransitions reportedAt anonymisedAt version updatedAt referredAt inProgressAt referralDestination } } }';
      const a = await q(node, { id: gid('Signal', ids.ref) }, token);
      const b = await q(node, { id: gid('Signal', ids.ip) }, token);
      expect(a.data).toEqual(b.data);
      expect(a.data.node.access).toBe('METADATA');
      const strip = (x: any) => JSON.stringify(x?.extensions ?? null).replaceAll(gid('Signal', ids.ref), 'S').replaceAll(gid('Signal', ids.ip), 'S');
      expect(strip(a)).toBe(strip(b));
      const list = `query ($f: SignalFilter) { signals(first: 100, filter: $f) { totalCount edges { node { id status } } } }`;
      const nested = `query ($p: ID!, $f: SignalFilter) { node(id: $p) { ... on Partnership { signals(first: 100, filter: $f) { totalCount edges { node { id } } } } } }`;
      const statuses = [['IN_PROGRESS'], ['REFERRED'], ['NEW', 'REFERRED'], ['REFERRED', 'CLOSED'], ['IN_PROGRESS', 'REFERRED'], ['ACKNOWLEDGED', 'IN_PROGRESS'], ['NEW', 'ACKNOWLEDGED', 'CLOSED']];
      for (const status of statuses) {
        const f = { status, reportedAfter: '2031-03-01T00:00:00Z', reportedBefore: '2031-03-10T00:00:00Z' };
        for (const doc of [list, nested]) {
          const r = await q(doc, { f, p: gid('Partnership', X.id) }, token);
          expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
          const conn = r.data.signals ?? r.data.node.signals;
          const got = conn.edges.map((e: any) => e.node.id);
          expect(got.includes(gid('Signal', ids.ref)), `${role} ${status} ${doc.slice(0, 20)}`).toBe(got.includes(gid('Signal', ids.ip)));
          if (status.length === 1 && status[0] === 'IN_PROGRESS') expect(got).toContain(gid('Signal', ids.ref));
        }
      }
    });
  }

  it('M2 policy advisor: individual guidance themes are not reachable (field, theme filter, export)', async () => {
    const token = demo.tokens.POLICY_ADVISOR;
    const ig = await t.db.prisma.activity.create({ data: { partnershipId: X.id, kind: 'INDIVIDUAL_GUIDANCE', startsAt: new Date('2031-03-05T10:00:00Z'), durationMinutes: 30, themes: ['zelfbeschadiging-attack2'] } });
    const r = await q('query ($id: ID!) { node(id: $id) { ... on Activity { themes } } }', { id: gid('IndividualGuidance', ig.id) }, token);
    expect(r.data.node.themes).toEqual([]);
    const f = await q('query { activities(first: 10, filter: { theme: "zelfbeschadiging-attack2" }) { totalCount } }', {}, token);
    expect(f.data.activities.totalCount).toBe(0);
    const res = await t.app.yoga.fetch('http://test/exports/activities.csv?from=2031-03-01&to=2031-03-10', { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    expect(text).not.toContain('zelfbeschadiging-attack2');
  });
});
