/**
 * The partnership monitor: recording and correcting rounds (with optimistic versions), the rules on
 * scores, who may record and read them, and analysts seeing the scores only through `evaluation`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentElement } from '../src/generated/prisma/enums.ts';
import {
  EvaluationMonitorDocument,
  PartnershipAssessmentsDocument,
  RecordAssessmentDocument,
  type RecordAssessmentMutationVariables,
  UpdateAssessmentDocument,
} from './generated/graphql.ts';
import { createTestApp, type TestApp } from './support/app.ts';
import { type Demo, expectError, gid, loadDemo } from './support/fixtures.ts';

let t: TestApp;
let demo: Demo;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t);
});
afterAll(async () => {
  await t?.close();
});

const ELEMENTS: AssessmentElement[] = ['PARTNERSHIP', 'ALIGNMENT', 'VISIBILITY', 'ACCESSIBILITY', 'STRUCTURAL_FUNDING', 'MANAGEMENT_SUPPORT', 'FACILITATION'];
const allScores = (score: number) => ELEMENTS.map((element) => ({ element, score }));
const sloterplas = () => gid('Partnership', demo.partnerships.sloterplas.id);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Rows of both monitor tables, for "writes nothing". */
const monitorRows = async () => [await t.db.prisma.partnershipAssessment.count(), await t.db.prisma.partnershipAssessmentScore.count(), (await t.db.prisma.partnershipAssessment.aggregate({ _sum: { version: true } }))._sum.version];

describe('round trip', () => {
  it('records the next round, reads it back on the partnership, corrects it with the current version, and refuses a stale one', async () => {
    const before = await t.db.prisma.partnershipAssessment.count({ where: { partnershipId: demo.partnerships.sloterplas.id } });
    const recorded = await t.execute(
      RecordAssessmentDocument,
      {
        input: {
          partnershipId: sloterplas(),
          assessedOn: yesterday(),
          scores: ELEMENTS.map((element, i) => ({ element, score: (i % 5) + 1, comment: element === 'VISIBILITY' ? '  Docenten kennen ons nu.  ' : null })),
          actionPlan: 'Elke maand een gezamenlijk overleg.',
        },
      },
      { token: demo.tokens.YOUTH_WORKER },
    );
    expect(recorded.errors).toBeUndefined();
    const assessment = recorded.data!.recordAssessment.assessment!;
    expect(assessment).toMatchObject({
      round: before + 1,
      assessedOn: yesterday(),
      actionPlan: 'Elke maand een gezamenlijk overleg.',
      version: 1,
      recordedBy: { id: gid('Person', demo.people.YOUTH_WORKER) },
      partnership: { id: sloterplas() },
    });
    expect(assessment.scores).toEqual(ELEMENTS.map((element, i) => ({ element, score: (i % 5) + 1, comment: element === 'VISIBILITY' ? 'Docenten kennen ons nu.' : null })));

    // The school side reads it on the partnership.
    const read = await t.execute(PartnershipAssessmentsDocument, { id: sloterplas() }, { token: demo.tokens.SCHOOL_CONTACT });
    const rounds = (read.data!.node as { assessments: { id: string; round: number }[] }).assessments;
    expect(rounds.map((a) => a.round)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect(rounds.at(-1)!.id).toBe(assessment.id);

    const updated = await t.execute(
      UpdateAssessmentDocument,
      { input: { assessmentId: assessment.id, expectedVersion: 1, scores: allScores(4), actionPlan: null } },
      { token: demo.tokens.STUDENT_COUNSELLOR },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAssessment.assessment).toMatchObject({ version: 2, actionPlan: null, assessedOn: yesterday(), scores: allScores(4).map((s) => ({ ...s, comment: null })) });

    const rows = await monitorRows();
    expectError(await t.execute(UpdateAssessmentDocument, { input: { assessmentId: assessment.id, expectedVersion: 1, scores: allScores(1) } }, { token: demo.tokens.YOUTH_WORKER }), {
      code: 'CONFLICT',
      field: 'input.expectedVersion',
    });
    expect(await monitorRows()).toEqual(rows);
  });
});

describe('input rules', () => {
  const cases: [string, Partial<RecordAssessmentMutationVariables['input']>, { field: string; rule: string }][] = [
    ['a score above 5', { scores: [{ element: 'PARTNERSHIP', score: 6 }, ...allScores(3).slice(1)] }, { field: 'input.scores.0.score', rule: 'max' }],
    ['a score below 1', { scores: [...allScores(3).slice(0, 6), { element: 'FACILITATION', score: 0 }] }, { field: 'input.scores.6.score', rule: 'min' }],
    ['an element left out', { scores: allScores(3).slice(1) }, { field: 'input.scores', rule: 'complete' }],
    ['an element twice', { scores: [...allScores(3), { element: 'ALIGNMENT', score: 2 }] }, { field: 'input.scores.7.element', rule: 'unique' }],
    ['a date in the future', { assessedOn: '2999-01-01' }, { field: 'input.assessedOn', rule: 'notFuture' }],
    ['a comment that is too long', { scores: [{ element: 'PARTNERSHIP', score: 3, comment: 'x'.repeat(1001) }, ...allScores(3).slice(1)] }, { field: 'input.scores.0.comment', rule: 'maxLength' }],
    ['an action plan that is too long', { actionPlan: 'x'.repeat(5001) }, { field: 'input.actionPlan', rule: 'maxLength' }],
    ['the ID of something else', { partnershipId: 'A_SCHOOL_ID' }, { field: 'input.partnershipId', rule: 'globalId' }],
  ];
  it.each(cases)('refuses %s, writing nothing', async (_name, change, expected) => {
    const rows = await monitorRows();
    const input = { partnershipId: sloterplas(), assessedOn: yesterday(), scores: allScores(3), ...change };
    if (input.partnershipId === 'A_SCHOOL_ID') input.partnershipId = gid('School', demo.partnerships.sloterplas.schoolId);
    expectError(await t.execute(RecordAssessmentDocument, { input }, { token: demo.tokens.YOUTH_WORKER }), { code: 'BAD_USER_INPUT', ...expected });
    expect(await monitorRows()).toEqual(rows);
  });
});

describe('who may record and read', () => {
  it('refuses mentors, analysts and policy advisors (FORBIDDEN) and people of other partnerships (NOT_FOUND)', async () => {
    const rows = await monitorRows();
    const input = { partnershipId: sloterplas(), assessedOn: yesterday(), scores: allScores(3) };
    for (const role of ['MENTOR', 'ANALYST', 'POLICY_ADVISOR'] as const) {
      expectError(await t.execute(RecordAssessmentDocument, { input }, { token: demo.tokens[role] }), { code: 'FORBIDDEN' });
    }
    const presik = { ...input, partnershipId: gid('Partnership', demo.partnerships.presik.id) };
    expectError(await t.execute(RecordAssessmentDocument, { input: presik }, { token: demo.tokens.YOUTH_WORKER }), { code: 'NOT_FOUND', field: 'input.partnershipId' });
    const someone = await t.db.prisma.partnershipAssessment.findFirstOrThrow({ where: { partnershipId: demo.partnerships.gaasperpoort.id } });
    expectError(
      await t.execute(UpdateAssessmentDocument, { input: { assessmentId: gid('PartnershipAssessment', someone.id), expectedVersion: someone.version, scores: allScores(1) } }, { token: demo.tokens.YOUTH_WORKER }),
      { code: 'NOT_FOUND', field: 'input.assessmentId' },
    );
    expect(await monitorRows()).toEqual(rows);
  });

  it('lets admins record in any partnership', async () => {
    const result = await t.execute(
      RecordAssessmentDocument,
      { input: { partnershipId: gid('Partnership', demo.partnerships.presik.id), assessedOn: yesterday(), scores: allScores(2) } },
      { token: demo.tokens.ADMIN },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAssessment.assessment).toMatchObject({ round: 1, recordedBy: { id: gid('Person', demo.people.ADMIN) } });
  });

  it('shows comments and action plans to the partnership only: analysts and policy advisors get them hidden (NEED_TO_KNOW), and the scores through evaluation', async () => {
    for (const role of ['ANALYST', 'POLICY_ADVISOR'] as const) {
      const read = await t.execute(PartnershipAssessmentsDocument, { id: sloterplas() }, { token: demo.tokens[role] });
      expect(read.errors).toBeUndefined();
      expect(read.data!.node).toEqual({ id: sloterplas(), assessments: null });
      expect(read.extensions?.hiddenFields).toMatchObject({ code: 'NEED_TO_KNOW', paths: [['node', 'assessments']] });
    }
    const scores = await t.db.prisma.partnershipAssessmentScore.findMany({
      where: { element: 'ALIGNMENT', assessment: { partnershipId: demo.partnerships.sloterplas.id } },
      select: { score: true },
    });
    // The last five school years (ranges cover whole buckets: 1 August to 31 July).
    const now = new Date();
    const schoolYear = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const result = await t.execute(
      EvaluationMonitorDocument,
      { from: `${schoolYear - 4}-08-01`, to: `${schoolYear + 1}-07-31`, bucket: 'SCHOOL_YEAR', groupBy: ['PARTNERSHIP'], filter: { partnershipIds: [sloterplas()] } },
      { token: demo.tokens.POLICY_ADVISOR },
    );
    expect(result.errors).toBeUndefined();
    const alignment = result.data!.evaluation!.monitor.filter((r) => r.element === 'ALIGNMENT');
    expect(alignment.reduce((n, r) => n + r.assessments, 0)).toBe(scores.length);
    expect(JSON.stringify(result.data)).not.toMatch(/comment|actionPlan|recordedBy/);
  });
});
