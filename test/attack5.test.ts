/**
 * Attack review 5 (on branch evalfix): probes written as an attacker would, each asserting what a
 * safe API gives, so a failing probe is a leak.
 *
 * Setup: TRIALS new schools in the demo city Amsterdam (the amsterdam plugin, with its groupable
 * signal field warmHandover, is enabled by default), March 2025 (no demo data then). Each school has
 * - "groot": 12 closed signals (6 ATTENDANCE, 6 BULLYING) followed up and closed at varied hours,
 *   8 of them about a young person (8 young people), no pilot values;
 * - "klein": ONE signal x, category alternating, warm handover JEUGDHULP (the only pilot value of the
 *   school); about a young person already reached by "groot" (i % 3 = 0), a new young person
 *   (i % 3 = 1) or no young person (subject GROUP, i % 3 = 2);
 * - "drie": 3 WELLBEING and 4 CONFLICT signals (cells of true size 3 and 4 at k = 5).
 * The attacker is the city's policy advisor (demo POLICY_ADVISOR), who knows signals as metadata.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;
let prisma: PrismaClient;
let cityId: string;
let advisor: string;
const TRIALS = 12;
const CATEGORIES = ['ATTENDANCE', 'BULLYING'] as const;
type Cat = (typeof CATEGORIES)[number];
type YouthCase = 'reached' | 'new' | 'group';

interface Trial {
  schoolId: string;
  big: string;
  small: string;
  three: string;
  x: { id: string; category: Cat; youth: YouthCase };
  /** An in-progress signal of "groot" without a first follow-up (hidden-change probe). */
  w: string;
}
const trials: Trial[] = [];
const hours = (h: number) => h * 3_600_000;
const FROM = '2025-03-01';
const TO = '2025-03-31';

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
  prisma = t.db.prisma;
  cityId = demo.cities['Amsterdam']!;
  advisor = demo.tokens.POLICY_ADVISOR;
  const org = await prisma.youthWorkOrganisation.create({ data: { name: 'Jongerenwerk Aanval 5', cityId } });
  let code = 0;
  for (let i = 0; i < TRIALS; i++) {
    const school = await prisma.school.create({
      data: { name: `Aanvalschool ${i}`, brinCode: `9A${String(i).padStart(2, '0')}`, cityId, schoolType: 'VMBO', enrolment: 400 },
    });
    const [big, small, three] = await Promise.all(
      ['groot', 'klein', 'drie'].map((n, k) =>
        prisma.partnership.create({
          data: { name: `Aanval ${i} ${n}`, schoolId: school.id, youthWorkOrganisationId: org.id, cityId, form: 'IN_SCHOOL', startsOn: new Date(Date.UTC(2020, 7, 1 + k)) },
        }),
      ),
    );
    const youths: string[] = [];
    for (let j = 0; j < 9; j++) youths.push((await prisma.youth.create({ data: { code: `A5-${i}-${code++}`, schoolId: school.id } })).id);
    const make = async (
      partnershipId: string,
      category: string,
      day: number,
      hour: number,
      followAfter: number | null,
      closeAfter: number | null,
      extra: Record<string, unknown> = {},
    ) => {
      const reportedAt = new Date(Date.UTC(2025, 2, day, hour));
      const s = await prisma.signal.create({
        data: {
          partnershipId,
          lifeDomain: 'SCHOOL',
          category: category as never,
          ownerSide: 'YOUTH_WORK',
          sharedWith: 'YOUTH_WORK',
          reportedAt,
          status: closeAfter === null ? 'IN_PROGRESS' : 'CLOSED',
          closedAt: closeAfter === null ? null : new Date(reportedAt.getTime() + hours(closeAfter)),
          ...extra,
        },
      });
      if (followAfter !== null) {
        await prisma.signalFollowUp.create({ data: { signalId: s.id, at: new Date(reportedAt.getTime() + hours(followAfter)), action: 'CONVERSATION_WITH_YOUTH' } });
      }
      return s.id;
    };
    for (let j = 0; j < 12; j++) {
      await make(big!.id, CATEGORIES[j % 2]!, 2 + j, 9, 3 + j * 7.3 + i, 50 + j * 13.1 + i, j < 8 ? { youthId: youths[j], subject: 'INDIVIDUAL' } : {});
    }
    const w = await make(big!.id, 'ATTENDANCE', 20, 9, null, null);
    const xCat = CATEGORIES[i % 2]!;
    const youth: YouthCase = (['reached', 'new', 'group'] as const)[i % 3]!;
    const link = youth === 'reached' ? { youthId: youths[0], subject: 'INDIVIDUAL' } : youth === 'new' ? { youthId: youths[8], subject: 'INDIVIDUAL' } : { subject: 'GROUP' };
    const x = await make(small!.id, xCat, 15, 11, 40 + i * 3.7, 200 + i * 11.3, { ...link, pilotData: { amsterdam: { warmHandover: 'JEUGDHULP' } } });
    for (let j = 0; j < 3; j++) await make(three!.id, 'WELLBEING', 3 + j, 10, 5 + j, 60 + j);
    for (let j = 0; j < 4; j++) await make(three!.id, 'CONFLICT', 8 + j, 10, 6 + j, 70 + j);
    trials.push({ schoolId: school.id, big: big!.id, small: small!.id, three: three!.id, x: { id: x, category: xCat, youth }, w });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const SIGNALS = `query ($from: Date!, $to: Date!, $groupBy: [EvaluationDimension!], $filter: EvaluationFilter) {
  evaluation(from: $from, to: $to, bucket: MONTH, groupBy: $groupBy, filter: $filter) {
    signals { group { dimension value } count followedUpWithinShare medianHoursToFirstFollowUp p90HoursToFirstFollowUp medianHoursToClose p90HoursToClose suppressedFigures }
  }
}`;
const REACH = `query ($from: Date!, $to: Date!, $groupBy: [EvaluationDimension!], $filter: EvaluationFilter) {
  evaluation(from: $from, to: $to, bucket: MONTH, groupBy: $groupBy, filter: $filter) {
    reach { group { dimension value } youngPeople enrolmentShare suppressed }
  }
}`;
type Group = { dimension: string; value: string | null }[];
type SignalRow = { group: Group; count: number | null; suppressedFigures: string[] } & Record<string, unknown>;
type ReachRow = { group: Group; youngPeople: number | null; enrolmentShare: number | null };

async function ask<R>(doc: string, family: 'signals' | 'reach', groupBy: string[], filter: Record<string, string[]> = {}, token = advisor): Promise<R[]> {
  const r = await t.execute(parse(doc) as never, { from: FROM, to: TO, groupBy, filter: { cityIds: [gid('City', cityId)], ...filter } } as never, { token });
  expect((r as { errors?: unknown }).errors, JSON.stringify((r as { errors?: unknown }).errors)).toBeUndefined();
  return (r.data as any).evaluation[family] as R[];
}
const keyOf = (r: { group: Group }) => r.group.map((g) => g.value).join('|');
const signalFigures = (r: SignalRow | undefined) =>
  r ? JSON.stringify([r.count, r.followedUpWithinShare, r.medianHoursToFirstFollowUp, r.p90HoursToFirstFollowUp, r.medianHoursToClose, r.p90HoursToClose, r.suppressedFigures]) : 'none';

describe('attack review 5: siblings of F1–F3 on the fixed evaluation', () => {
  it('A1: [SCHOOL, SIGNAL_CATEGORY] vs [SCHOOL, SIGNAL_CATEGORY, AMSTERDAM_WARM_HANDOVER] does not tell the category of the one handed-over signal', async () => {
    // Category and a signal plugin field are both "unknown" dimensions, so they share one group: the
    // cell (S, c) and (S, c, null) hold the same records, group and population (same key, same
    // figures) for every category but the handed-over signal's.
    const a = new Map((await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY'])).map((r) => [keyOf(r), r]));
    const b = new Map((await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY', 'AMSTERDAM_WARM_HANDOVER'])).map((r) => [keyOf(r), r]));
    let told = 0;
    for (const tr of trials) {
      const s = gid('School', tr.schoolId);
      const differs = CATEGORIES.filter((c) => signalFigures(a.get(`${s}|${c}`)) !== signalFigures(b.get(`${s}|${c}|`)) );
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    console.log('A1: told', told, 'of', TRIALS);
    expect(told, `the handed-over signal's category told for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });

  it('A2: reach [SCHOOL] vs [PARTNERSHIP] does not tell whether the small partnership’s one signal is about a new young person', async () => {
    // Reach cells have no group key: S and "groot" hold the same young people (same key, same
    // figures) unless x is about a young person "groot" did not reach.
    const bySchool = new Map((await ask<ReachRow>(REACH, 'reach', ['SCHOOL'])).map((r) => [keyOf(r), r]));
    const byPartnership = new Map((await ask<ReachRow>(REACH, 'reach', ['PARTNERSHIP'])).map((r) => [keyOf(r), r]));
    let told = 0;
    let sameWhenNotNew = 0;
    const detail: string[] = [];
    for (const tr of trials) {
      const s = bySchool.get(gid('School', tr.schoolId));
      const p = byPartnership.get(gid('Partnership', tr.big));
      const same = JSON.stringify([s?.youngPeople, s?.enrolmentShare]) === JSON.stringify([p?.youngPeople, p?.enrolmentShare]);
      detail.push(`${tr.x.youth}:${s?.youngPeople}/${p?.youngPeople}`);
      // Guess: same → x reaches nobody new (already reached, or a group signal); differs → a new young person.
      if (same === (tr.x.youth !== 'new')) told++;
      if (same && tr.x.youth !== 'new') sameWhenNotNew++;
    }
    const notNew = trials.filter((tr) => tr.x.youth !== 'new').length;
    console.log('A2: told', told, 'of', TRIALS, '; S ≡ groot in', sameWhenNotNew, 'of', notNew, 'schools where x reaches nobody new;', detail.join(' '));
    // Independent draws: S and "groot" would show the same count about 1 time in 4. Leaky: every time.
    expect(sameWhenNotNew, `S and groot identical in ${sameWhenNotNew} of ${notNew}: x reaches nobody new`).toBeLessThan(notNew * 0.75);
  });

  it('A3: no shown count rests on fewer than City.minCellSize true signals (cells of 3 and 4 at k = 5)', async () => {
    const rows = await ask<SignalRow>(SIGNALS, 'signals', ['PARTNERSHIP', 'SIGNAL_CATEGORY']);
    const shownSmall: string[] = [];
    for (const tr of trials) {
      for (const [c, n] of [['WELLBEING', 3], ['CONFLICT', 4]] as const) {
        const r = rows.find((x) => keyOf(x) === `${gid('Partnership', tr.three)}|${c}`);
        if (r && r.count !== null) shownSmall.push(`${c} (true ${n}) shown as ${r.count}`);
      }
    }
    // The advisor knows "drie" has 7 signals (metadata); a shown (drie, WELLBEING) = 5 says 3 of them are WELLBEING.
    console.log('A3: shown cells below k:', shownSmall.length, shownSmall.join('; '));
    expect(shownSmall, 'cells of fewer than k signals are shown').toEqual([]);
  });

  it('A4: with minCellSize 3 and maxPerturbation 5 (both allowed), a cell of ONE signal is not shown', async () => {
    await prisma.city.update({ where: { id: cityId }, data: { minCellSize: 3, maxPerturbation: 5 } });
    try {
      const rows = await ask<SignalRow>(SIGNALS, 'signals', ['PARTNERSHIP', 'SIGNAL_CATEGORY']);
      const told = trials.filter((tr) => rows.some((r) => keyOf(r) === `${gid('Partnership', tr.small)}|${tr.x.category}` && r.count !== null));
      console.log('A4: single-signal cells shown (category told):', told.length, 'of', TRIALS);
      expect(told.length, 'x alone in its partnership, and its category shown').toBe(0);
    } finally {
      await prisma.city.update({ where: { id: cityId }, data: { minCellSize: 5, maxPerturbation: 2 } });
    }
  });
  it('A5: an edit of a pilot field no figure shows (amsterdam handoverOn) does not redraw the advisor’s table', async () => {
    // The population key hashes the whole pilotData, groupable or not; the advisor sees signals as
    // metadata only (no pilot values, no updatedAt), so a moving table tells them a hidden edit happened.
    const before = JSON.stringify(await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY']));
    let moved = 0;
    for (const [i, tr] of trials.entries()) {
      await prisma.signal.update({ where: { id: tr.x.id }, data: { pilotData: { amsterdam: { warmHandover: 'JEUGDHULP', handoverOn: `2025-03-${String(16 + i).padStart(2, '0')}` } } } });
      const after = JSON.stringify(await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY']));
      if (after !== before) moved++;
      await prisma.signal.update({ where: { id: tr.x.id }, data: { pilotData: { amsterdam: { warmHandover: 'JEUGDHULP' } } } });
    }
    console.log('A5: table moved after a handoverOn edit in', moved, 'of', TRIALS);
    expect(moved, 'a hidden, unshown edit redraws the table').toBe(0);
  });

  it('A6: the exports give A1 too (schoolId=S; groupBy SIGNAL_CATEGORY vs SIGNAL_CATEGORY + AMSTERDAM_WARM_HANDOVER)', async () => {
    const get = (path: string) => t.app.yoga.fetch(`http://test${path}`, { headers: { authorization: `Bearer ${advisor}` } });
    const ndjson = async (query: string) => {
      const response = await get(`/exports/evaluation-signals.ndjson?from=${FROM}&to=${TO}&bucket=MONTH&${query}`);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      return text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const figs = (r: Record<string, unknown> | undefined) =>
      r ? JSON.stringify(Object.entries(r).filter(([k]) => /count|share|median|p90|suppress/i.test(k)).sort()) : 'none';
    let told = 0;
    for (const tr of trials) {
      const school = `schoolId=${encodeURIComponent(gid('School', tr.schoolId))}`;
      const a = await ndjson(`groupBy=SIGNAL_CATEGORY&${school}`);
      const b = await ndjson(`groupBy=SIGNAL_CATEGORY&groupBy=AMSTERDAM_WARM_HANDOVER&${school}`);
      const row = (rows: Record<string, unknown>[], c: string) => rows.find((x) => Object.values(x).includes(c) && !Object.values(x).includes('JEUGDHULP'));
      const differs = CATEGORIES.filter((c) => figs(row(a, c)) !== figs(row(b, c)));
      if (differs.length === 1 && differs[0] === tr.x.category) told++;
    }
    console.log('A6: told', told, 'of', TRIALS);
    expect(told, `the handed-over signal's category told through the export for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });
  it('A8: an analyst (no row-level access at all) gets A1 and A2 too', async () => {
    const analyst = demo.tokens.ANALYST;
    const a = new Map((await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY'], {}, analyst)).map((r) => [keyOf(r), r]));
    const b = new Map((await ask<SignalRow>(SIGNALS, 'signals', ['SCHOOL', 'SIGNAL_CATEGORY', 'AMSTERDAM_WARM_HANDOVER'], {}, analyst)).map((r) => [keyOf(r), r]));
    const bySchool = new Map((await ask<ReachRow>(REACH, 'reach', ['SCHOOL'], {}, analyst)).map((r) => [keyOf(r), r]));
    const byPartnership = new Map((await ask<ReachRow>(REACH, 'reach', ['PARTNERSHIP'], {}, analyst)).map((r) => [keyOf(r), r]));
    let toldCategory = 0;
    let sameWhenNotNew = 0;
    for (const tr of trials) {
      const s = gid('School', tr.schoolId);
      const differs = CATEGORIES.filter((c) => signalFigures(a.get(`${s}|${c}`)) !== signalFigures(b.get(`${s}|${c}|`)));
      if (differs.length === 1 && differs[0] === tr.x.category) toldCategory++;
      const rs = bySchool.get(s);
      const rp = byPartnership.get(gid('Partnership', tr.big));
      if (tr.x.youth !== 'new' && rs?.youngPeople === rp?.youngPeople) sameWhenNotNew++;
    }
    const notNew = trials.filter((tr) => tr.x.youth !== 'new').length;
    console.log('A8 (analyst): category told', toldCategory, 'of', TRIALS, '; reach S ≡ groot', sameWhenNotNew, 'of', notNew);
    expect(toldCategory).toBeLessThan(TRIALS * 0.8);
    expect(sameWhenNotNew).toBeLessThan(notNew * 0.75);
  });

  // G3 is open (needs a design decision: settled or frozen buckets, snapshots, a per-viewer budget); this
  // probe fails until then (told 11–12 of 12). Run it with it.skip removed.
  it.skip('A7: averaging the draws that ordinary state changes give does not bring back "school minus its big partnership" (x’s category)', async () => {
    // Every state change in the city and month redraws every cell (the F2 fix). An advisor who just
    // polls [SCHOOL, CATEGORY] and [PARTNERSHIP, CATEGORY] after each change averages the shown
    // counts, which do not change (n is the same), to the true counts, and differences them.
    const sums = new Map<string, { total: number; draws: number }>();
    const observe = async () => {
      for (const groupBy of [['SCHOOL', 'SIGNAL_CATEGORY'], ['PARTNERSHIP', 'SIGNAL_CATEGORY']]) {
        for (const r of await ask<SignalRow>(SIGNALS, 'signals', groupBy)) {
          if (r.count === null) continue;
          const e = sums.get(keyOf(r)) ?? { total: 0, draws: 0 };
          e.total += r.count;
          e.draws++;
          sums.set(keyOf(r), e);
        }
      }
    };
    await observe();
    // Ordinary work on the in-progress signals w (one per school, written with Prisma for speed; the
    // mutations write the same columns): a first follow-up, a closing, a reopening (ACKNOWLEDGED).
    let changes = 0;
    for (const tr of trials) {
      await prisma.signalFollowUp.create({ data: { signalId: tr.w, at: new Date(Date.UTC(2025, 2, 21, 9)), action: 'CONVERSATION_WITH_YOUTH' } });
      changes++;
      await observe();
    }
    for (const tr of trials) {
      await prisma.signal.update({ where: { id: tr.w }, data: { status: 'CLOSED', closedAt: new Date(Date.UTC(2025, 2, 25, 9)) } });
      changes++;
      await observe();
    }
    for (const tr of trials) {
      await prisma.signal.update({ where: { id: tr.w }, data: { status: 'ACKNOWLEDGED', closedAt: null } });
      changes++;
      await observe();
    }
    const mean = (k: string) => {
      const e = sums.get(k);
      return e ? e.total / e.draws : Number.NaN;
    };
    let told = 0;
    const detail: string[] = [];
    for (const tr of trials) {
      const diff = CATEGORIES.map((c) => mean(`${gid('School', tr.schoolId)}|${c}`) - mean(`${gid('Partnership', tr.big)}|${c}`));
      const guess = diff[0]! > diff[1]! ? CATEGORIES[0] : CATEGORIES[1];
      detail.push(diff.map((d) => d.toFixed(2)).join('/'));
      if (guess === tr.x.category) told++;
    }
    console.log('A7: after', changes, 'state changes, told', told, 'of', TRIALS, detail.join(' '));
    expect(told, `x's category told by averaging for ${told} of ${TRIALS} schools`).toBeLessThan(TRIALS * 0.8);
  });
});
