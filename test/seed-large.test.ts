/**
 * The large data set (`npm run seed -- --scale large`), generated at a small scale on top of the demo
 * data: the numbers it promises, consistent rows, nothing in the future, and the same rows again
 * for the same `now`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../prisma/seed.ts';
import { type LargeScale, seedLargeData } from '../prisma/seed-large.ts';
import { createTestApp, type TestApp } from './support/app.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const SCALE: LargeScale = { schools: 20, activities: 6_000, signals: 1_000, youthPerSchool: 5 };

let t: TestApp;
const one = async (sql: string) => (await t.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql))[0]!;

/** A digest of every row the large data set adds (its IDs and the columns that vary). */
async function digest() {
  const row = await one(`
    SELECT md5(coalesce((SELECT string_agg(id::text || kind || "startsAt"::text || "partnershipId"::text || coalesce("youthId"::text, ''), ',' ORDER BY id) FROM "Activity"), '')) AS activities,
           md5(coalesce((SELECT string_agg(id::text || status::text || "reportedAt"::text || coalesce("closedAt"::text, '') || category::text, ',' ORDER BY id) FROM "Signal"), '')) AS signals,
           md5(coalesce((SELECT string_agg(id::text || at::text || action::text, ',' ORDER BY id) FROM "SignalFollowUp"), '')) AS "followUps"`);
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the large data set', () => {
  let added: Awaited<ReturnType<typeof seedLargeData>>;
  beforeAll(async () => {
    await seedDemoData(t.db.prisma, { now: NOW, reset: true });
    added = await seedLargeData(t.db.prisma, SCALE, NOW);
  });

  it('fills up to the promised totals in five cities', async () => {
    const counts = await one(`
      SELECT (SELECT count(*)::int FROM "City") AS cities, (SELECT count(*)::int FROM "School") AS schools,
             (SELECT count(*)::int FROM "Activity") AS activities, (SELECT count(*)::int FROM "Signal") AS signals,
             (SELECT count(DISTINCT p."cityId")::int FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId") AS "citiesWithActivities",
             (SELECT count(DISTINCT p."cityId")::int FROM "Signal" s JOIN "Partnership" p ON p.id = s."partnershipId") AS "citiesWithSignals"`);
    expect(counts).toEqual({ cities: 5, schools: 20, activities: 6_000, signals: 1_000, citiesWithActivities: 5, citiesWithSignals: 5 });
    expect(added).toMatchObject({ City: 3, School: 15, Partnership: 15, Person: 30, RoleAssignment: 30, Youth: 75 });
    expect(added.SignalFollowUp).toBeGreaterThan(0);
  });

  it('writes consistent rows: nothing after now, timestamps that match the status, youth of the same school', async () => {
    const problems = await one(`
      SELECT
        (SELECT count(*)::int FROM "Signal" WHERE "reportedAt" > '${NOW.toISOString()}' OR "closedAt" > '${NOW.toISOString()}'
           OR "acknowledgedAt" < "reportedAt" OR "inProgressAt" < "acknowledgedAt" OR "closedAt" < "inProgressAt") AS "badSignalTimes",
        (SELECT count(*)::int FROM "Signal" WHERE (status = 'CLOSED') <> ("closedAt" IS NOT NULL)
           OR (status = 'NEW') <> ("acknowledgedAt" IS NULL)) AS "badStatus",
        (SELECT count(*)::int FROM "SignalFollowUp" f JOIN "Signal" s ON s.id = f."signalId" WHERE f.at > '${NOW.toISOString()}' OR f.at < s."reportedAt") AS "badFollowUps",
        (SELECT count(*)::int FROM "Activity" WHERE "startsAt" > '${NOW.toISOString()}') AS "futureActivities",
        (SELECT count(*)::int FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId" JOIN "Youth" y ON y.id = a."youthId"
           WHERE y."schoolId" <> p."schoolId") AS "foreignYouth",
        (SELECT count(*)::int FROM "Signal" s JOIN "Partnership" p ON p.id = s."partnershipId" JOIN "Youth" y ON y.id = s."youthId"
           WHERE y."schoolId" <> p."schoolId") AS "foreignSignalYouth",
        (SELECT count(*)::int FROM "Activity" WHERE extract(isodow FROM "startsAt") > 5) AS "weekendActivities"`);
    expect(problems).toEqual({
      badSignalTimes: 0,
      badStatus: 0,
      badFollowUps: 0,
      futureActivities: 0,
      foreignYouth: 0,
      foreignSignalYouth: 0,
      weekendActivities: expect.any(Number),
    });
    // The demo data has none on weekends either; the large set uses school days only.
    expect(problems.weekendActivities).toBe(0);
  });

  it('gives IDs in creation order, like the API (UUIDv7 timestamps)', async () => {
    const { misordered } = await one(`
      SELECT count(*)::int AS misordered FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId"
      WHERE p.name LIKE '% (large seed)'
        AND (left(replace(a.id::text, '-', ''), 12) <> lpad(to_hex((extract(epoch FROM a."createdAt") * 1000)::bigint), 12, '0')
             OR substr(a.id::text, 15, 1) <> '7')`);
    expect(misordered).toBe(0);
    const { large } = await one(`SELECT count(*)::int AS large FROM "Activity" a JOIN "Partnership" p ON p.id = a."partnershipId" WHERE p.name LIKE '% (large seed)'`);
    expect(large).toBeGreaterThan(3_000);
  });

  it('is deterministic: the same now gives the same rows', async () => {
    const first = await digest();
    await seedDemoData(t.db.prisma, { now: NOW, reset: true });
    await seedLargeData(t.db.prisma, SCALE, NOW);
    expect(await digest()).toEqual(first);
  });
});
