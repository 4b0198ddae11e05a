/**
 * `evaluation`: figures equal the same figures computed independently (here in JavaScript from the
 * seeded rows, with the time zone handled by Intl rather than SQL); bucket boundaries in Amsterdam
 * time; small-cell suppression; who may ask; input rules; one SQL statement per metric family.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliesTo, pilotDataDimension, registerDimension } from '../src/evaluation/dimensions.ts';
import { cellKeyOf, perturbedOf, shownCountOf, thresholdOf } from '../src/evaluation/disclosure.ts';
import { PERCENTILE_WINDOWS } from '../src/evaluation/rules.ts';
import { type ActivityCell, activitiesSql } from '../src/evaluation/queries.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import {
  EvaluationActivitiesDocument,
  EvaluationAllDocument,
  EvaluationConsultationsDocument,
  EvaluationMonitorDocument,
  EvaluationNothingDocument,
  EvaluationReachDocument,
  EvaluationSignalsDocument,
} from './generated/graphql.ts';
import { countQueries, createTestApp, type TestApp } from './support/app.ts';
import { reachRecordKeys, signalStateKeys } from './support/disclosure.ts';
import { type Demo, expectError, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let prisma: PrismaClient;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  prisma = t.db.prisma;
});
afterAll(async () => {
  await t?.close();
});

// --- time in Amsterdam, computed with Intl (independent of the SQL under test) ---

const TZ = 'Europe/Amsterdam';
const parts = (d: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour', string>;
/** The Amsterdam calendar date of an instant, YYYY-MM-DD. */
const amsDay = (d: Date) => {
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
};
const amsMonth = (d: Date) => amsDay(d).slice(0, 7);
const schoolYear = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const start = m >= 8 ? y : y - 1;
  return `${start}/${start + 1}`;
};
/** The instant of midnight in Amsterdam at the start of a date. */
const amsMidnight = (day: string) => {
  for (const offset of ['+01:00', '+02:00']) {
    const d = new Date(`${day}T00:00:00${offset}`);
    if (amsDay(d) === day && parts(d).hour === '00') return d;
  }
  throw new Error(`no midnight for ${day}`);
};
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** percentile_cont, by hand. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const today = () => amsDay(new Date());
type Bucket = 'WEEK' | 'MONTH' | 'SCHOOL_YEAR';
/** The first day of the bucket a date is in: Monday, the 1st of its month, or 1 August. */
const bucketStartOf = (bucket: Bucket, day: string) => {
  if (bucket === 'WEEK') return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  if (bucket === 'MONTH') return `${day.slice(0, 7)}-01`;
  return `${schoolYear(day).slice(0, 4)}-08-01`;
};
/** The last day of the bucket a date is in. */
const bucketEndOf = (bucket: Bucket, day: string) => {
  if (bucket === 'WEEK') return addDays(bucketStartOf('WEEK', day), 6);
  if (bucket === 'MONTH') return addDays(`${new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 1)).toISOString().slice(0, 10)}`, -1);
  return `${schoolYear(day).slice(5)}-07-31`;
};
/** A range of whole buckets that holds the whole seeded history (and is less than five years long). */
const everything = (bucket: Bucket = 'MONTH') => ({ from: bucketStartOf(bucket, addDays(today(), -4 * 365)), to: bucketEndOf(bucket, today()) });

/**
 * The count as the cell key method shows it, from the keys of the records counted and those of its
 * population (every record of its city and bucket; k = 5, D = 2 unless given).
 */
export const shownCount = (keys: readonly number[], population: readonly (bigint | number)[], k = 5, d = 2, group: readonly number[] = []) =>
  shownCountOf(keys.length, cellKeyOf(keys, population, group), k, d);
/**
 * A share of a shown count (e.g. followed up within N days): the part perturbed by its own keys and
 * the population's, divided by the shown count; null unless that part and the rest the share gives
 * back (shown − part) are both at least k.
 */
const shownShare = (keys: readonly number[], population: readonly (bigint | number)[], group: readonly number[], shown: number | null, k = 5, d = 2) => {
  if (shown === null) return null;
  const part = perturbedOf(keys.length, cellKeyOf(keys, population, group), d);
  return part >= thresholdOf(k, d) && shown - part >= thresholdOf(k, d) ? part / shown : null;
};
/**
 * A percentile (0.5 or 0.9) of hours as shown: over the records with a time (`hours`, with their
 * record keys), the end in hours of the first percentile window whose perturbed count reaches the
 * share of their perturbed count; null when suppressed (the count not shown, or the records with a
 * time fewer than k as perturbed) or when no window reaches it.
 */
const shownPercentile = (
  records: readonly { key: number; hours: number }[],
  population: readonly bigint[],
  group: readonly number[],
  shown: number | null,
  tenths: 5 | 9,
  k = 5,
  d = 2,
) => {
  const total = perturbedOf(records.length, cellKeyOf(records.map((r) => r.key), population, group), d);
  if (shown === null || total < thresholdOf(k, d)) return null;
  for (const days of PERCENTILE_WINDOWS) {
    const within = records.filter((r) => r.hours <= days * 24).map((r) => r.key);
    if (10 * perturbedOf(within.length, cellKeyOf(within, population, group), d) >= tenths * total) return days * 24;
  }
  return null;
};

const data = <R>(result: { data?: R | null; errors?: readonly unknown[] }): R => {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
};

// --- figures equal independent counts ---

describe('figures equal independent counts on the seeded data', () => {
  it('activities per kind per month: count, participants, hours', async () => {
    const rows = await prisma.activity.findMany({ select: { kind: true, startsAt: true, participantCount: true, durationMinutes: true } });
    const expected = new Map<string, { count: number; participants: number; minutes: number }>();
    for (const r of rows) {
      const key = `${amsMonth(r.startsAt)}|${r.kind}`;
      const e = expected.get(key) ?? { count: 0, participants: 0, minutes: 0 };
      e.count++;
      e.participants += r.participantCount ?? 0;
      e.minutes += r.durationMinutes;
      expected.set(key, e);
    }
    const result = data(await t.execute(EvaluationActivitiesDocument, { ...everything(), bucket: 'MONTH', groupBy: ['ACTIVITY_KIND'] }, { token: demo.tokens.ADMIN }));
    const actual = new Map(
      result.evaluation!.activities.map((a) => [`${a.period.label}|${a.group[0]!.value}`, { count: a.count, participants: a.participants, minutes: Math.round(a.hours * 60) }]),
    );
    expect(actual.size).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
    for (const a of result.evaluation!.activities) {
      expect(a.period.label).toBe(a.period.start.slice(0, 7));
      expect(addDays(a.period.end, 1).slice(8)).toBe('01');
    }
  });

  it('signals per school per school year: count, share followed up within 7 days, percentiles in windows, suppression on perturbed counts', async () => {
    const signals = await prisma.signal.findMany({
      select: { id: true, reportedAt: true, closedAt: true, recordKey: true, partnership: { select: { schoolId: true, cityId: true } }, followUps: { select: { at: true } } },
    });
    const cityOf = new Map((await prisma.school.findMany({ select: { id: true, cityId: true } })).map((x) => [gid('School', x.id), x.cityId]));
    // The population of a cell: every signal of its city in its school year, each in its state (the admin tells referrals).
    const stateKeys = await signalStateKeys(prisma, true);
    const populations = new Map<string, bigint[]>();
    for (const s of signals) {
      const key = `${schoolYear(amsDay(s.reportedAt))}|${s.partnership.cityId}`;
      populations.set(key, [...(populations.get(key) ?? []), stateKeys.get(s.id)!]);
    }
    type Timed = { key: number; hours: number };
    const cells = new Map<string, { n: number; keys: number[]; withinKeys: number[]; toFirst: Timed[]; toClose: Timed[] }>();
    const HOUR = 3_600_000;
    for (const s of signals) {
      const key = `${schoolYear(amsDay(s.reportedAt))}|${gid('School', s.partnership.schoolId)}`;
      const c = cells.get(key) ?? { n: 0, keys: [], withinKeys: [], toFirst: [], toClose: [] };
      c.n++;
      c.keys.push(s.recordKey);
      const first = s.followUps.length ? Math.min(...s.followUps.map((f) => f.at.getTime())) : null;
      if (first !== null) {
        c.toFirst.push({ key: s.recordKey, hours: (first - s.reportedAt.getTime()) / HOUR });
        if (first - s.reportedAt.getTime() <= 7 * 24 * HOUR) c.withinKeys.push(s.recordKey);
      }
      if (s.closedAt) c.toClose.push({ key: s.recordKey, hours: (s.closedAt.getTime() - s.reportedAt.getTime()) / HOUR });
      cells.set(key, c);
    }
    const result = data(await t.execute(EvaluationSignalsDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR', groupBy: ['SCHOOL'], followUpWithinDays: 7 }, { token: demo.tokens.ADMIN }));
    const rows = result.evaluation!.signals;
    expect(rows.map((r) => `${r.period.label}|${r.group[0]!.value}`).sort()).toEqual([...cells.keys()].sort());
    let shown = 0;
    let percentiles = 0;
    for (const row of rows) {
      const c = cells.get(`${row.period.label}|${row.group[0]!.value}`)!;
      const population = populations.get(`${row.period.label}|${cityOf.get(row.group[0]!.value!)}`)!;
      // Grouped by school only: the cell's group is the cell itself.
      const count = shownCount(c.keys, population, 5, 2, c.keys);
      if (count === null) {
        expect(row).toMatchObject({ count: null, followedUpWithinShare: null, suppressed: true });
        expect(row.suppressedFigures).toContain('count');
        continue;
      }
      shown++;
      expect(row.count).toBe(count);
      expect(Math.abs(count - c.n)).toBeLessThanOrEqual(2);
      const share = shownShare(c.withinKeys, population, c.keys, count);
      if (share === null) {
        expect(row.followedUpWithinShare).toBeNull();
        expect(row.suppressedFigures).toContain('followedUpWithinShare');
      } else {
        expect(row.followedUpWithinShare).toBeCloseTo(share, 3);
        expect(row.suppressedFigures).not.toContain('followedUpWithinShare');
      }
      // Percentiles: the end of a window (hours), from the perturbed counts; never exact hours.
      expect(row.medianHoursToFirstFollowUp).toBe(shownPercentile(c.toFirst, population, c.keys, count, 5));
      expect(row.p90HoursToFirstFollowUp).toBe(shownPercentile(c.toFirst, population, c.keys, count, 9));
      expect(row.medianHoursToClose).toBe(shownPercentile(c.toClose, population, c.keys, count, 5));
      expect(row.p90HoursToClose).toBe(shownPercentile(c.toClose, population, c.keys, count, 9));
      for (const hours of [row.medianHoursToFirstFollowUp, row.p90HoursToFirstFollowUp, row.medianHoursToClose, row.p90HoursToClose]) {
        if (hours !== null) expect(PERCENTILE_WINDOWS.map((d) => d * 24)).toContain(hours);
      }
      if (row.medianHoursToFirstFollowUp !== null) percentiles++;
      const closedShown = perturbedOf(c.toClose.length, cellKeyOf(c.toClose.map((x) => x.key), population, c.keys), 2) >= thresholdOf(5, 2);
      if (!closedShown) expect(row.suppressedFigures).toEqual(expect.arrayContaining(['medianHoursToClose', 'p90HoursToClose']));
    }
    expect(shown).toBeGreaterThan(3);
    expect(percentiles).toBeGreaterThan(0);
  });

  it('reach: distinct young people per school and school year over guidance and signals, as a share of enrolment', async () => {
    const [activities, signals, schools] = await Promise.all([
      prisma.activity.findMany({ where: { youthId: { not: null } }, select: { id: true, youthId: true, startsAt: true, partnership: { select: { schoolId: true, cityId: true } } } }),
      prisma.signal.findMany({ select: { id: true, youthId: true, reportedAt: true, partnership: { select: { schoolId: true, cityId: true } } } }),
      prisma.school.findMany({ select: { id: true, enrolment: true, cityId: true } }),
    ]);
    const keyOf = new Map((await prisma.youth.findMany({ select: { id: true, recordKey: true } })).map((y) => [y.id, y.recordKey]));
    const recordKeys = await reachRecordKeys(prisma);
    const reached = new Map<string, Set<string>>();
    // The population of a cell: every young person reached in its city and school year, and every
    // record that could reach one there (each signal, group signals too; each individual guidance).
    const records = new Map<string, bigint[]>();
    const inCell = new Map<string, bigint[]>();
    const add = (at: Date, schoolId: string, youthId: string | null, cityId: string, recordKey: bigint) => {
      const key = `${schoolYear(amsDay(at))}|${gid('School', schoolId)}`;
      if (youthId) reached.set(key, (reached.get(key) ?? new Set()).add(youthId));
      // A cell's key holds each of its records too, not only its young people (attack review 5, G2).
      inCell.set(key, [...(inCell.get(key) ?? []), recordKey]);
      const population = `${schoolYear(amsDay(at))}|${cityId}`;
      records.set(population, [...(records.get(population) ?? []), recordKey]);
    };
    for (const a of activities) add(a.startsAt, a.partnership.schoolId, a.youthId!, a.partnership.cityId, recordKeys.guidance.get(a.id)!);
    for (const s of signals) add(s.reportedAt, s.partnership.schoolId, s.youthId, s.partnership.cityId, recordKeys.signals.get(s.id)!);
    const enrolment = new Map(schools.map((s) => [gid('School', s.id), s.enrolment!]));
    const cityOf = new Map(schools.map((s) => [gid('School', s.id), s.cityId]));
    const population = (label: string, cityId: string) => [
      ...[...new Set([...reached].filter(([key]) => key.startsWith(`${label}|`) && cityOf.get(key.split('|')[1]!) === cityId).flatMap(([, ids]) => [...ids]))].map(
        (id) => BigInt(keyOf.get(id)!),
      ),
      ...(records.get(`${label}|${cityId}`) ?? []),
    ];

    const result = data(await t.execute(EvaluationReachDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR', groupBy: ['SCHOOL'] }, { token: demo.tokens.ADMIN }));
    const rows = result.evaluation!.reach;
    expect(rows).toHaveLength(reached.size);
    for (const row of rows) {
      const school = row.group[0]!.value!;
      const youth = [...reached.get(`${row.period.label}|${school}`)!];
      const n = youth.length;
      const cellKeys = [...youth.map((id) => BigInt(keyOf.get(id)!)), ...inCell.get(`${row.period.label}|${school}`)!];
      const shown = shownCountOf(n, cellKeyOf(cellKeys, population(row.period.label, cityOf.get(school)!)), 5, 2);
      if (shown === null) expect(row).toMatchObject({ youngPeople: null, enrolmentShare: null, suppressed: true, suppressedFigures: ['youngPeople', 'enrolmentShare'] });
      else {
        expect(row).toMatchObject({ youngPeople: shown, suppressed: false });
        expect(Math.abs(shown - n)).toBeLessThanOrEqual(2);
        const of = enrolment.get(school)!;
        if (of - shown >= thresholdOf(5, 2)) expect(row.enrolmentShare).toBeCloseTo(shown / of, 4);
        else expect(row).toMatchObject({ enrolmentShare: null, suppressedFigures: ['enrolmentShare'] });
      }
    }
    expect(rows.some((r) => !r.suppressed)).toBe(true);
  });

  it.each(['WEEK', 'MONTH', 'SCHOOL_YEAR'] as const)('consultations held vs planned per partnership over the buckets of the last 91 days, by %s', async (bucket) => {
    const from = bucketStartOf(bucket, addDays(today(), -91));
    const to = bucketEndOf(bucket, addDays(today(), -1));
    const partnerships = await prisma.partnership.findMany({ select: { id: true, consultationEveryWeeks: true, startsOn: true, endsOn: true } });
    const result = data(await t.execute(EvaluationConsultationsDocument, { from, to, bucket, groupBy: ['PARTNERSHIP'] }, { token: demo.tokens.ADMIN }));
    const rows = result.evaluation!.consultations;
    if (bucket === 'WEEK') expect(new Set(rows.map((r) => r.period.label)).size).toBeGreaterThanOrEqual(13);
    const days = (a: string, b: string) => Math.max(0, (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1);
    for (const p of partnerships) {
      const mine = rows.filter((r) => r.group[0]!.value === gid('Partnership', p.id));
      expect(mine.length).toBeGreaterThan(0);
      const held = await prisma.activity.count({
        where: { partnershipId: p.id, kind: 'CONSULTATION', startsAt: { gte: amsMidnight(from), lt: amsMidnight(addDays(to, 1)) } },
      });
      expect(mine.reduce((n, r) => n + r.held, 0)).toBe(held);
      const planned = mine.reduce((n, r) => n + r.planned!, 0);
      // Planned: the days of the range within the partnership's period and up to today.
      const first = [from, p.startsOn.toISOString().slice(0, 10)].sort().at(-1)!;
      const last = [to, today(), ...(p.endsOn ? [p.endsOn.toISOString().slice(0, 10)] : [])].sort()[0]!;
      expect(days(first, last)).toBeGreaterThanOrEqual(91);
      // Each row rounds to two decimals: allow that much per row.
      expect(Math.abs(planned - days(first, last) / (p.consultationEveryWeeks! * 7))).toBeLessThanOrEqual(0.005 * mine.length + 1e-9);
      expect(held).toBeGreaterThan(0);
    }
  });


  it('monitor: average, lowest and highest score per element and school year; lastRounds keeps the latest rounds', async () => {
    const scores = await prisma.partnershipAssessmentScore.findMany({ select: { element: true, score: true, assessment: { select: { assessedOn: true, round: true } } } });
    expect(scores.length).toBeGreaterThan(0);
    const cells = new Map<string, number[]>();
    for (const s of scores) {
      const key = `${schoolYear(s.assessment.assessedOn.toISOString().slice(0, 10))}|${s.element}`;
      cells.set(key, [...(cells.get(key) ?? []), s.score]);
    }
    const result = data(await t.execute(EvaluationMonitorDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR' }, { token: demo.tokens.ANALYST }));
    const rows = result.evaluation!.monitor;
    expect(rows).toHaveLength(cells.size);
    for (const row of rows) {
      const values = cells.get(`${row.period.label}|${row.element}`)!;
      expect(row.assessments).toBe(values.length);
      expect(row.averageScore).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 2);
      expect(row.minScore).toBe(Math.min(...values));
      expect(row.maxScore).toBe(Math.max(...values));
    }

    const maxRound = Math.max(...scores.map((s) => s.assessment.round));
    const latest = data(await t.execute(EvaluationMonitorDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR', groupBy: ['ASSESSMENT_ROUND'], lastRounds: 3 }, { token: demo.tokens.ANALYST }));
    const rounds = new Set(latest.evaluation!.monitor.map((r) => Number(r.group[0]!.value)));
    expect([...rounds].sort()).toEqual([maxRound - 2, maxRound - 1, maxRound]);
  });
});

// --- a partnership of our own, to place records exactly ---

let counter = 0;
async function newPartnership(options: { minCellSize?: number; maxPerturbation?: number } = {}) {
  const n = ++counter;
  const city = await prisma.city.create({
    data: {
      name: `Testdorp ${n}`,
      cbsCode: `GM9${String(n).padStart(3, '0')}`,
      ...(options.minCellSize ? { minCellSize: options.minCellSize } : {}),
      ...(options.maxPerturbation !== undefined ? { maxPerturbation: options.maxPerturbation } : {}),
    },
  });
  const school = await prisma.school.create({ data: { name: `Testschool ${n}`, brinCode: `9Z${String(n).padStart(2, '0')}`, cityId: city.id, schoolType: 'VMBO', enrolment: 400 } });
  const org = await prisma.youthWorkOrganisation.create({ data: { name: `Testjongerenwerk ${n}`, cityId: city.id } });
  const partnership = await prisma.partnership.create({
    data: { name: `Test ${n}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId: city.id, form: 'IN_SCHOOL', startsOn: new Date('2020-08-01'), consultationEveryWeeks: 2 },
  });
  return { city, school, partnership, filter: { partnershipIds: [gid('Partnership', partnership.id)] } };
}

const activityAt = (partnershipId: string, iso: string) =>
  prisma.activity.create({ data: { partnershipId, kind: 'BREAK_CONVERSATION', startsAt: new Date(iso), durationMinutes: 15 } });

describe('buckets in Amsterdam time', () => {
  it('puts 31 July 23:59 and 1 August 00:00 (Amsterdam) in different school years', async () => {
    const { partnership, filter } = await newPartnership();
    await activityAt(partnership.id, '2026-07-31T21:59:00Z'); // 23:59 CEST
    await activityAt(partnership.id, '2026-07-31T22:00:00Z'); // 00:00 CEST, 1 August
    const result = data(await t.execute(EvaluationActivitiesDocument, { from: '2025-08-01', to: '2027-07-31', bucket: 'SCHOOL_YEAR', filter }, { token: demo.tokens.ADMIN }));
    expect(result.evaluation!.activities.map((a) => [a.period, a.count])).toEqual([
      [{ start: '2025-08-01', end: '2026-07-31', label: '2025/2026' }, 1],
      [{ start: '2026-08-01', end: '2027-07-31', label: '2026/2027' }, 1],
    ]);
  });

  it('uses ISO weeks: 29 December 2025 is in 2026-W01, 1 January 2027 in 2026-W53', async () => {
    const { partnership, filter } = await newPartnership();
    await activityAt(partnership.id, '2025-12-28T23:30:00Z'); // Monday 29 Dec 00:30 CET
    await activityAt(partnership.id, '2025-12-28T22:30:00Z'); // Sunday 28 Dec 23:30 CET: the week before
    await activityAt(partnership.id, '2027-01-01T09:00:00Z'); // Friday 1 Jan 2027
    const result = data(await t.execute(EvaluationActivitiesDocument, { from: '2025-12-01', to: '2027-01-31', bucket: 'WEEK', filter }, { token: demo.tokens.ADMIN }));
    expect(result.evaluation!.activities.map((a) => [a.period, a.count])).toEqual([
      [{ start: '2025-12-22', end: '2025-12-28', label: '2025-W52' }, 1],
      [{ start: '2025-12-29', end: '2026-01-04', label: '2026-W01' }, 1],
      [{ start: '2026-12-28', end: '2027-01-03', label: '2026-W53' }, 1],
    ]);
  });

  it('places activities at 00:30 around the DST changes on their Amsterdam day and week', async () => {
    const { partnership, filter } = await newPartnership();
    await activityAt(partnership.id, '2026-03-28T23:30:00Z'); // Sunday 29 March 00:30 CET, the day clocks go forward
    await activityAt(partnership.id, '2026-03-29T22:30:00Z'); // Monday 30 March 00:30 CEST: the next ISO week
    await activityAt(partnership.id, '2026-10-24T22:30:00Z'); // Sunday 25 October 00:30 CEST, the day clocks go back
    await activityAt(partnership.id, '2026-10-25T23:30:00Z'); // Monday 26 October 00:30 CET: the next ISO week
    const weeks = data(await t.execute(EvaluationActivitiesDocument, { from: '2026-02-23', to: '2026-11-01', bucket: 'WEEK', filter }, { token: demo.tokens.ADMIN }));
    expect(weeks.evaluation!.activities.map((a) => [a.period.label, a.count])).toEqual([
      ['2026-W13', 1],
      ['2026-W14', 1],
      ['2026-W43', 1],
      ['2026-W44', 1],
    ]);
    // The range is in Amsterdam days: the week to Sunday 29 March holds its 00:30 activity (28 March
    // in UTC) but not Monday 30 March's (29 March in UTC); likewise around 25 October.
    const week = (from: string, to: string) => t.execute(EvaluationActivitiesDocument, { from, to, bucket: 'WEEK', filter }, { token: demo.tokens.ADMIN });
    for (const [from, to] of [['2026-03-23', '2026-03-29'], ['2026-03-30', '2026-04-05'], ['2026-10-19', '2026-10-25'], ['2026-10-26', '2026-11-01']]) {
      expect(data(await week(from!, to!)).evaluation!.activities.map((a) => a.count), from).toEqual([1]);
    }
  });
});

// --- city plugin dimensions ---

describe('plugin dimensions', () => {
  it('group by a pilotData field through its JSON path (sent as a parameter)', async () => {
    const { partnership } = await newPartnership();
    const at = new Date('2026-05-12T10:00:00Z');
    const log = (pilotData: object) => prisma.activity.create({ data: { partnershipId: partnership.id, kind: 'BREAK_CONVERSATION', startsAt: at, durationMinutes: 10, pilotData } });
    await log({ amsterdam: { roomOpen: true } });
    await log({ amsterdam: { roomOpen: true }, other: { roomOpen: false } });
    await log({ amsterdam: { roomOpen: false } });
    await log({});
    const roomOpen = pilotDataDimension({ plugin: 'amsterdam', field: 'roomOpen', table: 'Activity' });
    expect(roomOpen.name).toBe('AMSTERDAM_ROOM_OPEN');
    expect(appliesTo(roomOpen, 'activities')).toBe(true);
    expect(appliesTo(roomOpen, 'signals')).toBe(false);
    const cells = await prisma.$queryRaw<ActivityCell[]>(
      activitiesSql({ from: '2026-05-01', to: '2026-05-31', bucket: 'MONTH', dimensions: [roomOpen], allowedCityIds: null, partnershipIds: [partnership.id] }),
    );
    expect(cells.map((c) => [c.bucketLabel, c.d0, c.count])).toEqual([
      ['2026-05', 'false', 1],
      ['2026-05', 'true', 2],
      ['2026-05', null, 1],
    ]);
  });

  it('must be registered before the schema is built', () => {
    expect(() => registerDimension(pilotDataDimension({ plugin: 'arnhem', field: 'late', table: 'Signal' }))).toThrow(/after the schema was built/);
  });
});

// --- small cells ---

let youthCounter = 0;
async function signalsIn(partnershipId: string, schoolId: string, count: number, reportedAt: string) {
  for (let i = 0; i < count; i++) {
    const youth = await prisma.youth.create({ data: { code: `TS-${++youthCounter}`, schoolId } });
    await prisma.signal.create({
      data: { partnershipId, youthId: youth.id, lifeDomain: 'SCHOOL', category: 'ATTENDANCE', ownerSide: 'SCHOOL', sharedWith: 'SCHOOL', reportedAt: new Date(reportedAt) },
    });
  }
}

describe('small cells', () => {
  it('suppresses a cell of 4 signals at k = 5 and shows it once the city sets k = 3 (thresholds on the perturbed counts)', async () => {
    const { city, school, partnership, filter } = await newPartnership();
    await signalsIn(partnership.id, school.id, 4, '2026-02-10T10:00:00Z');
    const ask = () => t.execute(EvaluationSignalsDocument, { from: '2026-02-01', to: '2026-02-28', filter }, { token: demo.tokens.ADMIN });
    const reach = () => t.execute(EvaluationReachDocument, { from: '2026-02-01', to: '2026-02-28', filter }, { token: demo.tokens.ADMIN });
    // Whether a cell is suppressed is decided on its perturbed count (attack review 4, F1), held to
    // k + D (attack review 5, G4): 4 signals never show at k = 5, D = 2 (at most 6 < 7), and at k = 3
    // only as 5 or 6. Pick record keys whose perturbation is +1 or +2 for the signals and for the
    // young people: then 4 is hidden at k = 5 and shown (5 or 6) at k = 3.
    const signals = await prisma.signal.findMany({ where: { partnershipId: partnership.id }, select: { id: true, youthId: true } });
    // Its city has no other records: the population is the cell's own records.
    const perturbations = async () => {
      const stateKeys = await signalStateKeys(prisma, true);
      const { signals: reachKeys } = await reachRecordKeys(prisma);
      const keys = (await prisma.signal.findMany({ where: { partnershipId: partnership.id }, select: { id: true, recordKey: true } }));
      const youthKeys = (await prisma.youth.findMany({ where: { signals: { some: { partnershipId: partnership.id } } }, select: { recordKey: true } })).map((y) => y.recordKey);
      // Not grouped: the group of the one cell is the cell itself.
      const signalKey = cellKeyOf(keys.map((x) => x.recordKey), keys.map((x) => stateKeys.get(x.id)!), keys.map((x) => x.recordKey));
      const youthKey = cellKeyOf([...youthKeys, ...keys.map((x) => reachKeys.get(x.id)!)], [...youthKeys, ...keys.map((x) => reachKeys.get(x.id)!)]);
      return { signals: perturbedOf(4, signalKey, 2) - 4, youth: perturbedOf(4, youthKey, 2) - 4 };
    };
    let found: { signals: number; youth: number } | undefined;
    for (let attempt = 0; attempt < 100 && !found; attempt++) {
      for (const [j, s] of signals.entries()) {
        await prisma.signal.update({ where: { id: s.id }, data: { recordKey: 1_000 * attempt + j } });
        await prisma.youth.update({ where: { id: s.youthId! }, data: { recordKey: 1_000 * attempt + 500 + j } });
      }
      const p = await perturbations();
      if ([1, 2].includes(p.signals) && [1, 2].includes(p.youth)) found = p;
    }
    expect(found).toBeDefined();

    const hidden = data(await ask()).evaluation!.signals;
    expect(hidden).toEqual([
      expect.objectContaining({ count: null, followedUpWithinShare: null, medianHoursToClose: null, suppressed: true }),
    ]);
    expect(hidden[0]!.suppressedFigures).toEqual(expect.arrayContaining(['count', 'followedUpWithinShare', 'medianHoursToFirstFollowUp']));
    expect(data(await reach()).evaluation!.reach).toEqual([expect.objectContaining({ youngPeople: null, suppressed: true })]);

    await prisma.city.update({ where: { id: city.id }, data: { minCellSize: 3 } });
    const count = 4 + found!.signals;
    const shown = data(await ask()).evaluation!.signals;
    expect(shown).toEqual([expect.objectContaining({ count, followedUpWithinShare: null, suppressed: true })]);
    // Counted, but none followed up or closed: those figures rest on 0 records and stay suppressed,
    // and a share of 0 would say that none of them was followed up.
    expect(shown[0]!.suppressedFigures).toEqual(['followedUpWithinShare', 'medianHoursToFirstFollowUp', 'p90HoursToFirstFollowUp', 'medianHoursToClose', 'p90HoursToClose']);
    const youngPeople = 4 + found!.youth;
    expect(data(await reach()).evaluation!.reach).toEqual([expect.objectContaining({ youngPeople, enrolmentShare: youngPeople / 400, suppressed: false })]);
  });

  it('shows a share only when the records it counts and those it leaves out are both at least k (attack review F3)', async () => {
    const DAY = 86_400_000;
    /** `count` signals in February, the first `within` of them followed up a day after being reported. */
    const signalsFollowedUp = async (partnershipId: string, schoolId: string, count: number, within: number) => {
      await signalsIn(partnershipId, schoolId, count, '2026-02-10T10:00:00Z');
      const signals = await prisma.signal.findMany({ where: { partnershipId }, select: { id: true, reportedAt: true }, orderBy: { id: 'asc' } });
      await prisma.signalFollowUp.createMany({
        data: signals.slice(0, within).map((sg) => ({ signalId: sg.id, action: 'CONVERSATION_WITH_YOUTH' as const, at: new Date(sg.reportedAt.getTime() + DAY) })),
      });
    };
    // Exact counts (D = 0), so the old share would have given the small counts back exactly.
    const small = await newPartnership({ maxPerturbation: 0 });
    const large = await newPartnership({ maxPerturbation: 0 });
    await signalsFollowedUp(small.partnership.id, small.school.id, 5, 3); // 3 followed up, 2 not
    await signalsFollowedUp(large.partnership.id, large.school.id, 12, 6); // 6 and 6
    const figuresOf = async (filter: { partnershipIds: string[] }) => {
      const result = data(await t.execute(EvaluationSignalsDocument, { from: '2026-02-01', to: '2026-02-28', filter, followUpWithinDays: 7 }, { token: demo.tokens.ANALYST }));
      return result.evaluation!.signals;
    };
    const [few] = await figuresOf(small.filter);
    expect(few).toMatchObject({ count: 5, followedUpWithinShare: null, suppressed: true });
    expect(few!.suppressedFigures).toContain('followedUpWithinShare');
    expect(few!.suppressedFigures).not.toContain('count');
    const [many] = await figuresOf(large.filter);
    expect(many).toMatchObject({ count: 12, followedUpWithinShare: 0.5 });
    expect(many!.suppressedFigures).not.toContain('followedUpWithinShare');

    // The export has the same SQL: the share's cell is empty and shareSuppressed says why.
    const csvOf = async (p: { partnershipIds: string[] }) => {
      const response = await t.app.yoga.fetch(
        `http://test/exports/evaluation-signals.csv?from=2026-02-01&to=2026-02-28&partnershipId=${p.partnershipIds[0]}`,
        { headers: { authorization: `Bearer ${demo.tokens.ANALYST}` } },
      );
      expect(response.status).toBe(200);
      const [header, row] = (await response.text()).trimEnd().split(/\r?\n/).map((line) => line.split(','));
      return Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    };
    expect(await csvOf(small.filter)).toMatchObject({ count: '5', followedUpWithinShare: '', countSuppressed: 'false', shareSuppressed: 'true' });
    expect(await csvOf(large.filter)).toMatchObject({ count: '12', followedUpWithinShare: '0.5', shareSuppressed: 'false' });

    // Reach as a share of enrolment: 5 of a school of 7 would say that 2 pupils were not reached.
    await prisma.school.update({ where: { id: small.school.id }, data: { enrolment: 7 } });
    const reachOf = async (filter: { partnershipIds: string[] }) =>
      data(await t.execute(EvaluationReachDocument, { from: '2026-02-01', to: '2026-02-28', filter }, { token: demo.tokens.ANALYST })).evaluation!.reach;
    expect(await reachOf(small.filter)).toEqual([
      expect.objectContaining({ youngPeople: 5, enrolmentShare: null, suppressed: false, suppressedFigures: ['enrolmentShare'] }),
    ]);
    expect(await reachOf(large.filter)).toEqual([expect.objectContaining({ youngPeople: 12, enrolmentShare: 0.03, suppressed: false, suppressedFigures: [] })]);
  });

  it('uses the largest k of the cities in a row', async () => {
    const small = await newPartnership({ minCellSize: 3, maxPerturbation: 0 });
    const large = await newPartnership({ minCellSize: 10, maxPerturbation: 0 });
    await signalsIn(small.partnership.id, small.school.id, 4, '2026-02-10T10:00:00Z');
    await signalsIn(large.partnership.id, large.school.id, 5, '2026-02-11T10:00:00Z');
    // (Several partnerships in one filter are refused: the two cities, each holding one.)
    const filter = { cityIds: [gid('City', small.city.id), gid('City', large.city.id)] };
    const byCity = data(await t.execute(EvaluationSignalsDocument, { from: '2026-02-01', to: '2026-02-28', groupBy: ['CITY'], filter }, { token: demo.tokens.ADMIN }));
    expect(byCity.evaluation!.signals.map((r) => [r.group[0]!.label, r.count])).toEqual([
      [small.city.name, 4],
      [large.city.name, null],
    ]);
    const together = data(await t.execute(EvaluationSignalsDocument, { from: '2026-02-01', to: '2026-02-28', filter }, { token: demo.tokens.ADMIN }));
    expect(together.evaluation!.signals.map((r) => r.count)).toEqual([null]); // 9 < 10
  });
});

// --- referrals ---

describe('SIGNAL_STATUS', () => {
  it('puts REFERRED with IN_PROGRESS for everyone but admins, in the query and the export (attack review 2, F1)', async () => {
    // Before: a policy advisor, who sees a REFERRED signal as IN_PROGRESS, grouped by status and
    // saw which cell moved when it was added: REFERRED.
    const { partnership, filter } = await newPartnership({ maxPerturbation: 0 });
    const base = { partnershipId: partnership.id, lifeDomain: 'HOME' as const, category: 'OTHER' as const, ownerSide: 'YOUTH_WORK' as const, sharedWith: 'YOUTH_WORK' as const };
    await prisma.signal.createMany({
      data: Array.from({ length: 12 }, (_v, i) => ({ ...base, status: i < 6 ? ('REFERRED' as const) : ('IN_PROGRESS' as const), reportedAt: new Date(Date.UTC(2026, 1, 2 + i, 10)) })),
    });
    const byStatus = async (token: string) =>
      data(await t.execute(EvaluationSignalsDocument, { from: '2026-02-01', to: '2026-02-28', groupBy: ['SIGNAL_STATUS'], filter }, { token })).evaluation!.signals.map(
        (r) => [r.group[0]!.value, r.count],
      );
    expect(await byStatus(demo.tokens.ANALYST)).toEqual([['IN_PROGRESS', 12]]);
    expect(await byStatus(demo.tokens.ADMIN)).toEqual([
      ['IN_PROGRESS', 6],
      ['REFERRED', 6],
    ]);
    const csv = async (token: string) => {
      const response = await t.app.yoga.fetch(
        `http://test/exports/evaluation-signals.csv?from=2026-02-01&to=2026-02-28&groupBy=SIGNAL_STATUS&partnershipId=${filter.partnershipIds[0]}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      const [header, ...rows] = (await response.text()).trimEnd().split(/\r?\n/).map((line) => line.split(','));
      return rows.map((row) => [row[header!.indexOf('signal_status')], row[header!.indexOf('count')]]);
    };
    expect(await csv(demo.tokens.ANALYST)).toEqual([['IN_PROGRESS', '12']]);
    expect(await csv(demo.tokens.ADMIN)).toEqual([
      ['IN_PROGRESS', '6'],
      ['REFERRED', '6'],
    ]);
  });
});

// --- who may ask ---

describe('scoping', () => {
  it('gives an Arnhem policy advisor Arnhem figures only, even when asking for Amsterdam', async () => {
    const token = await t.tokenFor({ email: 'marloes.dijkstra@arnhem.gemeente.example' });
    const all = data(await t.execute(EvaluationActivitiesDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR', groupBy: ['CITY'] }, { token }));
    expect(new Set(all.evaluation!.activities.map((a) => a.group[0]!.label))).toEqual(new Set(['Arnhem']));
    const arnhemTotal = await prisma.activity.count({ where: { partnership: { cityId: demo.cities.Arnhem } } });
    expect(all.evaluation!.activities.reduce((n, a) => n + a.count, 0)).toBe(arnhemTotal);

    const amsterdam = data(
      await t.execute(EvaluationActivitiesDocument, { ...everything(), filter: { cityIds: [gid('City', demo.cities.Amsterdam!)] } }, { token }),
    );
    expect(amsterdam.evaluation!.activities).toEqual([]);
    const monitor = data(await t.execute(EvaluationMonitorDocument, everything(), { token }));
    expect(monitor.evaluation!.monitor).toEqual([]); // Amsterdam's rounds only in the demo
  });

  it('gives global analysts and admins every city', async () => {
    const cities = await prisma.city.findMany({ where: { partnerships: { some: { activities: { some: {} } } } }, select: { name: true } });
    expect(cities.length).toBeGreaterThanOrEqual(2);
    for (const token of [demo.tokens.ANALYST, demo.tokens.ADMIN]) {
      const result = data(await t.execute(EvaluationActivitiesDocument, { ...everything('SCHOOL_YEAR'), bucket: 'SCHOOL_YEAR', groupBy: ['CITY'] }, { token }));
      expect(new Set(result.evaluation!.activities.map((a) => a.group[0]!.label))).toEqual(new Set(cities.map((c) => c.name)));
    }
  });

  it('refuses youth workers, school staff and anonymous callers', async () => {
    for (const role of ['YOUTH_WORKER', 'SCHOOL_CONTACT', 'MENTOR', 'STUDENT_COUNSELLOR'] as const) {
      expectError(await t.execute(EvaluationNothingDocument, everything(), { token: demo.tokens[role] }), { code: 'FORBIDDEN' });
    }
    expectError(await t.execute(EvaluationNothingDocument, everything()), { code: 'UNAUTHENTICATED' });
  });
});

// --- input rules ---

describe('input rules', () => {
  const token = () => demo.tokens.ANALYST;
  it('refuses a range that ends before it starts, or spans five years or more', async () => {
    expectError(await t.execute(EvaluationNothingDocument, { from: '2026-02-01', to: '2026-01-31' }, { token: token() }), { code: 'BAD_USER_INPUT', field: 'to', rule: 'after' });
    expectError(await t.execute(EvaluationNothingDocument, { from: '2020-01-01', to: '2025-01-31' }, { token: token() }), { code: 'BAD_USER_INPUT', field: 'to', rule: 'maxSpan' });
    data(await t.execute(EvaluationNothingDocument, { from: '2020-01-01', to: '2024-12-31' }, { token: token() }));
  });

  it('refuses a range that does not cover whole buckets (attack review 2, F1: ranges a day apart told one signal\'s category)', async () => {
    // Before: from the day a signal was reported and from the day after, the same `to`.
    for (const [bucket, from, to, field, message] of [
      ['SCHOOL_YEAR', '2025-12-10', '2026-07-31', 'from', /1 August/],
      ['SCHOOL_YEAR', '2025-08-01', '2026-06-30', 'to', /31 July/],
      ['MONTH', '2026-01-02', '2026-01-31', 'from', /first day of a month/],
      ['MONTH', '2026-01-01', '2026-01-30', 'to', /last day of a month/],
      ['WEEK', '2026-03-24', '2026-03-29', 'from', /Monday/],
      ['WEEK', '2026-03-23', '2026-03-28', 'to', /Sunday/],
    ] as const) {
      const error = expectError(await t.execute(EvaluationSignalsDocument, { from, to, bucket }, { token: token() }), {
        code: 'BAD_USER_INPUT',
        field,
        rule: 'bucketBoundary',
      });
      expect(error.message, `${bucket} ${from}–${to}`).toMatch(message);
    }
    // Admins too: the rule is about the question, not the asker.
    expectError(await t.execute(EvaluationNothingDocument, { from: '2026-01-01', to: '2026-01-15' }, { token: demo.tokens.ADMIN }), {
      code: 'BAD_USER_INPUT',
      field: 'to',
      rule: 'bucketBoundary',
    });
    for (const [bucket, from, to] of [['SCHOOL_YEAR', '2025-08-01', '2026-07-31'], ['MONTH', '2024-02-01', '2024-02-29'], ['WEEK', '2025-12-29', '2026-01-04']] as const) {
      data(await t.execute(EvaluationSignalsDocument, { from, to, bucket }, { token: token() }));
    }
  });

  it('refuses more than one school or partnership in a filter, in the query and the export (attack review 3, F1: T with P minus T told P\'s signal)', async () => {
    const [a, b] = (await prisma.partnership.findMany({ take: 2, orderBy: { id: 'asc' }, select: { id: true, schoolId: true } })) as [{ id: string; schoolId: string }, { id: string; schoolId: string }];
    const range = { from: '2025-08-01', to: '2026-07-31', bucket: 'SCHOOL_YEAR' as const };
    const filters: [string, { partnershipIds?: string[]; schoolIds?: string[] }][] = [
      ['filter.partnershipIds', { partnershipIds: [gid('Partnership', a.id), gid('Partnership', b.id)] }],
      ['filter.schoolIds', { schoolIds: [gid('School', a.schoolId), gid('School', b.schoolId)] }],
    ];
    for (const [field, filter] of filters) {
      expectError(await t.execute(EvaluationSignalsDocument, { ...range, filter }, { token: demo.tokens.ADMIN }), { code: 'BAD_USER_INPUT', field, rule: 'maxLength' });
    }
    data(await t.execute(EvaluationSignalsDocument, { ...range, filter: { partnershipIds: [gid('Partnership', a.id)] } }, { token: token() }));
    const url = `/exports/evaluation-signals.csv?from=2025-08-01&to=2026-07-31&bucket=SCHOOL_YEAR&partnershipId=${gid('Partnership', a.id)}&partnershipId=${gid('Partnership', b.id)}`;
    const response = await t.app.yoga.fetch(`http://test${url}`, { headers: { authorization: `Bearer ${demo.tokens.ADMIN}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('at most one');
  });

  it('refuses a dimension that does not apply to a selected family, and repeated dimensions', async () => {
    const range = { from: '2026-01-01', to: '2026-03-31' };
    expectError(await t.execute(EvaluationSignalsDocument, { ...range, groupBy: ['ACTIVITY_KIND'] }, { token: token() }), {
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
      rule: 'dimensionApplies',
    });
    expectError(await t.execute(EvaluationActivitiesDocument, { ...range, groupBy: ['LIFE_DOMAIN'] }, { token: token() }), {
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
      rule: 'dimensionApplies',
    });
    expectError(await t.execute(EvaluationReachDocument, { ...range, groupBy: ['ACTIVITY_KIND'] }, { token: token() }), {
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
      rule: 'dimensionApplies',
    });
    expectError(await t.execute(EvaluationActivitiesDocument, { ...range, groupBy: ['CITY', 'CITY'] }, { token: token() }), {
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
      rule: 'unique',
    });
    data(await t.execute(EvaluationSignalsDocument, { ...range, groupBy: ['LIFE_DOMAIN', 'SIGNAL_STATUS', 'PARTNERSHIP_FORM'] }, { token: token() }));
  });

  it('refuses a bad follow-up window, a bad number of rounds and IDs of the wrong type', async () => {
    const range = { from: '2026-01-01', to: '2026-03-31' };
    // Only a few fixed windows (attack review 2, F1: windows a day apart told the day of one
    // signal's first follow-up).
    for (const followUpWithinDays of [0, 2, 4, 365]) {
      expectError(await t.execute(EvaluationSignalsDocument, { ...range, followUpWithinDays }, { token: token() }), { code: 'BAD_USER_INPUT', field: 'followUpWithinDays', rule: 'oneOf' });
    }
    for (const followUpWithinDays of [1, 3, 7, 14, 30]) data(await t.execute(EvaluationSignalsDocument, { ...range, followUpWithinDays }, { token: token() }));
    expectError(await t.execute(EvaluationMonitorDocument, { ...range, lastRounds: 0 }, { token: token() }), { code: 'BAD_USER_INPUT', field: 'lastRounds', rule: 'min' });
    expectError(await t.execute(EvaluationNothingDocument, { ...range, filter: { cityIds: [gid('School', demo.partnerships.presik.schoolId)] } }, { token: token() }), {
      code: 'BAD_USER_INPUT',
      field: 'filter.cityIds.0',
      rule: 'globalId',
    });
  });
});

// --- cost ---

describe('statements', () => {
  it('runs one SQL statement per metric family selected', async () => {
    const range = { ...everything(), bucket: 'MONTH' as const, groupBy: ['PARTNERSHIP' as const] };
    const token = demo.tokens.ANALYST;
    const none = await countQueries(t.db, async () => data(await t.execute(EvaluationNothingDocument, range, { token })));
    const one = await countQueries(t.db, async () => data(await t.execute(EvaluationActivitiesDocument, range, { token })));
    const five = await countQueries(t.db, async () => data(await t.execute(EvaluationAllDocument, range, { token })));
    expect(one.count).toBe(none.count + 1);
    expect(five.count).toBe(none.count + 5);
    expect(five.queries.filter((q) => /GROUP BY/.test(q))).toHaveLength(5);
  });
});
