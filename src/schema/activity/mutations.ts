import { z } from 'zod';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { isDeepStrictEqual } from 'node:util';
import type { GraphQLResolveInfo } from 'graphql';
import { ACTIVITY_LOGGERS, activityWhere, canReadActivity, sideIn } from '../../auth/policy.ts';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { badInput, notFound, staleVersion } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { pilotCityName, pilotValuesToStore } from '../../plugins/fields.ts';
import { globalId, parseInput } from '../../validation.ts';
import { requireRoleIn, written } from '../guards.ts';
import { ActivityKindEnum } from './filters.ts';
import { activityFieldRules, activityInputFields, checkActivityReferences, kindMismatches, splitDetails } from './inputs.ts';
import { activityTypeNames, kindByName } from './kinds.ts';
import { ActivityRef } from './object.ts';

/**
 * A payload's activity: re-read through the rules, unless the mutation returned the row it wrote
 * (`written`), selected with what this field selects (`payloadSelect`), for a viewer the in-memory
 * rule (`canReadActivity`) lets read it.
 */
const activityPayload = (name: string) =>
  builder.objectRef<{ activityId: string; written?: { row: unknown; select: Prisma.ActivitySelect } }>(name).implement({
    fields: (t) => ({
      activity: t.prismaField({
        type: ActivityRef,
        resolve: (query, p, _args, ctx) =>
          p.written && isDeepStrictEqual(p.written.select, query.select)
            ? (p.written.row as never)
            : written('Activity', ctx.prisma.activity.findFirst({ ...query, where: { id: p.activityId, AND: [activityWhere(ctx.viewer)] } })),
      }),
    }),
  });

/**
 * What the payload's `activity` will select, for a write to return the row it wrote instead of a
 * re-read: when it selects columns only. With relations Prisma would wrap the INSERT in a
 * transaction with a read of them (BEGIN, INSERT, SELECT, COMMIT): the write returns its ID and
 * the payload re-reads (INSERT … RETURNING, SELECT), one round trip fewer.
 */
const payloadSelect = (ctx: Context, info: GraphQLResolveInfo) => {
  const { select } = queryFromInfo({ context: ctx, info, path: ['activity'] }) as { select: Prisma.ActivitySelect };
  const columnsOnly = Object.values(select).every((v) => v === true || v === false || v === undefined);
  return { select: { ...(columnsOnly ? select : {}), id: true, partnershipId: true } as const, columnsOnly };
};

// --- logActivity ---

const LogActivityInput = builder.inputType('LogActivityInput', {
  description:
    'Only partnershipId, kind, startsAt and durationMinutes are required, so a break conversation can be logged in a few taps.',
  fields: (t) => ({
    partnershipId: t.id({ required: true }),
    kind: t.field({ type: ActivityKindEnum, required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    durationMinutes: t.int({ required: true, description: '1–1440.' }),
    ...activityInputFields(t),
  }),
});

const logActivitySchema = z
  .object({
    partnershipId: globalId('Partnership'),
    kind: z.string().refine((k) => !!kindByName(k), { message: 'unknown activity kind', params: { rule: 'enum' } }),
    ...activityFieldRules,
  })
  .superRefine((v, ctx) => {
    for (const issue of kindMismatches(v, v.kind)) {
      ctx.addIssue({ code: 'custom', path: [issue.field.slice('input.'.length)], message: issue.message, params: { rule: issue.rule } });
    }
  });

builder.mutationField('logActivity', (t) =>
  t.field({
    type: activityPayload('LogActivityPayload'),
    description: 'Logs an activity in one of your partnerships.',
    args: { input: t.arg({ type: LogActivityInput, required: true }) },
    resolve: async (_root, args, ctx, info) => {
      const input = parseInput(logActivitySchema, args.input);
      const partnership = await requireRoleIn(ctx, input.partnershipId, ACTIVITY_LOGGERS, 'input.partnershipId');
      const kind = kindByName(input.kind)!;
      const cityName = await pilotCityName(ctx, 'Activity', `partnership:${partnership.id}`);
      if (kind.plugin && !kind.plugin.loaded.cities.has(cityName)) {
        throw badInput([{ field: 'input.kind', rule: 'cityScope', message: `${kind.kind} activities are only logged in ${[...kind.plugin.loaded.cities].join(', ')}` }]);
      }
      // Details not given are checked as empty (a plugin kind may require some, or have defaults).
      const givenDetails = (input as Record<string, unknown>)[kind.inputField] ?? parseInput(kind.details, {}, `input.${kind.inputField}`);
      const { details, youthId, attendeeIds, signalIds } = splitDetails(givenDetails as Record<string, unknown>);
      const pilotData = pilotValuesToStore('Activity', input, { cityName, kind: kind.kind });
      // By default you ran it yourself; an admin without a role in the partnership names the facilitators.
      const facilitatorIds = input.facilitatorIds ?? (sideIn(ctx.viewer, partnership.id) ? [ctx.viewer.personId!] : []);
      const issues = await checkActivityReferences(ctx, partnership, { facilitatorIds: input.facilitatorIds, attendeeIds, signalIds, youthId });
      if (issues.length) throw badInput(issues);

      const { select, columnsOnly } = payloadSelect(ctx, info);
      // One nested write: the activity and its relations commit together or not at all.
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
          details,
          pilotData,
          youthId: youthId ?? null,
          loggedById: ctx.viewer.personId,
          // Only the relations there are: without any, the write is one INSERT … RETURNING (no
          // transaction around it, no re-read).
          ...nested('facilitators', unique(facilitatorIds).map((personId) => ({ personId }))),
          ...nested('attendees', unique(attendeeIds ?? []).map((personId) => ({ personId }))),
          ...nested('signalsDiscussed', unique(signalIds ?? []).map((signalId) => ({ signalId }))),
        },
        // With the payload's columns: the row written is the payload (no re-read) when the rules let
        // the viewer read it, as they do whoever may log an activity in the partnership.
        select,
      });
      ctx.pubsub.publish('activityLogged', { id: activity.id, partnershipId: activity.partnershipId, kind: kind.kind });
      const readable = columnsOnly && canReadActivity(ctx.viewer, { id: activity.id, partnershipId: activity.partnershipId, cityId: partnership.cityId });
      return { activityId: activity.id, written: readable ? { row: activity, select } : undefined };
    },
  }),
);

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];
const nested = <K extends string, T>(relation: K, rows: T[]) => (rows.length ? { [relation]: { create: rows } } : {}) as { [k in K]?: { create: T[] } };

/** Loads an activity the viewer may change, or throws NOT_FOUND / FORBIDDEN. */
async function requireEditableActivity(ctx: Context, activityId: string) {
  const activity = await ctx.prisma.activity.findFirst({
    where: { id: activityId, AND: [activityWhere(ctx.viewer)] },
    select: { id: true, kind: true, partnershipId: true, version: true, pilotData: true },
  });
  if (!activity) throw notFound('Activity', 'input.activityId');
  const partnership = await requireRoleIn(ctx, activity.partnershipId, ACTIVITY_LOGGERS, 'input.activityId');
  return { activity, partnership };
}


// --- updateActivity ---

const UpdateActivityInput = builder.inputType('UpdateActivityInput', {
  description:
    'Corrects a logged activity. Fields left out keep their value; `null` clears an optional one. Kind-specific details, ' +
    'when given, replace the old ones. The kind itself cannot change: delete the activity and log it again.',
  fields: (t) => ({
    activityId: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
    startsAt: t.field({ type: 'DateTime' }),
    durationMinutes: t.int({ description: '1–1440.' }),
    ...activityInputFields(t),
  }),
});

const NOT_NULL = ['startsAt', 'durationMinutes', 'facilitatorIds', 'themes'] as const;

const updateActivitySchema = z
  .object({
    activityId: globalId(...activityTypeNames()),
    expectedVersion: z.number().int().min(1),
    ...activityFieldRules,
    startsAt: activityFieldRules.startsAt.nullish(),
    durationMinutes: activityFieldRules.durationMinutes.nullish(),
  })
  .superRefine((v, ctx) => {
    for (const field of NOT_NULL) {
      if (v[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be cleared', params: { rule: 'notNull' } });
    }
  });

builder.mutationField('updateActivity', (t) =>
  t.field({
    type: activityPayload('UpdateActivityPayload'),
    description: 'Corrects an activity in one of your partnerships.',
    args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(updateActivitySchema, args.input);
      const { activity, partnership } = await requireEditableActivity(ctx, input.activityId);
      const kind = kindByName(activity.kind)!;
      const mismatches = kindMismatches(input, activity.kind);
      if (mismatches.length) throw badInput(mismatches);
      if (activity.version !== input.expectedVersion) throw staleVersion('activity');

      const rawDetails = (input as Record<string, unknown>)[kind.inputField] as Record<string, unknown> | null | undefined;
      const split = rawDetails === undefined ? undefined : splitDetails(rawDetails ?? {});
      const issues = await checkActivityReferences(ctx, partnership, {
        facilitatorIds: input.facilitatorIds,
        attendeeIds: split?.attendeeIds,
        signalIds: split?.signalIds,
        youthId: split?.youthId,
      });
      if (issues.length) throw badInput(issues);
      const cityName = await pilotCityName(ctx, 'Activity', `partnership:${partnership.id}`);
      const pilotData = pilotValuesToStore('Activity', input, { cityName, kind: activity.kind, current: activity.pilotData });

      // pilotData was read with the version checked below: a concurrent change makes this update lose.
      const data: Prisma.ActivityUncheckedUpdateManyInput = { version: { increment: 1 }, pilotData };
      if (input.startsAt) data.startsAt = input.startsAt;
      if (input.durationMinutes) data.durationMinutes = input.durationMinutes;
      if (input.participantCount !== undefined) data.participantCount = input.participantCount;
      if (input.location !== undefined) data.location = input.location;
      if (input.locationNote !== undefined) data.locationNote = input.locationNote;
      if (input.themes) data.themes = input.themes;
      if (input.notes !== undefined) data.notes = input.notes || null;
      if (split) {
        data.details = split.details;
        data.youthId = split.youthId ?? null;
      }
      await ctx.prisma.$transaction(async (tx) => {
        // The version in the WHERE makes a concurrent edit lose cleanly instead of overwriting.
        const { count } = await tx.activity.updateMany({ where: { id: activity.id, version: input.expectedVersion }, data });
        if (count === 0) throw staleVersion('activity');
        if (input.facilitatorIds) {
          await tx.activityFacilitator.deleteMany({ where: { activityId: activity.id } });
          await tx.activityFacilitator.createMany({ data: unique(input.facilitatorIds).map((personId) => ({ activityId: activity.id, personId })) });
        }
        if (split) {
          await tx.activityAttendee.deleteMany({ where: { activityId: activity.id } });
          await tx.activityAttendee.createMany({ data: unique(split.attendeeIds ?? []).map((personId) => ({ activityId: activity.id, personId })) });
          await tx.activitySignal.deleteMany({ where: { activityId: activity.id } });
          await tx.activitySignal.createMany({ data: unique(split.signalIds ?? []).map((signalId) => ({ activityId: activity.id, signalId })) });
        }
      });
      ctx.pubsub.publish('activityChanged', { id: activity.id, partnershipId: activity.partnershipId, kind: activity.kind });
      return { activityId: activity.id };
    },
  }),
);

// --- deleteActivity ---

const DeleteActivityInput = builder.inputType('DeleteActivityInput', {
  fields: (t) => ({
    activityId: t.id({ required: true }),
    expectedVersion: t.int({ required: true, description: 'The `version` you last read; a stale one is a CONFLICT.' }),
  }),
});

const DeleteActivityPayload = builder.objectRef<{ deletedActivityId: string }>('DeleteActivityPayload').implement({
  fields: (t) => ({ deletedActivityId: t.exposeID('deletedActivityId') }),
});

builder.mutationField('deleteActivity', (t) =>
  t.field({
    type: DeleteActivityPayload,
    description: 'Deletes an activity logged by mistake, in one of your partnerships.',
    args: { input: t.arg({ type: DeleteActivityInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const input = parseInput(
        z.object({ activityId: globalId(...activityTypeNames()), expectedVersion: z.number().int().min(1) }),
        args.input,
      );
      const { activity } = await requireEditableActivity(ctx, input.activityId);
      const { count } = await ctx.prisma.activity.deleteMany({ where: { id: activity.id, version: input.expectedVersion } });
      if (count === 0) throw staleVersion('activity');
      ctx.pubsub.publish('activityChanged', { id: activity.id, partnershipId: activity.partnershipId, kind: activity.kind });
      return { deletedActivityId: args.input.activityId };
    },
  }),
);
