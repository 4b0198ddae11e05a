/**
 * Data-subject requests (AVG art. 15): `GET /exports/data-subject/youth|person/<id>.json` over the
 * real server. The report lists every record that refers to the subject (compared with the
 * database), only administrators get it, every run is an audit event, an unknown id is NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.ts';
import { loadDemo, MISSING_UUID, type Demo } from './support/fixtures.ts';
import type { Role } from '../src/generated/prisma/enums.ts';

let t: TestApp;
let demo: Demo;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  ({ url: base } = await t.app.start(0, '127.0.0.1'));
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
