import { z } from 'zod';
import { ACTIVITY_LOGGERS, signalWhere } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import { badInput, type InputIssue } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { ActivityLocation } from '../../generated/prisma/enums.ts';
import { globalId, parseInput, text } from '../../validation.ts';
import { ActivityLocationEnum } from '../enums.ts';
import { requireRoleIn } from '../guards.ts';
import { ActivityKindEnum } from './filters.ts';
import { activityKinds, kindByName } from './kinds.ts';
import { ActivityRef } from './object.ts';

const DetailsInputs = {
  informationSession: builder.inputType('InformationSessionDetailsInput', {
    fields: (t) => ({ topic: t.string(), audience: t.string({ description: 'e.g. "leerjaar 2", "ouders".' }) }),
  }),
  homeworkHelp: builder.inputType('HomeworkHelpDetailsInput', {
    fields: (t) => ({ attendeeCount: t.int(), subjects: t.stringList() }),
  }),
  breakConversation: builder.inputType('BreakConversationDetailsInput', {
    fields: (t) => ({ youngPeopleSpokenTo: t.int() }),
  }),
  individualGuidance: builder.inputType('IndividualGuidanceDetailsInput', {
    fields: (t) => ({ youthId: t.id({ description: 'The young person guided (a Youth ID).' }) }),
  }),
  consultation: builder.inputType('ConsultationDetailsInput', {
    fields: (t) => ({
      planned: t.boolean({ description: 'Part of the agreed rhythm (true) or ad hoc (false).' }),
      attendeeIds: t.idList({ description: 'People who attended (with a role in the partnership).' }),
      signalIds: t.idList({ description: 'Signals of this partnership that were discussed.' }),
    }),
  }),
};

const LogActivityInput = builder.inputType('LogActivityInput', {
  description:
    'Only partnershipId, kind, startsAt and durationMinutes are required, so a break conversation can be logged in a few taps.',
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    kind: t.field({ type: ActivityKindEnum, required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    durationMinutes: t.int({ required: true, description: '1–1440.' }),
    participantCount: t.int({ description: 'Number of young people taking part (0–10000).' }),
    location: t.field({ type: ActivityLocationEnum }),
    locationNote: t.string(),
    facilitatorIds: t.idList({ description: 'People who ran it; defaults to you.' }),
    themes: t.stringList({ description: 'Up to 20 themes, e.g. pesten, online veiligheid.' }),
    notes: t.string({ description: 'Max 2000 characters; no names of young people.' }),
    informationSession: t.field({ type: DetailsInputs.informationSession }),
    homeworkHelp: t.field({ type: DetailsInputs.homeworkHelp }),
    breakConversation: t.field({ type: DetailsInputs.breakConversation }),
    individualGuidance: t.field({ type: DetailsInputs.individualGuidance }),
    consultation: t.field({ type: DetailsInputs.consultation }),
  }),
});

const MAX_DAYS_AHEAD = 31;

const logActivitySchema = z
  .object({
    partnershipId: globalId('Partnership'),
    kind: z.string().refine((k) => !!kindByName(k), { message: 'unknown activity kind', params: { rule: 'enum' } }),
    startsAt: z
      .date()
      .refine((d) => d.getTime() <= Date.now() + MAX_DAYS_AHEAD * 86_400_000, {
        message: `must not be more than ${MAX_DAYS_AHEAD} days ahead`,
        params: { rule: 'max' },
      })
      .refine((d) => d.getUTCFullYear() >= 2000, { message: 'must not be before 2000', params: { rule: 'min' } }),
    durationMinutes: z.number().int().min(1).max(1440),
    participantCount: z.number().int().min(0).max(10_000).nullish(),
    location: z.enum(ActivityLocation).nullish(),
    locationNote: text(200).nullish(),
    facilitatorIds: z.array(globalId('Person')).max(20).nullish(),
    themes: z.array(text(60)).max(20).nullish(),
    notes: z.string().trim().max(2000).nullish(),
    ...Object.fromEntries(activityKinds.map((k) => [k.inputField, k.details.nullish()])),
  })
  .superRefine((v, ctx) => {
    for (const k of activityKinds) {
      if (k.kind !== v.kind && (v as Record<string, unknown>)[k.inputField] != null) {
        ctx.addIssue({
          code: 'custom',
          path: [k.inputField],
          message: `only applies to ${k.kind} activities, not ${v.kind}`,
          params: { rule: 'kindMismatch' },
        });
      }
    }
  });

const LogActivityPayload = builder.objectRef<{ activityId: string }>('LogActivityPayload').implement({
  fields: (t) => ({
    activity: t.prismaField({
      type: ActivityRef,
      nullable: true,
      resolve: (query, p, _args, ctx) => ctx.prisma.activity.findUnique({ ...query, where: { id: p.activityId } }),
    }),
  }),
});

builder.mutationField('logActivity', (t) =>
  t.field({
    type: LogActivityPayload,
    description: 'Logs an activity in one of your partnerships.',
    args: { input: t.arg({ type: LogActivityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(logActivitySchema, args.input);
      const partnership = await requireRoleIn(ctx, input.partnershipId, ACTIVITY_LOGGERS, 'input.partnershipId');
      const kind = kindByName(input.kind)!;
      const raw = ((input as Record<string, unknown>)[kind.inputField] ?? {}) as Record<string, unknown>;
      const { youthId, attendeeIds, signalIds, ...details } = raw as {
        youthId?: string | null;
        attendeeIds?: string[] | null;
        signalIds?: string[] | null;
      } & Record<string, unknown>;

      const facilitatorIds = [...new Set(input.facilitatorIds?.length ? input.facilitatorIds : [ctx.viewer.personId!])];
      const attendees = [...new Set(attendeeIds ?? [])];
      const signals = [...new Set(signalIds ?? [])];
      const issues: InputIssue[] = [];

      // References must belong to this partnership; checked in one query each.
      const people = [...new Set([...facilitatorIds, ...attendees])];
      const members = new Set(
        (
          await ctx.prisma.person.findMany({
            where: { id: { in: people }, OR: [{ roleAssignments: { some: { partnershipId: partnership.id } } }, { roleAssignments: { some: { role: 'ADMIN' } } }] },
            select: { id: true },
          })
        ).map((p) => p.id),
      );
      // Issues point at the position in the input as given (before de-duplication).
      (input.facilitatorIds ?? []).forEach((id, i) => {
        if (!members.has(id)) issues.push({ field: `input.facilitatorIds.${i}`, rule: 'memberOfPartnership', message: 'must be a person with a role in this partnership' });
      });
      (attendeeIds ?? []).forEach((id, i) => {
        if (!members.has(id)) issues.push({ field: `input.consultation.attendeeIds.${i}`, rule: 'memberOfPartnership', message: 'must be a person with a role in this partnership' });
      });
      if (signals.length) {
        const found = new Set(
          (
            await ctx.prisma.signal.findMany({
              where: { id: { in: signals }, partnershipId: partnership.id, AND: [signalWhere(ctx.viewer)] },
              select: { id: true },
            })
          ).map((s) => s.id),
        );
        (signalIds ?? []).forEach((id, i) => {
          if (!found.has(id)) issues.push({ field: `input.consultation.signalIds.${i}`, rule: 'signalOfPartnership', message: 'must be a signal of this partnership that you may see' });
        });
      }
      if (youthId) {
        const youth = await ctx.prisma.youth.findUnique({ where: { id: youthId }, select: { schoolId: true } });
        if (youth?.schoolId !== partnership.schoolId) {
          issues.push({ field: 'input.individualGuidance.youthId', rule: 'youthOfSchool', message: "must be a youth of the partnership's school" });
        }
      }
      if (issues.length) throw badInput(issues);

      const activity = await ctx.prisma.activity.create({
        data: {
          partnershipId: partnership.id,
          kind: kind.kind,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          participantCount: input.participantCount ?? null,
          location: input.location ?? null,
          locationNote: input.locationNote ?? null,
          themes: input.themes ?? [],
          notes: input.notes || null,
          details: Object.fromEntries(Object.entries(details).filter(([, v]) => v != null)) as Prisma.InputJsonObject,
          youthId: youthId ?? null,
          loggedById: ctx.viewer.personId,
          facilitators: { create: facilitatorIds.map((personId) => ({ personId })) },
          attendees: { create: attendees.map((personId) => ({ personId })) },
          signalsDiscussed: { create: signals.map((signalId) => ({ signalId })) },
        },
        select: { id: true, partnershipId: true },
      });
      ctx.pubsub.publish('activityLogged', { id: activity.id, partnershipId: activity.partnershipId });
      return { activityId: activity.id };
    },
  }),
);
