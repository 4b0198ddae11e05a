import { z } from 'zod';
import { ASSESSMENT_RECORDERS, assessmentWhere, canReadAssessmentsOf } from '../auth/policy.ts';
import { builder } from '../builder.ts';
import { notFound, staleVersion } from '../errors.ts';
import { AssessmentElement } from '../generated/prisma/enums.ts';
import { freeText, globalId, parseInput, uuidOrNil } from '../validation.ts';
import { requireRoleIn, written } from './guards.ts';

/** The lowest and highest score of the monitor: a five-point scale, as in the Amsterdam study's rounds. */
export const SCORE_SCALE = { min: 1, max: 5 } as const;

export const AssessmentElementEnum = builder.enumType(AssessmentElement, {
  name: 'AssessmentElement',
  description: 'What the partnership monitor scores: the werkzame elementen and the randvoorwaarden (preconditions).',
  values: {
    PARTNERSHIP: { description: 'Werkzaam element: equal partners, one goal, clear roles (partnerschap).' },
    ALIGNMENT: { description: 'Werkzaam element: regular consultation and shared signals, a fixed contact person (afstemming).' },
    VISIBILITY: { description: "Werkzaam element: students and staff know youth work's role and presence (bekendheid)." },
    ACCESSIBILITY: { description: 'Werkzaam element: students and teachers reach youth work easily (toegankelijkheid).' },
    STRUCTURAL_FUNDING: { description: 'Precondition: long-term funding (structurele financiering).' },
    MANAGEMENT_SUPPORT: { description: 'Precondition: management endorses the collaboration (draagvlak).' },
    FACILITATION: { description: 'Precondition: a fixed contact person and rooms made available (facilitering).' },
  } as const,
});

const AssessmentScore = builder.prismaObject('PartnershipAssessmentScore', {
  name: 'AssessmentScore',
  fields: (t) => ({
    element: t.expose('element', { type: AssessmentElementEnum }),
    score: t.exposeInt('score', { description: `${SCORE_SCALE.min} (not in place) to ${SCORE_SCALE.max} (fully in place).` }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

export const AssessmentRef = builder.prismaNode('PartnershipAssessment', {
  id: { field: 'id' },
  nullable: true,
  description:
    "One round of the partnership monitor: youth work and the school score their collaboration and agree an action plan. Readable by the partnership's people; " +
    'analysts and policy advisors get the scores only, aggregated, through `evaluation`.',
  findUnique: (id, ctx) => ({ id: uuidOrNil(id), AND: [assessmentWhere(ctx.viewer)] }),
  fields: (t) => ({
    partnership: t.relation('partnership'),
    round: t.exposeInt('round', { description: '1 for the first assessment of the partnership, then 2, 3, …' }),
    assessedOn: t.expose('assessedOn', { type: 'Date' }),
    scores: t.relation('scores', { query: { orderBy: { element: 'asc' } }, description: 'One score per element.' }),
    actionPlan: t.exposeString('actionPlan', { nullable: true }),
    recordedBy: t.relation('recordedBy', { nullable: true }),
    version: t.exposeInt('version', { description: 'Pass as `expectedVersion` when updating.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Partnership', 'assessments', (t) =>
  t.field({
    type: [AssessmentRef],
    nullable: true,
    description:
      "The partnership monitor's rounds, oldest first, for the partnership's people and admins. Anyone else who sees the partnership gets null " +
      '(NEED_TO_KNOW); analysts and policy advisors get the scores through `evaluation`.',
    select: (_args, _ctx, nestedSelection) => ({ assessments: nestedSelection({ orderBy: { round: 'asc' } }) }),
    resolve: (partnership, _args, ctx, info) => {
      if (canReadAssessmentsOf(ctx.viewer, partnership.id)) return partnership.assessments;
      ctx.hidden.hide(info);
      return null;
    },
  }),
);

// --- writes ---

const ScoreInput = builder.inputType('AssessmentScoreInput', {
  fields: (t) => ({
    element: t.field({ type: AssessmentElementEnum, required: true }),
    score: t.int({ required: true, description: `${SCORE_SCALE.min}–${SCORE_SCALE.max}.` }),
    comment: t.string({ description: 'Why this score (at most 1,000 characters).' }),
  }),
});

const ELEMENTS = Object.values(AssessmentElement);

const scoresRule = z
  .array(
    z.object({
      element: z.enum(AssessmentElement),
      score: z.number().int().min(SCORE_SCALE.min).max(SCORE_SCALE.max),
      comment: freeText(1000).nullish(),
    }),
  )
  .superRefine((scores, ctx) => {
    const seen = new Set<string>();
    scores.forEach((s, i) => {
      if (seen.has(s.element)) ctx.addIssue({ code: 'custom', path: [i, 'element'], message: 'must score each element once', params: { rule: 'unique' } });
      seen.add(s.element);
    });
    const missing = ELEMENTS.filter((e) => !seen.has(e));
    if (missing.length) ctx.addIssue({ code: 'custom', message: `must score every element; missing ${missing.join(', ')}`, params: { rule: 'complete' } });
  });

const assessedOnRule = z.date().refine((d) => d.getTime() <= Date.now() + 24 * 3600 * 1000, {
  message: 'must not be in the future',
  params: { rule: 'notFuture' },
});

const RecordAssessmentInput = builder.inputType('RecordAssessmentInput', {
  description: 'A new round of the partnership monitor; it gets the next round number of the partnership.',
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    assessedOn: t.field({ type: 'Date', required: true }),
    scores: t.field({ type: [ScoreInput], required: true, description: 'Every element exactly once.' }),
    actionPlan: t.string({ description: 'What the partners agreed to improve (at most 5,000 characters).' }),
  }),
});

const UpdateAssessmentInput = builder.inputType('UpdateAssessmentInput', {
  description: 'Corrects an assessment. Fields left out keep their value; scores, when given, replace all scores.',
  fields: (t) => ({
    assessmentId: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    assessedOn: t.field({ type: 'Date' }),
    scores: t.field({ type: [ScoreInput] }),
    actionPlan: t.string(),
  }),
});

const recordSchema = z.object({
  partnershipId: globalId('Partnership'),
  assessedOn: assessedOnRule,
  scores: scoresRule,
  actionPlan: freeText(5000).nullish(),
});

const updateSchema = z.object({
  assessmentId: globalId('PartnershipAssessment'),
  expectedVersion: z.number().int().min(1),
  assessedOn: assessedOnRule.nullish().refine((v) => v !== null, { message: 'cannot be cleared', params: { rule: 'notNull' } }),
  scores: scoresRule.nullish().refine((v) => v !== null, { message: 'cannot be cleared', params: { rule: 'notNull' } }),
  actionPlan: freeText(5000).nullish(),
});

const AssessmentPayload = (name: string) =>
  builder.objectRef<{ assessmentId: string }>(name).implement({
    fields: (t) => ({
      assessment: t.prismaField({
        type: AssessmentRef,
        resolve: (query, p, _args, ctx) =>
          written('Assessment', ctx.prisma.partnershipAssessment.findFirst({ ...query, where: { id: p.assessmentId, AND: [assessmentWhere(ctx.viewer)] } })),
      }),
    }),
  });

builder.mutationField('recordAssessment', (t) =>
  t.field({
    type: AssessmentPayload('RecordAssessmentPayload'),
    description: 'Records a round of the partnership monitor (youth workers, school contacts and student counsellors of the partnership; admins).',
    args: { input: t.arg({ type: RecordAssessmentInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(recordSchema, args.input);
      const partnership = await requireRoleIn(ctx, input.partnershipId, ASSESSMENT_RECORDERS, 'input.partnershipId');
      // The next round number; two recorders at once: one gets a CONFLICT (unique partnership × round).
      const assessment = await ctx.prisma.$transaction(async (tx) => {
        const last = await tx.partnershipAssessment.findFirst({
          where: { partnershipId: partnership.id },
          orderBy: { round: 'desc' },
          select: { round: true },
        });
        return tx.partnershipAssessment.create({
          data: {
            partnershipId: partnership.id,
            round: (last?.round ?? 0) + 1,
            assessedOn: input.assessedOn,
            actionPlan: input.actionPlan ?? null,
            recordedById: ctx.viewer.personId,
            scores: { create: input.scores.map((s) => ({ element: s.element, score: s.score, comment: s.comment ?? null })) },
          },
          select: { id: true },
        });
      });
      return { assessmentId: assessment.id };
    },
  }),
);

builder.mutationField('updateAssessment', (t) =>
  t.field({
    type: AssessmentPayload('UpdateAssessmentPayload'),
    description: 'Corrects a round of the partnership monitor (the same people who may record one).',
    args: { input: t.arg({ type: UpdateAssessmentInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(updateSchema, args.input);
      const current = await ctx.prisma.partnershipAssessment.findFirst({
        where: { id: input.assessmentId, AND: [assessmentWhere(ctx.viewer)] },
        select: { id: true, partnershipId: true },
      });
      if (!current) throw notFound('Assessment', 'input.assessmentId');
      await requireRoleIn(ctx, current.partnershipId, ASSESSMENT_RECORDERS, 'input.assessmentId');
      await ctx.prisma.$transaction(async (tx) => {
        const { count } = await tx.partnershipAssessment.updateMany({
          where: { id: current.id, version: input.expectedVersion },
          data: {
            version: { increment: 1 },
            ...(input.assessedOn ? { assessedOn: input.assessedOn } : {}),
            ...(input.actionPlan !== undefined ? { actionPlan: input.actionPlan } : {}),
          },
        });
        if (count === 0) throw staleVersion('assessment');
        if (input.scores) {
          await tx.partnershipAssessmentScore.deleteMany({ where: { assessmentId: current.id } });
          await tx.partnershipAssessmentScore.createMany({
            data: input.scores.map((s) => ({ assessmentId: current.id, element: s.element, score: s.score, comment: s.comment ?? null })),
          });
        }
      });
      return { assessmentId: current.id };
    },
  }),
);
