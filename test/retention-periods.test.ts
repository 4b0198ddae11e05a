/**
 * Retention of what has a city period besides signals, on the seeded year of history: activities'
 * notes (`City.activityRetentionMonths`), youth references without a linked signal or a recent
 * activity (`youthRetentionMonths`) and deactivated staff (`staffRetentionMonths`). Exactly what is
 * past its period is cleared (computed here with Prisma, independently of the job's SQL), nothing
 * before; every change has one ANONYMISE audit event with no actor; a second run changes nothing;
 * the evaluation figures read through the API are the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { ERASED_CODE_PREFIX, PERSON_ERASED_FIELDS } from '../src/data-subject/erase.ts';
import { ACTIVITY_CLEARED_FIELDS, type RetentionReport, runRetention, YOUTH_ANONYMISED_FIELDS } from '../src/retention.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { EVALUATION_FIGURES, loadDemo, type Demo } from './support/fixtures.ts';

let t: TestApp;
let prisma: PrismaClient;
let demo: Demo;
let now: Date;
/** Per city: [signal, activity, youth, staff] periods in months. */
const PERIODS = { Amsterdam: [24, 6, 8, 12], Arnhem: [24, 3, 4, 6] } as const;
type CityName = keyof typeof PERIODS;
let cityName: Map<string, CityName>;
let boundary: { activityDue: string; activityNotDue: string; staffDue: string; staffNotDue: string; staffOtherCity: string; staffNoCity: string };
let unusedYouth: { due: string; notDue: string };

/** `d` minus `months` calendar months, clamped to the end of the month, as PostgreSQL does. */
function monthsBefore(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
}

const period = async (cityId: string) => {
  const c = await prisma.city.findUniqueOrThrow({ where: { id: cityId } });
  return { signal: c.retentionMonths, activity: c.activityRetentionMonths, youth: c.youthRetentionMonths, staff: c.staffRetentionMonths };
};

/** What should be cleared at `at`, computed with Prisma (row by row, not as the job does it). */
async function due(at: Date) {
  const cities = new Map(await Promise.all((await prisma.city.findMany({ select: { id: true } })).map(async (c) => [c.id, await period(c.id)] as const)));
  const signals = await prisma.signal.findMany({ select: { id: true, youthId: true, status: true, anonymisedAt: true, closedAt: true, partnership: { select: { cityId: true } } } });
  const dueSignals = new Set(
    signals
      .filter((s) => s.status === 'CLOSED' && !s.anonymisedAt && s.closedAt! < monthsBefore(at, cities.get(s.partnership.cityId)!.signal))
      .map((s) => s.id),
  );
  const activities = await prisma.activity.findMany({ select: { id: true, youthId: true, startsAt: true, notes: true, locationNote: true, partnership: { select: { cityId: true } } } });
  const youth = await prisma.youth.findMany({ select: { id: true, code: true, createdAt: true, school: { select: { cityId: true } } } });
  const youthDue = new Set(
    youth
      .filter((y) => {
        if (y.code.startsWith(ERASED_CODE_PREFIX)) return false;
        const cutoff = monthsBefore(at, cities.get(y.school.cityId)!.youth);
        return (
          y.createdAt < cutoff &&
          !signals.some((s) => s.youthId === y.id && !dueSignals.has(s.id)) &&
          !activities.some((a) => a.youthId === y.id && a.startsAt >= cutoff)
        );
      })
      .map((y) => y.id),
  );
  const activitiesDue = activities
    .filter(
      (a) =>
        (a.notes !== null || a.locationNote !== null) &&
        (a.startsAt < monthsBefore(at, cities.get(a.partnership.cityId)!.activity) || (a.youthId !== null && youthDue.has(a.youthId))),
    )
    .map((a) => a.id);
  const people = await prisma.person.findMany({
    where: { deactivatedAt: { not: null }, NOT: { email: { endsWith: '@erased.invalid' } } },
    select: {
      id: true,
      deactivatedAt: true,
      organisation: { select: { cityId: true } },
      school: { select: { cityId: true } },
      roleAssignments: { select: { cityId: true, partnership: { select: { cityId: true } } } },
    },
  });
  const staffDue = people
    .filter((p) => {
      const ids = [p.organisation?.cityId, p.school?.cityId, ...p.roleAssignments.flatMap((r) => [r.cityId, r.partnership?.cityId])].filter((id): id is string => !!id);
      if (ids.length === 0) return false;
      return p.deactivatedAt! < monthsBefore(at, Math.max(...ids.map((id) => cities.get(id)!.staff)));
    })
    .map((p) => p.id);
  return { signals: [...dueSignals].sort(), activities: activitiesDue.sort(), youth: [...youthDue].sort(), staff: staffDue.sort() };
}

const snapshot = async () => ({
  activities: new Map((await prisma.activity.findMany({ orderBy: { id: 'asc' } })).map((a) => [a.id, a])),
  youth: new Map((await prisma.youth.findMany({ orderBy: { id: 'asc' } })).map((y) => [y.id, y])),
  people: new Map((await prisma.person.findMany({ orderBy: { id: 'asc' }, include: { roleAssignments: { orderBy: { id: 'asc' } } } })).map((p) => [p.id, p])),
  signals: new Map((await prisma.signal.findMany({ orderBy: { id: 'asc' } })).map((s) => [s.id, s])),
});

async function figures(groupBy: string[]) {
  const response = await t.app.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.tokens.ADMIN}` },
    body: JSON.stringify({ query: EVALUATION_FIGURES, variables: { from: '2024-01-01', to: '2026-12-31', groupBy } }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}
const allFigures = async () => ({ school: await figures(['SCHOOL']), partnership: await figures(['PARTNERSHIP']) });

beforeAll(async () => {
  t = await createTestApp({ env: { RETENTION_INTERVAL_MINUTES: '0' } });
  prisma = t.db.prisma;
  demo = await loadDemo(t);
  now = new Date();
  cityName = new Map((await prisma.city.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name as CityName]));
  for (const [name, [signal, activity, youth, staff]] of Object.entries(PERIODS)) {
    await prisma.city.update({
      where: { id: demo.cities[name] },
      data: { retentionMonths: signal, activityRetentionMonths: activity, youthRetentionMonths: youth, staffRetentionMonths: staff },
    });
  }
  const arnhem = demo.cities.Arnhem!;
  const amsterdam = demo.cities.Amsterdam!;

  // Two Arnhem activities with notes, moved 1 ms before and exactly onto the cutoff (now − 3 months).
  const activityCutoff = monthsBefore(now, 3);
  const pair = await prisma.activity.findMany({
    where: { partnership: { cityId: arnhem }, notes: { not: null }, youthId: null, startsAt: { gte: activityCutoff } },
    orderBy: { id: 'asc' },
    take: 2,
    select: { id: true },
  });
  expect(pair).toHaveLength(2);
  await prisma.activity.update({ where: { id: pair[0]!.id }, data: { startsAt: new Date(activityCutoff.getTime() - 1) } });
  await prisma.activity.update({ where: { id: pair[1]!.id }, data: { startsAt: activityCutoff } });

  // Staff who left: around the Arnhem cutoff (6 months), an Amsterdam one past Arnhem's period but
  // not Amsterdam's (12), and one tied to no city at all.
  const staffCutoff = monthsBefore(now, 6);
  const arnhemStaff = await prisma.person.findMany({
    where: { organisation: { cityId: arnhem }, roleAssignments: { every: { OR: [{ cityId: arnhem }, { partnership: { cityId: arnhem } }] } }, NOT: { id: { in: Object.values(demo.people) } } },
    orderBy: { id: 'asc' },
    take: 2,
    select: { id: true },
  });
  const amsterdamStaff = await prisma.person.findFirstOrThrow({
    where: { organisation: { cityId: amsterdam }, roleAssignments: { every: { OR: [{ cityId: amsterdam }, { partnership: { cityId: amsterdam } }] } }, NOT: { id: { in: Object.values(demo.people) } } },
    select: { id: true },
  });
  expect(arnhemStaff).toHaveLength(2);
  const noCity = await prisma.person.create({ data: { name: 'Vertrokken beheerder', email: 'vertrokken@example.org', deactivatedAt: monthsBefore(now, 60) }, select: { id: true } });
  await prisma.person.update({ where: { id: arnhemStaff[0]!.id }, data: { deactivatedAt: new Date(staffCutoff.getTime() - 1) } });
  await prisma.person.update({ where: { id: arnhemStaff[1]!.id }, data: { deactivatedAt: staffCutoff } });
  await prisma.person.update({ where: { id: amsterdamStaff.id }, data: { deactivatedAt: monthsBefore(now, 7) } });
  boundary = {
    activityDue: pair[0]!.id,
    activityNotDue: pair[1]!.id,
    staffDue: arnhemStaff[0]!.id,
    staffNotDue: arnhemStaff[1]!.id,
    staffOtherCity: amsterdamStaff.id,
    staffNoCity: noCity.id,
  };

  // References registered and never used: one past Arnhem's period (4 months), one not.
  const school = await prisma.school.findFirstOrThrow({ where: { cityId: arnhem }, select: { id: true } });
  const registeredBy = demo.people.YOUTH_WORKER;
  unusedYouth = {
    due: (await prisma.youth.create({ data: { code: 'RT-UNUSED-0001', schoolId: school.id, registeredById: registeredBy, createdAt: monthsBefore(now, 5) } })).id,
    notDue: (await prisma.youth.create({ data: { code: 'RT-UNUSED-0002', schoolId: school.id, registeredById: registeredBy, createdAt: monthsBefore(now, 3) } })).id,
  };
});

afterAll(async () => {
  await t?.close();
});

describe('retention of activities, youth references and deactivated staff', () => {
  let expected: Awaited<ReturnType<typeof due>>;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let figuresBefore: Awaited<ReturnType<typeof allFigures>>;
  let first: RetentionReport;
  let firstStatements: number;

  it('clears exactly what is past its city’s period, and nothing before', async () => {
    expected = await due(now);
    before = await snapshot();
    figuresBefore = await allFigures();
    expect(await prisma.auditEvent.count()).toBe(0);

    // The seeded year must exercise every branch.
    expect(expected.signals, 'signals keep their default period here').toEqual([]);
    expect(expected.activities).toContain(boundary.activityDue);
    expect(expected.activities).not.toContain(boundary.activityNotDue);
    expect(expected.staff).toEqual([boundary.staffDue]);
    expect(expected.youth).toContain(unusedYouth.due);
    expect(expected.youth).not.toContain(unusedYouth.notDue);
    const guided = expected.youth.filter((id) => [...before.activities.values()].some((a) => a.youthId === id));
    expect(guided.length, 'young people of individual guidance that is over').toBeGreaterThan(0);
    const notYet = [...before.activities.values()].filter((a) => a.notes !== null && !expected.activities.includes(a.id));
    expect(notYet.length, 'activities with notes not due yet').toBeGreaterThan(0);
    const byCity = (ids: string[], of: (id: string) => string) =>
      Object.fromEntries((['Amsterdam', 'Arnhem'] as const).map((c) => [c, ids.filter((id) => cityName.get(of(id)) === c).length]));
    const activityCity = new Map((await prisma.activity.findMany({ select: { id: true, partnership: { select: { cityId: true } } } })).map((a) => [a.id, a.partnership.cityId]));
    const youthCity = new Map((await prisma.youth.findMany({ select: { id: true, school: { select: { cityId: true } } } })).map((y) => [y.id, y.school.cityId]));
    const activitiesByCity = byCity(expected.activities, (id) => activityCity.get(id)!);
    const youthByCity = byCity(expected.youth, (id) => youthCity.get(id)!);
    expect(activitiesByCity.Amsterdam).toBeGreaterThan(0);
    expect(activitiesByCity.Arnhem).toBeGreaterThan(0);

    const run = await countQueries(t.db, async () => {
      first = await runRetention(prisma, { now });
    });
    firstStatements = run.count;
    expect(first).toEqual({
      ranAt: now,
      anonymisedSignals: 0,
      clearedFollowUpNotes: 0,
      clearedActivities: expected.activities.length,
      anonymisedYouth: expected.youth.length,
      pseudonymisedStaff: 1,
      byCity: (['Amsterdam', 'Arnhem'] as const).map((c) => ({
        city: c,
        retentionMonths: PERIODS[c][0],
        anonymisedSignals: 0,
        activityRetentionMonths: PERIODS[c][1],
        clearedActivities: activitiesByCity[c],
        youthRetentionMonths: PERIODS[c][2],
        anonymisedYouth: youthByCity[c],
        staffRetentionMonths: PERIODS[c][3],
      })),
    });

    const after = await snapshot();
    const activitiesDue = new Set(expected.activities);
    for (const [id, old] of before.activities) {
      const row = after.activities.get(id)!;
      if (!activitiesDue.has(id)) expect(row).toEqual(old);
      // Texts cleared; kind, time, duration, participants, themes, plugin values and the youth link kept.
      else expect(row).toEqual({ ...old, notes: null, locationNote: null, updatedAt: now, version: old.version + 1 });
    }
    const youthDue = new Set(expected.youth);
    for (const [id, old] of before.youth) {
      const row = after.youth.get(id)!;
      if (!youthDue.has(id)) {
        expect(row).toEqual(old);
        continue;
      }
      expect(row).toEqual({ ...old, code: expect.stringMatching(/^ERASED-[0-9a-f]{32}$/), registeredById: null, updatedAt: now, version: old.version + 1 });
    }
    // The old codes are gone everywhere.
    expect(await prisma.youth.count({ where: { code: { in: expected.youth.map((id) => before.youth.get(id)!.code) } } })).toBe(0);
    for (const [id, old] of before.people) {
      const row = after.people.get(id)!;
      if (id !== boundary.staffDue) {
        expect(row).toEqual(old);
        continue;
      }
      expect(row).toEqual({
        ...old,
        name: expect.stringMatching(/^Former staff member [0-9a-f]{4}$/),
        email: expect.stringMatching(/^[0-9a-f]{32}@erased\.invalid$/),
        deactivatedAt: old.deactivatedAt,
        updatedAt: now,
        version: old.version + 1,
        roleAssignments: [],
      });
    }
    expect(after.signals).toEqual(before.signals);
  });

  it('writes one ANONYMISE audit event per cleared activity, anonymised reference and pseudonymised person, by the system', async () => {
    const events = await prisma.auditEvent.findMany({ orderBy: [{ entity: 'asc' }, { entityId: 'asc' }] });
    const of = (entity: string) => events.filter((e) => e.entity === entity);
    expect(of('Activity').map((e) => e.entityId)).toEqual(expected.activities);
    expect(of('Youth').map((e) => e.entityId)).toEqual(expected.youth);
    expect(of('Person').map((e) => e.entityId)).toEqual(expected.staff);
    expect(events).toHaveLength(expected.activities.length + expected.youth.length + expected.staff.length);
    const fields = { Activity: [...ACTIVITY_CLEARED_FIELDS], Youth: [...YOUTH_ANONYMISED_FIELDS], Person: PERSON_ERASED_FIELDS };
    for (const e of events) {
      expect(e).toMatchObject({ operation: 'ANONYMISE', actorId: null, at: now, fields: fields[e.entity as keyof typeof fields] });
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('leaves the evaluation figures unchanged', async () => {
    expect(await allFigures()).toEqual(figuresBefore);
  });

  it('is idempotent: a second run changes nothing and writes no audit events, in as many statements', async () => {
    const before2 = await snapshot();
    const audit = await prisma.auditEvent.count();
    let second!: RetentionReport;
    const run = await countQueries(t.db, async () => {
      second = await runRetention(prisma, { now });
    });
    expect([second.clearedActivities, second.anonymisedYouth, second.pseudonymisedStaff, second.anonymisedSignals]).toEqual([0, 0, 0, 0]);
    expect(await snapshot()).toEqual(before2);
    expect(await prisma.auditEvent.count()).toBe(audit);
    expect(first.clearedActivities).toBeGreaterThan(20);
    expect(run.count).toBe(firstStatements);
    expect(firstStatements).toBeLessThanOrEqual(5); // (BEGIN,) the lock, the signal statement, this statement, COMMIT
  });

  it('clears what was exactly at the cutoff once its period has passed', async () => {
    const later = new Date(now.getTime() + 1);
    const expectedLater = await due(later);
    expect(expectedLater.activities).toContain(boundary.activityNotDue);
    expect(expectedLater.staff).toEqual([boundary.staffNotDue]);
    const report = await runRetention(prisma, { now: later });
    expect(report.clearedActivities).toBe(expectedLater.activities.length);
    expect(report.pseudonymisedStaff).toBe(1);
    expect((await prisma.activity.findUniqueOrThrow({ where: { id: boundary.activityNotDue } })).notes).toBeNull();
    const people = await prisma.person.findMany({ where: { id: { in: [boundary.staffNotDue, boundary.staffOtherCity, boundary.staffNoCity] } } });
    const erased = (id: string) => people.find((p) => p.id === id)!.email.endsWith('@erased.invalid');
    expect([erased(boundary.staffNotDue), erased(boundary.staffOtherCity), erased(boundary.staffNoCity)]).toEqual([true, false, false]);
    expect((await prisma.youth.findUniqueOrThrow({ where: { id: unusedYouth.notDue } })).code).toBe('RT-UNUSED-0002');
  });

  it('anonymises a reference in the run that unlinks its last signal', async () => {
    // Signals now at a short period too: references whose only links were those signals (and old guidance) go in the same run.
    await prisma.city.updateMany({ data: { retentionMonths: 2 } });
    const expectedNow = await due(now);
    const withSignals = await prisma.signal.findMany({ where: { id: { in: expectedNow.signals }, youthId: { in: expectedNow.youth } }, select: { youthId: true } });
    expect(withSignals.length, 'references freed by this run’s signal anonymisation').toBeGreaterThan(0);
    const report = await runRetention(prisma, { now });
    expect(report.anonymisedSignals).toBe(expectedNow.signals.length);
    expect(report.anonymisedYouth).toBe(expectedNow.youth.length);
    const codes = await prisma.youth.findMany({ where: { id: { in: expectedNow.youth } }, select: { code: true } });
    expect(codes.every((c) => c.code.startsWith(ERASED_CODE_PREFIX))).toBe(true);
    const again = await runRetention(prisma, { now });
    expect([again.anonymisedSignals, again.anonymisedYouth, again.clearedActivities, again.pseudonymisedStaff]).toEqual([0, 0, 0, 0]);
  });
});
