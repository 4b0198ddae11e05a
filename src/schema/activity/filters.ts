import { z } from 'zod';
import { activityWhere } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { type Args, builder } from '../../builder.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { ActivityLocation } from '../../generated/prisma/enums.ts';
import { globalId, parseInput } from '../../validation.ts';
import { ActivityLocationEnum, OrderDirection } from '../enums.ts';
import { activityKinds } from './kinds.ts';

export const ActivityKindEnum = builder.enumType('ActivityKind', {
  description: 'What kind of activity it was. City plugins can add kinds.',
  values: Object.fromEntries(activityKinds.map((k) => [k.kind, { description: k.description }])),
});

export const ActivityFilter = builder.inputType('ActivityFilter', {
  description: 'All given conditions must hold; a list matches any of its values.',
  fields: (t) => ({
    partnershipId: t.id(),
    kind: t.field({ type: [ActivityKindEnum] }),
    location: t.field({ type: [ActivityLocationEnum] }),
    facilitatorId: t.id({ description: 'Only activities this person facilitated.' }),
    theme: t.string({ description: 'Only activities with this theme.' }),
    startsAfter: t.field({ type: 'DateTime', description: 'Starting at or after this instant.' }),
    startsBefore: t.field({ type: 'DateTime', description: 'Starting before this instant.' }),
  }),
});

const ActivityOrderField = builder.enumType('ActivityOrderField', { values: ['STARTS_AT', 'DURATION', 'CREATED_AT'] as const });
export const ActivityOrder = builder.inputType('ActivityOrder', {
  fields: (t) => ({
    field: t.field({ type: ActivityOrderField, required: true }),
    direction: t.field({ type: OrderDirection, defaultValue: 'DESC' }),
  }),
});

const activityFilterSchema = z
  .object({
    partnershipId: globalId('Partnership').nullish(),
    kind: z
      .array(z.string().refine((k) => activityKinds.some((d) => d.kind === k), { message: 'unknown activity kind' }))
      .max(20)
      .nullish(),
    location: z.array(z.enum(ActivityLocation)).max(10).nullish(),
    facilitatorId: globalId('Person').nullish(),
    theme: z.string().max(60).nullish(),
    startsAfter: z.date().nullish(),
    startsBefore: z.date().nullish(),
  })
  .nullish();

type OrderInput = { field: 'STARTS_AT' | 'DURATION' | 'CREATED_AT'; direction?: 'ASC' | 'DESC' | null } | null | undefined;
const ORDER_COLUMNS = { STARTS_AT: 'startsAt', DURATION: 'durationMinutes', CREATED_AT: 'createdAt' } as const;

/** `where` and `orderBy` for an activity list: the access rules AND the filter. Latest first by default. */
export function activityListQuery(viewer: Viewer, rawFilter: unknown, order?: OrderInput) {
  const f = parseInput(activityFilterSchema, rawFilter, 'filter') ?? {};
  const where: Prisma.ActivityWhereInput = {
    AND: [
      activityWhere(viewer),
      {
        ...(f.partnershipId ? { partnershipId: f.partnershipId } : {}),
        ...(f.kind?.length ? { kind: { in: f.kind } } : {}),
        ...(f.location?.length ? { location: { in: f.location } } : {}),
        ...(f.facilitatorId ? { facilitators: { some: { personId: f.facilitatorId } } } : {}),
        ...(f.theme ? { themes: { has: f.theme } } : {}),
        ...(f.startsAfter || f.startsBefore
          ? { startsAt: { ...(f.startsAfter ? { gte: f.startsAfter } : {}), ...(f.startsBefore ? { lt: f.startsBefore } : {}) } }
          : {}),
      },
    ],
  };
  const direction = order?.direction === 'ASC' ? 'asc' : 'desc';
  const orderBy: Prisma.ActivityOrderByWithRelationInput[] = [{ [ORDER_COLUMNS[order?.field ?? 'STARTS_AT']]: direction }, { id: direction }];
  return { where, orderBy };
}

/** The `filter` and `orderBy` arguments shared by every activity list. */
export const activityListArgs = (t: Args) => ({
  filter: t.arg({ type: ActivityFilter }),
  orderBy: t.arg({ type: ActivityOrder }),
});
