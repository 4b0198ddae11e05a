import { z } from 'zod';
import { ACTIVITY_LOGGERS, activityWhere } from '../../auth/policy.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { type Args, builder } from '../../builder.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { ActivityLocation } from '../../generated/prisma/enums.ts';
import { globalId, parseInput, searchText } from '../../validation.ts';
import { ActivityLocationEnum } from '../enums.ts';
import { defineOrder, range } from '../ordering.ts';
import { pilotFilterFields, pilotFilterRules, pilotWhere } from '../../plugins/fields.ts';
import { activityKinds } from './kinds.ts';

export const ActivityKindEnum = builder.enumType('ActivityKind', {
  description: 'What kind of activity it was. City plugins can add kinds.',
  values: Object.fromEntries(activityKinds().map((k) => [k.kind, { description: k.description }])),
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
    ...pilotFilterFields(t, 'Activity'),
  }),
});

export const ActivityOrder = defineOrder(
  'ActivityOrder',
  { STARTS_AT: 'startsAt', DURATION: 'durationMinutes', CREATED_AT: 'createdAt' },
  { field: 'STARTS_AT', direction: 'DESC' },
);

const activityFilterSchema = z
  .object({
    partnershipId: globalId('Partnership').nullish(),
    kind: z
      .array(z.string().refine((k) => activityKinds().some((d) => d.kind === k), { message: 'unknown activity kind' }))
      .max(20)
      .nullish(),
    location: z.array(z.enum(ActivityLocation)).max(10).nullish(),
    facilitatorId: globalId('Person').nullish(),
    theme: searchText(60).nullish(),
    startsAfter: z.date().nullish(),
    startsBefore: z.date().nullish(),
    ...pilotFilterRules('Activity'),
  })
  .nullish();


/** Whether an activity is about one young person (individual guidance): its themes are content. */
export const aboutOneYoungPerson = (a: { kind: string; youthId: string | null }) => a.kind === 'INDIVIDUAL_GUIDANCE' || a.youthId !== null;

/**
 * A theme filter reads the themes of every activity it tests: for those who do not log activities
 * in a partnership, it skips that partnership's activities about one young person.
 */
function themesReadable(viewer: Viewer): Prisma.ActivityWhereInput {
  if (viewer.isAdmin) return {};
  return { OR: [{ partnershipId: { in: viewer.partnershipIds(ACTIVITY_LOGGERS) } }, { kind: { not: 'INDIVIDUAL_GUIDANCE' }, youthId: null }] };
}

/** `where` and `orderBy` for an activity list: the access rules AND the filter. Latest first by default. */
export function activityListQuery(viewer: Viewer, rawFilter: unknown, order?: Parameters<typeof ActivityOrder.orderBy>[0]) {
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
        startsAt: range(f.startsAfter, f.startsBefore),
      },
      f.theme ? themesReadable(viewer) : {},
      ...pilotWhere('Activity', f),
    ],
  };
  return { where, scope: activityWhere(viewer), orderBy: ActivityOrder.orderBy(order) as Prisma.ActivityOrderByWithRelationInput[] };
}

/** The `filter` and `orderBy` arguments shared by every activity list. */
export const activityListArgs = (t: Args) => ({
  filter: t.arg({ type: ActivityFilter, description: 'Only the items matching every field given (fields left out do not filter).' }),
  orderBy: t.arg({ type: ActivityOrder.Input, description: 'The order of the list (the default is stated on the list); ties are broken by ID, so pages are stable.' }),
});
