import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActivitiesDocument,
  ActivitiesWithSchoolDocument,
  MyPartnershipsDocument,
  NodeDocument,
  NodesDocument,
  PeopleDocument,
  PartnershipsPageDocument,
  type PartnershipsPageQuery,
  type PartnershipsPageQueryVariables,
  SignalsDocument,
} from './generated/graphql.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
let admin: string;
let youthWorker: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.tokenFor('ADMIN');
  youthWorker = await t.tokenFor('YOUTH_WORKER');
});
afterAll(async () => {
  await t?.close();
});

describe('pagination', () => {
  it('walks all partnerships forwards one page at a time without gaps or repeats', async () => {
    const total = await t.db.prisma.partnership.count();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < total + 1; page++) {
      const result: Awaited<ReturnType<typeof t.execute<PartnershipsPageQuery, PartnershipsPageQueryVariables>>> =
        await t.execute(PartnershipsPageDocument, { first: 2, after }, { token: admin });
      expect(result.errors).toBeUndefined();
      const conn = result.data!.partnerships;
      expect(conn.totalCount).toBe(total);
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('pages backwards with last/before to the same items', async () => {
    const all = await t.execute(PartnershipsPageDocument, { first: 100 }, { token: admin });
    const ids = all.data!.partnerships.edges.map((e) => e.node.id);
    const lastTwo = await t.execute(PartnershipsPageDocument, { last: 2 }, { token: admin });
    expect(lastTwo.data!.partnerships.edges.map((e) => e.node.id)).toEqual(ids.slice(-2));
    expect(lastTwo.data!.partnerships.pageInfo.hasPreviousPage).toBe(ids.length > 2);
    const before = await t.execute(
      PartnershipsPageDocument,
      { last: 2, before: lastTwo.data!.partnerships.pageInfo.startCursor },
      { token: admin },
    );
    expect(before.data!.partnerships.edges.map((e) => e.node.id)).toEqual(ids.slice(-4, -2));
  });

  it('returns an empty page after the last cursor, and an empty connection for an empty filter', async () => {
    const all = await t.execute(PartnershipsPageDocument, { first: 100 }, { token: admin });
    const end = all.data!.partnerships.pageInfo.endCursor;
    const after = await t.execute(PartnershipsPageDocument, { first: 5, after: end }, { token: admin });
    expect(after.data!.partnerships.edges).toEqual([]);
    expect(after.data!.partnerships.pageInfo.hasNextPage).toBe(false);
    const none = await t.execute(MyPartnershipsDocument, { first: 5, filter: { search: 'no partnership is called this' } }, { token: admin });
    expect(none.data!.partnerships).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('refuses pages above the maximum and a malformed cursor with a coded error', async () => {
    const big = await t.execute(ActivitiesDocument, { first: 1000 }, { token: admin });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'max' });
    const max = await t.execute(ActivitiesDocument, { first: 100 }, { token: admin });
    expect(max.data!.activities.edges.length).toBe(100);
    const bad = await t.execute(ActivitiesDocument, { first: 5, after: 'not-a-cursor' }, { token: admin });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('orders signals newest first and pages them stably', async () => {
    const first = await t.execute(SignalsDocument, { first: 20 }, { token: admin });
    const second = await t.execute(SignalsDocument, { first: 20, after: first.data!.signals.pageInfo.endCursor }, { token: admin });
    const dates = [...first.data!.signals.edges, ...second.data!.signals.edges].map((e) => Date.parse(e.node.reportedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const ids = [...first.data!.signals.edges, ...second.data!.signals.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(40);
  });
});

describe('filters', () => {
  it('filters signals by status and life domain, and totalCount follows the filter', async () => {
    const { data } = await t.execute(
      SignalsDocument,
      { first: 100, filter: { status: ['NEW', 'CLOSED'], lifeDomain: ['ONLINE'] } },
      { token: admin },
    );
    const expected = await t.db.prisma.signal.count({ where: { status: { in: ['NEW', 'CLOSED'] }, lifeDomain: 'ONLINE' } });
    expect(expected).toBeGreaterThan(0);
    expect(data!.signals.totalCount).toBe(expected);
    for (const e of data!.signals.edges) {
      expect(['NEW', 'CLOSED']).toContain(e.node.status);
      expect(e.node.lifeDomain).toBe('ONLINE');
    }
  });

  it('filters activities by kind and period', async () => {
    const since = new Date(Date.now() - 30 * 86_400_000);
    const { data } = await t.execute(
      ActivitiesDocument,
      { first: 50, filter: { kind: ['CONSULTATION'], startsAfter: since.toISOString() } },
      { token: admin },
    );
    const expected = await t.db.prisma.activity.count({ where: { kind: 'CONSULTATION', startsAt: { gte: since } } });
    expect(data!.activities.totalCount).toBe(expected);
    for (const e of data!.activities.edges) {
      expect(e.node.__typename).toBe('Consultation');
      expect(Date.parse(e.node.startsAt)).toBeGreaterThanOrEqual(since.getTime());
    }
  });

  it('filters people by role and sorts them by e-mail, descending', async () => {
    const { data, errors } = await t.execute(
      PeopleDocument,
      { first: 100, filter: { role: 'YOUTH_WORKER' }, orderBy: { field: 'EMAIL', direction: 'DESC' } },
      { token: admin },
    );
    expect(errors).toBeUndefined();
    const expected = await t.db.prisma.person.findMany({
      where: { roleAssignments: { some: { role: 'YOUTH_WORKER' } } },
      orderBy: [{ email: 'desc' }, { id: 'desc' }],
      select: { email: true },
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(data!.people.edges.map((e) => e.node.email)).toEqual(expected.map((p) => p.email));
    expect(data!.people.totalCount).toBe(expected.length);
  });

  it('filters partnerships by form', async () => {
    const { data } = await t.execute(MyPartnershipsDocument, { first: 50, filter: { form: 'IN_SCHOOL' } }, { token: admin });
    expect(data!.partnerships.totalCount).toBe(await t.db.prisma.partnership.count({ where: { form: 'IN_SCHOOL' } }));
    expect(data!.partnerships.edges.every((e) => e.node.form === 'IN_SCHOOL')).toBe(true);
  });

  it('rejects a filter ID of the wrong type with the field and rule', async () => {
    const signals = await t.execute(SignalsDocument, { first: 1 }, { token: admin });
    const signalId = signals.data!.signals.edges[0]!.node.id;
    const { errors } = await t.execute(SignalsDocument, { first: 5, filter: { partnershipId: signalId } }, { token: admin });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.partnershipId', rule: 'globalId' });
  });
});

describe('nodes', () => {
  it('refetches a partnership, a signal, an activity and a person by global ID', async () => {
    const p = await t.execute(MyPartnershipsDocument, { first: 1 }, { token: youthWorker });
    const partnership = p.data!.partnerships.edges[0]!.node;
    const s = await t.execute(SignalsDocument, { first: 1 }, { token: youthWorker });
    const a = await t.execute(ActivitiesDocument, { first: 1 }, { token: youthWorker });
    for (const id of [partnership.id, s.data!.signals.edges[0]!.node.id, a.data!.activities.edges[0]!.node.id, partnership.schoolContact!.id]) {
      const { data, errors } = await t.execute(NodeDocument, { id }, { token: youthWorker });
      expect(errors).toBeUndefined();
      expect(data!.node?.id).toBe(id);
    }
    const many = await t.execute(NodesDocument, { ids: [partnership.id, s.data!.signals.edges[0]!.node.id] }, { token: youthWorker });
    expect(many.data?.nodes?.map((n) => n?.id)).toEqual([partnership.id, s.data!.signals.edges[0]!.node.id]);
    const garbage = await t.execute(NodesDocument, { ids: [partnership.id, 'garbage'] }, { token: youthWorker });
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'globalId' });
  });

  it('returns null for an ID nobody may see or that does not exist', async () => {
    const other = await t.db.prisma.signal.findFirstOrThrow({
      where: { partnership: { roleAssignments: { none: { person: { email: 'aaron.bakkali@amsterdam.jongerenwerk.example' } } } } },
    });
    const foreignId = Buffer.from(`Signal:${other.id}`).toString('base64');
    const missingId = Buffer.from('Signal:01234567-89ab-7cde-8f01-23456789abcd').toString('base64');
    for (const id of [foreignId, missingId]) {
      const { data } = await t.execute(NodeDocument, { id }, { token: youthWorker });
      expect(data?.node ?? null).toBeNull();
    }
  });
});

describe('SQL statements per request (no N+1)', () => {
  it('activities(first: N) with partnership, school and facilitators costs the same for N = 10 and N = 100', async () => {
    const run = (first: number) =>
      countQueries(t.db, async () => {
        const { data, errors } = await t.execute(ActivitiesWithSchoolDocument, { first }, { token: admin });
        expect(errors).toBeUndefined();
        expect(data!.activities.edges).toHaveLength(first);
      });
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred.count).toBe(ten.count);
    // viewer + page (+ its relations in a few joined statements); a regression to N+1 would be >100.
    expect(ten.count).toBeLessThanOrEqual(8);
  });

  it('partnerships with their counts and nested lists cost a constant number of statements', async () => {
    const run = (first: number) =>
      countQueries(t.db, async () => {
        const { errors } = await t.execute(MyPartnershipsDocument, { first }, { token: admin });
        expect(errors).toBeUndefined();
      });
    const one = await run(1);
    const all = await run(100);
    expect(all.count).toBe(one.count);
  });
});
