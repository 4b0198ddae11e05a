/**
 * Attack review 4: probes written as an attacker would, each asserting what a safe API gives (a
 * failing probe is a leak). Kept as regression tests of the fixes of F1–F3 (src/evaluation): window
 * percentiles and flags from perturbed counts, population keys over each record's visible state.
 *
 * Evaluation part: a test city ("Proefstad") of TRIALS schools. Each school has a big partnership
 * (12 signals in March 2026, 6 ATTENDANCE and 6 BULLYING, all followed up and closed at varied hours)
 * and a small one with ONE signal x (its category alternates), also followed up and closed. The
 * city's policy advisor (who may know signals only as metadata: status, life domain, reported at)
 * asks evaluation questions.
 */
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { SignJWT } from 'jose';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Feed, httpGraphql, nextResult, sseSubscribe, wsConnect } from './support/clients.ts';
import { type Demo, gid, loadDemo, MISSING_UUID } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let prisma: PrismaClient;
let cityId: string;
let advisor: string;
let youthWorkerOfBig: string[] = [];
const TRIALS = 10;
const CATEGORIES = ['ATTENDANCE', 'BULLYING'] as const;
type Cat = (typeof CATEGORIES)[number];

interface Trial {
  schoolId: string;
  big: string;
  small: string;
  /** The one signal of the small partnership. */
  x: { id: string; category: Cat };
  /** A signal of the big partnership, in progress, not yet closed (E1). */
  y: { id: string; category: Cat };
  /** A signal of the big partnership, not yet followed up (E2). */
  z: { id: string; category: Cat };
  /** A signal of the big partnership, in progress, to be referred (E7). */
  r: { id: string; category: Cat };
}
const trials: Trial[] = [];

const hours = (h: number) => h * 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  prisma = t.db.prisma;
  const city = await prisma.city.create({ data: { name: 'Proefstad', cbsCode: 'GM8404' } });
  cityId = city.id;
  const org = await prisma.youthWorkOrganisation.create({ data: { name: 'Jongerenwerk Proefstad', cityId } });
  const pa = await prisma.person.create({ data: { name: 'Beleid Proefstad', email: 'beleid@proefstad.example' } });
  await prisma.roleAssignment.create({ data: { personId: pa.id, role: 'POLICY_ADVISOR', scope: 'CITY', cityId } });
  advisor = await t.tokenFor({ email: 'beleid@proefstad.example' });
  for (let i = 0; i < TRIALS; i++) {
    const school = await prisma.school.create({
      data: { name: `Proefschool ${i}`, brinCode: `9P${String(i).padStart(2, '0')}`, cityId, schoolType: 'VMBO', enrolment: 400 },
    });
    const [big, small] = await Promise.all(
      ['groot', 'klein'].map((n, k) =>
        prisma.partnership.create({
          data: { name: `Proef ${i} ${n}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId, form: 'IN_SCHOOL', startsOn: new Date(Date.UTC(2020, 7, 1 + k)) },
        }),
      ),
    );
    const yw = await prisma.person.create({ data: { name: `Werker ${i}`, email: `werker${i}@proefstad.example`, organisationId: org.id } });
    await prisma.roleAssignment.create({ data: { personId: yw.id, role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: big!.id } });
    youthWorkerOfBig.push(await t.tokenFor({ email: `werker${i}@proefstad.example` }));
    const make = async (partnershipId: string, category: Cat, day: number, hour: number, followAfter: number | null, closeAfter: number | null, status: string) => {
      const reportedAt = new Date(Date.UTC(2026, 2, day, hour));
      const s = await prisma.signal.create({
        data: {
          partnershipId,
          lifeDomain: 'SCHOOL',
          category,
          ownerSide: 'YOUTH_WORK',
          sharedWith: 'YOUTH_WORK',
          reportedAt,
          status: status as never,
          closedAt: closeAfter === null ? null : new Date(reportedAt.getTime() + hours(closeAfter)),
        },
      });
      if (followAfter !== null) {
        await prisma.signalFollowUp.create({ data: { signalId: s.id, at: new Date(reportedAt.getTime() + hours(followAfter)), action: 'CONVERSATION_WITH_YOUTH' } });
      }
      return s.id;
    };
    for (let j = 0; j < 12; j++) {
      const category = CATEGORIES[j % 2]!;
      await make(big!.id, category, 2 + j, 9, 3 + j * 7.3 + i, 50 + j * 13.1 + i, 'CLOSED');
    }
    // In progress, first followed up after the 7-day window, so that a category's share is shown (E2).
    for (let j = 0; j < 12; j++) await make(big!.id, CATEGORIES[j % 2]!, 2 + j, 14, 200 + j * 5.1 + i, null, 'IN_PROGRESS');
    const xCat = CATEGORIES[i % 2]!;
    const x = await make(small!.id, xCat, 15, 11, 40 + i * 3.7, 200 + i * 11.3, 'CLOSED');
    const yCat = CATEGORIES[(i >> 1) % 2]!;
    const y = await make(big!.id, yCat, 16, 10, 5 + i, null, 'IN_PROGRESS');
    const rCat = CATEGORIES[i % 2]!;
    const r = await make(big!.id, rCat, 18, 10, 6 + i, null, 'IN_PROGRESS');
    const zCat = CATEGORIES[(i + 1) % 2]!;
    const z = await make(big!.id, zCat, 17, 10, null, null, 'NEW');
    trials.push({ schoolId: school.id, big: big!.id, small: small!.id, x: { id: x, category: xCat }, y: { id: y, category: yCat }, z: { id: z, category: zCat }, r: { id: r, category: rCat } });
  }
});
afterAll(async () => {
  await t?.close();
});

let started: Promise<string> | undefined;
/** The app listening on a port (once per file), for the live probes. */
const liveUrl = () => (started ??= t.app.start(0, '127.0.0.1').then((s) => s.url));

const SIGNALS = parse(`query ($from: Date!, $to: Date!, $bucket: EvaluationBucket, $groupBy: [EvaluationDimension!], $filter: EvaluationFilter, $w: Int) {
  evaluation(from: $from, to: $to, bucket: $bucket, groupBy: $groupBy, filter: $filter) {
    signals(followUpWithinDays: $w) {
      period { label } group { dimension value label }
      count followedUpWithinShare medianHoursToFirstFollowUp p90HoursToFirstFollowUp medianHoursToClose p90HoursToClose suppressed suppressedFigures
    }
  }
}`);

type Row = {
  period: { label: string };
  group: { dimension: string; value: string | null; label: string | null }[];
  count: number | null;
  followedUpWithinShare: number | null;
  medianHoursToFirstFollowUp: number | null;
  p90HoursToFirstFollowUp: number | null;
  medianHoursToClose: number | null;
  p90HoursToClose: number | null;
  suppressed: boolean;
  suppressedFigures: string[];
};

async function signals(groupBy: string[], filter: Record<string, string[]> = {}, token = advisor, w = 7): Promise<Row[]> {
  const r = await t.execute(parse(print(SIGNALS)) as never, { from: '2026-03-01', to: '2026-03-31', bucket: 'MONTH', groupBy, filter: { cityIds: [gid('City', cityId)], ...filter }, w } as never, { token });
  expect((r as { errors?: unknown }).errors, JSON.stringify((r as { errors?: unknown }).errors)).toBeUndefined();
  return (r.data as { evaluation: { signals: Row[] } }).evaluation.signals;
}

async function mutate(doc: string, variables: Record<string, unknown>, token: string) {
  const r = await t.execute(parse(doc) as never, variables as never, { token });
  if ((r as { errors?: unknown }).errors) throw new Error(JSON.stringify((r as { errors?: unknown }).errors));
  return r.data as any;
}

/** Row key: the group values joined. */
const keyOf = (r: Row) => r.group.map((g) => g.value).join('|');
const figures = (r: Row | undefined) => (r ? JSON.stringify([r.count, r.followedUpWithinShare, r.medianHoursToFirstFollowUp, r.p90HoursToFirstFollowUp, r.medianHoursToClose, r.p90HoursToClose, r.suppressedFigures]) : 'none');
const medians = (r: Row | undefined) => (r ? JSON.stringify([r.medianHoursToFirstFollowUp, r.p90HoursToFirstFollowUp, r.medianHoursToClose, r.p90HoursToClose]) : 'none');

describe('attack review 4, F1: medians and percentiles come from perturbed window counts, so "school" minus "its big partnership" does not tell the one other signal', () => {
  it('E3a: groupBy [SCHOOL, SIGNAL_CATEGORY] vs [PARTNERSHIP, SIGNAL_CATEGORY] (one query each) does not tell x’s category', async () => {
    const bySchool = new Map((await signals(['SCHOOL', 'SIGNAL_CATEGORY'])).map((r) => [keyOf(r), r]));
    const byPartnership = new Map((await signals(['PARTNERSHIP', 'SIGNAL_CATEGORY'])).map((r) => [keyOf(r), r]));
    let told = 0;
    for (const tr of trials) {
      const differs = CATEGORIES.filter(
        (c) => medians(bySchool.get(`${gid('School', tr.schoolId)}|${c}`)) !== medians(byPartnership.get(`${gid('Partnership', tr.big)}|${c}`)),
      );
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    // A safe API: the attacker's guess is no better than a coin (≈ TRIALS/2); leaky: told === TRIALS.
    console.log('E3a: told', told, 'of', TRIALS);
    expect(told, `x's category told for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });

  it('E3e: the same two tables compared by count alone do not tell x’s category either (each category gets its own draw per table)', async () => {
    // Same records give the same cell key, so before the group of a cell was part of its key, (S, c)
    // and (big, c) showed the same count for every category but x's (then differing ~80% of the time).
    const bySchool = new Map((await signals(['SCHOOL', 'SIGNAL_CATEGORY'])).map((r) => [keyOf(r), r]));
    const byPartnership = new Map((await signals(['PARTNERSHIP', 'SIGNAL_CATEGORY'])).map((r) => [keyOf(r), r]));
    let told = 0;
    for (const tr of trials) {
      const differs = CATEGORIES.filter(
        (c) => bySchool.get(`${gid('School', tr.schoolId)}|${c}`)?.count !== byPartnership.get(`${gid('Partnership', tr.big)}|${c}`)?.count,
      );
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    console.log('E3e: told', told, 'of', TRIALS);
    expect(told, `x's category told by counts for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });

  it('E3b: the same with filters (schoolIds: [S] vs partnershipIds: [big]) — one school and one partnership each, as allowed', async () => {
    let told = 0;
    for (const tr of trials) {
      const s = new Map((await signals(['SIGNAL_CATEGORY'], { schoolIds: [gid('School', tr.schoolId)] })).map((r) => [keyOf(r), r]));
      const p = new Map((await signals(['SIGNAL_CATEGORY'], { partnershipIds: [gid('Partnership', tr.big)] })).map((r) => [keyOf(r), r]));
      const differs = CATEGORIES.filter((c) => medians(s.get(c)) !== medians(p.get(c)));
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    console.log('E3b: told', told, 'of', TRIALS);
    expect(told, `x's category told for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });

  it('E3c: p50/p90 of the school with and without x do not pin down x’s own hours to first follow-up', async () => {
    // Ungrouped by category: the school's median over 13 follow-ups vs the big partnership's over 12.
    // percentile_cont over sorted v1..vn: with the neighbours known from the other cell the new value is
    // bracketed. Here we only check whether the two medians differ at all (then x's hours are on one side).
    const bySchool = new Map((await signals(['SCHOOL'])).map((r) => [keyOf(r), r]));
    const byPartnership = new Map((await signals(['PARTNERSHIP'])).map((r) => [keyOf(r), r]));
    let differ = 0;
    for (const tr of trials) {
      if (medians(bySchool.get(gid('School', tr.schoolId))) !== medians(byPartnership.get(gid('Partnership', tr.big)))) differ++;
    }
    // Informational bound: a safe API would make the medians of overlapping populations noisy too.
    console.log('E3c: differ', differ, 'of', TRIALS);
    expect(differ, 'medians of school vs its big partnership are exact functions of the one extra signal').toBeLessThan(TRIALS);
  });
});

describe('attack review 4, F2: a status change or first follow-up redraws every cell of its city and bucket (the population key covers each signal’s visible state)', () => {
  it('E1: the policy advisor sees y turn CLOSED (metadata); which category rows moved does not tell y’s category', async () => {
    // The advisor may know y only as metadata: check that the API hides its category from them.
    const node = await t.execute(parse(`query ($id: ID!) { node(id: $id) { ... on Signal { access status category } } }`) as never, { id: gid('Signal', trials[0]!.y.id) } as never, { token: advisor });
    expect((node.data as any).node).toMatchObject({ access: 'METADATA', category: null });
    let told = 0;
    let toldByCounts = 0;
    for (const tr of trials) {
      const scope = { partnershipIds: [gid('Partnership', tr.big)] };
      const before = new Map((await signals(['PARTNERSHIP', 'SIGNAL_CATEGORY'], scope)).map((r) => [keyOf(r), r]));
      const beforeByStatus = new Map((await signals(['SIGNAL_CATEGORY', 'SIGNAL_STATUS'], scope)).map((r) => [keyOf(r), r]));
      await mutate(`mutation ($id: ID!) { changeSignalStatus(input: { signalId: $id, status: CLOSED, expectedVersion: 1 }) { signal { status } } }`, { id: gid('Signal', tr.y.id) }, youthWorkerOfBig[trials.indexOf(tr)]!);
      const seen = await t.execute(parse(`query ($id: ID!) { node(id: $id) { ... on Signal { status category } } }`) as never, { id: gid('Signal', tr.y.id) } as never, { token: advisor });
      expect((seen.data as any).node).toMatchObject({ status: 'CLOSED', category: null });
      const after = new Map((await signals(['PARTNERSHIP', 'SIGNAL_CATEGORY'], scope)).map((r) => [keyOf(r), r]));
      const afterByStatus = new Map((await signals(['SIGNAL_CATEGORY', 'SIGNAL_STATUS'], scope)).map((r) => [keyOf(r), r]));
      const moved = CATEGORIES.filter((c) => figures(before.get(`${gid('Partnership', tr.big)}|${c}`)) !== figures(after.get(`${gid('Partnership', tr.big)}|${c}`)));
      if (moved.length === 1 && moved[0] === tr.y.category) told++;
      // Counts only (no medians): grouped by category and status, the rows of y's category move.
      const keys = new Set([...beforeByStatus.keys(), ...afterByStatus.keys()]);
      const movedByCount = new Set([...keys].filter((k) => beforeByStatus.get(k)?.count !== afterByStatus.get(k)?.count).map((k) => k.split('|')[0]));
      if (movedByCount.size === 1 && movedByCount.has(tr.y.category)) toldByCounts++;
      const row = (m: Map<string, Row>) => m.get(`${gid('Partnership', tr.big)}|${tr.y.category}`)!;
      if (trials.indexOf(tr) < 2) console.log('E1 moved', moved, [...movedByCount], 'true', tr.y.category, figures(row(before)), '→', figures(row(after)));
    }
    console.log(`E1: told by counts alone (category × status): ${toldByCounts} of ${TRIALS}`);
    expect(toldByCounts, `y's category told by perturbed counts alone for ${toldByCounts} of ${TRIALS}`).toBeLessThan(TRIALS * 0.8);
    expect(told, `y's category told for ${told} of ${TRIALS} signals`).toBeLessThan(TRIALS * 0.8);
  });

  it('E2: a first follow-up (status NEW → ACKNOWLEDGED, visible as metadata) does not move only its category row', async () => {
    let told = 0;
    let toldByCounts = 0;
    for (const tr of trials) {
      const before = new Map((await signals(['SIGNAL_CATEGORY'], { partnershipIds: [gid('Partnership', tr.big)] })).map((r) => [keyOf(r), r]));
      const token = youthWorkerOfBig[trials.indexOf(tr)]!;
      await mutate(`mutation ($id: ID!) { addSignalFollowUp(input: { signalId: $id, action: CONVERSATION_WITH_YOUTH, at: "2026-03-17T14:00:00Z" }) { signal { id } } }`, { id: gid('Signal', tr.z.id) }, token);
      await mutate(`mutation ($id: ID!) { changeSignalStatus(input: { signalId: $id, status: ACKNOWLEDGED, expectedVersion: 2 }) { signal { status } } }`, { id: gid('Signal', tr.z.id) }, token).catch(() =>
        mutate(`mutation ($id: ID!) { changeSignalStatus(input: { signalId: $id, status: ACKNOWLEDGED, expectedVersion: 1 }) { signal { status } } }`, { id: gid('Signal', tr.z.id) }, token),
      );
      const seen = await t.execute(parse(`query ($id: ID!) { node(id: $id) { ... on Signal { status category } } }`) as never, { id: gid('Signal', tr.z.id) } as never, { token: advisor });
      expect((seen.data as any).node).toMatchObject({ status: 'ACKNOWLEDGED', category: null });
      const after = new Map((await signals(['SIGNAL_CATEGORY'], { partnershipIds: [gid('Partnership', tr.big)] })).map((r) => [keyOf(r), r]));
      const moved = CATEGORIES.filter((c) => figures(before.get(c)) !== figures(after.get(c)));
      if (moved.length === 1 && moved[0] === tr.z.category) told++;
      const shareOnly = CATEGORIES.filter((c) => JSON.stringify([before.get(c)?.count, before.get(c)?.followedUpWithinShare]) !== JSON.stringify([after.get(c)?.count, after.get(c)?.followedUpWithinShare]));
      if (shareOnly.length === 1 && shareOnly[0] === tr.z.category) toldByCounts++;
      if (trials.indexOf(tr) < 2) console.log('E2 moved', moved, 'true', tr.z.category, figures(before.get(tr.z.category)), '→', figures(after.get(tr.z.category)));
    }
    console.log(`E2: told by counts and shares alone (medians left out): ${toldByCounts} of ${TRIALS}`);
    expect(told, `z's category told for ${told} of ${TRIALS} signals`).toBeLessThan(TRIALS * 0.8);
    expect(toldByCounts, `z's category told by the perturbed share alone for ${toldByCounts} of ${TRIALS}`).toBeLessThan(TRIALS * 0.5);
  });
});

describe('attack review 4, F1 in the exports: the same differencing through /exports/evaluation-signals.ndjson tells nothing', () => {
  const get = (path: string, token: string) => t.app.yoga.fetch(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function ndjson(query: string) {
    const response = await get(`/exports/evaluation-signals.ndjson?from=2026-03-01&to=2026-03-31&bucket=MONTH&groupBy=SIGNAL_CATEGORY&${query}`, advisor);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  it('E4: schoolId=S vs partnershipId=big: the category whose medians differ is not (reliably) x’s', async () => {
    let told = 0;
    for (const tr of trials) {
      const s = await ndjson(`schoolId=${encodeURIComponent(gid('School', tr.schoolId))}`);
      const p = await ndjson(`partnershipId=${encodeURIComponent(gid('Partnership', tr.big))}`);
      const med = (rows: Record<string, unknown>[], c: string) => {
        const r = rows.find((x) => x.signal_category === c || Object.values(x).includes(c));
        return r ? JSON.stringify([r.medianHoursToFirstFollowUp, r.p90HoursToFirstFollowUp, r.medianHoursToClose, r.p90HoursToClose]) : 'none';
      };
      const differs = CATEGORIES.filter((c) => med(s, c) !== med(p, c));
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    console.log('E4: told', told, 'of', TRIALS);
    expect(told, `x's category told for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });

  it('E5: two schools or two partnerships are refused in the export too', async () => {
    const two = `schoolId=${encodeURIComponent(gid('School', trials[0]!.schoolId))}&schoolId=${encodeURIComponent(gid('School', trials[1]!.schoolId))}`;
    const response = await get(`/exports/evaluation-signals.csv?from=2026-03-01&to=2026-03-31&bucket=MONTH&${two}`, advisor);
    expect(response.status).toBe(400);
    const twoP = `partnershipId=${encodeURIComponent(gid('Partnership', trials[0]!.big))}&partnershipId=${encodeURIComponent(gid('Partnership', trials[1]!.big))}`;
    expect((await get(`/exports/evaluation-signals.csv?from=2026-03-01&to=2026-03-31&bucket=MONTH&${twoP}`, advisor)).status).toBe(400);
  });
});

describe('attack review 4: a referral (IN_PROGRESS → REFERRED) moves nothing for a non-admin', () => {
  it('E7: after r is referred no row of the policy advisor’s table moves', async () => {
    let movedAny = 0;
    for (const tr of trials) {
      const scope = { partnershipIds: [gid('Partnership', tr.big)] };
      const before = JSON.stringify([await signals(['SIGNAL_CATEGORY'], scope), await signals(['SIGNAL_CATEGORY', 'SIGNAL_STATUS'], scope)]);
      await mutate(`mutation ($id: ID!) { changeSignalStatus(input: { signalId: $id, status: REFERRED, expectedVersion: 1, referralDestination: "buurtteam" }) { signal { status } } }`, { id: gid('Signal', tr.r.id) }, youthWorkerOfBig[trials.indexOf(tr)]!);
      const after = JSON.stringify([await signals(['SIGNAL_CATEGORY'], scope), await signals(['SIGNAL_CATEGORY', 'SIGNAL_STATUS'], scope)]);
      if (before !== after) movedAny++;
    }
    expect(movedAny).toBe(0);
  });
});

describe('attack review 4, F3: which reach cells move does not tell whether a new signal is about a young person already reached, or about none', () => {
  const REACH = parse(`query ($filter: EvaluationFilter) {
    month: evaluation(from: "2026-12-01", to: "2026-12-31", bucket: MONTH, groupBy: [PARTNERSHIP], filter: $filter) { reach { group { value } youngPeople suppressed } }
    week: evaluation(from: "2026-11-30", to: "2026-12-06", bucket: WEEK, groupBy: [PARTNERSHIP], filter: $filter) { reach { group { value } youngPeople suppressed } }
    year: evaluation(from: "2026-08-01", to: "2027-07-31", bucket: SCHOOL_YEAR, groupBy: [PARTNERSHIP], filter: $filter) { reach { group { value } youngPeople suppressed } }
  }`);
  it('E8: a group signal (no young person) and one about a young person reached in the other partnership both redraw every reach cell', async () => {
    const prisma = t.db.prisma;
    const city = await prisma.city.create({ data: { name: 'Bereikstad', cbsCode: 'GM8405' } });
    const org = await prisma.youthWorkOrganisation.create({ data: { name: 'JW Bereikstad', cityId: city.id } });
    const school = await prisma.school.create({ data: { name: 'Bereikschool', brinCode: '9R01', cityId: city.id, schoolType: 'VMBO', enrolment: 900 } });
    const [a, b] = await Promise.all(
      [0, 1].map((k) => prisma.partnership.create({ data: { name: `Bereik ${k}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId: city.id, form: 'IN_SCHOOL', startsOn: new Date(Date.UTC(2020, 7, 1 + k)) } })),
    );
    const pa = await prisma.person.create({ data: { name: 'Beleid Bereikstad', email: 'beleid@bereikstad.example' } });
    await prisma.roleAssignment.create({ data: { personId: pa.id, role: 'POLICY_ADVISOR', scope: 'CITY', cityId: city.id } });
    const advisorB = await t.tokenFor({ email: 'beleid@bereikstad.example' });
    const yw = await prisma.person.create({ data: { name: 'Werker Bereik', email: 'werker@bereikstad.example', organisationId: org.id } });
    await prisma.roleAssignment.create({ data: { personId: yw.id, role: 'YOUTH_WORKER', scope: 'PARTNERSHIP', partnershipId: b!.id } });
    const ywToken = await t.tokenFor({ email: 'werker@bereikstad.example' });
    const youthA = [];
    for (const [pIndex, partnership] of [a!, b!].entries()) {
      for (let j = 0; j < 8; j++) {
        const y = await prisma.youth.create({ data: { code: `BR-${pIndex}-${j}`, schoolId: school.id } });
        if (pIndex === 0) youthA.push(y.id);
        await prisma.signal.create({
          // The last one in October: the school-year view then counts other records than the month (its own noise).
          data: { partnershipId: partnership.id, youthId: y.id, lifeDomain: 'SCHOOL', category: 'ATTENDANCE', ownerSide: 'YOUTH_WORK', sharedWith: 'YOUTH_WORK', reportedAt: j === 7 ? new Date(Date.UTC(2026, 9, 6, 9)) : new Date(Date.UTC(2026, 11, 1, 9 + j)) },
        });
      }
    }
    const reach = async () => {
      const r = await t.execute(REACH as never, { filter: { cityIds: [gid('City', city.id)] } } as never, { token: advisorB });
      expect((r as any).errors).toBeUndefined();
      const views = ['month', 'week', 'year'].map((v) => (r.data as any)[v].reach as { group: { value: string }[]; youngPeople: number | null }[]);
      // One string per partnership: its figure in each of the three views.
      const out = new Map<string, string>();
      for (const rows of views) for (const x of rows) out.set(x.group[0]!.value, `${out.get(x.group[0]!.value) ?? ''}|${x.youngPeople}`);
      return out;
    };
    let right = 0;
    const guesses: string[] = [];
    const cases = ['group', 'reached', 'group', 'reached', 'reached', 'group', 'reached', 'group'] as const;
    for (const [n, kind] of cases.entries()) {
      const before = await reach();
      const input = {
        partnershipId: gid('Partnership', b!.id), lifeDomain: 'SCHOOL', category: 'BULLYING', summary: `E8 ${n}`,
        ...(kind === 'group' ? { subject: 'GROUP' } : { youthId: gid('Youth', youthA[n]!) }),
      };
      const reported = await mutate(`mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`, { input }, ywToken);
      if (n < 2) {
        const seen = await t.execute(parse(`query ($id: ID!) { node(id: $id) { ... on Signal { access subject youth { id } } } }`) as never, { id: reported.reportSignal.signal.id } as never, { token: advisorB });
        expect((seen.data as any).node, 'the advisor knows the new signal as metadata only').toEqual({ access: 'METADATA', subject: null, youth: null });
      }
      const after = await reach();
      const movedA = before.get(gid('Partnership', a!.id)) !== after.get(gid('Partnership', a!.id));
      const movedB = before.get(gid('Partnership', b!.id)) !== after.get(gid('Partnership', b!.id));
      const guess = !movedA && !movedB ? 'group' : !movedA && movedB ? 'reached' : 'new young person';
      if (guess === kind) right++;
      guesses.push(`${kind}→${guess}`);
    }
    console.log('E8', JSON.stringify(guesses));
    // The advisor sees the new signal only as metadata (no subject, no young person), so a safe API leaves them guessing.
    expect(right, `told group vs already-reached young person for ${right} of ${cases.length} new signals`).toBeLessThan(cases.length * 0.8);
  });
});

describe('attack review 4, F2 on the demo data: the demo policy advisor of Amsterdam, a school year grouped by school and category', () => {
  it('E9: closing a demo signal (seen by the advisor as metadata) does not move only its own category row', async () => {
    const prisma = t.db.prisma;
    const candidates = await prisma.signal.findMany({
      where: { partnershipId: demo.partnerships.sloterplas.id, OR: [{ ownerSide: 'YOUTH_WORK' }, { sharedWith: { in: ['YOUTH_WORK', 'BOTH'] } }], status: { in: ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS'] }, reportedAt: { gte: new Date('2026-08-01') } },
      select: { id: true, category: true, version: true },
      take: 8,
      orderBy: { id: 'asc' },
    });
    expect(candidates.length).toBeGreaterThan(3);
    const table = async () => {
      const r = await t.execute(SIGNALS as never, { from: '2026-08-01', to: '2027-07-31', bucket: 'SCHOOL_YEAR', groupBy: ['SCHOOL', 'SIGNAL_CATEGORY'], filter: {}, w: 7 } as never, { token: demo.tokens.POLICY_ADVISOR });
      expect((r as any).errors).toBeUndefined();
      return new Map(((r.data as any).evaluation.signals as Row[]).map((row) => [keyOf(row), figures(row)]));
    };
    let told = 0;
    const log: string[] = [];
    for (const c of candidates) {
      const before = await table();
      await mutate(`mutation ($id: ID!, $v: Int!) { changeSignalStatus(input: { signalId: $id, status: CLOSED, expectedVersion: $v }) { signal { status } } }`, { id: gid('Signal', c.id), v: c.version }, demo.tokens.YOUTH_WORKER);
      const after = await table();
      const moved = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
      const school = gid('School', demo.partnerships.sloterplas.schoolId);
      if (moved.length > 0 && moved.every((k) => k === `${school}|${c.category}`)) told++;
      log.push(`${c.category}: moved ${moved.map((k) => k.split('|')[1]).join(',') || 'nothing'}`);
    }
    console.log('E9', told, 'of', candidates.length, JSON.stringify(log));
    // Safe: a change moves the noise of every cell of its city and year (or of none), so "only the
    // signal's own category row moved" would be a rare accident. Leaky: every time a row moves at all.
    expect(told, `category told for ${told} of ${candidates.length} demo signals`).toBeLessThanOrEqual(1);
  });
});

describe('attack review 4: who may ask for evaluation figures, exports, the audit log and data-subject reports', () => {
  it('H1: every role but admin, analyst and policy advisor, and every bad token, is refused everywhere', async () => {
    const prisma = t.db.prisma;
    const nobody = await prisma.person.create({ data: { name: 'Zonder Rol', email: 'zonderrol@proefstad.example' } });
    const secret = new TextEncoder().encode(t.config.jwt.secret);
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(demo.people.ADMIN).setIssuer(t.config.jwt.issuer).setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_100).sign(secret);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(demo.people.ADMIN).setIssuer(t.config.jwt.issuer).setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40)));
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: demo.people.ADMIN, iss: t.config.jwt.issuer, exp: 4_000_000_000 })).toString('base64url')}.`;
    const callers: [string, string | null][] = [
      ['YOUTH_WORKER', demo.tokens.YOUTH_WORKER], ['SCHOOL_CONTACT', demo.tokens.SCHOOL_CONTACT], ['MENTOR', demo.tokens.MENTOR],
      ['STUDENT_COUNSELLOR', demo.tokens.STUDENT_COUNSELLOR], ['no role', await t.tokenFor({ email: 'zonderrol@proefstad.example' })],
      ['anonymous', null], ['expired', expired], ['forged', forged], ['alg none', none],
    ];
    const youth = await prisma.youth.findFirstOrThrow({ select: { id: true } });
    const fetchAs = (path: string, token: string | null) => t.app.yoga.fetch(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const outcomes: string[] = [];
    for (const [who, token] of callers) {
      const ev = await t.execute(parse(`{ evaluation(from: "2026-08-01", to: "2027-07-31") { signals { count } reach { youngPeople } } }`) as never, {} as never, { token });
      const audit = await t.execute(parse(`{ auditEvents(first: 1) { totalCount } }`) as never, {} as never, { token });
      const codes = [ev, audit].map((r) => (r as any).errors?.[0]?.extensions?.code ?? 'DATA');
      const statuses = await Promise.all(
        ['/exports/evaluation-signals.csv?from=2026-08-01&to=2027-07-31', '/exports/signals.csv', '/exports/activities.csv', `/exports/data-subject/youth/${youth.id}.json`, `/exports/data-subject/person/${nobody.id}.json`].map(
          async (path) => (await fetchAs(path, token)).status,
        ),
      );
      outcomes.push(`${who}: ${codes.join(',')} ${statuses.join(',')}`);
      for (const code of codes) expect(['FORBIDDEN', 'UNAUTHENTICATED'], `${who}`).toContain(code);
      for (const status of statuses) expect([401, 403], `${who}`).toContain(status);
    }
    // Analysts and policy advisors: no row per signal, no audit log, no data-subject report.
    for (const token of [demo.tokens.ANALYST, demo.tokens.POLICY_ADVISOR, advisor]) {
      expect((await fetchAs('/exports/signals.csv', token)).status).toBe(403);
      expect((await fetchAs(`/exports/data-subject/youth/${youth.id}.json`, token)).status).toBe(403);
      expect(((await t.execute(parse(`{ auditEvents(first: 1) { totalCount } }`) as never, {} as never, { token })) as any).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('attack review 4, live: every role subscribed to one role-only document gets what its own query would show, or nothing', () => {
  it('L1: individual guidance logged; ws and SSE; advisors (twins), school staff, analysts, mentor, no role', async () => {
    const url = await liveUrl();
    const prisma = t.db.prisma;
    const sloterplas = demo.partnerships.sloterplas;
    const twin = await prisma.person.create({ data: { name: 'Tweede Beleid', email: 'tweede.beleid@amsterdam.example' } });
    await prisma.roleAssignment.create({ data: { personId: twin.id, role: 'POLICY_ADVISOR', scope: 'CITY', cityId: sloterplas.cityId } });
    await prisma.person.create({ data: { name: 'Niemand', email: 'niemand@amsterdam.example' } });
    const subscribers: [string, string][] = [
      ['POLICY_ADVISOR', demo.tokens.POLICY_ADVISOR],
      ['POLICY_ADVISOR twin', await t.tokenFor({ email: 'tweede.beleid@amsterdam.example' })],
      ['SCHOOL_CONTACT', demo.tokens.SCHOOL_CONTACT],
      ['STUDENT_COUNSELLOR', demo.tokens.STUDENT_COUNSELLOR],
      ['ANALYST', demo.tokens.ANALYST],
      ['city ANALYST', await t.tokenFor({ email: 'sanne.visser@amsterdam.gemeente.example' })],
      ['MENTOR', demo.tokens.MENTOR],
      ['no role', await t.tokenFor({ email: 'niemand@amsterdam.example' })],
    ];
    const selection = '__typename id kind notes themes hiddenFields partnership { name openSignalCount hiddenFields }';
    const doc = `subscription ($p: ID) { activityLogged(partnershipId: $p) { ${selection} } }`;
    const p = gid('Partnership', sloterplas.id);
    const connections = subscribers.map(([, token]) => wsConnect(url, token));
    try {
      const feeds: [string, string, Feed<unknown>][] = [];
      for (const [i, [who, token]] of subscribers.entries()) {
        feeds.push([`${who} ws`, token, connections[i]!.subscribe<unknown, unknown>(doc, { p })]);
        feeds.push([`${who} sse`, token, await sseSubscribe<unknown, unknown>(url, doc, { p }, token)]);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const youth = await prisma.youth.findFirstOrThrow({ where: { schoolId: sloterplas.schoolId }, select: { id: true } });
      const logged = await httpGraphql<any, unknown>(url, `mutation ($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }`, {
        input: { partnershipId: p, kind: 'INDIVIDUAL_GUIDANCE', startsAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, notes: 'L1 geheime notitie', themes: ['thuissituatie'], individualGuidance: { youthId: gid('Youth', youth.id) } },
      }, demo.tokens.YOUTH_WORKER);
      expect(logged.errors).toBeUndefined();
      const id = logged.data.logActivity.activity.id as string;
      const delivered: string[] = [];
      for (const [who, token, feed] of feeds) {
        const own = await httpGraphql<any, unknown>(url, `query ($id: ID!) { node(id: $id) { ... on Activity { ${selection} } } }`, { id }, token);
        const expected = own.data?.node ?? null;
        let got: unknown = null;
        try {
          got = (await nextResult(feed, expected ? 5_000 : 1_500)).data?.activityLogged ?? null;
        } catch {
          got = null;
        }
        expect(got, who).toEqual(expected);
        if (got) delivered.push(who);
        if (who.startsWith('POLICY_ADVISOR')) expect(got, who).toMatchObject({ notes: null, themes: [] });
      }
      expect(delivered.sort()).toEqual(['POLICY_ADVISOR sse', 'POLICY_ADVISOR twin sse', 'POLICY_ADVISOR twin ws', 'POLICY_ADVISOR ws', 'SCHOOL_CONTACT sse', 'SCHOOL_CONTACT ws', 'STUDENT_COUNSELLOR sse', 'STUDENT_COUNSELLOR ws']);
      await Promise.all(feeds.map(([, , f]) => f.close()));
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});

describe('attack review 4, live signals: every role gets what its own query shows, content reads audited per receiver', () => {
  it('L2: a mentor reports a school signal; ws subscribers of every role', async () => {
    const url = await liveUrl();
    const prisma = t.db.prisma;
    const sloterplas = demo.partnerships.sloterplas;
    const twin = await prisma.person.create({ data: { name: 'Tweede Contact', email: 'tweede.contact@sloterplas.example', schoolId: sloterplas.schoolId } });
    await prisma.roleAssignment.create({ data: { personId: twin.id, role: 'SCHOOL_CONTACT', scope: 'PARTNERSHIP', partnershipId: sloterplas.id } });
    const subscribers: [string, string, string][] = [
      ['YOUTH_WORKER', demo.tokens.YOUTH_WORKER, demo.people.YOUTH_WORKER],
      ['SCHOOL_CONTACT', demo.tokens.SCHOOL_CONTACT, demo.people.SCHOOL_CONTACT],
      ['SCHOOL_CONTACT twin', await t.tokenFor({ email: 'tweede.contact@sloterplas.example' }), twin.id],
      ['STUDENT_COUNSELLOR', demo.tokens.STUDENT_COUNSELLOR, demo.people.STUDENT_COUNSELLOR],
      ['MENTOR', demo.tokens.MENTOR, demo.people.MENTOR],
      ['POLICY_ADVISOR', demo.tokens.POLICY_ADVISOR, demo.people.POLICY_ADVISOR],
      ['ANALYST', demo.tokens.ANALYST, demo.people.ANALYST],
    ];
    const selection = 'id access status summary category subject urgency hiddenFields reportedBy { access name } partnership { openSignalCount }';
    const p = gid('Partnership', sloterplas.id);
    const connections = subscribers.map(([, token]) => wsConnect(url, token));
    try {
      const feeds = subscribers.map((_s, i) => connections[i]!.subscribe<unknown, unknown>(`subscription ($p: ID) { signalReported(partnershipId: $p) { ${selection} } }`, { p }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const reported = await httpGraphql<any, unknown>(url, `mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`, {
        input: { partnershipId: p, lifeDomain: 'HOME', category: 'HOME_SITUATION', summary: 'L2 zorg thuis', urgency: 'HIGH' },
      }, demo.tokens.MENTOR);
      expect(reported.errors).toBeUndefined();
      const id = reported.data.reportSignal.signal.id as string;
      const got: unknown[] = [];
      for (const [i, [who]] of subscribers.entries()) {
        try {
          got.push((await nextResult(feeds[i]!, who === 'YOUTH_WORKER' || who === 'ANALYST' ? 1_500 : 5_000)).data?.signalReported ?? null);
        } catch {
          got.push(null);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reads = await prisma.auditEvent.findMany({ where: { entityId: (Buffer.from(id, 'base64').toString().split(':')[1]), operation: 'READ' }, select: { actorId: true, fields: true } });
      for (const [i, [who, token, personId]] of subscribers.entries()) {
        const mine = reads.filter((r) => r.actorId === personId);
        const content = (got[i] as { access?: string } | null)?.access === 'FULL';
        expect(mine.length > 0, `${who}: audited read iff content received`).toBe(content);
        const own = await httpGraphql<any, unknown>(url, `query ($id: ID!) { node(id: $id) { ... on Signal { ${selection} } } }`, { id }, token);
        expect(got[i], who).toEqual(own.data?.node ?? null);
      }
      expect(got.map((g) => (g as { access?: string } | null)?.access ?? 'nothing')).toEqual(['nothing', 'FULL', 'FULL', 'FULL', 'FULL', 'METADATA', 'nothing']);
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});

describe('attack review 4: errors do not tell an invisible record from a missing one', () => {
  it('H2: a youth worker names records of another city, of the other side, and missing ones: the same error each time', async () => {
    const prisma = t.db.prisma;
    const ams = demo.partnerships.sloterplas;
    const arn = demo.partnerships.presik;
    const [arnYouth, arnSignal, arnActivity, arnPerson, schoolOnly] = await Promise.all([
      prisma.youth.findFirstOrThrow({ where: { schoolId: arn.schoolId }, select: { id: true } }),
      prisma.signal.findFirstOrThrow({ where: { partnershipId: arn.id }, select: { id: true } }),
      prisma.activity.findFirstOrThrow({ where: { partnershipId: arn.id }, select: { id: true } }),
      prisma.person.findFirstOrThrow({ where: { roleAssignments: { some: { partnershipId: arn.id } } }, select: { id: true } }),
      prisma.signal.findFirstOrThrow({ where: { partnershipId: ams.id, ownerSide: 'SCHOOL', sharedWith: 'SCHOOL' }, select: { id: true } }),
    ]);
    const p = gid('Partnership', ams.id);
    const startsAt = new Date(Date.now() - 3_600_000).toISOString();
    const probes: [string, string, (id: string) => Record<string, unknown>, string[]][] = [
      ['reportSignal youthId', `mutation ($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`, (id) => ({ i: { partnershipId: p, lifeDomain: 'SCHOOL', category: 'OTHER', summary: 'x', youthId: gid('Youth', id) } }), [arnYouth.id]],
      ['logActivity facilitatorIds', `mutation ($i: LogActivityInput!) { logActivity(input: $i) { activity { id } } }`, (id) => ({ i: { partnershipId: p, kind: 'BREAK_CONVERSATION', startsAt, durationMinutes: 5, facilitatorIds: [gid('Person', id)] } }), [arnPerson.id]],
      ['logActivity consultation signalIds', `mutation ($i: LogActivityInput!) { logActivity(input: $i) { activity { id } } }`, (id) => ({ i: { partnershipId: p, kind: 'CONSULTATION', startsAt, durationMinutes: 5, consultation: { signalIds: [gid('Signal', id)] } } }), [arnSignal.id, schoolOnly.id]],
      ['logActivity partnershipId', `mutation ($i: LogActivityInput!) { logActivity(input: $i) { activity { id } } }`, (id) => ({ i: { partnershipId: gid('Partnership', id), kind: 'BREAK_CONVERSATION', startsAt, durationMinutes: 5 } }), [arn.id]],
      ['addSignalFollowUp', `mutation ($i: AddSignalFollowUpInput!) { addSignalFollowUp(input: $i) { signal { id } } }`, (id) => ({ i: { signalId: gid('Signal', id), action: 'CONSULTED_PARTNER' } }), [arnSignal.id, schoolOnly.id]],
      ['changeSignalStatus', `mutation ($i: ChangeSignalStatusInput!) { changeSignalStatus(input: $i) { signal { id } } }`, (id) => ({ i: { signalId: gid('Signal', id), status: 'CLOSED', expectedVersion: 1 } }), [arnSignal.id, schoolOnly.id]],
      ['shareSignal', `mutation ($i: ShareSignalInput!) { shareSignal(input: $i) { signal { id } } }`, (id) => ({ i: { signalId: gid('Signal', id), sharedWith: 'BOTH', legalBasis: 'CONSENT', expectedVersion: 1 } }), [arnSignal.id, schoolOnly.id]],
      ['updateActivity', `mutation ($i: UpdateActivityInput!) { updateActivity(input: $i) { activity { id } } }`, (id) => ({ i: { activityId: gid('BreakConversation', id), expectedVersion: 1, durationMinutes: 7 } }), [arnActivity.id]],
      ['recordAssessment', `mutation ($i: RecordAssessmentInput!) { recordAssessment(input: $i) { assessment { id } } }`, (id) => ({ i: { partnershipId: gid('Partnership', id), assessedOn: '2026-11-01', scores: ['PARTNERSHIP', 'ALIGNMENT', 'VISIBILITY', 'ACCESSIBILITY', 'STRUCTURAL_FUNDING', 'MANAGEMENT_SUPPORT', 'FACILITATION'].map((element) => ({ element, score: 3 })) } }), [arn.id]],
      ['registerYouth', `mutation ($i: RegisterYouthInput!) { registerYouth(input: $i) { youth { id } } }`, (id) => ({ i: { partnershipId: gid('Partnership', id) } }), [arn.id]],
    ];
    const differences: string[] = [];
    for (const [name, doc, vars, ids] of probes) {
      const answer = async (id: string) => {
        const r = await t.execute(parse(doc) as never, vars(id) as never, { token: demo.tokens.YOUTH_WORKER });
        return JSON.stringify({ status: r.status, errors: (r as any).errors?.map((e: any) => ({ message: e.message.replaceAll(id, '<id>'), ext: { ...e.extensions, issues: undefined } })) }).replaceAll(MISSING_UUID, '<id>');
      };
      const missing = await answer(MISSING_UUID);
      if (name === 'recordAssessment') expect(missing).toContain('NOT_FOUND');
      for (const id of ids) {
        const got = await answer(id);
        if (got !== missing) differences.push(`${name}: invisible ${got} vs missing ${missing}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('attack review 4, F1 without the percentile values: the suppression flags are decided on perturbed counts', () => {
  it('E3d: where a category holds k − 1 closed signals in the partnership, the flags of medianHoursToClose do not single out x’s category between school and partnership', async () => {
    const prisma = t.db.prisma;
    const city = await prisma.city.create({ data: { name: 'Vlagstad', cbsCode: 'GM8406' } });
    const org = await prisma.youthWorkOrganisation.create({ data: { name: 'JW Vlagstad', cityId: city.id } });
    const pa = await prisma.person.create({ data: { name: 'Beleid Vlagstad', email: 'beleid@vlagstad.example' } });
    await prisma.roleAssignment.create({ data: { personId: pa.id, role: 'POLICY_ADVISOR', scope: 'CITY', cityId: city.id } });
    const token = await t.tokenFor({ email: 'beleid@vlagstad.example' });
    const schools: { school: string; big: string; xCat: Cat }[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const school = await prisma.school.create({ data: { name: `Vlagschool ${i}`, brinCode: `9V${String(i).padStart(2, '0')}`, cityId: city.id, schoolType: 'VMBO', enrolment: 500 } });
      const [big, small] = await Promise.all(
        [0, 1].map((k) => prisma.partnership.create({ data: { name: `Vlag ${i} ${k}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId: city.id, form: 'IN_SCHOOL', startsOn: new Date(Date.UTC(2020, 7, 1 + k)) } })),
      );
      const rows = [];
      for (const category of CATEGORIES) {
        for (let j = 0; j < 10; j++) {
          const reportedAt = new Date(Date.UTC(2026, 3, 1 + j, 9));
          // 4 closed (k − 1), 6 open, all followed up
          rows.push({ partnershipId: big!.id, lifeDomain: 'SCHOOL' as const, category, ownerSide: 'YOUTH_WORK' as const, sharedWith: 'YOUTH_WORK' as const, reportedAt, status: (j < 4 ? 'CLOSED' : 'IN_PROGRESS') as never, closedAt: j < 4 ? new Date(reportedAt.getTime() + hours(30 + j * 9 + i)) : null });
        }
      }
      const xCat = CATEGORIES[(i * 7) % 3 === 0 ? 0 : 1]!;
      const reportedAt = new Date(Date.UTC(2026, 3, 20, 9));
      rows.push({ partnershipId: small!.id, lifeDomain: 'SCHOOL' as const, category: xCat, ownerSide: 'YOUTH_WORK' as const, sharedWith: 'YOUTH_WORK' as const, reportedAt, status: 'CLOSED' as never, closedAt: new Date(reportedAt.getTime() + hours(77)) });
      await prisma.signal.createMany({ data: rows });
      schools.push({ school: school.id, big: big!.id, xCat });
    }
    const table = async (groupBy: string[]) => {
      const r = await t.execute(SIGNALS as never, { from: '2026-04-01', to: '2026-04-30', bucket: 'MONTH', groupBy, filter: { cityIds: [gid('City', city.id)] }, w: 7 } as never, { token });
      expect((r as any).errors).toBeUndefined();
      // Only the flags: which figures are suppressed, never their values.
      return new Map(((r.data as any).evaluation.signals as Row[]).map((row) => [keyOf(row), JSON.stringify([...row.suppressedFigures].sort())]));
    };
    const bySchool = await table(['SCHOOL', 'SIGNAL_CATEGORY']);
    const byPartnership = await table(['PARTNERSHIP', 'SIGNAL_CATEGORY']);
    let told = 0;
    for (const s of schools) {
      const differs = CATEGORIES.filter((c) => bySchool.get(`${gid('School', s.school)}|${c}`) !== byPartnership.get(`${gid('Partnership', s.big)}|${c}`));
      if (differs.length === 1 && differs[0] === s.xCat) told++;
    }
    console.log('E3d: told', told, 'of', TRIALS);
    expect(told, `x's category told by the flags alone for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });
});
