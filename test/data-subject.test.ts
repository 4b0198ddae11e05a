/**
 * Data-subject requests (AVG art. 15): `GET /exports/data-subject/youth|person/<id>.json` over the
 * real server. The report lists every record that refers to the subject (compared with the
 * database), only administrators get it, every run is an audit event, an unknown id is NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, httpGraphql } from './support/clients.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { EVALUATION_FIGURES, gid, loadDemo, MISSING_UUID, type Demo } from './support/fixtures.ts';
import type { Role } from '../src/generated/prisma/enums.ts';

let t: TestApp;
let demo: Demo;
let base: string;
let graphql: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  ({ url: base } = await t.app.start(0, '127.0.0.1'));
  graphql = base;
  base = new URL(base).origin;
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string, token?: string) =>
  fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('data-subject report', () => {
  it('lists every signal, follow-up, activity and audit event of a young person, and audits the run', async () => {
    const prisma = t.db.prisma;
    // The seeded young person with the most signals.
    const [youth] = await prisma.youth.findMany({ orderBy: { signals: { _count: 'desc' } }, take: 1, select: { id: true, code: true } });
    const signals = await prisma.signal.findMany({ where: { youthId: youth!.id }, select: { id: true, followUps: { select: { id: true } } } });
    expect(signals.length, 'the seed has a young person with signals').toBeGreaterThan(0);
    const activities = await prisma.activity.findMany({ where: { youthId: youth!.id }, select: { id: true } });
    const auditBefore = await prisma.auditEvent.findMany({ where: { entity: 'Youth', entityId: youth!.id }, select: { id: true } });

    const response = await get(`/exports/data-subject/youth/${youth!.id}.json`, demo.tokens.ADMIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="data-subject_youth_/);
    const report = (await response.json()) as any;
    expect(report.subject).toMatchObject({ kind: 'youth', id: youth!.id, code: youth!.code });
    expect(ids(report.signals)).toEqual(ids(signals));
    expect(ids(report.signals.flatMap((s: any) => s.followUps))).toEqual(ids(signals.flatMap((s) => s.followUps)));
    for (const s of report.signals) expect(s).toHaveProperty('reportedAt');
    expect(ids(report.activities)).toEqual(ids(activities));
    expect(ids(report.auditEvents)).toEqual(ids(auditBefore));

    const audit = await prisma.auditEvent.findMany({ where: { entity: 'Youth', entityId: youth!.id, fields: { has: 'dataSubjectReport' } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: demo.people.ADMIN, operation: 'READ' });
  });

  it('lists what a staff member reported, recorded, logged, facilitated, attended and holds', async () => {
    const prisma = t.db.prisma;
    const id = demo.people.YOUTH_WORKER;
    const response = await get(`/exports/data-subject/person/${id}.json`, demo.tokens.ADMIN);
    expect(response.status).toBe(200);
    const report = (await response.json()) as any;
    const person = await prisma.person.findUniqueOrThrow({ where: { id } });
    expect(report.subject).toMatchObject({ kind: 'person', id, name: person.name, email: person.email });
    expect(ids(report.roleAssignments)).toEqual(ids(await prisma.roleAssignment.findMany({ where: { personId: id }, select: { id: true } })));
    expect(ids(report.reportedSignals)).toEqual(ids(await prisma.signal.findMany({ where: { reportedById: id }, select: { id: true } })));
    expect(ids(report.followUps)).toEqual(ids(await prisma.signalFollowUp.findMany({ where: { byId: id }, select: { id: true } })));
    expect(ids(report.loggedActivities)).toEqual(ids(await prisma.activity.findMany({ where: { loggedById: id }, select: { id: true } })));
    const facilitated = await prisma.activityFacilitator.findMany({ where: { personId: id }, select: { activityId: true } });
    expect(ids(report.facilitatedActivities)).toEqual(facilitated.map((f) => f.activityId).sort());
    const attended = await prisma.activityAttendee.findMany({ where: { personId: id }, select: { activityId: true } });
    expect(ids(report.attendedActivities)).toEqual(attended.map((f) => f.activityId).sort());
    expect(report.roleAssignments.length + report.reportedSignals.length + report.facilitatedActivities.length).toBeGreaterThan(0);
    // Audit events by them: the seed and earlier tests may have none; the report matches the table.
    expect(ids(report.auditEventsBy)).toEqual(ids(await prisma.auditEvent.findMany({ where: { actorId: id }, select: { id: true } })));
    const audit = await prisma.auditEvent.count({ where: { entity: 'Person', entityId: id, fields: { has: 'dataSubjectReport' } } });
    expect(audit).toBe(1);
  });

  it('refuses every role but administrator with FORBIDDEN, and nobody without a token', async () => {
    const youth = await t.db.prisma.youth.findFirstOrThrow({ select: { id: true } });
    for (const role of Object.keys(demo.tokens) as Role[]) {
      if (role === 'ADMIN') continue;
      for (const path of [`/exports/data-subject/youth/${youth.id}.json`, `/exports/data-subject/person/${demo.people.ADMIN}.json`]) {
        const response = await get(path, demo.tokens[role]);
        expect(response.status, `${role} ${path}`).toBe(403);
        expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await get(`/exports/data-subject/youth/${youth.id}.json`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for an unknown or malformed id, without an audit event', async () => {
    const before = await t.db.prisma.auditEvent.count();
    for (const path of [`/exports/data-subject/youth/${MISSING_UUID}.json`, `/exports/data-subject/person/${MISSING_UUID}.json`, '/exports/data-subject/youth/nope.json']) {
      const response = await get(path, demo.tokens.ADMIN);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    expect(await t.db.prisma.auditEvent.count()).toBe(before);
  });
});

const ERASE_YOUTH = `mutation ($id: ID!) { eraseYouth(input: { youthId: $id }) { changed youth { id code } } }`;
const ERASE_PERSON = `mutation ($id: ID!) { erasePerson(input: { personId: $id }) { changed person { id name } } }`;
const figures = async () =>
  dataOf(await httpGraphql<any, any>(graphql, EVALUATION_FIGURES, { from: '2024-01-01', to: '2026-12-31', groupBy: ['SCHOOL'] }, demo.tokens.ADMIN));

describe('erasure', () => {
  it('erases a young person: nothing linkable is left, the figures are unchanged, one audit event, idempotent', async () => {
    const prisma = t.db.prisma;
    const [youth] = await prisma.youth.findMany({ where: { signals: { some: { summary: { not: null } } } }, take: 1, select: { id: true, code: true } });
    const signalIds = (await prisma.signal.findMany({ where: { youthId: youth!.id }, select: { id: true } })).map((s) => s.id);
    const before = await figures();
    const others = await prisma.youth.count({ where: { NOT: { id: youth!.id }, code: { startsWith: 'ERASED-' } } });

    const result = await httpGraphql<any, any>(graphql, ERASE_YOUTH, { id: gid('Youth', youth!.id) }, demo.tokens.ADMIN);
    expect(dataOf(result).eraseYouth.changed).toBe(true);
    expect(dataOf(result).eraseYouth.youth.code).not.toBe(youth!.code);

    expect(await prisma.youth.count({ where: { code: youth!.code } })).toBe(0);
    const texts = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Signal" s WHERE s."youthId" = ${youth!.id}::uuid
        AND (s.summary IS NOT NULL OR s."referralDestination" IS NOT NULL OR s."pilotData" <> '{}'::jsonb)`;
    expect(texts[0]!.n).toBe(0);
    expect(await prisma.signalFollowUp.count({ where: { signalId: { in: signalIds }, note: { not: null } } })).toBe(0);
    expect(await prisma.activity.count({ where: { youthId: youth!.id, OR: [{ notes: { not: null } }, { locationNote: { not: null } }] } })).toBe(0);
    // The old code appears nowhere in the database's text (signals' summaries, notes, plugin values).
    const mentions = await prisma.$queryRaw<{ n: number }[]>`
      SELECT (SELECT count(*) FROM "Signal" WHERE summary ILIKE ${'%' + youth!.code + '%'} OR "pilotData"::text ILIKE ${'%' + youth!.code + '%'})::int
           + (SELECT count(*) FROM "Activity" WHERE notes ILIKE ${'%' + youth!.code + '%'})::int AS n`;
    expect(mentions[0]!.n).toBe(0);

    expect(await figures()).toEqual(before);
    const audit = await prisma.auditEvent.findMany({ where: { entity: 'Youth', entityId: youth!.id, operation: 'ANONYMISE' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(demo.people.ADMIN);

    const code = (await prisma.youth.findUniqueOrThrow({ where: { id: youth!.id } })).code;
    const again = await httpGraphql<any, any>(graphql, ERASE_YOUTH, { id: gid('Youth', youth!.id) }, demo.tokens.ADMIN);
    expect(dataOf(again).eraseYouth.changed).toBe(false);
    expect((await prisma.youth.findUniqueOrThrow({ where: { id: youth!.id } })).code).toBe(code);
    expect(await prisma.auditEvent.count({ where: { entity: 'Youth', entityId: youth!.id, operation: 'ANONYMISE' } })).toBe(1);
    expect(await prisma.youth.count({ where: { NOT: { id: youth!.id }, code: { startsWith: 'ERASED-' } } })).toBe(others);
  });

  it('erases a staff member: a pseudonym, no roles, deactivated, their records kept; idempotent', async () => {
    const prisma = t.db.prisma;
    const id = demo.people.MENTOR;
    const old = await prisma.person.findUniqueOrThrow({ where: { id } });
    const authored = {
      signals: await prisma.signal.count({ where: { reportedById: id } }),
      followUps: await prisma.signalFollowUp.count({ where: { byId: id } }),
      facilitated: await prisma.activityFacilitator.count({ where: { personId: id } }),
    };
    expect(await prisma.roleAssignment.count({ where: { personId: id } })).toBeGreaterThan(0);
    const result = await httpGraphql<any, any>(graphql, ERASE_PERSON, { id: gid('Person', id) }, demo.tokens.ADMIN);
    expect(dataOf(result).erasePerson.changed).toBe(true);
    expect(dataOf(result).erasePerson.person.name).toMatch(/^Former staff member [0-9a-f]{4}$/);

    const now = await prisma.person.findUniqueOrThrow({ where: { id } });
    expect(now.deactivatedAt).not.toBeNull();
    expect(await prisma.person.count({ where: { OR: [{ name: old.name }, { email: { equals: old.email, mode: 'insensitive' } }] } })).toBe(0);
    expect(await prisma.roleAssignment.count({ where: { personId: id } })).toBe(0);
    expect({
      signals: await prisma.signal.count({ where: { reportedById: id } }),
      followUps: await prisma.signalFollowUp.count({ where: { byId: id } }),
      facilitated: await prisma.activityFacilitator.count({ where: { personId: id } }),
    }).toEqual(authored);

    const again = await httpGraphql<any, any>(graphql, ERASE_PERSON, { id: gid('Person', id) }, demo.tokens.ADMIN);
    expect(dataOf(again).erasePerson.changed).toBe(false);
    expect((await prisma.person.findUniqueOrThrow({ where: { id } })).name).toBe(now.name);
    expect(await prisma.auditEvent.count({ where: { entity: 'Person', entityId: id, operation: 'ANONYMISE' } })).toBe(1);
  });

  it('refuses every non-admin with FORBIDDEN and changes nothing; an unknown id is NOT_FOUND', async () => {
    const prisma = t.db.prisma;
    const youth = await prisma.youth.findFirstOrThrow({ where: { NOT: { code: { startsWith: 'ERASED-' } } }, select: { id: true, code: true } });
    for (const role of Object.keys(demo.tokens) as Role[]) {
      if (role === 'ADMIN' || role === 'MENTOR') continue;
      const y = await httpGraphql<any, any>(graphql, ERASE_YOUTH, { id: gid('Youth', youth.id) }, demo.tokens[role]);
      expect(y.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      const p = await httpGraphql<any, any>(graphql, ERASE_PERSON, { id: gid('Person', demo.people.ADMIN) }, demo.tokens[role]);
      expect(p.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect((await prisma.youth.findUniqueOrThrow({ where: { id: youth.id } })).code).toBe(youth.code);
    const missing = await httpGraphql<any, any>(graphql, ERASE_YOUTH, { id: gid('Youth', MISSING_UUID) }, demo.tokens.ADMIN);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missingPerson = await httpGraphql<any, any>(graphql, ERASE_PERSON, { id: gid('Person', MISSING_UUID) }, demo.tokens.ADMIN);
    expect(missingPerson.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
