/**
 * Retention on the seeded year of history: exactly the closed signals past their city's retention
 * period are anonymised (content cleared, youth unlinked, everything else kept), each with one
 * ANONYMISE audit event; a second run does nothing; concurrent runs do not double up; the number of
 * statements does not grow with the number of signals; the schedule.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { ANONYMISED_FIELDS, type RetentionReport, runRetention, scheduleRetention } from '../src/retention.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { testDatabaseKind } from './support/database.ts';

let t: TestApp;
let prisma: PrismaClient;
/** The fixed "now" of the main runs. */
let now: Date;
let cityIds: { amsterdam: string; arnhem: string };
/** A long-closed Arnhem signal that was reopened (status no longer CLOSED): must never qualify. */
let reopenedId: string;
/** Two Amsterdam signals closed 1 ms before and exactly at the calendar cutoff (now − 6 months). */
let boundary: { due: string; notDue: string };

/** `d` minus `months` calendar months, clamped to the end of the month, as PostgreSQL does. */
function monthsBefore(d: Date, months: number): Date {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      first.getUTCFullYear(),
      first.getUTCMonth(),
      Math.min(d.getUTCDate(), lastDay),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

/** Computed with Prisma, independently of the SQL under test: the ids that should be anonymised at `at`. */
async function qualifying(at: Date): Promise<string[]> {
  const cities = await prisma.city.findMany({ select: { id: true, retentionMonths: true } });
  const ids: string[] = [];
  for (const c of cities) {
    const rows = await prisma.signal.findMany({
      where: { status: 'CLOSED', anonymisedAt: null, partnership: { cityId: c.id }, closedAt: { lt: monthsBefore(at, c.retentionMonths) } },
      select: { id: true },
    });
    ids.push(...rows.map((r) => r.id));
  }
  return ids.sort();
}

const snapshot = async () =>
  new Map(
    (await prisma.signal.findMany({ include: { followUps: { orderBy: { id: 'asc' } } }, orderBy: { id: 'asc' } })).map((s) => [s.id, s]),
  );
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

const counts = async () => ({
  signals: await prisma.signal.count(),
  followUps: await prisma.signalFollowUp.count(),
  youth: await prisma.youth.count(),
  activities: await prisma.activity.count(),
  activitySignals: await prisma.activitySignal.count(),
  auditEvents: await prisma.auditEvent.count(),
});

const anonymisedIds = async () =>
  (await prisma.signal.findMany({ where: { anonymisedAt: { not: null } }, select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);

beforeAll(async () => {
  // No schedule of the app's own may run against this database while the tests do.
  t = await createTestApp({ env: { RETENTION_INTERVAL_MINUTES: '0' } });
  prisma = t.db.prisma;
  now = new Date(); // the seeded year ends at about the time the run started
  const city = (name: string) => prisma.city.findUniqueOrThrow({ where: { name }, select: { id: true } }).then((c) => c.id);
  cityIds = { amsterdam: await city('Amsterdam'), arnhem: await city('Arnhem') };
  // Short periods, so that the seeded year holds candidates in both cities and closed signals that are not due yet.
  await prisma.city.update({ where: { id: cityIds.arnhem }, data: { retentionMonths: 3 } });
  await prisma.city.update({ where: { id: cityIds.amsterdam }, data: { retentionMonths: 6 } });
  const reopened = await prisma.signal.findFirstOrThrow({
    where: { status: 'CLOSED', partnership: { cityId: cityIds.arnhem }, closedAt: { lt: monthsBefore(now, 5) } },
    orderBy: { closedAt: 'asc' },
    select: { id: true },
  });
  reopenedId = reopened.id;
  await prisma.signal.update({ where: { id: reopenedId }, data: { status: 'IN_PROGRESS' } });
  // Calendar months, strictly before: two signals reported before the cutoff and closed after it
  // are moved onto it (a cutoff of 180 or 183 days, or `<=`, gets one of them wrong).
  const cutoff = monthsBefore(now, 6);
  const pair = await prisma.signal.findMany({
    where: { status: 'CLOSED', partnership: { cityId: cityIds.amsterdam }, reportedAt: { lt: new Date(cutoff.getTime() - 3_600_000) }, closedAt: { gte: cutoff } },
    orderBy: { id: 'asc' },
    take: 2,
    select: { id: true },
  });
  expect(pair).toHaveLength(2);
  boundary = { due: pair[0]!.id, notDue: pair[1]!.id };
  await prisma.signal.update({ where: { id: boundary.due }, data: { closedAt: new Date(cutoff.getTime() - 1) } });
  await prisma.signal.update({ where: { id: boundary.notDue }, data: { closedAt: cutoff } });
});

afterAll(async () => {
  await t?.close();
});

describe('retention', () => {
  let expected: string[];
  let before: Snapshot;
  let countsBefore: Awaited<ReturnType<typeof counts>>;
  let first: RetentionReport;
  let firstStatements: number;

  it('anonymises exactly the closed signals past their city’s retention period, and changes nothing else', async () => {
    expected = await qualifying(now);
    // The seed records no pilot values on signals: give a due one some, to see them cleared too.
    await prisma.signal.update({ where: { id: expected[0]! }, data: { pilotData: { retentionTest: 'waarde' } } });
    before = await snapshot();
    countsBefore = await counts();
    expect(countsBefore.auditEvents).toBe(0);

    // The seeded year must exercise every branch: candidates in both cities, closed signals not due yet,
    // follow-up notes to clear, youth to unlink.
    const cityOf = new Map(
      (await prisma.signal.findMany({ select: { id: true, partnership: { select: { cityId: true } } } })).map((s) => [s.id, s.partnership.cityId]),
    );
    const expectedByCity = { amsterdam: 0, arnhem: 0 };
    for (const id of expected) expectedByCity[cityOf.get(id) === cityIds.arnhem ? 'arnhem' : 'amsterdam']++;
    expect(expectedByCity.amsterdam).toBeGreaterThan(0);
    expect(expectedByCity.arnhem).toBeGreaterThan(0);
    const closedNotDue = [...before.values()].filter((s) => s.status === 'CLOSED' && !expected.includes(s.id));
    expect(closedNotDue.length).toBeGreaterThan(0);
    expect(expected.some((id) => before.get(id)!.youthId !== null)).toBe(true);
    expect(expected.some((id) => before.get(id)!.referralDestination !== null), 'a referral destination to clear').toBe(true);
    expect(expected.some((id) => Object.keys((before.get(id)!.pilotData ?? {}) as object).length > 0), 'pilot values to clear').toBe(true);
    const notesToClear = expected.flatMap((id) => before.get(id)!.followUps).filter((f) => f.note !== null).length;
    expect(notesToClear).toBeGreaterThan(0);
    expect(expected).not.toContain(reopenedId);
    expect(expected).toContain(boundary.due);
    expect(expected).not.toContain(boundary.notDue);
    expect(before.get(reopenedId)!.closedAt!.getTime()).toBeLessThan(monthsBefore(now, 3).getTime());

    const run = await countQueries(t.db, async () => {
      first = await runRetention(prisma, { now });
    });
    firstStatements = run.count;

    // The other periods keep their default (24 months): nothing in the seeded year is due for them.
    const untouched = { activityRetentionMonths: 24, clearedActivities: 0, youthRetentionMonths: 24, anonymisedYouth: 0, staffRetentionMonths: 24 };
    expect(first).toEqual({
      ranAt: now,
      anonymisedSignals: expected.length,
      clearedFollowUpNotes: notesToClear,
      clearedActivities: 0,
      anonymisedYouth: 0,
      pseudonymisedStaff: 0,
      byCity: [
        { city: 'Amsterdam', retentionMonths: 6, anonymisedSignals: expectedByCity.amsterdam, ...untouched },
        { city: 'Arnhem', retentionMonths: 3, anonymisedSignals: expectedByCity.arnhem, ...untouched },
      ],
    });

    const after = await snapshot();
    expect(await anonymisedIds()).toEqual(expected);
    expect(await counts()).toEqual({ ...countsBefore, auditEvents: expected.length });
    const anonymised = new Set(expected);
    for (const [id, old] of before) {
      const row = after.get(id)!;
      if (!anonymised.has(id)) {
        expect(row).toEqual(old); // every field, follow-ups included
        continue;
      }
      // Content cleared; status, category, domain, timestamps, follow-up actions and dates kept.
      expect(row).toEqual({
        ...old,
        summary: null,
        youthId: null,
        referralDestination: null,
        pilotData: {},
        anonymisedAt: now,
        updatedAt: now,
        version: old.version + 1,
        followUps: old.followUps.map((f) => ({ ...f, note: null })),
      });
    }
    // Evaluation figures: nothing counted by status, category, domain or month moved.
    const figures = (s: Snapshot) =>
      [...s.values()].map((r) => `${r.partnershipId}|${r.status}|${r.category}|${r.lifeDomain}|${r.reportedAt.toISOString()}|${r.closedAt?.toISOString()}|${r.followUps.length}`).sort();
    expect(figures(after)).toEqual(figures(before));
  });

  it('writes one ANONYMISE audit event per anonymised signal, by the system (no actor)', async () => {
    const events = await prisma.auditEvent.findMany({ orderBy: { entityId: 'asc' } });
    expect(events.map((e) => e.entityId)).toEqual(expected);
    for (const e of events) {
      expect(e).toMatchObject({ operation: 'ANONYMISE', entity: 'Signal', actorId: null, at: now, fields: [...ANONYMISED_FIELDS] });
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // a UUIDv7
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('is idempotent: a second run anonymises nothing, writes no audit events and changes nothing', async () => {
    const before2 = await snapshot();
    const counts2 = await counts();
    let second!: RetentionReport;
    const run = await countQueries(t.db, async () => {
      second = await runRetention(prisma, { now });
    });
    expect(second.anonymisedSignals).toBe(0);
    expect(second.clearedFollowUpNotes).toBe(0);
    expect(second.byCity.map((c) => c.anonymisedSignals)).toEqual([0, 0]);
    expect(await snapshot()).toEqual(before2);
    expect(await counts()).toEqual(counts2);

    // A constant number of statements: the run over many signals sent as many as the run over none.
    expect(first.anonymisedSignals).toBeGreaterThan(20);
    expect(run.count).toBe(firstStatements);
    expect(firstStatements).toBeLessThanOrEqual(5); // (BEGIN,) the lock, the signal statement, the activity/youth/staff statement, COMMIT
  });

  it.skipIf(testDatabaseKind !== 'postgres')(
    'two instances at once (two connections pools): one anonymises everything due, the other nothing, no double audit',
    async () => {
      // Make more signals due: one month for both cities.
      await prisma.city.updateMany({ data: { retentionMonths: 1 } });
      const due = await qualifying(now);
      expect(due.length).toBeGreaterThan(0);
      const alreadyAnonymised = await anonymisedIds();
      const auditBefore = await prisma.auditEvent.count();

      const a = await openDatabase(t.config.database);
      const b = await openDatabase(t.config.database);
      try {
        const reports = await Promise.all([runRetention(a.prisma, { now }), runRetention(b.prisma, { now })]);
        expect(reports.map((r) => r.anonymisedSignals).sort((x, y) => x - y)).toEqual([0, due.length]);
      } finally {
        await a.close();
        await b.close();
      }
      expect(await anonymisedIds()).toEqual([...alreadyAnonymised, ...due].sort());
      expect(await prisma.auditEvent.count()).toBe(auditBefore + due.length);
      const perSignal = await prisma.auditEvent.groupBy({ by: ['entityId'], where: { operation: 'ANONYMISE' }, _count: { _all: true } });
      expect(perSignal.filter((g) => g._count._all !== 1)).toEqual([]);
      expect(perSignal).toHaveLength(alreadyAnonymised.length + due.length);
    },
  );

  it('two runs at once through one client serialise too', async () => {
    await prisma.city.updateMany({ data: { retentionMonths: 0 } });
    const due = await qualifying(now);
    expect(due.length).toBeGreaterThan(0);
    const reports = await Promise.all([runRetention(prisma, { now }), runRetention(prisma, { now })]);
    expect(reports.map((r) => r.anonymisedSignals).sort((x, y) => x - y)).toEqual([0, due.length]);
    const perSignal = await prisma.auditEvent.groupBy({ by: ['entityId'], _count: { _all: true } });
    expect(perSignal.filter((g) => g._count._all !== 1)).toEqual([]);
    // Still never a signal that is not closed.
    expect((await prisma.signal.findUniqueOrThrow({ where: { id: reopenedId } })).anonymisedAt).toBeNull();
    expect(await prisma.signal.count({ where: { anonymisedAt: { not: null }, status: { not: 'CLOSED' } } })).toBe(0);
  });
});

describe('scheduleRetention', () => {
  const fakeLog = () => ({ info: vi.fn(), error: vi.fn() });
  const until = async (check: () => boolean, ms = 5_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('with interval 0 schedules nothing', async () => {
    const log = fakeLog();
    const touched = new Proxy({} as PrismaClient, {
      get: () => {
        throw new Error('the database was touched');
      },
    });
    const schedule = scheduleRetention(touched, { intervalMinutes: 0, log, initialDelayMs: 0, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 100));
    await schedule.stop();
    expect(log.info).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('runs soon after start and then every interval, logs the report, and stops', async () => {
    const log = fakeLog();
    const schedule = scheduleRetention(prisma, { intervalMinutes: 1, log, initialDelayMs: 0, intervalMs: 20 });
    try {
      await until(() => log.info.mock.calls.length >= 2);
    } finally {
      await schedule.stop();
    }
    const calls = log.info.mock.calls.length;
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info.mock.calls[0]![0]).toMatchObject({ retention: { anonymisedSignals: expect.any(Number), byCity: expect.any(Array) } });
    expect(log.info.mock.calls[0]![1]).toMatch(/^retention: anonymised \d+ closed signal/);
    await new Promise((r) => setTimeout(r, 100));
    expect(log.info.mock.calls.length).toBe(calls); // stopped
  });

  it('logs a failure at error and keeps going; stop() waits for a run in progress', async () => {
    const log = fakeLog();
    let attempts = 0;
    let release!: () => void;
    const failing = {
      $transaction: () => {
        attempts++;
        if (attempts === 1) return Promise.reject(new Error('database unreachable'));
        return new Promise((_, reject) => {
          release = () => reject(new Error('late failure'));
        });
      },
    } as unknown as PrismaClient;
    const schedule = scheduleRetention(failing, { intervalMinutes: 1, log, initialDelayMs: 0, intervalMs: 10 });
    await until(() => attempts === 2);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![1]).toBe('retention failed: database unreachable');

    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false); // the second run is still in progress
    release();
    await stopping;
    expect(log.error).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(2);
  });
});

describe('RETENTION_INTERVAL_MINUTES', () => {
  it('defaults to 360, accepts 0 (off) and refuses anything but a whole number ≥ 0', () => {
    expect(loadConfig({}).retentionIntervalMinutes).toBe(360);
    expect(loadConfig({ RETENTION_INTERVAL_MINUTES: '0' }).retentionIntervalMinutes).toBe(0);
    expect(loadConfig({ RETENTION_INTERVAL_MINUTES: '15' }).retentionIntervalMinutes).toBe(15);
    for (const bad of ['-1', '1.5', 'often']) {
      expect(() => loadConfig({ RETENTION_INTERVAL_MINUTES: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ RETENTION_INTERVAL_MINUTES: bad })).toThrow(/RETENTION_INTERVAL_MINUTES/);
    }
  });
});
