/**
 * Demo rounds of the partnership monitor (the Amsterdam study): each Amsterdam partnership scored
 * itself every four months, up to four rounds back from today (never before it started), recorded by
 * one of its youth workers, with scores that mostly improve from round to round and a short action
 * plan. Deterministic: the same demo data and `now` give the same rows.
 */
import type { Prisma } from '../src/generated/prisma/client.ts';
import { AssessmentElement } from '../src/generated/prisma/enums.ts';
import type { DemoData } from './seed.ts';

const DAY = 24 * 60 * 60 * 1000;
const ROUNDS = 4;
const EVERY_DAYS = 121;

/** A small deterministic generator (mulberry32), seeded per partnership. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const seedOf = (text: string) => [...text].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);

/** A UUIDv7 for `ms` with deterministic random bits. */
function uuidv7(ms: number, rng: ReturnType<typeof generator>) {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
  const ts = hex(Math.floor(ms), 12);
  const tail = hex(rng.int(0, 0xffffff), 6) + hex(rng.int(0, 0xffffff), 6);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${hex(rng.int(0, 0xfff), 3)}-${hex(0x8000 | rng.int(0, 0x3fff), 4)}-${tail}`;
}

const COMMENTS: Partial<Record<AssessmentElement, string[]>> = {
  ALIGNMENT: ['Overleg vaker gepland dan gehouden.', 'Vast aanspreekpunt werkt goed.'],
  VISIBILITY: ['Nog niet alle docenten kennen de jongerenwerker.', 'Voorstellen in de teamvergadering hielp.'],
  FACILITATION: ['Ruimte alleen op dinsdag beschikbaar.', 'Eigen ruimte sinds dit schooljaar.'],
};

const ACTION_PLANS = [
  'Jongerenwerker stelt zich voor in elke teamvergadering; overleg iedere twee weken vast inplannen.',
  'Afspraken over signalen delen vastleggen; directie spreekt steun uit in de nieuwsbrief.',
  'Ruimte vaker beschikbaar maken; mentoren informeren over wanneer zij jongerenwerk inschakelen.',
];

export interface MonitorRows {
  assessments: Prisma.PartnershipAssessmentCreateManyInput[];
  scores: Prisma.PartnershipAssessmentScoreCreateManyInput[];
}

/** The monitor rounds for the demo data ending `nowMs`. */
export function buildMonitorData(data: DemoData, nowMs: number): MonitorRows {
  const amsterdam = data.cities.find((c) => c.name === 'Amsterdam')?.id;
  const today = Date.UTC(new Date(nowMs).getUTCFullYear(), new Date(nowMs).getUTCMonth(), new Date(nowMs).getUTCDate());
  const out: MonitorRows = { assessments: [], scores: [] };
  for (const partnership of data.partnerships.filter((p) => p.cityId === amsterdam)) {
    const rng = generator(seedOf(partnership.name));
    const recorder = data.roleAssignments.find((r) => r.partnershipId === partnership.id && r.role === 'YOUTH_WORKER')?.personId ?? null;
    const startsOn = new Date(partnership.startsOn).getTime();
    const dates = Array.from({ length: ROUNDS }, (_, i) => today - (20 + i * EVERY_DAYS) * DAY)
      .filter((d) => d >= startsOn)
      .reverse();
    const base = Object.fromEntries(Object.values(AssessmentElement).map((e) => [e, rng.int(2, 3)])) as Record<AssessmentElement, number>;
    dates.forEach((assessedOn, i) => {
      const recordedAt = assessedOn + 15 * 60 * 60 * 1000;
      const id = uuidv7(recordedAt, rng);
      out.assessments.push({
        id,
        partnershipId: partnership.id!,
        round: i + 1,
        assessedOn: new Date(assessedOn),
        actionPlan: ACTION_PLANS[(i + rng.int(0, 2)) % ACTION_PLANS.length]!,
        recordedById: recorder,
        createdAt: new Date(recordedAt),
        updatedAt: new Date(recordedAt),
      });
      for (const element of Object.values(AssessmentElement)) {
        const score = Math.max(1, Math.min(5, base[element] + Math.floor(i / 2) + rng.int(-1, 1)));
        const comments = COMMENTS[element];
        out.scores.push({ assessmentId: id, element, score, comment: comments && rng.next() < 0.5 ? comments[rng.int(0, comments.length - 1)]! : null });
      }
    });
  }
  return out;
}

/** Writes the monitor rounds (in the seed's transaction); returns the number of assessments. */
export async function seedMonitor(tx: Prisma.TransactionClient, data: DemoData, nowMs: number): Promise<number> {
  const rows = buildMonitorData(data, nowMs);
  await tx.partnershipAssessment.createMany({ data: rows.assessments });
  await tx.partnershipAssessmentScore.createMany({ data: rows.scores });
  return rows.assessments.length;
}
